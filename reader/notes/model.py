"""A highlight and its two W3C Web Annotation selectors; no storage, no search.

A :class:`Highlight` keeps a position selector (``start``/``end`` offsets into
the article text) and a quote selector (``exact`` with ``prefix``/``suffix``
context). Positions are fast; the quote is what survives edits of the article
(see :mod:`reader.notes.anchoring`).
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from reader.highlight_tags import DEFAULT_TAG, HIGHLIGHT_TAGS, next_tag

__all__ = ["CONTEXT_CHARS", "DEFAULT_TAG", "HIGHLIGHT_TAGS", "Highlight", "content_hash", "next_tag",
           "now_iso"]

CONTEXT_CHARS = 32
"""Characters of prefix and suffix kept around each highlight (as Hypothesis does)."""


def content_hash(text: str) -> str:
    """The key of an article's store: the SHA-256 of its text, in hex."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def now_iso() -> str:
    """The current time as an ISO 8601 UTC timestamp, to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


@dataclass(slots=True)
class Highlight:
    """One highlighted stretch of the article, with the reader's note on it.

    ``start``/``end`` are offsets into the article text (the position
    selector); ``exact``/``prefix``/``suffix`` are the quote selector.
    ``orphaned`` highlights could not be found in the current text: their
    offsets are the last known ones and must not be used to index the text.
    ``tag`` is one of :data:`HIGHLIGHT_TAGS` (a store written before tags existed has none, which
    reads as :data:`DEFAULT_TAG`; a tag this version does not know is kept as it is).
    """

    id: str
    start: int
    end: int
    exact: str
    prefix: str = ""
    suffix: str = ""
    note: str = ""
    created: str = field(default_factory=now_iso)
    modified: str = field(default_factory=now_iso)
    orphaned: bool = False
    tag: str = DEFAULT_TAG

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "start": self.start,
            "end": self.end,
            "exact": self.exact,
            "prefix": self.prefix,
            "suffix": self.suffix,
            "note": self.note,
            "created": self.created,
            "modified": self.modified,
            "orphaned": self.orphaned,
            "tag": self.tag,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Highlight:
        return cls(
            id=str(data["id"]),
            start=int(data["start"]),
            end=int(data["end"]),
            exact=str(data["exact"]),
            prefix=str(data.get("prefix", "")),
            suffix=str(data.get("suffix", "")),
            note=str(data.get("note", "")),
            created=str(data.get("created") or now_iso()),
            modified=str(data.get("modified") or data.get("created") or now_iso()),
            orphaned=bool(data.get("orphaned", False)),
            tag=str(data.get("tag") or DEFAULT_TAG),
        )

    @classmethod
    def validated(cls, data: object) -> Highlight:
        """A highlight from a stored entry, checked strictly; ``ValueError`` says what is wrong.

        The store is a file on disk: ``"start": Infinity``, a string offset, a lone surrogate in a
        note (which no UTF-8 file or terminal can take) or a missing field must be reported for
        that entry alone, never make the article unopenable.
        """
        if not isinstance(data, dict):
            raise ValueError("an entry is not a JSON object")
        for name in ("start", "end"):
            value = data.get(name)
            if not isinstance(value, int) or isinstance(value, bool):
                raise ValueError(f"{name!r} is not a whole number ({value!r})")
        if not 0 <= data["start"] <= data["end"]:
            raise ValueError(f"'start'..'end' is not a span ({data['start']}..{data['end']})")
        for name in ("id", "exact", "prefix", "suffix", "note", "created", "modified", "tag"):
            value = data.get(name, "")
            if value is None and name in ("created", "modified", "tag"):
                continue
            if not isinstance(value, str):
                raise ValueError(f"{name!r} is not text ({type(value).__name__})")
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise ValueError(f"{name!r} holds a lone surrogate (not valid Unicode)") from None
        if not data.get("id"):
            raise ValueError("'id' is missing")
        if not isinstance(data.get("orphaned", False), bool):
            raise ValueError("'orphaned' is not true or false")
        return cls.from_dict(data)

    @classmethod
    def from_text(cls, text: str, start: int, end: int, note: str = "") -> Highlight:
        """A new highlight of ``text[start:end]`` with both selectors filled in."""
        return cls(
            id=uuid.uuid4().hex,
            start=start,
            end=end,
            exact=text[start:end],
            prefix=text[max(0, start - CONTEXT_CHARS) : start],
            suffix=text[end : end + CONTEXT_CHARS],
            note=note,
        )
