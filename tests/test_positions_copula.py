"""Positions stated with a copula, ``have`` and other light verbs, and nouns (issue 13, session 5):
``X is against / for / in favour of Y``, ``X is open to Y``, ``X was clear that ...``, ``X has doubts
about Y``, ``X raised questions about Y``, ``X took a stance against Y``, ``X laid out a vision for
Y``, ``an admission from X that ...``, and claims in headlines (a final tag in title case, a cue verb
in sentence case that the tagger took for a noun).

Invented sentences; each gives the exact reported span, holder (a part of the speaker's name), frame,
cue lemma, stance and target. The negatives are literal uses and negated cues: no position.
"""

from __future__ import annotations

import pytest
from position_checks import Position, analyse, assert_no_statement, assert_one_position

POSITIONS: dict[str, tuple[str, Position]] = {
    # A copula and a preposition of stance.
    "is against": (
        "Most farmers are against the new levy.",
        ("the new levy", "Most farmers", "stance", "be against", "oppose", "the new levy"),
    ),
    "is for, with an adverb": (
        "Mayor Ann Kirby is firmly for the new bridge.",
        ("the new bridge", "Ann Kirby", "stance", "be for", "support", "the new bridge"),
    ),
    "is in favour of": (
        "The dockers' union is in favour of a strike.",
        ("a strike", "dockers' union", "stance", "be in favour of", "support", "a strike"),
    ),
    "is in favor of a gerund": (
        "Senator Tom Reyes is in favor of raising the tax.",
        ("raising the tax", "Tom Reyes", "stance", "be in favor of", "support", "raising the tax"),
    ),
    # Attitude adjectives with a preposition or a that-clause.
    "is open to": (
        "The council is open to changing the rules.",
        ("changing the rules", "Council", "stance", "be open to", "support", "changing the rules"),
    ),
    "is proud of": (
        "Senator Mia Ortiz is proud of the new clinic.",
        ("the new clinic", "Mia Ortiz", "stance", "be proud of", "support", "the new clinic"),
    ),
    "is bent on (an intention)": (
        "Ann Voss is bent on winning the harbour seat.",
        ("winning the harbour seat", "Ann Voss", "intention", "be bent on", None, None),
    ),
    "has been outspoken on (speech)": (
        "Dana Whitlock has been outspoken on ferry fares.",
        ("ferry fares", "Dana Whitlock", "speech", "be outspoken on", None, None),
    ),
    "was clear that (the clause hung on the copula)": (
        "The mayor was clear that the deal is dead.",
        ("the deal is dead", "Mayor", "speech", "be clear", None, None),
    ),
    "was emphatic that": (
        "The coach was emphatic that the team had trained hard.",
        ("the team had trained hard", "Coach", "speech", "be emphatic", None, None),
    ),
    "coordinated adjectives: surprised and dismayed at": (
        "Members were surprised and dismayed at the closure of the club.",
        ("the closure of the club", "Members", "belief", "be dismayed at", None, None),
    ),
    "a copula coordinated with a negated verb keeps its subject": (
        "Senator Ray Okafor has not endorsed the plan and has been a pointed critic of the mayor.",
        ("the mayor", "Ray Okafor", "stance", "critic of", "oppose", "the mayor"),
    ),
    "a relative clause: the antecedent holds it": (
        "The ministry, which has long been lukewarm about the tax, stayed silent.",
        ("the tax", "Ministry", "stance", "be lukewarm about", "oppose", "the tax"),
    ),
    "a role noun: is a surrogate for": (
        "Ann Voss is a surrogate for the mayor's campaign.",
        ("the mayor's campaign", "Ann Voss", "stance", "surrogate for", "support", "the mayor's campaign"),
    ),
    # "have" and other light verbs with a noun cue.
    "has doubts about": (
        "Senator Ann Voss has doubts about the harbour plan.",
        ("the harbour plan", "Ann Voss", "belief", "doubt about", None, None),
    ),
    "has a plan for": (
        "The council has a plan for the old harbour.",
        ("the old harbour", "Council", "intention", "plan for", None, None),
    ),
    "hold opinions of": (
        "Voters hold favourable opinions of the mayor.",
        ("the mayor", "Voters", "belief", "opinion of", None, None),
    ),
    "raised questions about": (
        "The mayor raised questions about the ferry contract.",
        ("the ferry contract", "Mayor", "speech", "question about", None, None),
    ),
    "took a stance against": (
        "Mayor Ann Kirby took a firm stance against the casino.",
        ("the casino", "Ann Kirby", "stance", "stance against", "oppose", "the casino"),
    ),
    "laid out a vision for": (
        "Ann Voss laid out her vision for the city.",
        ("the city", "Ann Voss", "intention", "vision for", None, None),
    ),
    "unleashed attacks against": (
        "Senator Tom Reyes unleashed withering attacks against the governor.",
        ("the governor", "Tom Reyes", "stance", "attack against", "oppose", "the governor"),
    ),
    "filed a challenge against": (
        "The union filed a challenge against the new law.",
        ("the new law", "Union", "stance", "challenge against", "oppose", "the new law"),
    ),
    "delivered a speech on": (
        "Mayor Ann Kirby delivered a speech on housing.",
        ("housing", "Ann Kirby", "speech", "speech on", None, None),
    ),
    "a noun of the object of a cue verb is the verb's": (
        "Ann Voss voiced doubts about the plan.",
        ("doubts about the plan", "Ann Voss", "speech", "voice", None, None),
    ),
    "made the point that, with any subject and a clause the parser takes for a relative one": (
        "Several guests made the point that crime had fallen.",
        ("crime had fallen", "Several guests", "speech", "point", None, None),
    ),
    "made a plea for": (
        "Senator Mia Ortiz made a plea for calm.",
        ("calm", "Mia Ortiz", "stance", "plea for", "demand", "calm"),
    ),
    # Nouns with an owner.
    "a possessive: his reversal on": (
        "Mr. Okafor's reversal on the tax angered his allies.",
        ("the tax", "Okafor", "speech", "reversal on", None, None),
    ),
    "a possessive: her support of": (
        "Ann Voss's support of the strike surprised nobody.",
        ("the strike", "Ann Voss", "stance", "support of", "support", "the strike"),
    ),
    "an admission from X that": (
        "The hearing drew an admission from Senator Ann Voss that the law had failed.",
        ("the law had failed", "Ann Voss", "speech", "admission", None, None),
    ),
    "a that-clause the parser takes for a relative clause": (
        "Inflation stayed low, belying the budget hawks' warnings that prices would soar.",
        ("prices would soar", "Budget hawks", "speech", "warning", None, None),
    ),
    # A received stance aimed at what "to" names.
    "received: opposition from X to Y": (
        "The harbour board faced stern opposition from fishermen to the new quay.",
        ("the new quay", "Fishermen", "stance", "face opposition", "oppose", "the new quay"),
    ),
}

