"""Checks the position test files share (issue 13): analyse one invented passage, and assert the one
reported statement it gives, or that it gives none.

Imported as a top-level module (``from position_checks import ...``), like ``conftest`` and
``tui_sample``, so that the tests run the same from a clone and from an installed package.
"""

from __future__ import annotations

from spacy.language import Language

from reader.analysis import Analysis, analyze
from reader.analysis.model import Statement
from reader.sources import Article

# (content, holder, frame, cue lemma, stance, target); a holder of None means the text names none.
Position = tuple[str, str | None, str, str, str | None, str | None]


def analyse(text: str, nlp: Language) -> Analysis:
    """The analysis of ``text``, never from the cache (the rules under test change)."""
    return analyze(Article(text=text, source="test"), nlp=nlp, use_cache=False)


def assert_one_position(text: str, expected: Position, nlp: Language) -> Statement:
    """``text`` gives exactly one reported statement, with ``expected``'s span, holder, frame, cue,
    stance and target; returns it. The holder is a part of the speaker's name ("Voss" in "Ann Voss")."""
    content, holder, frame, cue_lemma, stance, target = expected
    reported = [s for s in analyse(text, nlp).statements if s.kind == "reported"]
    assert len(reported) == 1, [(s.text, s.speaker, s.frame) for s in reported]
    statement = reported[0]
    assert text[statement.start : statement.end] == statement.text == content
    assert statement.speaker == holder if holder is None else holder in (statement.speaker or "")
    assert statement.frame == frame
    assert statement.cue_lemma == cue_lemma
    assert statement.stance == stance
    assert (statement.target.text if statement.target else None) == target
    return statement


def assert_no_statement(text: str, nlp: Language, *, kind: str | None = None) -> None:
    """``text`` gives no statement (of ``kind`` only, when given)."""
    statements = [s for s in analyse(text, nlp).statements if kind is None or s.kind == kind]
    assert statements == [], [(s.text, s.cue_lemma) for s in statements]
