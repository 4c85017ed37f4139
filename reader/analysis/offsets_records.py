"""Offsets-only records (``byline analyze --no-text``, schema ``byline.analysis/2+offsets.3``).

A corpus keeps its text; its records need only say *where* things are. An offsets-only record is the
full record (``Analysis.to_dict()``) with the article text and every span's text left out, packed so
as to stay under 1.5x the article's size (benchmarks/README.md) while staying plain JSON:

- top-level keys as in the full record (``index``, ``language``, ``source``, ``title``, ``published``,
  ``author``, ``metadata``, ``model``), null ones left out;
- ``entities``, ``dates``, ``statements``, ``actors`` and ``links`` are lists of *rows*: each row a
  JSON array whose values are in the order of that table's columns (:data:`OFFSETS_COLUMNS`, listed
  once here and in the README, never repeated in the record). Trailing values that are null, empty
  or the column's default are cut, so rows can be shorter than the column list: a missing value is
  null. :func:`offsets_rows` gives a table's rows as dicts keyed by column, for pandas, pyarrow or
  DuckDB;
- an actor is referred to by its position in ``actors`` (an int), a statement by its position in
  ``statements``;
- nothing that follows from the rest is written (the defaults under :data:`OFFSETS_COLUMNS`): an
  entity's or statement's text is ``text[start:end]``, an actor's mentions are its entities plus its
  ``other_mentions``, its statements those whose ``actor`` is its position (quotes ``within`` a
  reported statement aside), its id the slug of its name.

:func:`full_record` rebuilds the full record from an offsets-only one and the article text, exactly:
no fact is lost. Readers that only count (``byline actors``) use :func:`actor_statement_counts`.
Records of the older ``offsets.2`` form are read by :mod:`reader.analysis.collection` too.
"""

from __future__ import annotations

from typing import Any

from reader.analysis.model import SCHEMA
from reader.analysis.names import slug

OFFSETS_SCHEMA = "byline.analysis/2+offsets.3"
OLD_OFFSETS_SCHEMAS = ("byline.analysis/2+offsets.2",)
"""Earlier offsets-only forms that readers of records still accept."""

OFFSETS_COLUMNS: dict[str, tuple[str, ...]] = {
    "entities": ("start", "end", "label", "actor", "corrected"),
    "dates": ("start", "end", "grain", "value", "label"),
    "statements": (
        "start", "end", "kind", "actor", "speaker_mention_start", "speaker_mention_end", "cue_start",
        "cue_end", "cue_lemma", "how", "confidence", "parts", "frame", "stance", "target_start",
        "target_end", "within", "speaker", "corrected", "in_quote",
    ),
    "actors": ("name", "kind", "other_mentions", "roles", "affiliation", "aliases", "statements", "id",
               "mentions", "corrected"),
    "links": ("start", "end", "href"),
}
"""The columns of each table of an offsets-only record, in row order.

Every ``start``/``end`` is a character offset into the article text (``end`` exclusive). A null or
missing value is unknown/none, except where a default is given:

- entities: ``actor`` the position of its actor in ``actors`` (its id, a string, in the rare case
  that it names no actor of the record); ``corrected`` what a reader's correction changed;
- dates: ``grain`` as in the full record; ``value`` the ISO value; ``label`` null = ``DATE``;
- statements: ``kind`` ``direct``/``reported``; ``actor`` the speaker's position in ``actors``
  (or id, as for entities); ``parts`` a list of ``[start, end]``, null = the one part
  ``[start, end]`` of a reported statement or ``[start + 1, end - 1]`` (inside the quotation
  marks) of a direct one; ``frame`` null = ``speech`` (``""``: no frame); ``within`` a statement
  position; ``speaker`` null = the name of the actor at ``actor`` (none without an actor; ``""``:
  none); ``in_quote`` the position of the direct statement whose quoted words hold a reported one;
- actors: ``other_mentions`` the ``[start, end]`` of the mentions that are not its entities
  (pronouns, descriptions); ``statements`` null = the positions of the statements whose ``actor`` is
  this actor and whose ``within`` is null, in order; ``id`` null = the slug of ``name``
  (``reader.analysis.names.slug``); ``mentions`` null = its entities and ``other_mentions`` in text
  order (by start, then end); when that is not their order, ``mentions`` lists them all, in order.
"""


def _span(value: dict[str, Any] | None) -> list[int | None]:
    return [None, None] if value is None else [value["start"], value["end"]]


def _row(values: list[Any], defaults: tuple[Any, ...] = ()) -> list[Any]:
    """``values`` with trailing nulls, empty lists and defaults cut."""
    defaults = defaults or (None,) * len(values)
    end = len(values)
    while end and (values[end - 1] is None or values[end - 1] == [] or values[end - 1] == defaults[end - 1]):
        end -= 1
    return values[:end]


