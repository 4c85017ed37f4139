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