NEGATIVES: dict[str, str] = {
    "in favour as an idiom of popularity": "The old style is in favour again this season.",
    "in the favour of a person": "The striker was in favour with the new coach.",
    "a plan of a building": "The old mill has a plan of the building on its wall.",
    "support for the roof": "The oak beams give support for the roof.",
    "a pillar's support for the roof": "The pillar's support for the roof failed in the storm.",
    "for as a purpose": "The new funds are for schools.",
    "for the first time": "Ann Voss was for the first time in charge.",
    "for after a place": "Ann Voss was in Leeds for the vote.",
    "for the most part": "They were for the most part calm.",
    "a negated copula stance": "Senator Tom Reyes is not against the levy.",
    "a negated attitude": "The council is not open to changing the rules.",
    "no doubts": "Senator Ann Voss has no doubts about the harbour plan.",
    "a negated light verb": "The mayor did not raise questions about the ferry contract.",
    "questions taken, not asked": "The mayor took questions about the ferry contract.",
    "a speech on a day": "Mayor Ann Kirby delivered a speech on Monday.",
    "it is clear that": "It is clear that the deal is dead.",
    "a group divided holds no one position": "Legal experts were divided on the minister's chances.",
    "not clear that": "The mayor was not clear that the deal is dead.",
}


@pytest.mark.parametrize("case", list(POSITIONS), ids=list(POSITIONS))
def test_copula_have_and_noun_positions(case: str, nlp) -> None:
    text, expected = POSITIONS[case]
    assert_one_position(text, expected, nlp)


