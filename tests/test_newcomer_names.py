"""Newcomer findings on their own articles: multi-word titles, roles that lost words, affiliations,
short forms of organisations. Each example with its exact expected value (invented sentences)."""

from __future__ import annotations

import pytest

from reader.analysis import Analysis, analyze
from reader.analysis.entities import organisation_short_form
from reader.analysis.model import Actor
from reader.analysis.names import is_title_modifier
from reader.sources.article import Article


def run(nlp, text: str) -> Analysis:
    return analyze(Article(text=text, source="t", published="2024-03-14"), nlp=nlp, use_cache=False)


def actor(analysis: Analysis, name: str) -> Actor:
    found = [a for a in analysis.actors if a.name == name]
    assert len(found) == 1, [(a.name, a.kind, a.roles) for a in analysis.actors]
    return found[0]


def people(analysis: Analysis) -> list[tuple[str, list[str]]]:
    return [(a.name, a.roles) for a in analysis.actors if a.kind == "person"]


# --- 1. A multi-word title never splits the name it precedes --------------------------------------


def test_chief_financial_officer_ana_costa_is_one_actor(nlp) -> None:
    """Newcomer: "Ana" and "Costa" (an organisation) were two actors."""
    analysis = run(nlp, "Chief Financial Officer Ana Costa said the results were strong.")
    assert [(a.name, a.kind, a.roles) for a in analysis.actors] == [
        ("Ana Costa", "person", ["Chief Financial Officer"])
    ]
    assert [s.speaker for s in analysis.statements] == ["Ana Costa"]


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Chief Executive Officer Rui Almeida said the merger would close in May.", "Rui Almeida",
         "Chief Executive Officer"),
        ("Deputy Prime Minister Tomas Varga said the budget would pass.", "Tomas Varga",
         "Deputy Prime Minister"),
        ("Attorney General Helena Brandt said the case would proceed.", "Helena Brandt", "Attorney General"),
        ("Secretary of State Mark Ellison said the talks had stalled.", "Mark Ellison", "Secretary of State"),
        ("Director of Public Prosecutions Sara Lind said charges would follow.", "Sara Lind",
         "Director of Public Prosecutions"),
        ("Minister of Finance Ruth Okello said the budget was balanced.", "Ruth Okello",
         "Minister of Finance"),
    ],
)
def test_other_multi_word_titles_leave_one_person_with_the_whole_title(nlp, text: str, name: str,
                                                                        role: str) -> None:
    """The portfolio of a title ("of State", "of Public Prosecutions") is neither part of the name
    nor an actor of its own."""
    analysis = run(nlp, text)
    assert people(analysis) == [(name, [role])]
    assert [a.name for a in analysis.actors] == [name]
    assert actor(analysis, name).affiliation is None
    assert [s.speaker for s in analysis.statements] == [name]


# --- 2. A role keeps its modifiers ---------------------------------------------------------------


def test_managing_director_keeps_managing(nlp) -> None:
    """Newcomer: "Managing Director Ines Haller" had the role "Director"."""
    analysis = run(nlp, "Managing Director Ines Haller said the fund was closed.")
    assert people(analysis) == [("Ines Haller", ["Managing Director"])]


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Vice President Olu Bakare said the deal was fair.", "Olu Bakare", "Vice President"),
        ("Acting Governor Pia Moreau said rates would stay.", "Pia Moreau", "Acting Governor"),
        ("Former Interim Chief Executive Lars Holm said the board had failed.", "Lars Holm",
         "Former Interim Chief Executive"),
        ("Executive Director Nadia Flores said the charity needed funds.", "Nadia Flores",
         "Executive Director"),
        ("Assistant Chief Constable Mark Reed said arrests were made.", "Mark Reed",
         "Assistant Chief Constable"),
        ("Associate Professor Lena Voss said the data were clear.", "Lena Voss", "Associate Professor"),
        ("Outgoing General Manager Paulo Sousa said he was proud.", "Paulo Sousa",
         "Outgoing General Manager"),
        ("Senior Vice President Kim Dorsey said the sales figures were strong.", "Kim Dorsey",
         "Senior Vice President"),
    ],
)
def test_title_modifiers_stay_in_the_role_and_out_of_the_name(nlp, text: str, name: str, role: str) -> None:
    analysis = run(nlp, text)
    assert people(analysis) == [(name, [role])]
    assert [s.speaker for s in analysis.statements] == [name]


