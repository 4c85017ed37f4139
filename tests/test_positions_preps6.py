"""Cues of intention and evidence added in session 6 (issue 13), ranked from the shared cue counts:
``would like to``, ``likes to``, ``would love to`` (an intention with a to-infinitive; not when
its object was moved out into a question or a relative clause), ``said about`` (speech on a topic),
and polling or evidence that shows or suggests something (an evidence frame).

Invented sentences; each gives the exact reported span, holder (a part of the speaker's name), frame,
cue lemma, stance and target. The negatives are the same verbs with no to-infinitive or negated.
"""

from __future__ import annotations

import pytest
from position_checks import Position, assert_no_statement, assert_one_position

POSITIONS: dict[str, tuple[str, Position]] = {
    "would like to": (
        "Mayor Ann Kirby would like to close the old bridge.",
        ("close the old bridge", "Ann Kirby", "intention", "like to", None, None),
    ),
    "likes to": (
        "Senator Tom Reyes likes to remind voters of his record.",
        ("remind voters of his record", "Tom Reyes", "intention", "like to", None, None),
    ),
    "would love to": (
        "The dockers' union would love to win the contract.",
        ("win the contract", "dockers' union", "intention", "love to", None, None),
    ),
    "says about": (
        "Nobody cares what Senator Tom Reyes said about the new levy.",
        ("the new levy", "Tom Reyes", "speech", "say about", None, None),
    ),
    "said about a number is no topic": (
        "Mayor Ann Kirby said about 300 homes lost power.",
        ("about 300 homes lost power", "Ann Kirby", "speech", "say", None, None),
    ),
    "polling shows": (
        "Recent polling shows that the mayor has lost ground in the suburbs.",
        ("the mayor has lost ground in the suburbs", "Recent polling", "evidence", "show", None, None),
    ),
    "evidence suggests": (
        "The new evidence suggests that the levy hurt small farms.",
        ("the levy hurt small farms", "New evidence", "evidence", "suggest", None, None),
    ),
}

NEGATIVES: dict[str, str] = {
    "likes a thing": "Mayor Ann Kirby likes the old bridge.",
    "like as a preposition": "Towns like Dover have paid for the bridge.",
    "like, gapped": "Nobody knows who Mayor Ann Kirby would like to see in the job.",
    "did not like to": "Mayor Ann Kirby did not like to close the old bridge.",
    "rising prices show": "Rising prices show that the harvest was poor.",
}


@pytest.mark.parametrize("case", list(POSITIONS), ids=list(POSITIONS))
def test_intention_and_evidence_positions(case: str, nlp) -> None:
    text, expected = POSITIONS[case]
    assert_one_position(text, expected, nlp)


@pytest.mark.parametrize("case", list(NEGATIVES), ids=list(NEGATIVES))
def test_no_position(case: str, nlp) -> None:
    assert_no_statement(NEGATIVES[case], nlp, kind="reported")
