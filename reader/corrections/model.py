"""A reader's correction of the analysis, anchored in the text like a highlight; no storage, no logic.

A :class:`Correction` says what the reader decided, in terms that survive a new analysis:

* a span of the text (statements, entities) is kept as an :class:`Anchor`, the same two W3C
  selectors a highlight keeps (quote with 32 characters of prefix and suffix, and offsets), so it is
  found again after the article is edited, re-analysed, the cache wiped or the model changed;
* an actor is named by its canonical name (case and spacing ignored; an alias counts), never by
  its id alone, because ids are derived from names and change with them.

This module imports nothing from the rest of Byline, so that the notes store can keep corrections
beside the highlights without an import cycle. Applying corrections is :mod:`reader.corrections.apply`.
"""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

CorrectionKind = Literal[
    "speaker", "not_statement", "add_statement", "merge_actors", "rename_actor", "relabel_entity",
    "set_role", "remove_role",
]
KINDS: tuple[str, ...] = (
    "speaker", "not_statement", "add_statement", "merge_actors", "rename_actor", "relabel_entity",
    "set_role", "remove_role",
)
SPAN_KINDS = frozenset({"speaker", "not_statement", "add_statement", "relabel_entity"})
"""Kinds anchored to a span of the text (the others name actors)."""
ACTOR_KINDS = frozenset({"merge_actors", "rename_actor", "set_role", "remove_role"})
STATEMENT_KINDS: tuple[str, ...] = ("direct", "reported")
FRAMES: tuple[str, ...] = ("speech", "belief", "intention", "stance", "evidence")
ENTITY_LABELS: tuple[str, ...] = (
    "PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE",
    "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL",
)
"""The labels an entity can be given (spaCy's OntoNotes labels, as the analysis uses them)."""

CONTEXT_CHARS = 32
"""Characters of prefix and suffix kept around an anchored span (as for highlights)."""


