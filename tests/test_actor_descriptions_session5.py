"""Actors the blind set attribution_positions4 showed wrong on its first run (session 5), each fixed as a
kind and checked here on invented passages: a hyphenated surname after a title, an age description
("the 58-year-old") as the subject of a cue, a document sent *to* an organisation, and company names
whose last word says they are companies ("Harrowgate Foods")."""

from __future__ import annotations

import pytest
from position_checks import analyse

from reader.analysis.names import shape_label


def _credited(text: str, nlp, content: str) -> str | None:
    analysis = analyse(text, nlp)
    statement = next(s for s in analysis.statements if s.text == content)
    actor = analysis.actor(statement.actor)
    return actor.name if actor else None


def test_a_hyphenated_surname_after_a_title_is_one_name(nlp) -> None:
    text = (
        '"This was a hard quarter," Chief Executive Rosalind Okafor-Baines told analysts on a '
        "conference call. Okafor-Baines pledged on the call to find jobs elsewhere."
    )
    analysis = analyse(text, nlp)
    names = {analysis.actor(s.actor).name for s in analysis.statements if s.actor}  # type: ignore[union-attr]
    assert names == {"Rosalind Okafor-Baines"}


@pytest.mark.parametrize("cue", ["said the plan was fine", "believes the company will recover"])
def test_an_age_description_is_the_person_named_before(cue: str, nlp) -> None:
    text = f"Ann Voss, the chief executive, spoke on Tuesday. The 58-year-old {cue}."
    content = cue.split(" ", 1)[1]
    assert _credited(text, nlp, content) == "Ann Voss"


def test_a_document_is_not_issued_by_the_body_it_was_sent_to(nlp) -> None:
    text = (
        "Harrowgate Foods expects lower earnings, the company said in a filing with the Securities "
        "Commission. The filing also shows that Harrowgate took a $48 million charge."
    )
    assert _credited(text, nlp, "Harrowgate took a $48 million charge") == "Harrowgate Foods"


@pytest.mark.parametrize(
    "company",
    ["Harrowgate Foods", "Brisko Brands", "Cantrell Laboratories", "Ardenshire Trains", "Quarry Hotels"],
)
def test_a_company_named_by_its_trade_has_the_shape_of_an_organisation(company: str) -> None:
    """The name's last word decides when the model's labels disagree across the article (the
    blind article had "Harrowgate Foods" as a person)."""
    assert shape_label(company) == "ORG"


def test_a_trade_word_alone_is_no_organisation() -> None:
    assert shape_label("Foods") is None


def test_a_title_the_model_tagged_alone_is_no_actor(nlp) -> None:
    """The model tags "[Councillor] Rhona [Baird]": the title is neither a name nor a mention of
    every other councillor."""
    text = (
        "The leader of the Independent group, Councillor Amir Haddad, called for Stray to resign. "
        "The council leader, Councillor Rhona Baird, is understood to have pushed for the pause."
    )
    analysis = analyse(text, nlp)
    names = {a.name for a in analysis.actors}
    assert "Rhona Baird" in names and "Councillor Rhona Baird" not in names and "Councillor" not in names
    assert _credited(text, nlp, "Stray to resign") == "Amir Haddad"


@pytest.mark.parametrize(
    "text,content,source",
    [
        (
            "A 2024 study by the Marlow Institute, which looked at 31 stadium deals, found that only "
            "three had returned more than they cost.",
            "only three had returned more than they cost",
            "Marlow Institute study",
        ),
        (
            "A 2023 review of 14 smaller studies by the Nordmark Sleep Council found no clear link "
            "between napping and heart health.",
            "no clear link between napping and heart health",
            "Nordmark Sleep Council review",
        ),
    ],
)
def test_a_study_is_named_by_its_maker(text: str, content: str, source: str, nlp) -> None:
    assert _credited(text, nlp, content) == source


def test_an_x_of_y_body_the_model_missed_is_one_organisation(nlp) -> None:
    text = "The Ardenshire Chamber of Commerce estimates that the strike will cost local businesses £6m."
    analysis = analyse(text, nlp)
    assert [(a.name, a.kind) for a in analysis.actors] == [("Ardenshire Chamber of Commerce", "organisation")]
    assert shape_label("Ardenshire Chamber of Commerce") == "ORG"


def _column(byline: str) -> str:
    return (
        f"The Loan Is a Bad Bet\n{byline}Published: 2026-11-02\n\n"
        'Mayor Tessa Quill called it "the best deal this city has ever signed." I suspect she will '
        "come to regret that sentence. She said the council would vote again.\n"
    )


@pytest.mark.parametrize(
    "byline,writer",
    [("By Hannah Ferro\n", "Hannah Ferro"), ("", None), ("By Hannah Ferro and Ravi Sen\n", None)],
)
def test_the_writers_own_i_is_the_author(byline: str, writer: str | None, tmp_path, nlp) -> None:
    """The columnist's "I" outside quotations is the byline's one author, never the last person
    named; with no author, or several, nobody. A later "she" is still the mayor."""
    from reader.analysis import analyze
    from reader.sources import load_article

    path = tmp_path / "column.txt"
    path.write_text(_column(byline), encoding="utf-8")
    analysis = analyze(load_article(path), nlp=nlp, use_cache=False)
    credited = {s.text: (analysis.actor(s.actor).name if s.actor else None) for s in analysis.statements}  # type: ignore[union-attr]
    assert credited["she will come to regret that sentence"] == writer
    assert credited["the council would vote again"] == "Tessa Quill"


@pytest.mark.parametrize(
    "text,content,source",
    [
        (
            "The company that owns the wind farm, Tidewell Energy, had argued that the fishermen knew "
            "of the cables when they were laid.",
            "the fishermen knew of the cables when they were laid",
            "Tidewell Energy",
        ),
        (
            "The man who founded the club, Ray Okafor, said the club would survive.",
            "the club would survive",
            "Ray Okafor",
        ),
        (
            "In a 2-1 decision, the three-judge panel of the Fifth District Court of Appeal found that "
            "the fishermen could not have known the extent of the damage.",
            "the fishermen could not have known the extent of the damage",
            "Fifth District Court of Appeal",
        ),
    ],
)
def test_the_subjects_own_name_wins(text: str, content: str, source: str, nlp) -> None:
    """A name closing the subject after its relative clause, and the body a panel or board is
    "of", are who speaks (the parser hangs the first on the clause's last noun)."""
    assert _credited(text, nlp, content) == source