@pytest.mark.parametrize(
    ("word", "expected"),
    [("Managing", True), ("acting", True), ("Former", True), ("outgoing", True), ("Interim", True),
     ("Director", False), ("Costa", False)],
)
def test_title_modifier_words(word: str, expected: bool) -> None:
    assert is_title_modifier(word) is expected


# --- 3. Affiliations and short forms of organisations --------------------------------------------


def test_an_analyst_at_an_organisation_is_affiliated_not_a_second_speaker(nlp) -> None:
    analysis = run(nlp, "Marta Reis, an analyst at Banco Atlântico, said the rate cut was likely.")
    reis = actor(analysis, "Marta Reis")
    assert (reis.kind, reis.roles, reis.affiliation) == ("person", ["analyst at Banco Atlântico"],
                                                          "Banco Atlântico")
    assert [(s.speaker, s.actor) for s in analysis.statements] == [("Marta Reis", "marta-reis")]
    assert actor(analysis, "Banco Atlântico").statements == []


def test_roles_for_and_of_an_organisation_name_it_as_affiliation(nlp) -> None:
    analysis = run(
        nlp,
        "Rui Pacheco, energy spokesman for the Social Democratic Party, said the ferry licence should go. "
        "Mary Brennan, general secretary of the Transport Union, said fares would rise.",
    )
    assert actor(analysis, "Rui Pacheco").affiliation == "Social Democratic Party"
    assert actor(analysis, "Mary Brennan").affiliation == "Transport Union"


def test_lumora_after_lumora_bank_is_the_bank(nlp) -> None:
    """Newcomer: a lone "Lumora" after "Lumora Bank" was read as a person."""
    analysis = run(nlp, "Lumora Bank reported a loss on Tuesday. Lumora said it would cut 300 jobs.")
    bank = actor(analysis, "Lumora Bank")
    assert (bank.kind, bank.aliases) == ("organisation", ["Lumora"])
    assert [a.name for a in analysis.actors] == ["Lumora Bank"]
    assert [s.speaker for s in analysis.statements if "300 jobs" in s.text] == ["Lumora Bank"]
    assert {e.label for e in analysis.entities if e.text == "Lumora"} == {"ORG"}


def test_a_short_form_that_is_a_place_name_joins_only_when_not_used_as_a_place(nlp) -> None:
    analysis = run(
        nlp,
        "Toyama Motors cut its forecast. Toyama said demand had fallen in Japan. "
        "Japan Airlines said flights would resume.",
    )
    assert actor(analysis, "Toyama Motors").aliases == ["Toyama"]
    assert actor(analysis, "Japan").kind == "place"
    assert actor(analysis, "Japan Airlines").aliases == []
    assert [s.speaker for s in analysis.statements] == ["Toyama Motors", "Japan Airlines"]


def test_a_two_word_short_form_of_an_organisation_is_no_persons_full_name(nlp) -> None:
    """The model tags "Gulf Horizon" PERSON; it is the authority named just before (this crashed)."""
    analysis = run(nlp, "Gulf Horizon Ports Authority said traffic rose. Gulf Horizon said it would hire.")
    authority = actor(analysis, "Gulf Horizon Ports Authority")
    assert (authority.kind, authority.aliases) == ("organisation", ["Gulf Horizon"])
    assert [a.name for a in analysis.actors] == ["Gulf Horizon Ports Authority"]
    assert [s.speaker for s in analysis.statements if "hire" in s.text] == ["Gulf Horizon Ports Authority"]


def test_a_short_form_in_a_later_role_phrase_joins_too(nlp) -> None:
    analysis = run(
        nlp,
        "Marta Reis, chief economist at Lumora Bank, said the rate cut was likely. "
        "Lumora declined to comment.",
    )
    reis = actor(analysis, "Marta Reis")
    assert (reis.roles, reis.affiliation) == (["chief economist at Lumora Bank"], "Lumora Bank")
    assert actor(analysis, "Lumora Bank").aliases == ["Lumora"]
    assert [a.name for a in analysis.actors] == ["Marta Reis", "Lumora Bank"]


