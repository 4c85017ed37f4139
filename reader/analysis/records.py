"""Corpus records: one article's result as a JSON-ready record, or as rows of a statement table.

Three record shapes, one per line of ``byline analyze --format jsonl`` (``index`` is the input
position, so that records streamed in completion order can be put back in input order):

- an analysis: ``{"index": int, "language": str|null, **Analysis.to_dict()}``;
- an error: ``{"index": int, "source": str, "error": str}``: the input could not be analysed;
- a warning: ``{"index": int, "source": str, "warning": str, "language": str}``: not analysed
  because it is not in the model's language and no model for its language is installed.

``text=False`` gives *offsets-only* records (schema ``byline.analysis/2+offsets``), for corpora
where the text stays in the corpus and ``text[start:end]`` recovers any span. They carry no text
at all and are packed so as to stay near 1.5x the article's size: every span is ``[start, end]``,
an entity is ``[start, end, label, actor]``, a date ``[start, end, value, grain, label]``, a
statement a row of the record's ``statement_columns`` (``pandas.DataFrame(record["statements"],
columns=record["statement_columns"])``; ``speaker`` is null when the ``actor`` id names it, and
``parts`` null when one part covers exactly ``[start, end]``), and an actor's keys whose value is
null or empty are left out (``mentions`` too: it is ``len(mention_spans)``); an actor's
``mention_spans`` keep only the mentions that are not already entities carrying its id (pronouns,
descriptions), so the full list is those plus the actor's entities.
Actor names, aliases, roles and the metadata stay.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reader.analysis.model import Analysis

if TYPE_CHECKING:
    from reader.analysis.batch import BatchResult

STATEMENT_COLUMNS = (
    "index", "article_id", "source", "outlet", "date", "title", "url",
    "speaker", "role", "actor_kind", "kind", "frame", "cue", "cue_lemma", "stance",
    "text", "start", "end", "confidence", "how",
)
"""The statement table's columns, one row per statement (``--format csv``/``parquet``).

``article_id`` is the corpus row's id when it has one, else ``source``; ``date`` the publication
day (``YYYY-MM-DD``); ``role`` the speaker's roles joined by ``; ``; ``text`` the statement's words
(empty with ``--no-text``); ``start``/``end`` character offsets into the article text; an empty
cell is an unknown value."""


def analysis_record(analysis: Analysis, index: int, *, text: bool = True,
                    language: str | None = None) -> dict[str, Any]:
    """The record of one analysed article (see the module docstring)."""
    record: dict[str, Any] = {"index": index, "language": language, **analysis.to_dict()}
    return record if text else _without_text(record)


def error_record(index: int, source: str, error: str) -> dict[str, Any]:
    return {"index": index, "source": source, "error": error}


def warning_record(index: int, source: str, warning: str, language: str | None) -> dict[str, Any]:
    return {"index": index, "source": source, "warning": warning, "language": language}


OFFSETS_SCHEMA = "byline.analysis/2+offsets"


def _without_text(record: dict[str, Any]) -> dict[str, Any]:
    packed = {key: value for key, value in record.items() if key not in ("text", "entities", "dates",
                                                                       "statements", "actors")}
    packed["schema"] = OFFSETS_SCHEMA
    packed["entities"] = [[e["start"], e["end"], e["label"], e["actor"]] for e in record["entities"]]
    packed["dates"] = [[d["start"], d["end"], d["value"], d["grain"], d["label"]] for d in record["dates"]]
    packed["statement_columns"] = list(OFFSETS_STATEMENT_COLUMNS)
    packed["statements"] = [_statement_row(statement) for statement in record["statements"]]
    named = {(e["start"], e["end"], e["actor"]) for e in record["entities"] if e["actor"]}
    packed["actors"] = [
        _packed(
            {k: v for k, v in actor.items() if k != "mentions"}
            | {
                "mention_spans": [
                    span for span in actor["mention_spans"]
                    if (span["start"], span["end"], actor["id"]) not in named
                ]
            }
        )
        for actor in record["actors"]
    ]
    return packed


OFFSETS_STATEMENT_COLUMNS = (
    "start", "end", "kind", "actor", "speaker", "speaker_mention", "cue", "cue_lemma", "how",
    "confidence", "frame", "stance", "target", "parts",
)
"""The columns of an offsets-only record's ``statements`` rows (its ``statement_columns``)."""


def _statement_row(statement: dict[str, Any]) -> list[Any]:
    """One statement as a row of :data:`OFFSETS_STATEMENT_COLUMNS`: spans as ``[start, end]``."""
    row: list[Any] = []
    for column in OFFSETS_STATEMENT_COLUMNS:
        value = statement.get(column)
        if column == "speaker" and statement.get("actor"):
            value = None  # a resolved speaker's name is the actor's: the id says it
        elif column == "parts":
            value = [[part["start"], part["end"]] for part in value or []]
            if value == [[statement["start"], statement["end"]]]:
                value = None  # one part covering the whole statement (reported speech)
        elif isinstance(value, dict):
            value = [value["start"], value["end"]]
        row.append(value)
    return row


def _packed(item: dict[str, Any]) -> dict[str, Any]:
    """Text left out, spans as ``[start, end]``, null and empty values left out."""
    out: dict[str, Any] = {}
    for key, value in item.items():
        if key == "text" or value is None or value == []:
            continue
        if isinstance(value, dict) and "start" in value:
            value = [value["start"], value["end"]]
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            value = [[span["start"], span["end"]] for span in value]
        out[key] = value
    return out


def statement_rows(analysis: Analysis, index: int, *, text: bool = True) -> list[dict[str, Any]]:
    """One dict per statement, keyed by :data:`STATEMENT_COLUMNS`; ``None`` for unknown values."""
    meta = analysis.metadata
    rows = []
    for statement in analysis.statements:
        actor = analysis.actor(statement.actor)
        rows.append({
            "index": index,
            "article_id": meta.get("id") or analysis.source,
            "source": analysis.source,
            "outlet": meta.get("outlet"),
            "date": analysis.published,
            "title": analysis.title,
            "url": meta.get("url"),
            "speaker": statement.speaker,
            "role": "; ".join(actor.roles) if actor and actor.roles else None,
            "actor_kind": actor.kind if actor else None,
            "kind": statement.kind,
            "frame": statement.frame,
            "cue": statement.cue.text if statement.cue else None,
            "cue_lemma": statement.cue_lemma,
            "stance": statement.stance,
            "text": statement.text if text else None,
            "start": statement.start,
            "end": statement.end,
            "confidence": statement.confidence,
            "how": statement.how,
        })
    return rows


def result_record(result: BatchResult, *, text: bool = True) -> dict[str, Any]:
    """The JSONL record of one batch result: an analysis, an error or a warning record."""
    if result.analysis is not None:
        return analysis_record(result.analysis, result.index, text=text, language=result.language)
    if result.error is not None:
        return error_record(result.index, result.source, result.error)
    return warning_record(result.index, result.source, result.warning or "", result.language)
