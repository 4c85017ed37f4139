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
import os
import time
from collections.abc import Iterable
from dataclasses import dataclass
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


@dataclass(frozen=True, slots=True)
class _Store:
    """What the lookup needs of one notes file: the paths and URLs it was opened from, when it was
    last changed, and its corrections."""

    locations: frozenset[str]
    modified: str
    corrections: list[Correction]


_Signature = tuple[int, int, int]
"""A notes file's ``(inode, mtime_ns, size)``: an atomic replace (every save) makes a new inode."""


class NotesIndex:
    """The notes folder read once and indexed by path, for looking up the corrections of many articles.

    Every ``*.json`` store is read once; a lookup by text hash or by path then reads no file. Before
    each lookup the folder is checked with one ``stat``: when its modification time moved (a store
    was saved, added or removed: saves are atomic replaces), or is too recent to tell a later change
    from it, the files are listed again and only those whose ``(inode, mtime_ns, size)`` changed are
    read again. ``reads`` counts the files read, for tests."""

    # A folder changed this close to the last listing may change again within the same mtime tick.
    RACY_NS = 2_000_000_000

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory or notes_dir()
        self.reads = 0
        self._listed: tuple[int, int] | None = None  # (the folder's mtime_ns, when it was listed)
        self._files: dict[str, tuple[_Signature, _Store | None]] = {}
        self._by_location: dict[str, _Store] = {}

    def corrections(self, text: str, source: str) -> list[Correction]:
        """As :func:`stored_corrections`, from the index."""
        self._refresh()
        own = self._files.get(f"{content_hash(text)}.json")
        if own is not None and own[1] is not None:
            return own[1].corrections
        location = _location(source)
        found = self._by_location.get(location) if location is not None else None
        return found.corrections if found is not None else []

    def _refresh(self) -> None:
        try:
            folder = self.directory.stat().st_mtime_ns
        except OSError:
            self._listed, self._files, self._by_location = None, {}, {}
            return
        if self._listed is not None and self._listed[0] == folder and self._listed[1] - folder > self.RACY_NS:
            return
        self._listed = (folder, time.time_ns())
        files: dict[str, tuple[_Signature, _Store | None]] = {}
        try:
            entries = [entry for entry in os.scandir(self.directory)
                       if entry.name.endswith(".json") and entry.is_file()]
        except OSError:
            entries = []
        for entry in entries:
            try:
                stat = entry.stat()
            except OSError:
                continue
            signature = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
            known = self._files.get(entry.name)
            files[entry.name] = known if known is not None and known[0] == signature else (
                signature, self._store(Path(entry.path)))
        if files != self._files:
            self._files = files
            self._by_location = _newest_by_location(store for _, store in files.values() if store is not None)

    def _store(self, file: Path) -> _Store | None:
        self.reads += 1
        data = _read(file)
        if data is None:
            return None
        paths: list[Any] = data["paths"] if isinstance(data.get("paths"), list) else []
        locations = {str(v) for v in (data.get("path"), data.get("source"), *paths) if isinstance(v, str)}
        return _Store(frozenset(locations), str(data.get("modified", "")), _corrections(data))


def _newest_by_location(stores: Iterable[_Store]) -> dict[str, _Store]:
    """For every path or URL, the most recently changed store opened from it."""
    newest: dict[str, _Store] = {}
    for store in stores:
        for location in store.locations:
            known = newest.get(location)
            if known is None or store.modified > known.modified:
                newest[location] = store
    return newest


def stored_corrections(text: str, source: str, directory: Path | None = None) -> list[Correction]:
    """The corrections stored for the article with this ``text`` (read from ``source``), oldest first;
    ``[]`` when there are none. Reads the whole folder when the text has no store of its own: for
    many articles, use a :class:`NotesIndex`."""
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
    analysis: Analysis, directory: Path | None = None, *, index: NotesIndex | None = None
) -> tuple[Analysis, CorrectionReport]:
    """``analysis`` with the corrections stored for its article applied (the analysis itself when
    there are none), and the report (:class:`reader.corrections.CorrectionReport`). Pass an ``index``
    (:class:`NotesIndex`) when looking up many articles: the notes folder is then read once, not
    once per article that has no store of its own."""
    if index is not None:
        corrections = index.corrections(analysis.text, analysis.source)
    else:
        corrections = stored_corrections(analysis.text, analysis.source, directory)
    if not corrections:
        return analysis, CorrectionReport()
    return apply_corrections(analysis, corrections)
