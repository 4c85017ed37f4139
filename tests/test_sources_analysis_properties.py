"""Property-based tests: whatever text arrives, the analysis returns and every span points at its text.

Real input is messy: control characters from a bad copy, right-to-left text,
emoji, a quotation mark that never closes, a minified line with no spaces.
For any of it ``analyze`` must return, and every offset in the result must
satisfy ``0 <= start <= end <= len(text)`` and ``text[start:end] == span.text``,
or the reader would mark the wrong words (or crash).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.analysis import Analysis, analyze
from reader.sources import Article

PROPERTY_SETTINGS = settings(
    max_examples=40,
    deadline=None,
    # The autouse BYLINE_HOME fixture is per test, not per example; with use_cache=False nothing is written.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

QUOTE_MARKS = "\"'“”‘’«»„‚‹›「」"
TRICKY = (
    QUOTE_MARKS
    + "\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x85\u200b\u200e\u200f\u202e\u2028\u2029\ufeff\ufffd"
    + "שלום עולם مرحبا بالعالم"  # right-to-left scripts
    + "😀👍🏽👨‍👩‍👧🇺🇦"  # emoji, skin tones, joiners, flags
    + "e\u0301\u0308"  # combining marks
    + "\t\n\r  .,;:!?—–-…()[]"
)
NAMES = st.sampled_from(["Yuri Ushakov", "Volodymyr Zelensky", "the Kremlin", "He", "Ms. O'Neil", "NATO"])
CUES = st.sampled_from(["said", "stated", "told reporters", "reported", "emphasized that", "warned"])
NOISE = st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from(TRICKY), max_size=80)
WORDS = st.text(alphabet="abcdefghij KLMNOP", min_size=1, max_size=40)


@st.composite
def newsy_text(draw: st.DrawFn) -> str:
    """Sentences shaped like reporting, with quotation marks and noise dropped in anywhere."""
    pieces: list[str] = []
    for _ in range(draw(st.integers(1, 6))):
        shape = draw(st.integers(0, 4))
        name, cue, words, noise = draw(NAMES), draw(CUES), draw(WORDS), draw(NOISE)
        open_mark, close_mark = draw(st.sampled_from(QUOTE_MARKS)), draw(st.sampled_from(QUOTE_MARKS))
        if shape == 0:
            pieces.append(f"{open_mark}{words}{noise},{close_mark} {name} {cue}.")
        elif shape == 1:
            pieces.append(f"{name} {cue} {words}{noise}.")
        elif shape == 2:
            pieces.append(f"{open_mark}{words}")  # a quotation that never closes
        elif shape == 3:
            pieces.append(f"{name} {cue}: {open_mark}{noise}{close_mark}")
        else:
            pieces.append(noise)
        pieces.append(draw(st.sampled_from([" ", "\n", "\n\n", "", "\r\n"])))
    return "".join(pieces)


ANY_TEXT = st.one_of(
    st.text(min_size=1, max_size=400),
    st.text(alphabet=st.sampled_from(TRICKY), min_size=1, max_size=200),
    newsy_text(),
    # very long lines without a single space
    st.text(alphabet="abcXYZ“”.,é😀", min_size=2_000, max_size=6_000),
)


def all_spans(analysis: Analysis) -> Iterator[tuple[str, int, int, str]]:
    for entity in analysis.entities:
        yield "entity", entity.start, entity.end, entity.text
    for index, quote in enumerate(analysis.statements):
        yield f"quote {index}", quote.start, quote.end, quote.text
        for part in quote.parts:
            yield f"quote {index} part", part.start, part.end, part.text
        if quote.speaker_mention:
            yield f"quote {index} speaker", quote.speaker_mention.start, quote.speaker_mention.end, \
                quote.speaker_mention.text
        if quote.cue:
            yield f"quote {index} cue", quote.cue.start, quote.cue.end, quote.cue.text
    for date in analysis.dates:
        yield "date", date.start, date.end, date.text
    for actor in analysis.actors:
        for mention in actor.mention_spans:
            yield f"actor {actor.id}", mention.start, mention.end, mention.text


def check_analysis(text: str, nlp: object) -> Analysis:
    analysis = analyze(Article(text=text, source="hypothesis"), nlp=nlp, use_cache=False)
    assert analysis.text == text
    for what, start, end, span_text in all_spans(analysis):
        assert 0 <= start <= end <= len(text), (what, start, end, len(text))
        assert text[start:end] == span_text, (what, start, end, text[start:end], span_text)
    for actor in analysis.actors:
        assert all(0 <= index < len(analysis.statements) for index in actor.statements), actor.id
    return analysis


@pytest.fixture(scope="module")
def loaded_nlp(nlp: object) -> object:
    return nlp


@PROPERTY_SETTINGS
@given(text=ANY_TEXT)
def test_any_text_analyses_with_consistent_spans(text: str, loaded_nlp: object) -> None:
    check_analysis(text, loaded_nlp)


@PROPERTY_SETTINGS
@given(text=newsy_text())
def test_newsy_text_with_noise_has_consistent_spans(text: str, loaded_nlp: object) -> None:
    check_analysis(text, loaded_nlp)


def test_quoted_statement_survives_surrounding_noise(nlp: object) -> None:
    text = "\u202e\x00😀 “We will not talk,” Yuri Ushakov said. \u200b“Unclosed"
    analysis = check_analysis(text, nlp)
    direct = [quote for quote in analysis.statements if quote.kind == "direct"]
    assert direct and direct[0].speaker == "Yuri Ushakov"


async def open_and_browse(text: str, analysis: Analysis) -> None:
    from reader.tui.app import BylineApp

    app = BylineApp(Article(text=text, source="hypothesis"), analysis=analysis)
    async with app.run_test(size=(90, 24)) as pilot:
        for key in ("right_square_bracket", "e", "d", "G", "g", "s", "escape", "question_mark", "escape"):
            await pilot.press(key)
        await pilot.pause()
        assert app.is_running
        assert app.reader.article.text == text


@settings(max_examples=8, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=st.one_of(newsy_text(), st.text(alphabet=st.sampled_from(TRICKY), min_size=1, max_size=300),
                      st.text(alphabet="abcXYZ“”.,é😀\t", min_size=1_000, max_size=3_000)))
def test_the_reader_opens_any_text(text: str, loaded_nlp: object) -> None:
    """The reader draws, navigates and closes on hostile text: a crash surfaces from run_test."""
    import asyncio

    asyncio.run(open_and_browse(text, check_analysis(text, loaded_nlp)))
