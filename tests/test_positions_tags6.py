"""Known cues the construction around them used to hide (issue 13, PolNeAR miss kinds ``lexicon`` and
``tag``): a cue coordinated with a verb before it in the perfect ("... and has said that ..."), a
conjunct with an auxiliary of its own after a negated verb ("did not mention them but did note that
..."), the holder of a gerund after ``despite``, a compound preposition (``in addition to stating``)
or the adjective of a copula (``was the most outspoken in denouncing``), a speech cue coordinated
inside a belief's clause whose subject it cannot share (``fear that the city has ... and warn that``),
and ``question`` with a
``why``/``how``/``whether`` clause (a doubt: a stance against it).

Invented sentences (none from any corpus); each gives the exact reported span, holder, frame and cue
lemma, or no statement.
"""

from __future__ import annotations

import pytest
from position_checks import Position, analyse, assert_no_statement, assert_one_position

POSITIONS: dict[str, tuple[str, Position]] = {
    "a perfect conjunct after a verb that is no cue": (
        "The mayor grew up in the district and has said that she would close the old mill.",
        ("she would close the old mill", "Mayor", "speech", "say", None, None),
    ),
    "a perfect conjunct after a comma and but": (
        "Engineers have inspected the bridge twice, but have suggested that it might need new cables.",
        ("it might need new cables", "Engineers", "speech", "suggest", None, None),
    ),
    "a perfect belief conjunct": (
        "Ivo Brandt moved to the port in 1990 and has long believed that the ferry should be free.",
        ("the ferry should be free", "Ivo Brandt", "belief", "believe", None, None),
    ),
    "a conjunct with its own auxiliary after a negated verb": (
        "The mayor did not mention her rivals but did note that she had won the most districts.",
        ("she had won the most districts", "Mayor", "speech", "note", None, None),
    ),
    "question with a why clause": (
        "The mayor questioned why the council had not published the report sooner.",
        (
            "why the council had not published the report sooner",
            "Mayor",
            "stance",
            "question",
            "oppose",
            None,
        ),
    ),
    "question with a how clause, progressive": (
        "Party leaders are now openly questioning how the mayor's rivals have handled the campaign.",
        (
            "how the mayor's rivals have handled the campaign",
            "Party leaders",
            "stance",
            "question",
            "oppose",
            None,
        ),
    ),
    "question with a whether clause": (
        "Many residents have questioned whether the council has the money to finish the bridge.",
        (
            "whether the council has the money to finish the bridge",
            "Many residents",
            "stance",
            "question",
            "oppose",
            None,
        ),
    ),
    "a gerund after a compound preposition": (
        "In addition to stating that the harbour needs no new pier, the mayor has cut fares.",
        ("the harbour needs no new pier", "Mayor", "speech", "state", None, None),
    ),
    "a gerund after the adjective of a copula": (
        "The mayor has been the most outspoken on the council in denouncing the harbour board.",
        ("the harbour board", "Mayor", "stance", "denounce", "oppose", "the harbour board"),
    ),
    "a gerund after despite": (
        "Despite challenging the honesty of the council leader, Voss has met him twice.",
        (
            "the honesty of the council leader",
            "Voss",
            "stance",
            "challenge",
            "oppose",
            "the honesty of the council leader",
        ),
    ),
}

NO_STATEMENT: dict[str, str] = {
    "a negated cue with a conjunct sharing its auxiliary": (
        "The mayor did not mention her rivals or claim that she had won the most districts."
    ),
    "a perfect conjunct negated itself": (
        "The mayor grew up in the district and has not said that she would close the old mill."
    ),
    "a participle clause put to the holder, not said by them": (
        "Asked whether she would close the old mill, the mayor left the room."
    ),
    "a negated gerund after despite": "Despite never backing the plan, Voss has met the owners twice.",
    "a negated doubt": "The mayor did not question whether the council has the money to finish the bridge.",
}


@pytest.mark.parametrize("case", list(POSITIONS))
def test_position(case: str, nlp) -> None:
    text, expected = POSITIONS[case]
    assert_one_position(text, expected, nlp)


@pytest.mark.parametrize("case", list(NO_STATEMENT))
def test_no_position(case: str, nlp) -> None:
    assert_no_statement(NO_STATEMENT[case], nlp, kind="reported")


def _reported(text: str, nlp) -> dict[str | None, tuple[str, str | None]]:
    return {s.cue_lemma: (s.text, s.speaker) for s in analyse(text, nlp).statements if s.kind == "reported"}


def test_a_cue_coordinated_inside_a_belief_it_cannot_share_a_subject_with(nlp) -> None:
    """ "warn" cannot be a verb of "the city" (number), so the planners warn, not the city."""
    text = (
        "Some planners fear that the city has already missed its chance and warn that relying on "
        "tolls is not a sound plan."
    )
    assert _reported(text, nlp)["warn"] == ("relying on tolls is not a sound plan", "Some planners")


def test_a_cue_coordinated_inside_a_belief_that_may_share_its_subject(nlp) -> None:
    """ "the owners have missed ... and warn": the owners may be the ones who warn; no holder is guessed."""
    text = (
        "Some planners fear that the owners have already missed their chance and warn that relying on "
        "tolls is not a sound plan."
    )
    assert "warn" not in _reported(text, nlp)
