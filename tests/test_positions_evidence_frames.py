"""The frame a speech or belief cue takes from its holder (issue 13): records hold evidence of their
own ("according to court documents", "the docket shows", "television replays suggested"), what
investigators find and what an organisation estimates is evidence, and what a court finds is its
ruling (speech). Kinds the blind sets positions2-4 showed labelled speech or belief; invented
sentences."""

from __future__ import annotations

import pytest
from position_checks import Position, assert_one_position

POSITIONS: dict[str, tuple[str, Position]] = {
    "according to court documents": (
        "According to court documents, the fishermen lost half their catch in 2021.",
        (
            "the fishermen lost half their catch in 2021",
            "Court documents",
            "evidence",
            "according to",
            None,
            None,
        ),
    ),
    "according to an internal memo": (
        "The ministry will cut the budget, according to an internal memo.",
        ("The ministry will cut the budget", "memo", "evidence", "according to", None, None),
    ),
    "replays suggested": (
        "Television replays suggested that the striker had been offside.",
        ("the striker had been offside", "Television replays", "evidence", "suggest", None, None),
    ),
    "inspectors found": (
        "Inspectors found that the authority had ignored warnings about the dam.",
        ("the authority had ignored warnings about the dam", "Inspectors", "evidence", "find", None, None),
    ),
    "the researchers found": (
        "The researchers found that the sea had absorbed most of the heat.",
        ("the sea had absorbed most of the heat", "Researchers", "evidence", "find", None, None),
    ),
    "an organisation estimates": (
        "The Ardenshire Chamber of Commerce estimates that the strike will cost shops 6 million pounds.",
        (
            "the strike will cost shops 6 million pounds",
            "Ardenshire Chamber of Commerce",
            "evidence",
            "estimate",
            None,
            None,
        ),
    ),
    "a court finds": (
        "The appeals panel found that the fishermen could not have known the extent of the damage.",
        (
            "the fishermen could not have known the extent of the damage",
            "panel",
            "speech",
            "find",
            None,
            None,
        ),
    ),
    "a letter says": (
        "The letter said that the talks would resume in May.",
        ("the talks would resume in May", "Letter", "speech", "say", None, None),
    ),
}


@pytest.mark.parametrize("case", list(POSITIONS), ids=list(POSITIONS))
def test_frame_from_the_holder(case: str, nlp) -> None:
    text, expected = POSITIONS[case]
    assert_one_position(text, expected, nlp)
