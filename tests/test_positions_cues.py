"""Positions from more cue constructions (issue 13, the ``cues`` round): stance verbs with a person
pronoun as object, speech verbs with an object, more verb + preposition cues, ``take aim at``, and
``called for X to VP``. Invented sentences; each gives exactly one reported statement
(content, holder, frame, cue lemma, stance, target), the negative cases none."""

from __future__ import annotations

import pytest
from position_checks import Position, analyse, assert_no_statement, assert_one_position

CASES: dict[str, tuple[str, Position]] = {
    # A stance on a person named by a pronoun
    "endorsed her": (
        "Governor Ann Bell endorsed her on Tuesday.",
        ("her", "Ann Bell", "stance", "endorse", "support", "her"),
    ),
    "are rejecting him": (
        "Voters are rejecting him.",
        ("him", "Voters", "stance", "reject", "oppose", "him"),
    ),
    # Speech verbs with an object
    "declared his candidacy": (
        "The governor took the stage to declare his candidacy.",
        ("his candidacy", "Governor", "speech", "declare", None, None),
    ),
    "explained her vote": (
        "Senator Ann Bell explained her vote on Friday.",
        ("her vote", "Ann Bell", "speech", "explain", None, None),
    ),
    "disputed the figures": (
        "The union disputed the figures.",
        ("the figures", "Union", "stance", "dispute", "oppose", "the figures"),
    ),
    "repeated his claim that (the noun cue's clause only)": (
        "Governor Ben Lutz repeated his claim that the fares were fair.",
        ("the fares were fair", "Ben Lutz", "speech", "claim", None, None),
    ),
    "described the scene": (
        "Senator Ann Bell described the scene at the port.",
        ("the scene", "Ann Bell", "speech", "describe", None, None),
    ),
    "ordered a recount": (
        "The judge ordered a recount.",
        ("a recount", "Judge", "stance", "order", "demand", "a recount"),
    ),
    "reminded X of": (
        "The mayor reminded voters of her record.",
        ("her record", "Mayor", "speech", "remind of", None, None),
    ),
    "sees that": (
        "Party leaders see that the tide is turning.",
        ("the tide is turning", "Party leaders", "belief", "see", None, None),
    ),
    # A gerund as the object
    "reported earning": (
        "The firm reported earning $12 million last year.",
        ("earning $12 million last year", "Firm", "speech", "report", None, None),
    ),
    "defended raising": (
        "Senator Ann Bell defended raising the fees.",
        ("raising the fees", "Ann Bell", "stance", "defend", "support", "raising the fees"),
    ),
    "opposes closing": (
        "The union opposes closing the plant.",
        ("closing the plant", "Union", "stance", "oppose", "oppose", "closing the plant"),
    ),
    # A to-clause with its own subject: wanted by one holder; said by a caused one
    "want X to VP": (
        "Critics of the mayor want the council to reject the plan.",
        ("the council to reject the plan", "Critics of the mayor", "intention", "want to", None, None),
    ),
    "led X to say that": (
        "The delay led Republicans to say that the party was hiding its candidate.",
        ("the party was hiding its candidate", "Republicans", "speech", "say", None, None),
    ),
    # Verb + preposition
    "weighed in on": (
        "Senator Ann Bell weighed in on the dispute.",
        ("the dispute", "Ann Bell", "speech", "weigh on", None, None),
    ),
    "doubled down on": (
        "Governor Tom Reyes doubled down on his plan.",
        ("his plan", "Tom Reyes", "speech", "double on", None, None),
    ),
    "stands by": (
        "The union stands by its claims.",
        ("its claims", "Union", "stance", "stand by", "support", "its claims"),
    ),
    "went after": (
        "Senator Ann Bell went after the governor.",
        ("the governor", "Ann Bell", "stance", "go after", "oppose", "the governor"),
    ),
    "believes in": (
        "Mayor Tom Reyes believes in free transit.",
        ("free transit", "Tom Reyes", "stance", "believe in", "support", "free transit"),
    ),
    # take aim at, take a shot at, take issue with
    "took aim at": (
        "Governor Tom Reyes took aim at the new budget.",
        ("the new budget", "Tom Reyes", "stance", "take aim at", "oppose", "the new budget"),
    ),
    "had taken a shot at": (
        "The senator had taken a shot at her rivals.",
        ("her rivals", "Senator", "stance", "take shot at", "oppose", "her rivals"),
    ),
    "takes issue with": (
        "Minister Karl Holt takes issue with the ruling.",
        ("the ruling", "Karl Holt", "stance", "take issue with", "oppose", "the ruling"),
    ),
    "took several swipes at": (
        "The governor also took several swipes at the mayor.",
        ("the mayor", "Governor", "stance", "take swipe at", "oppose", "the mayor"),
    ),
    "threw her support behind": (
        "Carla Reyes threw her support behind Senator Tom Hale on Wednesday.",
        ("Senator Tom Hale", "Carla Reyes", "stance", "throw support behind", "support", "Senator Tom Hale"),
    ),
    # Particle verbs with the position as object
    "shrugged off": (
        "The minister shrugged off the criticism.",
        ("the criticism", "Minister", "stance", "shrug off", "oppose", "the criticism"),
    ),
    # Comparisons, naming as, hitting over
    "likened X to Y": (
        "Professor Ann Bell likened the campaign to a car crash.",
        ("the campaign to a car crash", "Ann Bell", "speech", "liken to", None, None),
    ),
    "heralded X as Y": (
        "The chancellor heralded the deal as a breakthrough.",
        ("the deal as a breakthrough", "Chancellor", "stance", "herald as", "support", "the deal"),
    ),
    "hit X over Y": (
        "Mayor Tom Reyes hit the governor over the budget.",
        ("the budget", "Tom Reyes", "stance", "hit over", "oppose", "the governor"),
    ),
    # "for" as the mark of an infinitive clause with its own subject
    "called for X to resign": (
        "The mayor called for the council to resign.",
        ("the council to resign", "Mayor", "stance", "call for", "demand", "the council to resign"),
    ),
    "pushed for X to act": (
        "Senator Ann Bell pushed for Congress to act on the bill.",
        (
            "Congress to act on the bill",
            "Ann Bell",
            "stance",
            "push for",
            "demand",
            "Congress to act on the bill",
        ),
    ),
}

