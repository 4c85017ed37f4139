"""A plural description ("her aides", "gay rights groups", "women") is never the one person whose
title the text wrote nearby: on PolNeAR's training split "Older people, who support Clinton" was
credited to the economist named before, and "courts" to the attorney general who filed an appeal."""

from __future__ import annotations

import pytest
from position_checks import analyse


@pytest.mark.parametrize(
    "text,content,actor",
    [
        (
            "Senator Ann Voss spoke at the rally. Her aides say she will run again next year.",
            "she will run again next year",
            "Her aides",
        ),
        (
            "Mayor Tom Reyes opened the hearing. Gay rights groups say the ordinance does not go far enough.",
            "the ordinance does not go far enough",
            "Gay rights groups",
        ),
        (
            "Governor Lisa Marsh signed the bill on Monday. "
            "Women in the state say the law will cost them dearly.",
            "the law will cost them dearly",
            "Women in the state",
        ),
        (
            "Attorney General Mark Hale filed the appeal. Courts have ruled that the policy is unlawful.",
            "the policy is unlawful",
            "Courts",
        ),
    ],
)
def test_a_plural_description_is_its_own_actor(text: str, content: str, actor: str, nlp) -> None:
    analysis = analyse(text, nlp)
    statement = next(s for s in analysis.statements if s.text == content)
    credited = analysis.actor(statement.actor)
    assert credited is not None and credited.name == actor


def test_a_singular_title_still_finds_the_person_named_beside_it(nlp) -> None:
    """The guard is for plurals only: "the minister" is still the minister named before."""
    text = (
        "Brazil's agriculture minister, Joao Ferreira, visited the farms. "
        "The minister said the harvest would be late."
    )
    analysis = analyse(text, nlp)
    statement = next(s for s in analysis.statements if s.text == "the harvest would be late")
    credited = analysis.actor(statement.actor)
    assert credited is not None and credited.name == "Joao Ferreira"
