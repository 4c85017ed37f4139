"""Corpus records: one article's result as a JSON-ready record, or as rows of a statement table.

Three record shapes, one per line of ``byline analyze --format jsonl`` (``index`` is the input
position, so that records streamed in completion order can be put back in input order):

- an analysis: ``{"index": int, "language": str|null, **Analysis.to_dict()}``;
- an error: ``{"index": int, "source": str, "error": str}``: the input could not be analysed;
- a warning: ``{"index": int, "source": str, "warning": str, "language": str}``: not analysed
  because it is not in the model's language and no model for its language is installed.

``text=False`` gives *offsets-only* records (schema ``byline.analysis/2+offsets.3``), for corpora
where the text stays in the corpus and ``text[start:end]`` recovers any span: no text at all,
tables as rows under a documented column list, nothing derivable written, so as to stay small
(benchmarks/README.md). :mod:`reader.analysis.offsets_records` builds them, documents their columns
and rebuilds the full record from one and the article text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reader.analysis.model import Analysis
from reader.analysis.offsets_records import offsets_record

if TYPE_CHECKING:
    from reader.analysis.batch import BatchResult

STATEMENT_COLUMNS = (
    "index", "article_id", "source", "outlet", "date", "title", "url",
    "speaker", "role", "actor_kind", "kind", "frame", "cue", "cue_lemma", "stance",
    "text", "start", "end", "confidence", "how", "in_quote_start", "in_quote_end",
)
"""The statement table's columns, one row per statement (``--format csv``/``parquet``).

``article_id`` is the corpus row's id when it has one, else ``source``; ``date`` the publication
day (``YYYY-MM-DD``); ``role`` the speaker's roles joined by ``; ``; ``text`` the statement's words
(empty with ``--no-text``); ``start``/``end`` character offsets into the article text;
``in_quote_start``/``in_quote_end`` the offsets of the direct statement whose quoted words hold a
position (``Statement.in_quote``: ``"I think the deal is dead," Smith said``), empty for the rest;
an empty cell is an unknown value."""


def analysis_record(analysis: Analysis, index: int, *, text: bool = True,
                    language: str | None = None) -> dict[str, Any]:
    """The record of one analysed article (see the module docstring)."""
    record: dict[str, Any] = {"index": index, "language": language, **analysis.to_dict()}
    return record if text else offsets_record(record)


def error_record(index: int, source: str, error: str) -> dict[str, Any]:
    return {"index": index, "source": source, "error": error}


def warning_record(index: int, source: str, warning: str, language: str | None) -> dict[str, Any]:
    return {"index": index, "source": source, "warning": warning, "language": language}


def statement_rows(analysis: Analysis, index: int, *, text: bool = True) -> list[dict[str, Any]]:
    """One dict per statement, keyed by :data:`STATEMENT_COLUMNS`; ``None`` for unknown values."""
    meta = analysis.metadata
    rows = []
    statements = analysis.statements
    for statement in statements:
        actor = analysis.actor(statement.actor)
        inside = statement.in_quote
        outer = statements[inside] if inside is not None and 0 <= inside < len(statements) else None
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
            "in_quote_start": outer.start if outer is not None else None,
            "in_quote_end": outer.end if outer is not None else None,
        })
    return rows


def result_record(result: BatchResult, *, text: bool = True) -> dict[str, Any]:
    """The JSONL record of one batch result: an analysis, an error or a warning record."""
    if result.analysis is not None:
        return analysis_record(result.analysis, result.index, text=text, language=result.language)
    if result.error is not None:
        return error_record(result.index, result.source, result.error)
    return warning_record(result.index, result.source, result.warning or "", result.language)
