"""Anchoring survives small edits: a corrected word inside a highlight does not orphan it."""

from __future__ import annotations

from pathlib import Path

from reader.notes import Highlight, NoteStore, anchor, fuzzy_anchor
from reader.sources import load_article

ARTICLE = (
    "The harbour board delayed its vote on Tuesday.\n\n"
    "Board chair Marta Lindqvist said the board needed more tiem to study the costs before it "
    "committed the town to the project.\n\n"
    "Tomas Reiner, who leads the opposition, called the delay a mistake.\n"
)
HIGHLIGHTED = "the board needed more tiem to study the costs"


def highlight_of(text: str, needle: str) -> Highlight:
    start = text.index(needle)
    return Highlight.from_text(text, start, start + len(needle))


def test_one_corrected_word_inside_a_long_highlight_keeps_it() -> None:
    highlight = highlight_of(ARTICLE, HIGHLIGHTED)
    corrected = ARTICLE.replace("tiem", "time")
    start, end = anchor(corrected, highlight) or (-1, -1)
    assert corrected[start:end] == "the board needed more time to study the costs"


def test_one_corrected_word_inside_a_short_highlight_keeps_it() -> None:
    highlight = highlight_of(ARTICLE, "more tiem to study")
    corrected = ARTICLE.replace("tiem", "time")
    start, end = anchor(corrected, highlight) or (-1, -1)
    assert corrected[start:end] == "more time to study"


def test_a_correction_and_text_added_above_still_find_the_highlight() -> None:
    highlight = highlight_of(ARTICLE, HIGHLIGHTED)
    edited = "Updated at 10:00 with a reaction from the opposition leader.\n\n" + ARTICLE.replace(
        "tiem", "time"
    )
    start, end = anchor(edited, highlight) or (-1, -1)
    assert edited[start:end] == "the board needed more time to study the costs"


def test_a_corrected_word_at_the_very_end_of_a_highlight() -> None:
    highlight = highlight_of(ARTICLE, "called the delay a mistake")
    edited = ARTICLE.replace("a mistake", "a mistaek")
    start, end = anchor(edited, highlight) or (-1, -1)
    assert edited[start:end] == "called the delay a mistaek"


def test_rewritten_text_is_not_matched_fuzzily() -> None:
    highlight = highlight_of(ARTICLE, "Tomas Reiner, who leads the opposition")
    rewritten = ARTICLE.replace("Tomas Reiner, who leads the opposition", "An unnamed councillor")
    assert anchor(rewritten, highlight) is None
    assert fuzzy_anchor("completely different words here", "the board needed more time", 0) is None


def test_the_store_reanchors_a_corrected_highlight_without_orphaning_it(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    store = NoteStore.open(load_article(path))
    start = ARTICLE.index(HIGHLIGHTED)
    kept = store.add(start, start + len(HIGHLIGHTED))
    store.set_note(kept.id, "how long?")

    path.write_text(ARTICLE.replace("tiem", "time"), encoding="utf-8")
    reopened = NoteStore.open(load_article(path))
    assert reopened.problems == []
    assert [(h.id, h.exact, h.note, h.orphaned) for h in reopened.highlights] == [
        (kept.id, "the board needed more time to study the costs", "how long?", False)
    ]