def _default_parts(statement: dict[str, Any]) -> list[list[int]]:
    start, end = statement["start"], statement["end"]
    return [[start + 1, end - 1]] if statement["kind"] == "direct" else [[start, end]]


def offsets_record(record: dict[str, Any]) -> dict[str, Any]:
    """The offsets-only form of a full analysis record (``{"index", "language", **Analysis.to_dict()}``)."""
    tables = ("text", "entities", "dates", "statements", "actors", "links", "schema")
    packed = {key: value for key, value in record.items() if value is not None and key not in tables}
    packed["schema"] = OFFSETS_SCHEMA
    actors = record["actors"]
    position = {actor["id"]: i for i, actor in enumerate(actors)}
    packed["entities"] = [
        _row([e["start"], e["end"], e["label"], _reference(e["actor"], position), e.get("corrected")])
        for e in record["entities"]
    ]
    packed["dates"] = [
        _row([d["start"], d["end"], d["grain"], d["value"], d["label"]], (None,) * 4 + ("DATE",))
        for d in record["dates"]
    ]
    packed["statements"] = [_statement_row(s, position, actors) for s in record["statements"]]
    packed["actors"] = _actor_rows(record)
    if record.get("links"):
        packed["links"] = [[link["start"], link["end"], link["href"]] for link in record["links"]]
    return packed


def _statement_row(statement: dict[str, Any], position: dict[str, int],
                   actors: list[dict[str, Any]]) -> list[Any]:
    actor = _reference(statement["actor"], position)
    parts = [[p["start"], p["end"]] for p in statement["parts"]]
    frame = statement["frame"]
    speaker = statement["speaker"]
    named = actors[actor]["name"] if isinstance(actor, int) else None
    return _row([
        statement["start"], statement["end"], statement["kind"], actor,
        *_span(statement["speaker_mention"]), *_span(statement["cue"]),
        statement["cue_lemma"], statement["how"], statement["confidence"],
        None if parts == _default_parts(statement) else parts,
        None if frame == "speech" else ("" if frame is None else frame),
        statement["stance"], *_span(statement["target"]), statement["within"],
        None if speaker == named else ("" if speaker is None else speaker), statement.get("corrected"),
        statement.get("in_quote"),
    ])


def _reference(actor_id: str | None, position: dict[str, int]) -> int | str | None:
    """An actor's position in ``actors``; its id when it names no actor of the record."""
    return None if actor_id is None else position.get(actor_id, actor_id)


def _actor_id(reference: int | str | None, ids: list[str]) -> str | None:
    return ids[reference] if isinstance(reference, int) else reference


def _owned(statements: list[dict[str, Any]], actor_of: Any) -> dict[Any, list[int]]:
    """Each actor's statements by default: the positions of those it speaks, quotes ``within`` a
    reported statement aside, keyed by ``actor_of(statement)``."""
    owned: dict[Any, list[int]] = {}
    for n, statement in enumerate(statements):
        if statement["within"] is None:
            owned.setdefault(actor_of(statement), []).append(n)
    return owned


def _linked(entities: list[dict[str, Any]], actor_of: Any) -> dict[Any, list[list[int]]]:
    """The ``[start, end]`` of the entities of each actor, keyed by ``actor_of(entity)``."""
    linked: dict[Any, list[list[int]]] = {}
    for entity in entities:
        linked.setdefault(actor_of(entity), []).append([entity["start"], entity["end"]])
    return linked


def _actor_rows(record: dict[str, Any]) -> list[list[Any]]:
    owned = _owned(record["statements"], lambda s: s["actor"])
    linked = _linked(record["entities"], lambda e: e["actor"])
    return [_actor_row(actor, linked.get(actor["id"], []), owned.get(actor["id"], []))
            for actor in record["actors"]]


def _actor_row(actor: dict[str, Any], linked: list[list[int]], derived: list[int]) -> list[Any]:
    spans = [[s["start"], s["end"]] for s in actor["mention_spans"]]
    named = {tuple(span) for span in linked}
    other = [span for span in spans if tuple(span) not in named]
    mentions = None if sorted(linked + other) == spans else spans
    if mentions is not None:
        other = []
    return _row([
        actor["name"], actor["kind"], other, actor["roles"], actor["affiliation"], actor["aliases"],
        None if actor["statements"] == derived else actor["statements"],
        None if actor["id"] == slug(actor["name"]) else actor["id"],
        mentions, actor.get("corrected"),
    ])


def offsets_rows(record: dict[str, Any], table: str) -> list[dict[str, Any]]:
    """One ``offsets.3`` table (``entities``, ``dates``, ``statements``, ``actors``, ``links``) as dicts
    keyed by :data:`OFFSETS_COLUMNS`, missing trailing values as ``None`` (defaults are not filled
    in): ``pyarrow.Table.from_pylist(offsets_rows(record, "statements"))`` or
    ``pandas.DataFrame(...)``. Raises ``KeyError`` for an unknown table."""
    columns = OFFSETS_COLUMNS[table]
    return [dict(zip(columns, [*row, *[None] * (len(columns) - len(row))], strict=True))
            for row in record.get(table, [])]


