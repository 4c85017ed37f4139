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


LEGEND: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (("entity.PERSON",), "Ann Lee", "person"),
    (("entity.ORG",), "the Senate", "organisation"),
    (("entity.GPE",), "Kyiv", "place"),
    (("entity.NORP",), "Ukrainian", "group (nation, party)"),
    (("entity.DATE",), "6 August", "date or time"),
    (("entity.CARDINAL",), "3,000", "number or amount"),
    (("quote.direct",), "“We will stay”", "direct quote"),
    (("quote.indirect",), "that talks failed", "reported statement"),
    (("statement.speaker", "entity.PERSON"), "Lee", "speaker (who says it)"),
    (("statement.cue",), "said", "cue (said, told)"),
    (("quote.current",), "“We will stay”", "current statement"),
    (("entity.PERSON", "speaker"), "Lee", "its speaker"),
    (("actor.mark",), "Lee", "the actor you follow"),
    (("quote.direct", "@dim"), "“We will”", "speaker is a guess"),
    (("highlight",), "a passage", "your highlight"),
    (("search.match",), "kursk", "search match"),
    (("selection",), "selected", "selection (shift+down)"),
)
"""The legend, in reading order: the style keys that draw a mark (in drawing order, composed as in the
article), a sample, and what it means. ``@dim`` is the reader's dimming of a statement whose speaker
is a guess (``reader.tui.highlights.DIM_KEY``; it has no theme key)."""
