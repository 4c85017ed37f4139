"""Positions from the cue constructions of session 5 (issue 13, the ``cues2`` round): more verb +
preposition cues ranked from the shared cue counts, reproaches with a reason (``chided him for ...``),
``signed X into law``, ``cited X as Y``, belief and evidence with an object (``fear a
drought``, ``see an opening``, ``a poll sees X winning``), a that-clause the parser split in two, and a
finite verb the small model hung on its subject. Invented sentences; each gives exactly one reported
statement (content, holder, frame, cue lemma, stance, target); the negative cases give none."""

from __future__ import annotations

import pytest
from position_checks import Position, assert_no_statement, assert_one_position

_SPARRED = "the mayor over the budget"

CASES: dict[str, tuple[str, Position]] = {
    # Verb + preposition
    "counting on": (
        "Senator Ann Bell is counting on the votes of the farmers.",
        ("the votes of the farmers", "Ann Bell", "belief", "count on", None, None),
    ),
    "pounced on": (
        "The governor pounced on the remark.",
        ("the remark", "Governor", "stance", "pounce on", "oppose", "the remark"),
    ),
    "acquiesced to": (
        "The council acquiesced to the demand.",
        ("the demand", "Council", "stance", "acquiesce to", "support", "the demand"),
    ),
    "warming to": (
        "Some donors are warming to Governor Ben Lutz.",
        ("Governor Ben Lutz", "Some donors", "stance", "warm to", "support", "Governor Ben Lutz"),
    ),
    "assured X of": (
        "The minister assured the farmers of her support.",
        ("her support", "Minister", "speech", "assure of", None, None),
    ),
    "refrained from": (
        "The senator refrained from endorsing either candidate.",
        ("endorsing either candidate", "Senator", "intention", "refrain from", None, None),
    ),
    "credits X to Y": (
        "The governor credits the recovery to the new port.",
        ("the recovery to the new port", "Governor", "belief", "credit to", None, None),
    ),
    "sparred with": (
        "The senator sparred with the mayor over the budget.",
        (_SPARRED, "Senator", "stance", "spar with", "oppose", _SPARRED),
    ),
    "fired back at": (
        "The senator fired back at his critics.",
        ("his critics", "Senator", "stance", "fire at", "oppose", "his critics"),
    ),
    "fessed up to": (
        "The mayor fessed up to using the car.",
        ("using the car", "Mayor", "speech", "fess to", None, None),
    ),
    "remarked upon": (
        "Mr. Lutz remarked upon the weather.",
        ("the weather", "Lutz", "speech", "remark upon", None, None),
    ),
    "feel about": (
        "How do voters feel about the tax?",
        ("the tax", "Voters", "belief", "feel about", None, None),
    ),
    "talking to X about": (
        "Senator Ann Bell is talking to voters about health care.",
        ("health care", "Ann Bell", "speech", "talk about", None, None),
    ),
    # Reproach with a reason: the object is the target
    "chided him for": (
        "The mayor chided him for skipping the vote.",
        ("skipping the vote", "Mayor", "stance", "chide for", "oppose", "him"),
    ),
    "rebuked X for": (
        "Ms. Bell rebuked the council for its silence.",
        ("its silence", "Bell", "stance", "rebuke for", "oppose", "the council"),
    ),
    # Objects
    "signed X into law": (
        "Governor Ann Bell signed the budget into law on Friday.",
        ("the budget", "Ann Bell", "stance", "sign into law", "support", "the budget"),
    ),
    "cited X as": (
        "Her rivals cited the vote as proof of her weakness.",
        ("the vote as proof of her weakness", "Her rivals", "speech", "cite as", None, None),
    ),
    "pegged himself as": (
        "The governor pegged himself as an outsider.",
        ("himself as an outsider", "Governor", "speech", "peg as", None, None),
    ),
    # Cognition and evidence
    "fear X": ("Farmers fear a drought.", ("a drought", "Farmers", "belief", "fear", None, None)),
    "see an opportunity": (
        "Local leaders see an opportunity in the new port.",
        ("an opportunity in the new port", "Local leaders", "belief", "see", None, None),
    ),
    "a poll sees X winning": (
        "A new poll sees Ann Bell winning the race.",
        ("Ann Bell winning the race", "New poll", "evidence", "see", None, None),
    ),
    "felt X was Y (a clause the parser split)": (
        "The voters felt the decision was unfair.",
        ("the decision was unfair", "Voters", "belief", "feel", None, None),
    ),
    "shown little inclination to": (
        "So far, Senator Ann Bell has shown little inclination to join the race.",
        ("little inclination to join the race", "Ann Bell", "intention", "show inclination", None, None),
    ),
    "showed support for": (
        "The mayor showed support for the strike.",
        ("support for the strike", "Mayor", "stance", "show support", "support", "the strike"),
    ),
    "records show": (
        "Court records show the firm paid no tax in 2019.",
        ("the firm paid no tax in 2019", "Court records", "evidence", "show", None, None),
    ),
    "a poll has shown him trailing": (
        "Every recent poll has shown him trailing the mayor.",
        ("him trailing the mayor", "Every recent poll", "evidence", "show", None, None),
    ),
    # The small model hangs the finite verb on its subject ("candidate" as root, "boasted" an acl)
    "the candidate boasted of": (
        "The candidate boasted of his record.",
        ("his record", "Candidate", "speech", "boast of", None, None),
    ),
}

NEGATIVES: dict[str, str] = {
    "looked at the map": "The mayor looked at the map.",
    "voted for an hour": "The council voted for an hour.",
    "saw the car": "The mayor saw the car.",
    "saw the sign on the road": "The mayor saw the sign on the road.",
    "did not see an opening (negated)": "The mayor did not see an opening.",
    "did not fear a drought (negated)": "The senator did not fear a drought.",
    "did not sign the bill into law (negated)": "The governor did not sign the bill into law.",
    "signed a player into the squad (not a law)": "The coach signed the striker into the squad.",
    "felt the heat (no clause)": "She felt the heat on the stage.",
    "felt tired and went home": "He felt tired and went home.",
    "declined to comment": "The senator declined to comment.",
    "spoke to supporters of X (no topic)": "Senator Ann Bell spoke to supporters of the mayor.",
    "showed the visitors the bridge (no attitude)": "The mayor showed the visitors the new bridge.",
    "showed no interest (negated)": "The senator showed no interest in the race.",
    "appeals to voters (attraction, no demand)": "The plan appeals to young voters.",
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_position(case: str, nlp) -> None:
    text, expected = CASES[case]
    assert_one_position(text, expected, nlp)


@pytest.mark.parametrize("case", list(NEGATIVES), ids=list(NEGATIVES))
def test_no_position(case: str, nlp) -> None:
    assert_no_statement(NEGATIVES[case], nlp, kind="reported")
