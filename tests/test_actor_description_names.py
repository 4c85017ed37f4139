"""How actors the bundled sample showed oddly are named and kinded: a described source keeps its
determiner when a common noun's possessive follows it ("The country's weather service", not
"Country's weather service", which reads as a name), and a name written before a lower-case noun of
a water or land feature is a place ("the shrinking Vaal reservoir": the model tags "Vaal" ORG)."""

from __future__ import annotations

import pytest
from position_checks import analyse


@pytest.mark.parametrize(
    "text,content,name",
    [
        (
            "The country's weather service said on Thursday that it expected below-average rain.",
            "it expected below-average rain",
            "The country's weather service",
        ),
        (
            "The company's lawyers said the claim had no merit.",
            "the claim had no merit",
            "The company's lawyers",
        ),
        (
            "The ministry's spokesman said the talks would resume.",
            "the talks would resume",
            "The ministry's spokesman",
        ),
        (
            "The regional government's transport department said it would respond within a month.",
            "it would respond within a month",
            "The regional government's transport department",
        ),
        (
            "The Ukrainian government said the talks would resume.",
            "the talks would resume",
            "Ukrainian government",
        ),
        (
            "The dockers' union said the strike would go ahead.",
            "the strike would go ahead",
            "The dockers' union",
        ),
    ],
)
def test_a_description_is_named_by_its_words(text: str, content: str, name: str, nlp) -> None:
    analysis = analyse(text, nlp)
    statement = next(s for s in analysis.statements if s.text == content)
    actor = analysis.actor(statement.actor)
    assert actor is not None and actor.name == name


@pytest.mark.parametrize(
    "text,name",
    [
        (
            "Negotiators failed on Wednesday to agree on how to share the shrinking Vaal reservoir, "
            "according to officials familiar with the talks.",
            "Vaal",
        ),
        ("Fishermen on the Tonle delta say the catch has halved.", "Tonle"),
        ("Engineers at the Kariba dam warned that the water was low.", "Kariba"),
    ],
)
def test_a_name_before_a_feature_noun_is_a_place(text: str, name: str, nlp) -> None:
    kinds = {a.name: a.kind for a in analyse(text, nlp).actors}
    assert kinds[name] == "place", kinds


@pytest.mark.parametrize(
    "text,content,name",
    [
        (
            "Critics inside the party argue that the plan will fail.",
            "the plan will fail",
            "Critics inside the party",
        ),
        (
            "The vote passed, according to a person who attended the caucus meeting.",
            "The vote passed",
            "Person who attended the caucus meeting",
        ),
        (
            "Officials at the ministry said the plan was dead.",
            "the plan was dead",
            "Officials at the ministry",
        ),
        ("Critics in recent weeks have said the plan is dead.", "the plan is dead", "Critics"),
        ("Analysts on Tuesday said the deal was dead.", "the deal was dead", "Analysts"),
    ],
)
def test_a_bare_source_keeps_what_places_it(text: str, content: str, name: str, nlp) -> None:
    """ "Critics inside the party" and "a person who attended the meeting" are who the source is (the
    blind set attribution_positions5 had them as "Critics" and "Person"); a time is not."""
    analysis = analyse(text, nlp)
    statement = next(s for s in analysis.statements if s.text == content)
    actor = analysis.actor(statement.actor)
    assert actor is not None and actor.name == name


@pytest.mark.parametrize(
    "text,name,role,affiliation",
    [
        (
            '"We cannot wait," said Nomvula Dlamini, Eastvale\'s water minister.',
            "Nomvula Dlamini",
            "water minister",
            "Eastvale",
        ),
        ('"We cannot wait," said Ann Voss, her spokeswoman.', "Ann Voss", "spokeswoman", None),
    ],
)
def test_a_named_owner_of_a_role_is_the_affiliation(
    text: str, name: str, role: str, affiliation, nlp
) -> None:
    """A second newcomer read "Nomvula Dlamini [water minister]" with no affiliation in the drought
    sample; a pronoun owner ("her spokeswoman") names none."""
    actor = next(a for a in analyse(text, nlp).actors if a.name == name)
    assert (actor.roles, actor.affiliation) == ([role], affiliation)
