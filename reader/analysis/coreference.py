"""Gender evidence for resolving "he" and "she" to the person they stand for.

A pronoun tag ("..., she said") must go to a person the text allows to be "she". Three kinds of
evidence say so, strongest first: an honorific written before the name (``Mr``, ``Ms``, ``Mrs``), an
earlier "he"/"she" already resolved to the same person in a way that cannot be wrong ("Okafor said he
would ..."), and the first name. First names come from ``data/first_names.txt``: US Social Security
baby-name counts since 1920 (public domain), keeping names borne by at least 1,000 people of whom at
least 95% are one sex (built by ``benchmarks/build_first_names.py``). A name not in the table (most
non-US names, unisex names such as Jordan) says nothing.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_TABLE = Path(__file__).parent / "data" / "first_names.txt"

# Honorifics and titles that tell gender, without the full stop ("Mr." and "Mr").
HONORIFIC_PRONOUN: dict[str, str] = {
    "mr": "he",
    "sir": "he",
    "lord": "he",
    "ms": "she",
    "mrs": "she",
    "miss": "she",
    "dame": "she",
    "lady": "she",
    "madam": "she",
    "councilwoman": "she",
    "chairwoman": "she",
    "spokeswoman": "she",
    "councilman": "he",
    "chairman": "he",
    "spokesman": "he",
}
# How much each kind of evidence weighs when they disagree.
HONORIFIC_WEIGHT = 3
FIRST_NAME_WEIGHT = 2
PRONOUN_WEIGHT = 1


@cache
def _first_names() -> dict[str, str]:
    table: dict[str, str] = {}
    for line in _TABLE.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        pronoun, *names = line.split()
        for name in names:
            table[name] = pronoun
    return table


def first_name_pronoun(name: str) -> str | None:
    """ "he" or "she" for a full name whose first word is a strongly gendered first name.

    A one-word name says nothing: it is usually a surname ("Lund"). Titles are skipped
    ("Senator Ray Okafor" -> "ray").
    """
    words = [w.strip(".,").lower() for w in name.split()]
    while words and words[0] in HONORIFIC_PRONOUN:
        words = words[1:]
    if len(words) < 2:
        return None
    return _first_names().get(words[0])


def honorific_pronoun(text: str, start: int) -> str | None:
    """ "he" or "she" when the word right before ``start`` is a gendered honorific ("Ms Kaur")."""
    words = text[max(0, start - 16) : start].split()
    if not words:
        return None
    return HONORIFIC_PRONOUN.get(words[-1].rstrip(".").lower())
