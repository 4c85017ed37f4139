"""The highlight tags: a small fixed set named by colour, as KOReader's highlight colours.

Kept apart (no imports) so that the theme keys (``highlight.<tag>``) and the notes store can both
name them without one loading the other.
"""

from __future__ import annotations

HIGHLIGHT_TAGS: tuple[str, ...] = ("green", "yellow", "blue", "pink")
"""The tags a highlight can have; ``t`` cycles them in this order. What each looks like is the
theme's (style ``highlight.<tag>``, falling back to ``highlight``)."""

DEFAULT_TAG = HIGHLIGHT_TAGS[0]
"""A new highlight's tag, and the tag of every highlight stored before tags existed."""


def next_tag(tag: str) -> str:
    """The tag after ``tag`` in :data:`HIGHLIGHT_TAGS` (wrapping); an unknown tag goes to the first."""
    if tag not in HIGHLIGHT_TAGS:
        return DEFAULT_TAG
    return HIGHLIGHT_TAGS[(HIGHLIGHT_TAGS.index(tag) + 1) % len(HIGHLIGHT_TAGS)]