@pytest.mark.parametrize(
    ("name", "short"),
    [("Lumora Bank", "Lumora"), ("Gulf Horizon Ports Authority", "Gulf Horizon"), ("Toyama Motors", "Toyama"),
     ("Bank of Thailand", None), ("Transmar", None)],
)
def test_organisation_short_form(name: str, short: str | None) -> None:
    assert organisation_short_form(name) == short


# --- 4. Echoing another's position is a stance, never the other's speech --------------------------


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Rafael Nunes echoed Marta Reis's sentiments, saying the deal was fair.",
         "Marta Reis's sentiments"),
        ("Rafael Nunes echoed the concerns of Marta Reis about the deal.",
         "the concerns of Marta Reis about the deal"),
        ("Rafael Nunes echoed the union's warnings on Monday.", "the union's warnings"),
    ],
)
def test_echoing_someones_sentiments_is_a_stance_of_support(nlp, text: str, target: str) -> None:
    """Newcomer: "X echoed Y's sentiments" was read as speech."""
    analysis = run(nlp, text)
    echoed = [s for s in analysis.statements if s.cue_lemma == "echo"]
    assert [(s.speaker, s.frame, s.stance, s.target.text if s.target else None) for s in echoed] == [
        ("Rafael Nunes", "stance", "support", target)
    ]
    assert "Marta Reis" not in {s.speaker for s in analysis.statements}


def test_echoed_words_that_are_no_ones_position_stay_speech(nlp) -> None:
    analysis = run(nlp, "Rafael Nunes echoed that comment on Monday.")
    assert [(s.speaker, s.frame) for s in analysis.statements] == [("Rafael Nunes", "speech")]


def test_sharing_the_view_of_someone_never_credits_them(nlp) -> None:
    analysis = run(nlp, "Rafael Nunes shared the view of Marta Reis that the deal was fair.")
    assert "Marta Reis" not in {s.speaker for s in analysis.statements}
    assert {a.name: a.kind for a in analysis.actors} == {"Rafael Nunes": "person", "Marta Reis": "person"}


def test_a_known_first_name_makes_a_person_whatever_the_model_says(nlp) -> None:
    """The model tagged "Rafael Nunes" ORG and "Marta Reis's" GPE in the newcomer's sentence."""
    analysis = run(nlp, "Rafael Nunes echoed Marta Reis's sentiments, saying the deal was fair.")
    assert [(a.name, a.kind) for a in analysis.actors] == [
        ("Rafael Nunes", "person"), ("Marta Reis", "person")
    ]


# --- 5. Interview transcripts: Q is the interviewer named in prose, A the interviewee --------------

_TRANSCRIPT = (
    "{intro}\n\nQ: Why cut the health budget?\n\nA: We did not cut it. We moved money to hospitals.\n\n"
    "Q: Will taxes rise?\n\nA: Not this year."
)


@pytest.mark.parametrize(
    "intro",
    [
        "In an interview with Jane Roe of the Courier, Finance Minister Paulo Dias defended the budget.",
        "Finance Minister Paulo Dias spoke to Jane Roe of the Courier about the budget.",
        "Finance Minister Paulo Dias was interviewed by Jane Roe for the Courier.",
    ],
)
def test_q_turns_are_the_interviewer_named_in_prose_and_a_turns_the_interviewee(nlp, intro: str) -> None:
    analysis = run(nlp, _TRANSCRIPT.format(intro=intro))
    turns = [(s.text, s.speaker, s.how) for s in analysis.statements if s.how == "qa"]
    assert turns == [
        ("Why cut the health budget?", "Jane Roe", "qa"),
        ("We did not cut it. We moved money to hospitals.", "Paulo Dias", "qa"),
        ("Will taxes rise?", "Jane Roe", "qa"),
        ("Not this year.", "Paulo Dias", "qa"),
    ]


def test_an_interview_with_a_titled_person_makes_them_the_interviewee(nlp) -> None:
    """ "In an interview with [the minister]": no outlet follows the name, so it is not the asker."""
    intro = "In an interview with Finance Minister Paulo Dias on Monday, the budget came first."
    analysis = run(nlp, _TRANSCRIPT.format(intro=intro))
    turns = [s.speaker for s in analysis.statements if s.how == "qa"]
    assert turns == [None, "Paulo Dias", None, "Paulo Dias"]