def now_iso() -> str:
    """The current time as an ISO 8601 UTC timestamp, to the microsecond: corrections apply in the
    order made, and two can be made within a second."""
    return datetime.now(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def canonical(name: str) -> str:
    """How actor names are compared: case and runs of spaces ignored (``" bong  JOON ho"`` ->
    ``"bong joon ho"``)."""
    return " ".join(name.casefold().split())


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a corrected span is: ``start``/``end`` offsets (the position selector) and ``exact``
    with ``prefix``/``suffix`` context (the quote selector), as for a highlight."""

    start: int
    end: int
    exact: str
    prefix: str = ""
    suffix: str = ""

    @classmethod
    def from_text(cls, text: str, start: int, end: int) -> Anchor:
        """The anchor of ``text[start:end]``; ``ValueError`` when that is not a span of ``text``."""
        if not 0 <= start < end <= len(text):
            raise ValueError(f"{start}:{end} is not a span of a text of {len(text)} characters")
        return cls(start, end, text[start:end], text[max(0, start - CONTEXT_CHARS) : start],
                   text[end : end + CONTEXT_CHARS])

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "exact": self.exact, "prefix": self.prefix,
                "suffix": self.suffix}


@dataclass(slots=True)
class Correction:
    """One correction; which fields matter depends on ``kind``:

    =================  ==========================================================================
    ``speaker``        ``anchor`` (the statement), ``speaker`` (an actor's name, a new name, or
                       ``None``: no speaker)
    ``not_statement``  ``anchor`` (the statement the analysis found there is removed)
    ``add_statement``  ``anchor`` (the words), ``speaker``, ``statement_kind`` (direct, reported),
                       ``frame``
    ``merge_actors``   ``actor`` (merged away, e.g. ``Bong``) into ``value`` (``Bong Joon Ho``)
    ``rename_actor``   ``actor`` (the old name) gets the name ``value``
    ``relabel_entity`` ``anchor`` (an entity mention) gets the label ``value`` (every mention of
                       the same name does, as the analysis keeps labels consistent)
    ``set_role``       ``actor`` gets the role ``value`` (first, so it is the one shown)
    ``remove_role``    ``actor`` loses the role ``value``
    =================  ==========================================================================

    ``orphaned`` is set when the anchored text could no longer be found in the article (kept, never
    dropped; it applies again if the text comes back).
    """

    id: str
    kind: str
    anchor: Anchor | None = None
    actor: str | None = None
    value: str | None = None
    speaker: str | None = None
    statement_kind: str | None = None
    frame: str | None = None
    created: str = field(default_factory=now_iso)
    orphaned: bool = False

    @classmethod
    def new(cls, kind: str, **fields: Any) -> Correction:
        """A correction with a fresh id, checked (:meth:`validated`)."""
        correction = cls(id=uuid.uuid4().hex, kind=kind, **fields)
        return cls.validated(correction.to_dict())

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "kind": self.kind, "created": self.created}
        if self.anchor is not None:
            data["anchor"] = self.anchor.to_dict()
        for name in ("actor", "value", "speaker", "statement_kind", "frame"):
            value = getattr(self, name)
            if value is not None:
                data[name] = value
        if self.orphaned:
            data["orphaned"] = True
        return data

    @classmethod
    def validated(cls, data: object) -> Correction:
        """A correction from a stored entry, checked strictly; ``ValueError`` says what is wrong (the
        store keeps such an entry aside, as it does a bad highlight)."""
        if not isinstance(data, dict):
            raise ValueError("a correction is not a JSON object")
        kind = data.get("kind")
        if kind not in KINDS:
            raise ValueError(f"unknown correction kind {kind!r}")
        if not isinstance(data.get("id"), str) or not data["id"]:
            raise ValueError("the correction has no 'id'")
        for name in ("actor", "value", "speaker", "statement_kind", "frame", "created"):
            value = data.get(name)
            if value is not None and not _is_text(value):
                raise ValueError(f"{name!r} of a correction is not text")
        anchor = _anchor(data.get("anchor")) if kind in SPAN_KINDS else None
        if kind in SPAN_KINDS and anchor is None:
            raise ValueError(f"a {kind} correction has no 'anchor'")
        if kind in ACTOR_KINDS and not (data.get("actor") or "").strip():
            raise ValueError(f"a {kind} correction names no actor")
        if kind in ("merge_actors", "rename_actor", "relabel_entity", "set_role", "remove_role") and not (
            data.get("value") or ""
        ).strip():
            raise ValueError(f"a {kind} correction has no 'value'")
        if kind == "relabel_entity" and data["value"] not in ENTITY_LABELS:
            raise ValueError(f"{data['value']!r} is not an entity label")
        if kind == "add_statement":
            if data.get("statement_kind") not in STATEMENT_KINDS:
                raise ValueError(f"statement kind {data.get('statement_kind')!r} is not direct or reported")
            if data.get("frame") is not None and data["frame"] not in FRAMES:
                raise ValueError(f"{data['frame']!r} is not a frame")
        if not isinstance(data.get("orphaned", False), bool):
            raise ValueError("'orphaned' is not true or false")
        return cls(
            id=data["id"], kind=kind, anchor=anchor, actor=data.get("actor"), value=data.get("value"),
            speaker=data.get("speaker") or None, statement_kind=data.get("statement_kind"),
            frame=data.get("frame"), created=data.get("created") or now_iso(),
            orphaned=bool(data.get("orphaned", False)),
        )

    def describe(self) -> str:
        """One line for the reader: ``speaker of “The deal is dead” -> Ushakov``."""
        where = f"“{_short(self.anchor.exact)}”" if self.anchor else ""
        if self.kind == "speaker":
            return f"speaker of {where} -> {self.speaker or 'no speaker'}"
        if self.kind == "not_statement":
            return f"{where} is not a statement"
        if self.kind == "add_statement":
            return f"{where} is a {self.statement_kind} statement by {self.speaker or 'no one named'}"
        if self.kind == "merge_actors":
            return f"{self.actor} merged into {self.value}"
        if self.kind == "rename_actor":
            return f"{self.actor} renamed {self.value}"
        if self.kind == "relabel_entity":
            return f"{where} relabelled {self.value}"
        if self.kind == "set_role":
            return f"{self.actor}: role {self.value}"
        return f"{self.actor}: role {self.value} removed"


def _short(text: str, limit: int = 40) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _is_text(value: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _anchor(data: object) -> Anchor | None:
    if not isinstance(data, dict):
        return None
    start, end = data.get("start"), data.get("end")
    for value in (start, end):
        if not isinstance(value, int) or isinstance(value, bool) or (
            isinstance(value, float) and not math.isfinite(value)
        ):
            raise ValueError("an anchor's 'start'/'end' is not a whole number")
    assert isinstance(start, int) and isinstance(end, int)
    if not 0 <= start <= end:
        raise ValueError(f"anchor {start}..{end} is not a span")
    texts = [data.get(name, "") for name in ("exact", "prefix", "suffix")]
    if not all(_is_text(text) for text in texts) or not texts[0]:
        raise ValueError("an anchor's 'exact'/'prefix'/'suffix' is not text")
    return Anchor(start, end, texts[0], texts[1], texts[2])
