"""A party and state tag in brackets after a name ("Ed Rendell (D)", "Tim Ryan (D-Ohio)") is no name
of the speaker: US political copy writes one after most lawmakers, and PolNeAR's training split had
"Ed Rendell (D), a Clinton supporter, praised ..." credited to an actor called "D"."""

from __future__ import annotations

import pytest
from position_checks import analyse


@pytest.mark.parametrize(
    "text,content,speaker",
    [
        ("Ed Rendell (D) praised the plan.", "the plan", "Ed Rendell"),
        ("Rep. Tim Ryan (D-Ohio) criticized the deal.", "the deal", "Tim Ryan"),
        (
            "Former Pennsylvania governor Ed Rendell (D), a longtime ally, said the plan was fine.",
            "the plan was fine",
            "Ed Rendell",
        ),
        (
            "Senator Ann Voss (R) said she would vote against the bill.",
            "she would vote against the bill",
            "Ann Voss",
        ),
    ],
)
def test_a_bracketed_party_tag_is_not_the_speaker(text: str, content: str, speaker: str, nlp) -> None:
    analysis = analyse(text, nlp)
    statement = next(s for s in analysis.statements if s.text == content)
    assert statement.speaker == speaker
    assert {a.name for a in analysis.actors} >= {speaker}
    assert not any(a.name in ("D", "R", "D-Ohio") for a in analysis.actors)


def test_a_name_in_apposition_after_a_title_is_still_the_speaker(nlp) -> None:
    """Only a bracketed tag after a name is skipped: "commander Oleksandr Syrskyi" keeps the name."""
    text = "Ukrainian senior commander Oleksandr Syrskyi said the line held."
    statement = next(s for s in analyse(text, nlp).statements if s.text == "the line held")
    assert statement.speaker == "Oleksandr Syrskyi"


def test_a_state_in_a_party_tag_is_no_actor(nlp) -> None:
    """ "(D-Ore.)" listed an actor "Ore" in the side panel; a state named in the text stays one."""
    text = "Rep. Tim Ryan (D-Ohio) and Sen. Ann Voss (D-Ore.) criticized the bill. Voters in Ohio were angry."
    assert {a.name for a in analyse(text, nlp).actors} == {"Tim Ryan", "Ann Voss", "Ohio"}


@pytest.mark.parametrize(
    "text,speaker",
    [
        ("Majority Leader Tessa Rourke said the vote would fail.", "Tessa Rourke"),
        ("Senate Minority Whip Bob Kerr said the vote would fail.", "Bob Kerr"),
        ("House Speaker Harold Vance said the vote would fail.", "Harold Vance"),
        ("Floor Leader Ana Ruiz said the vote would fail.", "Ana Ruiz"),
    ],
)
def test_a_congressional_title_is_no_part_of_the_name(text: str, speaker: str, nlp) -> None:
    """US political copy titles its leaders "Majority Leader", "Minority Whip": the actor panel listed
    "Minority Leader Tessa Rourke" as a name."""
    analysis = analyse(text, nlp)
    statement = next(s for s in analysis.statements if s.text == "the vote would fail")
    assert analysis.actor(statement.actor).name == speaker  # type: ignore[union-attr]
