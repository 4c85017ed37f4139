"""What each mark in the article means, in words: entity labels, families, and the legend rows.

spaCy's labels (``GPE``, ``NORP``) are the analysis's vocabulary, not the reader's; the status line,
the legend and the help screen say "place" and "group" instead. The entity *families* are the kinds
a reader tells apart at a glance (people, organisations, places, groups, time, numbers): every
bundled theme gives each family its own colour, and the tests check that they stay apart
(CIEDE2000, in truecolour and in 256 colours).
"""

from __future__ import annotations

LABEL_WORDS: dict[str, str] = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "building or facility",
    "NORP": "group",
    "EVENT": "event",
    "PRODUCT": "product",
    "WORK_OF_ART": "work of art",
    "LAW": "law",
    "LANGUAGE": "language",
    "MONEY": "amount of money",
    "PERCENT": "percentage",
    "QUANTITY": "quantity",
    "CARDINAL": "number",
    "ORDINAL": "ordinal number",
    "DATE": "date",
    "TIME": "time",
}
"""Each OntoNotes label as the reader calls it."""

ENTITY_FAMILIES: dict[str, tuple[str, ...]] = {
    "people": ("PERSON",),
    "organisations": ("ORG",),
    "places": ("GPE", "LOC"),
    "groups": ("NORP",),
    "time": ("DATE", "TIME"),
    "numbers": ("MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"),
}
"""The entity kinds that must look different from each other, by their labels."""


def label_words(label: str) -> str:
    """``"GPE"`` -> ``"place"``; a label Byline does not know (a custom model's) is shown lower-cased."""
    return LABEL_WORDS.get(label, label.lower().replace("_", " "))


LEGEND: tuple[tuple[str, str], ...] = (
    ("entity.PERSON", "person"),
    ("entity.ORG", "organisation"),
    ("entity.GPE", "place"),
    ("entity.NORP", "group (nationality, religion, party)"),
    ("entity.DATE", "date or time"),
    ("entity.CARDINAL", "number or amount"),
    ("quote.direct", "direct quote"),
    ("quote.indirect", "reported statement"),
    ("statement.speaker", "speaker (who says it)"),
    ("statement.cue", "cue (says, told, denied)"),
    ("quote.current", "current statement"),
    ("speaker", "speaker of the current statement"),
    ("actor.mark", "the actor you follow"),
    ("highlight", "your highlight"),
    ("search.match", "search match"),
    ("selection", "selection"),
)
"""The legend, in reading order: the theme style key that draws each mark, and what it means."""
