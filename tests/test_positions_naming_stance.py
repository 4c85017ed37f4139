"""A name given to something that condemns or praises it is a stance on it (issue 13): the blind sets
positions2-5 annotate 'called the bill "a slush fund"' as opposing the bill and 'called it "the best
deal this city has ever signed"' as supporting it, where Byline said speech. Whether the name
condemns or praises is VADER's call (reader/analysis/sentiment.py); a name that does neither stays
speech. Invented sentences."""

from __future__ import annotations

import pytest
from position_checks import Position, assert_one_position

from reader.analysis.sentiment import naming_stance

POSITIONS: dict[str, tuple[str, Position]] = {
    "a quoted name that condemns (the parser's apposition)": (
        'Voss called the bill "a shameless giveaway to donors."',
        ('the bill "a shameless giveaway to donors."', "Voss", "stance", "call", "oppose", "the bill"),
    ),
    "a quoted name that praises": (
        'The Courier called the council vote "a triumph of decency."',
        (
            'the council vote "a triumph of decency."',
            "Courier",
            "stance",
            "call",
            "support",
            "the council vote",
        ),
    ),
    "an adjective that condemns": (
        "Okafor called the remarks racist.",
        ("the remarks racist", "Okafor", "stance", "call", "oppose", "the remarks"),
    ),
    "a brand that condemns": (
        "The union branded the offer an insult to nurses.",
        ("the offer an insult to nurses", "Union", "stance", "brand", "oppose", "the offer"),
    ),
    "a neutral name stays speech": (
        "Voss called the plan a pause.",
        ("the plan a pause", "Voss", "speech", "call", None, None),
    ),
}


@pytest.mark.parametrize("case", list(POSITIONS), ids=list(POSITIONS))
def test_naming_position(case: str, nlp) -> None:
    text, expected = POSITIONS[case]
    assert_one_position(text, expected, nlp)


@pytest.mark.parametrize(
    "name,side",
    [
        ("a disgrace", "oppose"),
        ("the best deal this city has ever signed", "support"),
        ("an insult to the men and women who collapsed", "oppose"),
        ("a pause", None),
        ("premature", None),
    ],
)
def test_naming_stance(name: str, side: str | None) -> None:
    assert naming_stance(name) == side
