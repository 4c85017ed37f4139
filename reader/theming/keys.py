"""The names a theme file may use: base colours and the reader's style keys.

These lists are the single source of truth for validation messages ("what is
allowed"), for completeness checks, and for the README, so a new style key is
added here once and every theme that lacks it is reported.
"""

from __future__ import annotations

from collections.abc import Mapping

from reader.highlight_tags import HIGHLIGHT_TAGS

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

TAG_STYLES: dict[str, str] = {tag: f"highlight.{tag}" for tag in HIGHLIGHT_TAGS}
"""The style key of each highlight tag (``highlight.green`` ...); each falls back to ``highlight``,
so a theme written before tags existed draws every tag as its one highlight colour."""


def tag_style(tag: str | None) -> str:
    """The style key a highlight with ``tag`` is drawn with (an unknown tag: ``highlight``)."""
    return TAG_STYLES.get(tag or "", "highlight")


STATEMENT_STYLES = {"direct": "quote.direct", "reported": "quote.indirect"}
"""The style key for each statement kind. Reported statements keep the theme key ``quote.indirect``
that themes have always used, so existing user themes go on working."""

READER_STYLES: tuple[str, ...] = (
    "text",
    "muted",
    ENTITY_FALLBACK,
    "quote.direct",
    "quote.indirect",
    "quote.current",
    "speaker",
    "cue",
    "statement.speaker",
    "statement.cue",
    "date",
    "date.current",
    "search.match",
    "search.current",
    "highlight",
    *TAG_STYLES.values(),
    "note.marker",
    "selection",
    "actor.mark",
    "actor.person",
    "actor.organisation",
    "actor.place",
    "actor.group",
    "actor.document",
    "link",
    "link.inert",
)
"""The reader's styles (besides the per-label entity styles), in documentation order."""

REQUIRED_STYLES: tuple[str, ...] = ("text", ENTITY_FALLBACK, "quote.direct", "highlight")
"""The essential styles: a theme must set these, itself or through ``extends``. Every other
style falls back along :data:`STYLE_PARENTS` to one of them, so a style key added in a later
version never makes an older user theme fail to load."""

STYLE_PARENTS: dict[str, str] = {
    "muted": "text",
    "quote.indirect": "quote.direct",
    "quote.current": "highlight",
    "speaker": f"{ENTITY_FALLBACK}.PERSON",
    "cue": "quote.indirect",
    "statement.speaker": "speaker",
    "statement.cue": "cue",
    "date": f"{ENTITY_FALLBACK}.DATE",
    "date.current": "quote.current",
    "search.match": "highlight",
    "search.current": "quote.current",
    "note.marker": "highlight",
    "selection": "search.match",
    **{key: "highlight" for key in TAG_STYLES.values()},
    "actor.mark": "quote.current",
    "actor.person": f"{ENTITY_FALLBACK}.PERSON",
    "actor.organisation": f"{ENTITY_FALLBACK}.ORG",
    "actor.place": f"{ENTITY_FALLBACK}.GPE",
    "actor.group": f"{ENTITY_FALLBACK}.NORP",
    "actor.document": f"{ENTITY_FALLBACK}.WORK_OF_ART",
    "link": ENTITY_FALLBACK,
    "link.inert": "muted",
}
"""Where a style that a theme does not set comes from (posting's ``fill_with_defaults``, as a
chain): ``cue`` -> ``quote.indirect`` -> ``quote.direct``; every ``entity.<LABEL>`` -> ``entity``."""

ENTITY_STYLES: tuple[str, ...] = tuple(f"{ENTITY_FALLBACK}.{label}" for label in ENTITY_LABELS)
"""Per-label entity styles; a missing one falls back to ``entity``."""

STYLE_KEYS: tuple[str, ...] = READER_STYLES + ENTITY_STYLES
"""Every style key a resolved theme has, in documentation order."""


def fallback_key(key: str) -> str:
    """The key whose style is used for ``key`` when a theme does not set it (one step of the chain).

    An essential style is its own fallback. An unknown label from a custom
    spaCy model (``entity.FOO``) is still drawn as an entity rather than failing.
    """
    if key in STYLE_PARENTS:
        return STYLE_PARENTS[key]
    if key.startswith(ENTITY_FALLBACK + "."):
        return ENTITY_FALLBACK
    return key


def fallback_chain(key: str) -> tuple[str, ...]:
    """``key`` and the keys it falls back to, in order, ending at an essential style."""
    chain = [key]
    while (parent := fallback_key(chain[-1])) != chain[-1]:
        chain.append(parent)
    return tuple(chain)


def fill_with_defaults(styles: Mapping[str, str]) -> dict[str, str]:
    """Every key of :data:`STYLE_KEYS`: the theme's own style, else the first one set along its chain.

    ``styles`` must hold the :data:`REQUIRED_STYLES` (``KeyError`` otherwise).
    """
    filled: dict[str, str] = {}
    for key in STYLE_KEYS:
        found = next((styles[k] for k in fallback_chain(key) if k in styles), None)
        if found is None:
            raise KeyError(fallback_chain(key)[-1])
        filled[key] = found
    return filled
