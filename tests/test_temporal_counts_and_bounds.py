"""Date spans the bundled drought sample showed wrong (newcomer report): a count of periods is no
date ("a second consecutive year of weak winter" was listed as a date with no value) and a bound is
no part of one ("at least December" is December)."""

from __future__ import annotations

import pytest

from reader.analysis.temporals import correct_temporals


def _dates(text: str) -> list[str]:
    temporals, _ = correct_temporals(text, [(0, len(text), "DATE")])
    return [text[start:end] for start, end, _ in temporals]


@pytest.mark.parametrize(
    "text", ["a second consecutive year of weak winter", "the third straight month", "the 10th year in a row"]
)
def test_a_count_of_periods_is_no_date(text: str) -> None:
    assert _dates(text) == []


@pytest.mark.parametrize(
    "text,date",
    [
        ("at least December", "December"),
        ("as early as March", "March"),
        ("no later than June 30", "June 30"),
        ("at the latest next week", "next week"),
    ],
)
def test_a_bound_is_no_part_of_the_date(text: str, date: str) -> None:
    assert _dates(text) == [date]


@pytest.mark.parametrize(
    "text", ["the first quarter", "the first quarter of 2024", "the second half", "the first week"]
)
def test_an_ordinal_period_is_still_a_date(text: str) -> None:
    assert _dates(text) == [text]
