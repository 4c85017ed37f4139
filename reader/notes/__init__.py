"""Highlights and notes on an article: the model, finding them again, and the store on disk.

* :mod:`reader.notes.model`: :class:`Highlight` and its selectors;
* :mod:`reader.notes.anchoring`: where a stored highlight is in an edited text;
* :mod:`reader.notes.store`: :class:`NoteStore`, one JSON file per article.

Everything the rest of Byline uses is importable from ``reader.notes``.
"""

from reader.notes.anchoring import anchor, fuzzy_anchor
from reader.notes.model import (
    CONTEXT_CHARS,
    DEFAULT_TAG,
    HIGHLIGHT_TAGS,
    Highlight,
    content_hash,
    next_tag,
    now_iso,
)
from reader.notes.store import STORE_SCHEMA, NoteStore, merge_corrections, merge_highlights, notes_dir
from reader.sources.structure import sentence_span

__all__ = [
    "CONTEXT_CHARS",
    "DEFAULT_TAG",
    "HIGHLIGHT_TAGS",
    "STORE_SCHEMA",
    "Highlight",
    "NoteStore",
    "anchor",
    "content_hash",
    "fuzzy_anchor",
    "merge_corrections",
    "merge_highlights",
    "next_tag",
    "notes_dir",
    "now_iso",
    "sentence_span",
]
