"""Dates that follow tense and house style (issue 14): each example of the issue, with its exact value."""

from __future__ import annotations

import pytest
from test_dates import normalise

from reader.analysis.dates import normalise_dates
from reader.analysis.model import DateMention
from reader.analysis.temporals import correct_temporals


def dated(text: str, published: str, *phrases: str | tuple[str, str]) -> list[DateMention]:
    return normalise(text, *phrases, published=published)


def value(text: str, published: str, phrase: str | tuple[str, str]) -> tuple[str | None, str]:
    (mention,) = dated(text, published, phrase)
    return mention.value, mention.grain


@pytest.mark.parametrize(
    ("text", "published", "phrase", "expected"),
    [
        # Future clauses take the next occurrence.
        ("The council will vote on Friday.", "2024-03-13", "Friday", ("2024-03-15", "day")),
        ("The council voted on Friday.", "2024-03-13", "Friday", ("2024-03-08", "day")),
        ("The regulator will publish its report in April.", "2024-03-01", "April", ("2024-04", "month")),
        ("The vote will be held on 28 November.", "2023-11-14", "28 November", ("2023-11-28", "day")),
        (
            "Farrant is expected to launch her bid on Thursday.",
            "2024-06-11",
            "Thursday",
            ("2024-06-13", "day"),
        ),
        # "when" takes the tense of its main clause.
        (
            "Ashdale will table an amendment when the Commons votes on Friday.",
            "2024-03-13",
            "Friday",
            ("2024-03-15", "day"),
        ),
        # House-style expressions.
        (
            "The harbour was closed on Tuesday of last week.",
            "2024-10-09",
            "Tuesday of last week",
            ("2024-10-01", "day"),
        ),
        (
            "The contract was signed on the 1st of last month.",
            "2024-10-09",
            "the 1st of last month",
            ("2024-09-01", "day"),
        ),
        ("Relations were warmer in the 1990s.", "2024-10-09", "the 1990s", ("1990s", "decade")),
        ("Profits rose in the third quarter.", "2024-10-09", "the third quarter", ("2024-Q3", "quarter")),
        ("Profits rose in Q3 2024.", "2025-02-01", "Q3 2024", ("2024-Q3", "quarter")),
        ("Its fourth-quarter profit rose.", "2025-01-08", "fourth-quarter", ("2024-Q4", "quarter")),
        (
            "Output grew in the first half of 2025.",
            "2025-09-01",
            "the first half of 2025",
            ("2025-H1", "half"),
        ),
        ("It was the summer of 2023.", "2024-09-27", "the summer of 2023", ("2023-SU", "season")),
        ("Shifts were cut earlier this month.", "2024-06-20", "earlier this month", ("2024-06", "month")),
        (
            "Aid was promised before the end of the month.",
            "2024-02-12",
            "the end of the month",
            ("2024-02", "month"),
        ),
        ("Protesters would march on Republic Day.", "2025-01-15", "Republic Day", ("2025-01-26", "day")),
        ("Hearings will follow Labor Day.", "2024-08-20", "Labor Day", ("2024-09-02", "day")),
    ],
)
def test_house_style_and_tense(text: str, published: str, phrase: str, expected: tuple[str, str]) -> None:
    assert value(text, published, phrase) == expected


def test_a_year_in_another_clause_does_not_leak() -> None:
    text = "Since the survey began in 2011, results came each year; the next will be published in October."
    survey, october = dated(text, "2023-11-14", "2011", "October")
    assert (survey.value, survey.grain) == ("2011", "year")
    assert (october.value, october.grain) == ("2024-10", "month")


def test_live_blog_times_take_the_day_and_keep_their_zone() -> None:
    text = "14:05 BST — The chancellor arrived.\n14:20 BST — She said the figures come at 16:00."
    first, second, third = dated(
        text, "2024-06-11", ("14:05 BST", "TIME"), ("14:20 BST", "TIME"), ("16:00", "TIME")
    )
    assert first.value == "2024-06-11T14:05+01:00"
    assert second.value == "2024-06-11T14:20+01:00"
    assert third.value == "2024-06-11T16:00+01:00"  # no zone of its own: the blog's


def test_a_time_without_any_zone_stays_without_one() -> None:
    assert value("She had queued since 6am.", "2024-06-20", ("6am", "TIME")) == ("2024-06-20T06:00", "time")


def test_a_us_zone() -> None:
    text = "Peña-Castillo spoke at 8 p.m. EDT on Thursday."
    assert value(text, "2024-06-14", ("8 p.m. EDT on Thursday", "TIME")) == ("2024-06-13T20:00-04:00", "time")


def spans(text: str, *phrases: tuple[str, str]) -> tuple[list[str], list[str]]:
    mentions = []
    for words, label in phrases:
        start = text.index(words)
        mentions.append((start, start + len(words), label))
    temporals, numbers = correct_temporals(text, mentions)
    return [text[s:e] for s, e, _ in temporals], [text[s:e] for s, e, _ in numbers]


def test_ages_are_not_dates() -> None:
    text = "Joana Reis, 34, said a 72-year-old neighbour, who turned 22 last month, helped."
    found, numbers = spans(text, ("34", "DATE"), ("72-year-old", "DATE"), ("22 last month", "DATE"))
    assert found == ["last month"]
    assert numbers == ["34", "72-year-old"]


def test_programme_names_are_not_dates() -> None:
    text = "Farrant told BBC Radio 4's Today programme and CBS's 60 Minutes that she was ready today."
    found, _ = spans(text, ("Today", "DATE"), ("60 Minutes", "TIME"), ("today", "DATE"))
    assert found == ["today"]


def test_date_spans_carry_no_trailing_punctuation() -> None:
    text = "The park will reopen next spring, officials said."
    found, _ = spans(text, ("next spring,", "DATE"))
    assert found == ["next spring"]
    assert value(text, "2023-11-14", "next spring") == ("2024-SP", "season")


def test_clock_zones_join_the_span_and_missed_times_and_named_days_are_found() -> None:
    text = "14:20 BST — She said the budget comes before Prinsjesdag, at 16:00 (the model saw none)."
    found, _ = spans(text, ("16:00", "TIME"))
    assert found == ["14:20 BST", "Prinsjesdag", "16:00"]


def test_between_two_years_is_two_years() -> None:
    text = "Sales doubled between 2019 and 2021."
    found, _ = spans(text, ("between 2019 and 2021", "DATE"))
    assert found == ["2019", "2021"]


@pytest.mark.parametrize(
    ("sentence", "month", "value"),
    [
        # The drought sample (published 2025-08-22): a modal of possibility and a forecast are future.
        ("She warned that without an agreement the reservoir could fall below 20 percent by October.",
         "October", "2025-10"),
        ("The weather service said on Thursday that it expected below-average rain until at least December.",
         "December", "2025-12"),
        # Past tense keeps the latest occurrence on or before publication; "May" is a month, not a modal.
        ("The dam failed in October.", "October", "2024-10"),
        ("Officials met in May and again in October.", "October", "2024-10"),
    ],
)
def test_modals_and_forecasts_put_a_yearless_month_ahead(sentence: str, month: str, value: str) -> None:
    start = sentence.rindex(month)
    (mention,) = normalise_dates([(start, start + len(month), "DATE")], sentence, "2025-08-22")
    assert mention.value == value
