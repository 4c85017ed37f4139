"""Positions from copular, light-verb and noun cues of session 6 (issue 13, the ``nouns6`` round): more
adjectives with a preposition or a that-clause (``is mindful of``, ``remained skeptical that``), ``is
no fan of``, a role noun with its target before it (``a Clinton supporter``), attitudes a holder has
(``has great respect for``, ``had nothing but praise for``, ``the party's revulsion for``), idioms whose
"no" says the position (``made no secret of``, ``makes no apologies for``) and ``made clear that`` with
the clause the parser hung beside "clear", and a headline's "calls for" the tagger took for a noun.
Invented sentences; each gives exactly one reported
statement (content, holder, frame, cue lemma, stance, target); the negative cases give none."""

from __future__ import annotations

import pytest
from position_checks import Position, assert_no_statement, assert_one_position

_BUSES = "bringing back the night buses"

CASES: dict[str, tuple[str, Position]] = {
    # Adjectives with a preposition or a that-clause
    "mindful of": (
        "Many council members are mindful of how quickly the vote changed.",
        ("how quickly the vote changed", "Many council members", "belief", "be mindful of", None, None),
    ),
    "partial to": (
        "Mayor Ann Voss is partial to small budgets.",
        ("small budgets", "Ann Voss", "stance", "be partial to", "support", "small budgets"),
    ),
    "enamored of": (
        "The union is enamored of the new contract.",
        ("the new contract", "Union", "stance", "be enamored of", "support", "the new contract"),
    ),
    "concerned with": (
        "The union was concerned with the wage rules.",
        ("the wage rules", "Union", "belief", "be concerned with", None, None),
    ),
    "remained skeptical that": (
        "Some donors remained skeptical that the mayor would follow through.",
        ("the mayor would follow through", "Some donors", "belief", "be skeptical", None, None),
    ),
    # Role nouns
    "no fan of": (
        "Tom Weber, who advises the mayor, is no fan of the governor.",
        ("the governor", "Tom Weber", "stance", "fan of", "oppose", "the governor"),
    ),
    "a fan of": (
        "Senator Ann Bell is a big fan of the governor.",
        ("the governor", "Ann Bell", "stance", "fan of", "support", "the governor"),
    ),
    "a Clinton supporter": (
        "Dayton has been a longtime Clinton supporter.",
        ("Clinton", "Dayton", "stance", "supporter", "support", "Clinton"),
    ),
    "an adjective before the name of a role noun's target": (
        "Kevin Wall, one of several vocal Trump critics on the staff, wrote the piece.",
        ("Trump", "Kevin Wall", "stance", "critic", "oppose", "Trump"),
    ),
    "a role noun after a bracketed party tag": (
        "Former governor Ed Rendell (D), a Clinton supporter, spoke on Monday.",
        ("Clinton", "Ed Rendell", "stance", "supporter", "support", "Clinton"),
    ),
    "one of the critics of": (
        "Tom Walsh is one of the fiercest critics of the plan.",
        ("the plan", "Tom Walsh", "stance", "critic of", "oppose", "the plan"),
    ),
    # Attitudes a holder has
    "has respect for": (
        "The governor has great respect for the judges.",
        ("the judges", "Governor", "stance", "respect for", "support", "the judges"),
    ),
    "the party's revulsion for": (
        "The party's general revulsion for its leaders grew.",
        ("its leaders", "Party", "stance", "revulsion for", "oppose", "its leaders"),
    ),
    "affection for": (
        "The group's longstanding affection for the Voss family helps her.",
        ("the Voss family", "Group", "stance", "affection for", "support", "the Voss family"),
    ),
    "had nothing but praise for": (
        "Senator Ann Bell had nothing but praise for the governor's speech.",
        ("the governor's speech", "Ann Bell", "stance", "praise for", "support", "the governor's speech"),
    ),
    # Idioms whose "no" says the position
    "made no secret of": (
        "Mayor Ann Voss has made no secret of her frustration with the budget.",
        ("her frustration with the budget", "Ann Voss", "speech", "secret of", None, None),
    ),
    "makes no apologies for": (
        "Admiral Tom Harris makes no apologies for his candor.",
        ("his candor", "Tom Harris", "stance", "apology for", "support", "his candor"),
    ),
    "became a voice for": (
        "Ann Voss became a voice for gun control after the shooting.",
        ("gun control", "Ann Voss", "stance", "voice for", "support", "gun control"),
    ),
    "endorsement for": (
        "The senator's impending endorsement for the mayor seemed certain.",
        ("the mayor", "Senator", "stance", "endorsement for", "support", "the mayor"),
    ),
    "leveled criticism at": (
        "The minister leveled unusually sharp criticism at his colleagues.",
        ("his colleagues", "Minister", "stance", "criticism at", "oppose", "his colleagues"),
    ),
    "locked down endorsements from": (
        "The mayor has managed to lock down endorsements from the unions.",
        ("The mayor", "Unions", "stance", "lock endorsement", "support", "The mayor"),
    ),
    # A headline whose cue verb the tagger took for a noun, before its own preposition
    "headline calls for": (
        "Trump calls for bringing back the night buses.\n\nIn the days after the vote, he spoke.",
        (_BUSES, "Trump", "stance", "call for", "demand", _BUSES),
    ),
    # "made clear that" with the clause beside "clear"
    "made clear that": (
        "The party made clear that it would challenge the mayor.",
        ("it would challenge the mayor", "Party", "speech", "make clear", None, None),
    ),
}

NEGATIVES: dict[str, str] = {
    "a fan of a taste": "Senator Ann Bell is a big fan of jazz.",
    "no fan of a taste": "Senator Ann Bell is no fan of jazz.",
    "not a supporter": "Senator Ann Bell is not a Voss supporter.",
    "a pronoun owner": "His supporters waited in the hall.",
    "no respect": "The mayor has no respect for the judges.",
    "the secret of": "The secret of his success was a long career.",
    "no apology alone": "Senator Ann Bell made no apology.",
    "not mindful": "The council is not mindful of the risks.",
    "in Iowa": "Senator Ann Bell is in Iowa this week.",
    "headline noun before its preposition": "Voss attacks on Trump intensify\n\nThe count ended on Sunday.",
    "no endorsements": "The mayor has not locked down endorsements from the unions.",
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_position(case: str, nlp) -> None:
    text, expected = CASES[case]
    assert_one_position(text, expected, nlp)


@pytest.mark.parametrize("case", list(NEGATIVES), ids=list(NEGATIVES))
def test_no_position(case: str, nlp) -> None:
    assert_no_statement(NEGATIVES[case], nlp, kind="reported")
