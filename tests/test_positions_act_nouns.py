"""A cue verb in a to-infinitive after a noun (issue 13, session 6). The noun is no holder: a noun
cue's infinitive is that cue's own content ("the Kremlin's decision to refrain from negotiations":
one statement, the decision's, not a second "refrain from" held by "the Kremlin's decision"); an
act's infinitive is its owner's; what was not done is nobody's position ("his failure to condemn the
attack"). A person noun still does it itself ("the first Democrat to endorse Sanders")."""

from __future__ import annotations

import pytest
from position_checks import Position, analyse, assert_no_statement, assert_one_position

CASES: dict[str, tuple[str, Position]] = {
    "X's decision to refrain from Y": (
        "The Kremlin's decision to refrain from negotiations underscores the seriousness of the conflict.",
        ("refrain from negotiations", "Kremlin", "intention", "decision", None, None),
    ),
    "the first Democrat to endorse X": (
        "She was the first Democrat to endorse Sanders.",
        ("Sanders", "Democrat", "stance", "endorse", "support", "Sanders"),
    ),
}


@pytest.mark.parametrize(("text", "expected"), list(CASES.values()), ids=list(CASES))
def test_position(text: str, expected: Position, nlp) -> None:
    assert_one_position(text, expected, nlp)


NO_POSITION = {
    "failure to condemn": "His failure to condemn the attack angered voters.",
    "reluctance to endorse": "Voss's reluctance to endorse Okafor is well known.",
}


@pytest.mark.parametrize("text", list(NO_POSITION.values()), ids=list(NO_POSITION))
def test_no_position(text: str, nlp) -> None:
    assert_no_statement(text, nlp, kind="reported")


def test_no_holder_is_a_noun_of_refusal_or_of_an_act(nlp) -> None:
    """"The union's refusal to back the deal": the union refused (the noun cue's statement); the
    refusal backs nothing. "Their attempt to oppose the merger": the attempt holds no position."""
    for text in (
        "The union's refusal to back the deal angered ministers.",
        "Their attempt to oppose the merger was rejected by the court.",
    ):
        speakers = [s.speaker or "" for s in analyse(text, nlp).statements if s.kind == "reported"]
        assert not any(word in speaker.lower() for speaker in speakers for word in ("refusal", "attempt"))
        assert not any(s.cue_lemma == "back" for s in analyse(text, nlp).statements)
