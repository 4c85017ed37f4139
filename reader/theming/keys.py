"""The names a theme file may use: base colours and the reader's style keys.

These lists are the single source of truth for validation messages ("what is
allowed"), for completeness checks, and for the README, so a new style key is
added here once and every theme that lacks it is reported.
"""

from __future__ import annotations

BASE_COLOURS: tuple[str, ...] = (
    "primary",
    "secondary",
    "accent",
    "foreground",
    "background",
    "surface",
    "panel",
    "warning",
    "error",
    "success",
)
"""Colours handed to :class:`textual.theme.Theme`; Textual derives the rest."""

ENTITY_LABELS: tuple[str, ...] = (
    "PERSON",
    "ORG",
    "GPE",
    "LOC",
    "NORP",
    "FAC",
    "EVENT",
    "PRODUCT",
    "WORK_OF_ART",
    "LAW",
    "LANGUAGE",
    "MONEY",
    "PERCENT",
    "QUANTITY",
    "CARDINAL",
    "ORDINAL",
    "DATE",
    "TIME",
)
"""spaCy's OntoNotes entity labels, the ones the English pipelines produce."""

ENTITY_FALLBACK = "entity"

STATEMENT_STYLES = {"direct": "quote.direct", "reported": "quote.indirect"}
"""The style key for each statement kind. Reported statements keep the theme key ``quote.indirect``
that themes have always used, so existing user themes go on working."""

REQUIRED_STYLES: tuple[str, ...] = (
    "text",
    "muted",
    ENTITY_FALLBACK,
    "quote.direct",
    "quote.indirect",
    "quote.current",
    "speaker",
    "cue",
    "date",
    "date.current",
    "search.match",
    "search.current",
    "highlight",
    "note.marker",
    "actor.mark",
    "actor.person",
    "actor.organisation",
    "actor.place",
    "actor.group",
)
"""Styles a theme must end up with, itself or through ``extends``."""

ENTITY_STYLES: tuple[str, ...] = tuple(f"{ENTITY_FALLBACK}.{label}" for label in ENTITY_LABELS)
"""Per-label entity styles; a missing one falls back to ``entity``."""

STYLE_KEYS: tuple[str, ...] = REQUIRED_STYLES + ENTITY_STYLES
"""Every style key a resolved theme has, in documentation order."""


def fallback_key(key: str) -> str:
    """The key whose style is used for ``key`` when a theme does not set it.

    Only entity labels fall back (to ``entity``): an unknown label from a
    custom spaCy model is still drawn as an entity rather than failing.
    """
    if key.startswith(ENTITY_FALLBACK + "."):
        return ENTITY_FALLBACK
    return key