def actor_statement_counts(record: dict[str, Any]) -> list[int]:
    """How many statements each actor of an ``offsets.3`` record makes (quotes within a reported
    statement aside), by actor position."""
    owned = _owned(offsets_rows(record, "statements"), lambda s: s["actor"])
    return [len(actor["statements"] if actor["statements"] is not None else owned.get(i, []))
            for i, actor in enumerate(offsets_rows(record, "actors"))]


def full_record(record: dict[str, Any], text: str) -> dict[str, Any]:
    """The full record (as ``analysis_record(..., text=True)`` writes it) rebuilt from an ``offsets.3``
    record and its article's text. Raises ``ValueError`` for another schema."""
    if record.get("schema") != OFFSETS_SCHEMA:
        raise ValueError(f"not a {OFFSETS_SCHEMA} record (schema={record.get('schema')!r})")

    def span(start: int | None, end: int | None) -> dict[str, Any] | None:
        return None if start is None or end is None else {"start": start, "end": end, "text": text[start:end]}

    entities = offsets_rows(record, "entities")
    dates = offsets_rows(record, "dates")
    statements = offsets_rows(record, "statements")
    actors = offsets_rows(record, "actors")
    ids = [actor["id"] or slug(actor["name"]) for actor in actors]
    full: dict[str, Any] = {"index": record["index"], "language": record.get("language"), "schema": SCHEMA}
    for key in ("source", "title", "published", "author"):
        full[key] = record.get(key)
    full["metadata"] = record.get("metadata", {})
    full["model"] = record.get("model")
    full["text"] = text
    full["entities"] = [{**span(e["start"], e["end"]),  # type: ignore[dict-item]
                         "label": e["label"], "actor": _actor_id(e["actor"], ids),
                         **({"corrected": e["corrected"]} if e["corrected"] is not None else {})}
                        for e in entities]
    full["statements"] = [_full_statement(s, text, actors, ids, span) for s in statements]
    full["dates"] = [{**span(d["start"], d["end"]),  # type: ignore[dict-item]
                      "value": d["value"], "grain": d["grain"], "label": d["label"] or "DATE"} for d in dates]
    owned = _owned(statements, lambda s: s["actor"])
    linked = _linked(entities, lambda e: e["actor"])
    full["actors"] = [_full_actor(a, linked.get(i, []), owned.get(i, []), ids[i], span)
                      for i, a in enumerate(actors)]
    full["links"] = [{**span(link["start"], link["end"]), "href": link["href"]}  # type: ignore[dict-item]
                     for link in offsets_rows(record, "links")]
    return full


def _full_statement(s: dict[str, Any], text: str, actors: list[dict[str, Any]], ids: list[str],
                    span: Any) -> dict[str, Any]:
    actor = s["actor"]
    parts = s["parts"] if s["parts"] is not None else _default_parts(s)
    frame = "speech" if s["frame"] is None else (s["frame"] or None)
    statement = {
        "start": s["start"], "end": s["end"], "text": text[s["start"]:s["end"]], "kind": s["kind"],
        "speaker": (s["speaker"] or None) if s["speaker"] is not None else (
            actors[actor]["name"] if isinstance(actor, int) else None),
        "speaker_mention": span(s["speaker_mention_start"], s["speaker_mention_end"]),
        "cue": span(s["cue_start"], s["cue_end"]), "cue_lemma": s["cue_lemma"],
        "actor": _actor_id(actor, ids), "how": s["how"], "confidence": s["confidence"],
        "frame": frame, "stance": s["stance"], "target": span(s["target_start"], s["target_end"]),
        "parts": [span(start, end) for start, end in parts], "within": s["within"],
    }
    if s["in_quote"] is not None:
        statement["in_quote"] = s["in_quote"]
    if s["corrected"] is not None:
        statement["corrected"] = s["corrected"]
    return statement


def _full_actor(a: dict[str, Any], linked: list[list[int]], derived: list[int], actor_id: str,
                span: Any) -> dict[str, Any]:
    spans = a["mentions"] if a["mentions"] is not None else sorted(linked + (a["other_mentions"] or []))
    owned = a["statements"] if a["statements"] is not None else derived
    actor = {
        "id": actor_id, "name": a["name"], "kind": a["kind"], "aliases": a["aliases"] or [],
        "roles": a["roles"] or [], "affiliation": a["affiliation"], "mentions": len(spans),
        "mention_spans": [span(start, end) for start, end in spans], "statements": owned,
    }
    if a["corrected"] is not None:
        actor["corrected"] = a["corrected"]
    return actor