@pytest.mark.parametrize("case", list(NEGATIVES), ids=list(NEGATIVES))
def test_no_position(case: str, nlp) -> None:
    assert_no_statement(NEGATIVES[case], nlp, kind="reported")


def test_hearsay_attitude_is_not_the_subjects(nlp) -> None:
    """``is said to be interested in``: unnamed sources say it, the coach states nothing."""
    text = "The coach plans to rest him and is said to be interested in a striker."
    cues = [s.cue_lemma for s in analyse(text, nlp).statements]
    assert "plan to" in cues
    assert not [cue for cue in cues if cue is not None and cue.startswith("be interested")], cues


# Headlines (the article's first line): text -> (content, speaker mention, frame, cue lemma, stance).
HEADLINES: dict[str, tuple[str, tuple[str, str, str, str, str | None]]] = {
    "title case with a final tag": (
        "Harbour Deal Is Dead, Senator Ray Okafor Tells Council\n\nThe senator spoke on Monday.\n",
        ("Harbour Deal Is Dead", "Senator Ray Okafor", "speech", "tell", None),
    ),
    "title case with a final tag after a quoted claim": (
        "Ferry Cuts Are ‘A Disgrace,’ Union Says\n\nThe union met on Monday.\n",
        ("Ferry Cuts Are ‘A Disgrace,’", "Union", "speech", "say", None),
    ),
    "sentence case: a plural subject and a base form the tagger takes for a noun": (
        "Harbour skywriters blast mayor.\n\nThe banner flew for an hour.\n",
        ("mayor", "Harbour skywriters", "stance", "blast", "oppose"),
    ),
    "sentence case: the claim stops before the reporter's clause": (
        "Republican assails elites as he accepts party nomination.\n\nThe hall was full.\n",
        ("elites", "Republican", "stance", "assail", "oppose"),
    ),
}
# Headlines where no cue verb may be read: text -> the lemma that must not become a cue.
NOT_HEADLINES: dict[str, tuple[str, str]] = {
    "a noun before the real verb": ("Okafor attacks draw fire from allies\n\nThey met.\n", "attack"),
    "a noun before its preposition": ("Okafor attacks on the mayor backfire\n\nThey met.\n", "attack"),
    "sentence case without a cue": ("Harbour Union plan fails to win backing\n\nThey met.\n", "fail"),
}


@pytest.mark.parametrize("case", list(HEADLINES), ids=list(HEADLINES))
def test_headline_claim(case: str, nlp) -> None:
    text, (content, mention, frame, cue_lemma, stance) = HEADLINES[case]
    statements = analyse(text, nlp).statements
    first_line = [s for s in statements if s.end <= text.index("\n") and s.kind == "reported"]
    assert [(s.text, s.frame, s.cue_lemma, s.stance) for s in first_line] == [
        (content, frame, cue_lemma, stance)
    ]
    assert text[first_line[0].start : first_line[0].end] == content
    assert first_line[0].speaker_mention is not None
    assert first_line[0].speaker_mention.text == mention


@pytest.mark.parametrize("case", list(NOT_HEADLINES), ids=list(NOT_HEADLINES))
def test_no_headline_claim(case: str, nlp) -> None:
    text, lemma = NOT_HEADLINES[case]
    statements = analyse(text, nlp).statements
    cues = [s.cue_lemma for s in statements if s.end <= text.index("\n")]
    assert not [cue for cue in cues if cue is not None and cue.split()[0] == lemma], cues