NEGATIVES: dict[str, str] = {
    "did not endorse her": "Governor Ann Bell did not endorse her.",
    "has not called for X to resign": "The mayor has not called for the council to resign.",
    "took the bus": "The governor took the bus to the capital.",
    "took issue at a meeting": "The governor took issue at the meeting.",
    "praised it (no person)": "The mayor praised it.",
    "did not oppose closing": "The union did not oppose closing the plant.",
    "did not want X to VP": "The senator did not want the council to reject the plan.",
    "forced X to VP (no cue)": "The storm forced the city to close the bridge.",
    "described X: followed by a quotation (the quotation is the statement)": (
        'Rosa Park described the night: "The water came in through the floor."'
    ),
    "saw the fire spread (sight, no belief)": "I saw the fire spread across the hill.",
    "compared notes with (no comparison)": "The mayor compared notes with the governor.",
    "the storm hit the coast (no person, no preposition cue)": "The storm hit the coast on Monday.",
}




@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_position(case: str, nlp) -> None:
    text, expected = CASES[case]
    assert_one_position(text, expected, nlp)


@pytest.mark.parametrize("case", list(NEGATIVES), ids=list(NEGATIVES))
def test_no_position(case: str, nlp) -> None:
    assert_no_statement(NEGATIVES[case], nlp, kind="reported")


def test_a_speech_object_before_a_quotation_leaves_the_quotation_to_its_speaker(nlp) -> None:
    text = 'Rosa Park described the night. "The water came in through the floor," she said.'
    found = [(s.kind, s.text, s.speaker) for s in analyse(text, nlp).statements]
    assert found == [("direct", '"The water came in through the floor,"', "Rosa Park")]
