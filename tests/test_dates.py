"""Normalising DATE and TIME mentions: explicit dates, year anchoring, relative dates, durations, times."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis.dates import normalise_dates
from reader.analysis.model import DateMention

PUBLISHED = "2024-08-15"  # a Thursday, ISO week 33


def normalise(text: str, *phrases: str | tuple[str, str], published: str | None = None) -> list[DateMention]:
    """Normalise the first occurrence of each phrase (``(phrase, label)`` for a TIME mention)."""
    mentions = []
    for phrase in phrases:
        words, label = phrase if isinstance(phrase, tuple) else (phrase, "DATE")
        start = text.index(words)
        mentions.append((start, start + len(words), label))
    return normalise_dates(mentions, text, published)


def one(text: str, phrase: str | tuple[str, str], published: str | None) -> tuple[str | None, str]:
    (mention,) = normalise(text, phrase, published=published)
    return mention.value, mention.grain


CASES = [
    # (sentence, mention, published, value, grain)
    ("Ukrainian forces crossed the border on August 6.", "August 6", PUBLISHED, "2024-08-06", "day"),
    ("Ukrainian forces crossed the border on August 6.", "August 6", None, "--08-06", "day"),
    ("The summit ended on December 20.", "December 20", PUBLISHED, "2023-12-20", "day"),
    ("The war began in February 2022.", "February 2022", PUBLISHED, "2022-02", "month"),
    ("The war began in February 2022.", "February 2022", None, "2022-02", "month"),
    ("Elections were held in 2022.", "2022", None, "2022", "year"),
    ("The decree was signed on August 6, 2024.", "August 6, 2024", None, "2024-08-06", "day"),
    ("The decree was signed on 6 August 2024.", "6 August 2024", PUBLISHED, "2024-08-06", "day"),
    ("Talks resumed on Tuesday, Aug. 13.", "Tuesday, Aug. 13", PUBLISHED, "2024-08-13", "day"),
    ("Fighting intensified in early August.", "early August", PUBLISHED, "2024-08", "month"),
    ("Fighting intensified in early August.", "early August", None, "--08", "month"),
    ("In a statement on Monday, the adviser spoke.", "Monday", PUBLISHED, "2024-08-12", "day"),
    ("In a statement on Monday, the adviser spoke.", "Monday", None, None, "relative"),
    ("The drone attack was reported on Thursday.", "Thursday", PUBLISHED, "2024-08-15", "day"),
    ("Kyiv said last Thursday that it was ready.", "last Thursday", PUBLISHED, "2024-08-08", "day"),
    ("The envoy will visit next Tuesday.", "next Tuesday", PUBLISHED, "2024-08-20", "day"),
    ("Officials confirmed the strike yesterday.", "yesterday", PUBLISHED, "2024-08-14", "day"),
    ("Officials confirmed the strike yesterday.", "yesterday", None, None, "relative"),
    ("The village fell two days ago.", "two days ago", PUBLISHED, "2024-08-13", "day"),
    ("The village fell two days ago.", "two days ago", None, None, "relative"),
    ("Troops advanced last week.", "last week", PUBLISHED, "2024-W32", "week"),
    ("Talks are expected this week.", "this week", PUBLISHED, "2024-W33", "week"),
    ("Talks are expected this week.", "this week", None, None, "relative"),
    ("Prices rose last month.", "last month", PUBLISHED, "2024-07", "month"),
    ("The plan was announced earlier this year.", "earlier this year", PUBLISHED, "2024", "year"),
    ("The operation, now in its second week, continues.", "its second week", PUBLISHED, None, "duration"),
    ("The conflict has lasted three years.", "three years", None, None, "duration"),
    ("The dispute has simmered for decades.", "decades", PUBLISHED, None, "duration"),
    ("Relations were warmer in the 1990s.", "the 1990s", PUBLISHED, "1990s", "decade"),
    ("Casualties mounted over the past week.", "the past week", PUBLISHED, None, "duration"),
    ("The budget for 2023-24 was cut.", "2023-24", PUBLISHED, None, "duration"),
    ("The 45-year-old commander was promoted.", "45-year-old", PUBLISHED, None, "duration"),
    ("The sirens sounded at 10 a.m. across the city.", ("10 a.m.", "TIME"), None, "T10:00", "time"),
    # A clock time with no day of its own is on the publication day.
    ("Sirens went off at 10:30 p.m.", ("10:30 p.m.", "TIME"), PUBLISHED, "2024-08-15T22:30", "time"),
    ("The ceasefire began at noon.", ("noon", "TIME"), PUBLISHED, "2024-08-15T12:00", "time"),
    ("Shelling resumed after midnight.", ("midnight", "TIME"), None, "T00:00", "time"),
    ("The curfew starts tonight.", ("tonight", "TIME"), PUBLISHED, "2024-08-15", "day"),
    ("Two hours later the shelling resumed.", ("Two hours", "TIME"), PUBLISHED, None, "duration"),
    ("It happened that day.", "that day", PUBLISHED, None, "relative"),
    ("The town fell. A year earlier it had been retaken.", "A year earlier", PUBLISHED, None, "relative"),
    ("Two days later the convoy arrived.", "Two days later", PUBLISHED, None, "relative"),
    ("The town fell a week ago.", "a week ago", PUBLISHED, "2024-W32", "week"),
    ("Exports fell in Q3 2023.", "Q3 2023", None, "2023-Q3", "quarter"),
    ("Talks are planned for Aug. 19-21.", "Aug. 19-21", PUBLISHED, None, "duration"),
    ("The offensive ran from January to March.", "January to March", PUBLISHED, None, "duration"),
    ("The border has been disputed since 2014.", "2014", PUBLISHED, "2014", "year"),
]


@pytest.mark.parametrize(("text", "phrase", "published", "value", "grain"), CASES)
def test_normalised_value_and_grain(
    text: str, phrase: str | tuple[str, str], published: str | None, value: str | None, grain: str
) -> None:
    assert one(text, phrase, published) == (value, grain)


def test_mentions_keep_offsets_text_and_label() -> None:
    text = "The sirens sounded at 10 a.m. on Monday."
    mentions = normalise(text, ("10 a.m.", "TIME"), "Monday", published=PUBLISHED)
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text
    assert [m.label for m in mentions] == ["TIME", "DATE"]


def test_a_clock_time_takes_the_day_its_sentence_pins() -> None:
    text = "The sirens sounded at 10 a.m. on Monday. At noon they stopped."
    time_mention, monday, noon = normalise(
        text, ("10 a.m.", "TIME"), "Monday", ("noon", "TIME"), published=PUBLISHED
    )
    assert (time_mention.value, time_mention.grain) == ("2024-08-12T10:00", "time")
    assert monday.value == "2024-08-12"
    assert noon.value == "2024-08-12T12:00"  # no day in its sentence: the last one named before it


def test_a_time_with_its_own_weekday() -> None:
    text = "Officials will meet at 10 a.m. Tuesday."  # a future clause: the next Tuesday
    assert one(text, ("10 a.m. Tuesday", "TIME"), PUBLISHED) == ("2024-08-20T10:00", "time")
    assert one(text, ("10 a.m. Tuesday", "TIME"), None) == ("T10:00", "time")


def test_the_year_comes_from_an_explicit_date_in_the_same_sentence() -> None:
    text = "Between August 6 and August 10, 2023, the brigade advanced."
    first, second = normalise(text, "August 6", "August 10, 2023", published=PUBLISHED)
    assert (first.value, second.value) == ("2023-08-06", "2023-08-10")


def test_a_year_stated_earlier_in_the_paragraph_beats_the_publication_date() -> None:
    text = "The invasion began in February 2022. By February 26 Kyiv was encircled."
    mentions = normalise(text, "February 2022", "February 26", published=PUBLISHED)
    assert mentions[1].value == "2022-02-26"
    text = "The invasion began in February 2022.\nBy February 26 the new offensive had stalled."
    mentions = normalise(text, "February 2022", "February 26", published=PUBLISHED)
    assert mentions[1].value == "2024-02-26"  # another paragraph: the news convention decides


def test_without_publication_a_year_stated_earlier_in_the_article_anchors() -> None:
    text = "The report covers 2023.\nTroops crossed the river on March 3."
    mentions = normalise(text, "2023", "March 3")
    assert [m.value for m in mentions] == ["2023", "2023-03-03"]


def test_a_later_year_in_another_sentence_does_not_anchor_without_publication() -> None:
    # The sample article: "on August 6" (2024) is followed by "in February 2022" (the war's start).
    text = "Forces crossed on August 6. The war erupted in February 2022."
    mentions = normalise(text, "August 6", "February 2022")
    assert mentions[0].value == "--08-06"


def test_publication_date_in_other_formats() -> None:
    text = "In a statement on Monday, the adviser spoke."
    assert one(text, "Monday", "2024-08-15T09:30:00+03:00") == ("2024-08-12", "day")
    assert one(text, "Monday", "August 15, 2024") == ("2024-08-12", "day")
    assert one(text, "Monday", "sometime in August") == (None, "relative")
    assert one(text, "Monday", "") == (None, "relative")


def test_labels_choose_which_mentions_are_normalised() -> None:
    text = "At 10 a.m. on Monday."
    mentions = [(3, 10, "TIME"), (14, 20, "DATE")]
    assert [m.label for m in normalise_dates(mentions, text, PUBLISHED, labels=["DATE"])] == ["DATE"]
    assert len(normalise_dates(mentions, text, PUBLISHED)) == 2


def test_an_impossible_date_is_not_normalised() -> None:
    assert one("It was February 30.", "February 30", PUBLISHED) == (None, "relative")


def test_sample_article_dates(kursk_text: str) -> None:
    phrases = ["its second week", "August 6", "February 2022", "Monday"]
    with_date = normalise(kursk_text, *phrases, published=PUBLISHED)
    assert [(m.value, m.grain) for m in with_date] == [
        (None, "duration"),
        ("2024-08-06", "day"),
        ("2022-02", "month"),
        ("2024-08-12", "day"),
    ]
    without = normalise(kursk_text, *phrases)
    assert [(m.value, m.grain) for m in without] == [
        (None, "duration"),
        ("--08-06", "day"),
        ("2022-02", "month"),
        (None, "relative"),
    ]


_ALLOWED_GRAINS = {"day", "week", "month", "year", "time", "duration", "relative"}


@given(
    mention=st.text(max_size=40),
    published=st.one_of(st.none(), st.text(max_size=20), st.dates().map(lambda d: d.isoformat())),
    label=st.sampled_from(["DATE", "TIME"]),
)
@settings(max_examples=400, deadline=None)
def test_random_mentions_never_raise(mention: str, published: str | None, label: str) -> None:
    text = f"On {mention} the talks ended."
    (result,) = normalise_dates([(3, 3 + len(mention), label)], text, published)
    assert result.text == mention
    assert result.grain in _ALLOWED_GRAINS


@given(
    st.lists(
        st.tuples(st.integers(-5, 60), st.integers(-5, 60), st.sampled_from(["DATE", "TIME"])), max_size=6
    )
)
@settings(max_examples=200, deadline=None)
def test_random_offsets_never_raise(mentions: list[tuple[int, int, str]]) -> None:
    text = "Between August 6 and 10 a.m. Monday, 2024 ended early."
    for result in normalise_dates(mentions, text, PUBLISHED):
        assert text[result.start : result.end] == result.text
