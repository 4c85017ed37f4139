"""Dates as people write them, for every grain, and in the reader's status line."""

from __future__ import annotations

from dataclasses import replace

import pytest
from tui_sample import sample_analysis, sample_article

from reader.analysis.model import DateMention
from reader.tui.app import BylineApp
from reader.tui.date_words import date_location, readable_date


@pytest.mark.parametrize(
    ("value", "grain", "words"),
    [
        ("2024-08-06", "day", "6 August 2024"),
        ("--08-06", "day", "6 August (year not stated)"),
        ("2024-W33", "week", "week 33 of 2024"),
        ("2022-02", "month", "February 2022"),
        ("--02", "month", "February (year not stated)"),
        ("2024-Q3", "quarter", "third quarter of 2024 (July to September)"),
        ("2024-Q1", "quarter", "first quarter of 2024 (January to March)"),
        ("2025-H1", "half", "first half of 2025"),
        ("2025-H2", "half", "second half of 2025"),
        ("2023-SU", "season", "summer 2023"),
        ("2023-FA", "season", "autumn 2023"),
        ("2023-WI", "season", "winter 2023"),
        ("2023-SP", "season", "spring 2023"),
        ("2024", "year", "the year 2024"),
        ("1990s", "decade", "the 1990s"),
        ("2024-06-11T14:05+01:00", "time", "14:05 (UTC+01:00) on 11 June 2024"),
        ("2024-06-11T14:05", "time", "14:05 on 11 June 2024"),
        ("2024-06-11T09:30Z", "time", "09:30 UTC on 11 June 2024"),
        ("T10:00", "time", "10:00 (day not stated)"),
        ("T10:00-05:00", "time", "10:00 (UTC-05:00) (day not stated)"),
        (None, "duration", "a stretch of time, not a date"),
        (None, "relative", "not pinned to a date"),
        (None, "day", "no exact date"),
    ],
)
def test_every_grain_reads_as_people_write_it(value: str | None, grain: str, words: str) -> None:
    assert readable_date(value, grain) == words


def test_a_value_of_another_shape_is_shown_as_it_is() -> None:
    assert readable_date("2024-13-40", "day") == "2024-13-40"
    assert readable_date("sometime", "month") == "sometime"


def test_the_iso_value_stands_beside_the_words_when_it_says_more() -> None:
    assert date_location("--08-06", "day") == "6 August (year not stated) · --08-06"
    assert date_location(None, "relative") == "not pinned to a date"
    assert date_location("1990s", "decade") == "the 1990s · 1990s"


async def test_the_status_line_shows_a_yearless_date_in_words() -> None:
    article = sample_article()
    analysis = sample_analysis(article)
    august = analysis.dates[0]
    assert august.text == "August 6"
    analysis = replace(analysis, dates=[DateMention(august.start, august.end, august.text, "--08-06", "day"),
                                        *analysis.dates[1:]])
    app = BylineApp(article, analysis=analysis)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("d")
        status = app.reader.status_line
        assert status.location == "Date 1/3 · August 6 → 6 August (year not stated) · --08-06"
        assert "6 August (year not stated)" in status.visible_parts()[0]
        narrow = status.visible_parts(56)[0]  # narrow: the words stay, the ISO value goes
        assert narrow == "Date 1/3 · August 6 → 6 August (year not stated) …"
