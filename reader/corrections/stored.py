"""The corrections stored for an article, read without changing anything (``byline analyze``).

The reader keeps corrections in the article's notes file (:class:`reader.notes.NoteStore`). A
headless analysis must not move, rename or rewrite those files, so this reads them only: the store
of the text's SHA-256, else (the article was edited since) the newest store opened from the same
path or URL. Their anchors are found again when they are applied
(:func:`reader.corrections.apply_corrections`). An unreadable store or entry is skipped here: the
reader reports and keeps it aside when it next opens the article.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from reader.analysis.model import Analysis
from reader.corrections.apply import CorrectionReport, apply_corrections
from reader.corrections.model import Correction
from reader.notes.model import content_hash
from reader.notes.store import STORE_SCHEMA, notes_dir


def _read(file: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        return None
    return data if isinstance(data, dict) and data.get("schema") == STORE_SCHEMA else None


def _corrections(data: dict[str, Any]) -> list[Correction]:
    entries = data.get("corrections")
    found: list[Correction] = []
    for entry in entries if isinstance(entries, list) else []:
        try:
            found.append(Correction.validated(entry))
        except ValueError:
            continue
    return sorted(found, key=lambda c: c.created)


def _location(source: str) -> str | None:
    if not source or source == "-":
        return None
    if "://" in source:
        return source
    try:
        return str(Path(source).expanduser().resolve())
    except OSError:
        return None


def stored_corrections(text: str, source: str, directory: Path | None = None) -> list[Correction]:
    """The corrections stored for the article with this ``text`` (read from ``source``), oldest first;
    ``[]`` when there are none."""
    directory = directory or notes_dir()
    own = _read(directory / f"{content_hash(text)}.json")
    if own is not None:
        return _corrections(own)
    location = _location(source)
    if location is None or not directory.is_dir():
        return []
    newest: tuple[str, list[Correction]] | None = None
    for file in directory.glob("*.json"):
        data = _read(file)
        if data is None:
            continue
        paths: list[Any] = data["paths"] if isinstance(data.get("paths"), list) else []
        if location in (data.get("path"), data.get("source")) or location in paths:
            stamp = str(data.get("modified", ""))
            if newest is None or stamp > newest[0]:
                newest = (stamp, _corrections(data))
    return newest[1] if newest else []


def with_stored_corrections(
    analysis: Analysis, directory: Path | None = None
) -> tuple[Analysis, CorrectionReport]:
    """``analysis`` with the corrections stored for its article applied (the analysis itself when
    there are none), and the report (:class:`reader.corrections.CorrectionReport`)."""
    corrections = stored_corrections(analysis.text, analysis.source, directory)
    if not corrections:
        return analysis, CorrectionReport()
    return apply_corrections(analysis, corrections)
