"""Positions found on the bundled sample's kind of copy (issue 13, session 6): a wish whose object is
a participle clause ("wants the sanctions lifted"), a polity named by an of-phrase as the holder ("The
province of Eastvale wants ...": the actor is Eastvale, a place), and what someone *failed* to do,
which is no position ("failed to agree on a plan"). Invented sentences; each gives exactly one
reported statement (content, holder, frame, cue lemma, stance, target), the negative cases none."""

from __future__ import annotations

import pytest
from position_checks import Position, analyse, assert_no_statement, assert_one_position

CASES: dict[str, tuple[str, Position]] = {
    "wants X lifted": (
        "The minister wants the sanctions lifted.",
        ("the sanctions lifted", "Minister", "intention", "want", None, None),
    ),
    # The tagger reads the participle as a past tense here ("kept" as VBD).
    "Name wants X kept": (
        "Eastvale wants the current quotas kept.",
        ("the current quotas kept", "Eastvale", "intention", "want", None, None),
    ),
    "the province of X wants ...": (
        "The province of Eastvale wants the current quotas kept until the rains return.",
        ("the current quotas kept until the rains return", "Eastvale", "intention", "want", None, None),
    ),
    "the state of X plans to ...": (
        "The state of Ohio plans to appeal the ruling.",
        ("appeal the ruling", "Ohio", "intention", "plan to", None, None),
    ),
    "the city of X expects ...": (
        "The city of Leeds expects visitor numbers to rise.",
        ("visitor numbers to rise", "Leeds", "belief", "expect", None, None),
    ),
}


@pytest.mark.parametrize(("text", "expected"), list(CASES.values()), ids=list(CASES))
def test_position(text: str, expected: Position, nlp) -> None:
    statement = assert_one_position(text, expected, nlp)
    # The polity's name is the holder, not the phrase around it.
    assert not (statement.speaker or "").lower().startswith(("province", "state", "city"))


NO_POSITION = {
    "failed to agree on": "Negotiators failed to agree on how to share the reservoir.",
    "failed to endorse": "The union failed to endorse the deal.",
    "neglected to mention": "The council neglected to mention the cost of the scheme.",
    "a state of things": "The state of the economy needs to improve.",
}


@pytest.mark.parametrize("text", list(NO_POSITION.values()), ids=list(NO_POSITION))
def test_no_position(text: str, nlp) -> None:
    assert_no_statement(text, nlp, kind="reported")


def test_a_polity_named_by_an_of_phrase_is_a_place(nlp) -> None:
    """"The province of Eastvale" names a place, even where the model tags "Eastvale" a person in the
    next paragraph, and it is the same actor as "Eastvale"."""
    text = (
        "The province of Eastvale wants the current quotas kept until the rains return.\n\n"
        "\"We cannot ask our farmers to give up water,\" said Nomvula Dlamini, Eastvale's water minister."
    )
    actors = {actor.name: actor for actor in analyse(text, nlp).actors}
    assert actors["Eastvale"].kind == "place"
    assert not any(name.lower().startswith("province") for name in actors)
