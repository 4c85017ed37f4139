"""Counted nouns in messages: ``1 quote``, ``2 quotes``, never ``1 quotes``."""

from __future__ import annotations

#: Plurals that are not the singular plus ``s``.
IRREGULAR = {"match": "matches", "entity": "entities", "analysis": "analyses"}


def number_of(count: int, singular: str, plural: str | None = None) -> str:
    """``number_of(1, "quote") == "1 quote"``,
    ``number_of(3, "reported statement") == "3 reported statements"``; the plural is ``plural`` when
    given, else from :data:`IRREGULAR` (by the last word), else ``+s``."""
    if count == 1:
        return f"{count} {singular}"
    if plural is None:
        head, _, last = singular.rpartition(" ")
        plural_last = IRREGULAR.get(last, last + "s")
        plural = f"{head} {plural_last}" if head else plural_last
    return f"{count} {plural}"
