"""The highlight store: a reader's highlights and notes on one article, on disk.

Why it is built this way:

* One JSON file per article under ``<data dir>/notes/``, named by the SHA-256
  of the article text, so the same text finds its notes wherever it is opened
  from. The file also remembers the article's path: when that file is edited
  its hash changes, and the store of the old text is found by path and its
  highlights are re-anchored into the new text (:mod:`reader.notes.anchoring`).
* Every change is written at once with :func:`reader.fileio.atomic_write_text`
  (temporary file, fsync, rename). A reader killed with SIGKILL right after a
  note is typed loses nothing, and a crash mid-write leaves the old file.
* A highlight whose text cannot be found again is kept and marked orphaned,
  never dropped, and :attr:`NoteStore.problems` says so.
* A store file that cannot be read is moved aside to a backup, never
  overwritten, and reported in :attr:`NoteStore.problems`.
* The reader's corrections of the analysis (:mod:`reader.corrections`) live in the same file, under
  ``corrections`` (a file without that key, from before corrections existed, has none), anchored
  and carried over like the highlights, merged between processes by id, and never dropped: one
  whose text is gone is marked orphaned.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from reader.corrections.model import Anchor, Correction
from reader.errors import BylineError
from reader.fileio import atomic_write_text
from reader.notes.anchoring import anchor
from reader.notes.model import CONTEXT_CHARS, HIGHLIGHT_TAGS, Highlight, content_hash, now_iso
from reader.paths import data_dir
from reader.sources.article import Article

STORE_SCHEMA = "byline.notes/1"
MAX_PATH_HISTORY = 20
"""Paths a store remembers having been opened from (its ``paths`` list)."""
SIMILARITY_SHARE = 0.5
"""Share of a store's highlights that must occur in a new text for the store to be taken as its notes."""


def notes_dir() -> Path:
    """Where the store files live: ``<data dir>/notes/``."""
    return data_dir() / "notes"


# -- two readers on one article --------------------------------------------------------------------


CONFLICT_SEPARATOR = "\n\n--- also written meanwhile, in another Byline window ---\n"
"""Between two versions of one note that were edited at the same time: both are kept."""


def _newer(ours: Highlight | None, theirs: Highlight | None) -> Highlight | None:
    if ours is None or theirs is None:
        return ours or theirs
    return theirs if theirs.modified > ours.modified else ours


def combine_notes(mine: str, other: str) -> str:
    """One note holding both versions of a note edited twice at once (``mine`` first); never drops one."""
    if not other.strip() or other in mine:
        return mine
    if not mine.strip() or mine in other:
        return other
    return mine + CONFLICT_SEPARATOR + other


def _both_changed(base: Highlight, ours: Highlight, theirs: Highlight) -> Highlight:
    """Both sides changed one highlight: the later one wins, and when both changed the note, the note
    keeps both versions (the later first)."""
    newer, older = (theirs, ours) if theirs.modified > ours.modified else (ours, theirs)
    if older.note == base.note or older.note == newer.note:
        return newer
    return replace(newer, note=combine_notes(newer.note, older.note))


def merge_corrections(
    base: dict[str, Correction], ours: dict[str, Correction], theirs: dict[str, Correction]
) -> list[Correction]:
    """A three-way merge of corrections by id (they are made and removed, never edited): one made on
    either side is kept, one removed on either side is gone, the order is the order made."""
    merged = {
        key: ours.get(key) or theirs[key]
        for key in dict.fromkeys([*ours, *theirs])
        if (key in ours and key in theirs) or key not in base
    }
    return sorted(merged.values(), key=lambda c: c.created)


def merge_highlights(
    base: dict[str, Highlight], ours: dict[str, Highlight], theirs: dict[str, Highlight]
) -> list[Highlight]:
    """A three-way merge of highlight sets by id, so that two Byline processes never undo each other.

    ``base`` is what this process last read or wrote, ``ours`` what it has now, ``theirs`` what is
    on disk. A change on one side wins over no change on the other; when both sides changed the
    same highlight, the later ``modified`` wins, except that two edits of its note are both kept
    (:func:`combine_notes`); a removal wins only over an unchanged highlight, so a note edited
    elsewhere is never lost to a removal here.
    """
    merged: list[Highlight] = []
    for highlight_id in dict.fromkeys([*base, *ours, *theirs]):
        b, o, t = base.get(highlight_id), ours.get(highlight_id), theirs.get(highlight_id)
        if b is None:
            chosen = _newer(o, t)
        elif o is None:
            chosen = t if t is not None and t != b else None
        elif t is None:
            chosen = o if o != b else None
        elif o == b:
            chosen = t
        elif t == b:
            chosen = o
        else:
            chosen = _both_changed(b, o, t)
        if chosen is not None:
            merged.append(chosen)
    return merged


@contextlib.contextmanager
def _locked(directory: Path) -> Iterator[None]:
    """Hold an exclusive lock on the notes directory while a store is read, merged and replaced."""
    try:
        import fcntl
    except ImportError:  # not POSIX: atomic replace alone, without cross-process merging safety
        yield
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _stamp(file: Path) -> tuple[int, int, int] | None:
    """Identifies one version of a store file: every atomic replace makes a new inode."""
    try:
        info = file.stat()
    except OSError:
        return None
    return info.st_ino, info.st_mtime_ns, info.st_size


def _article_path(article: Article) -> Path | None:
    """The article's file as an absolute path, or ``None`` for stdin and URLs."""
    if not article.source or article.source == "-" or "://" in article.source:
        return None
    path = Path(article.source).expanduser()
    try:
        return path.resolve()
    except OSError:
        return path.absolute()


def _still_in(item: dict[str, Any], text: str) -> bool:
    """True when a stored highlight's words are in ``text`` with some of their context on one side
    (a quote shared by two different articles rarely keeps its surroundings too)."""
    exact, prefix, suffix = item["exact"], item["prefix"][-CONTEXT_PROBE:], item["suffix"][:CONTEXT_PROBE]
    return bool(exact) and (prefix + exact in text or exact + suffix in text)


CONTEXT_PROBE = 12
"""Characters of a highlight's stored context that must still surround it for a content match."""


def _timestamp_for_filename() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")


class NoteStore:
    """The highlights and notes of one article, saved after every change.

    Open it with :meth:`NoteStore.open`; read :attr:`highlights` (text order,
    orphans last) and :attr:`problems` (one line each, for the user). Every
    mutating method writes the file before it returns.
    """

    def __init__(self, article: Article, file: Path) -> None:
        self.article = article
        self.text = article.text
        self.hash = content_hash(article.text)
        self.file = file
        self.article_path = _article_path(article)
        # What identifies "the same article, maybe edited": its file, or for a web page its URL.
        url = article.source if "://" in article.source else None
        self.location: str | None = str(self.article_path) if self.article_path else url
        self.highlights: list[Highlight] = []
        # The reader's corrections of the analysis, in the order made (reader.corrections).
        self.corrections: list[Correction] = []
        self.problems: list[str] = []
        self.reanchored_from: Path | None = None
        self.found_by_content: Path | None = None
        self.path_history: list[str] = []
        self.blocked: str | None = None
        self._kept_aside = False  # bad entries were copied beside the file: rewrite it without them
        # Highlights whose note was edited here and elsewhere at once (both versions kept).
        self.conflicts: list[str] = []
        # True after a save failed: what is in memory is not on disk (quitting must ask).
        self.unsaved = False
        # What the file held when this process last read or wrote it: the base of merges.
        self._base: dict[str, Highlight] = {}
        self._base_corrections: dict[str, Correction] = {}
        self._disk_stamp: tuple[int, int, int] | None = None

    # -- opening -----------------------------------------------------------------------------------

    @classmethod
    def open(cls, article: Article, directory: Path | None = None) -> NoteStore:
        """The store of ``article``: its own file, or one carried over from an earlier version."""
        directory = directory or notes_dir()
        store = cls(article, directory / f"{content_hash(article.text)}.json")
        if store.file.exists():
            stamp = _stamp(store.file)
            data = store._read(store.file, move_aside_when_corrupt=True)
            if data is not None:
                store._load(data)
                store._remember_paths(data)
                store._remember(stamp)
                store._reanchor_all()
                if store._kept_aside or data.get("path") != (
                    str(store.article_path) if store.article_path else None
                ):
                    store._save_or_report("the article's new path and valid entries")
        else:
            if store.location is not None:
                store._carry_over(directory)
            if store.reanchored_from is None and store.article_path is not None:
                store._find_by_content(directory)
        store._report_orphans()
        return store

    def _load(self, data: dict[str, Any]) -> None:
        """Take the highlights and corrections of a store file read by :meth:`_read`."""
        self.highlights = [Highlight.from_dict(item) for item in data["highlights"]]
        self.corrections = [Correction.validated(item) for item in data["corrections"]]

    def _read(self, file: Path, *, move_aside_when_corrupt: bool) -> dict[str, Any] | None:
        """Parse a store file; a corrupt one is moved aside (never overwritten) and reported."""
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
            if not isinstance(data, dict) or data.get("schema") != STORE_SCHEMA:
                raise ValueError(f"not a {STORE_SCHEMA} file")
            if not isinstance(data.get("highlights"), list):
                raise ValueError("'highlights' is not a list")
            if not isinstance(data.setdefault("corrections", []), list):
                raise ValueError("'corrections' is not a list")
        except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, RecursionError) as error:
            if move_aside_when_corrupt:
                backup = file.with_name(f"{file.name}.corrupt-{_timestamp_for_filename()}")
                try:
                    file.replace(backup)
                    where = f"moved aside to {backup}"
                except OSError as move_error:
                    where = f"and could not be moved aside ({move_error.strerror or move_error})"
                    # Without the backup, writing would destroy the only copy: refuse to save.
                    self.blocked = f"{file} is unreadable and could not be moved aside"
                reason = str(error).splitlines()[0] if str(error) else type(error).__name__
                self.problems.append(f"notes file {file} was unreadable ({reason}); {where}")
            return None
        data["highlights"] = self._valid_entries(file, data["highlights"], keep_aside=move_aside_when_corrupt)
        data["corrections"] = self._valid_entries(
            file, data["corrections"], keep_aside=move_aside_when_corrupt, what="correction"
        )
        return data

    def _valid_entries(
        self, file: Path, entries: list[Any], *, keep_aside: bool, what: str = "highlight"
    ) -> list[dict[str, Any]]:
        """The entries that are valid highlights; the others are written beside ``file`` and reported.

        One bad entry (``"start": Infinity``, a lone surrogate) must not cost the others, nor be lost:
        it is kept in ``<file>.rejected-<time>`` exactly as read (JSON-escaped) for a person to mend.
        """
        valid: list[dict[str, Any]] = []
        rejected: list[tuple[Any, str]] = []
        for entry in entries:
            try:
                checked = Highlight.validated(entry) if what == "highlight" else Correction.validated(entry)
                valid.append(checked.to_dict())
            except ValueError as error:
                rejected.append((entry, str(error)))
        if rejected and keep_aside:
            suffix = "rejected" if what == "highlight" else "rejected-corrections"
            aside = file.with_name(f"{file.name}.{suffix}-{_timestamp_for_filename()}")
            try:
                kept = json.dumps([entry for entry, _ in rejected], indent=2)  # ASCII: surrogates escaped
                aside.write_text(kept + "\n", encoding="ascii")
                where = f"kept aside in {aside}"
                self._kept_aside = True
            except (OSError, ValueError) as error:
                reason = getattr(error, "strerror", None) or error
                where = f"could not be kept aside ({reason}); the file is left as it is"
                self.blocked = f"{file} has bad entries that could not be kept aside"
            noun = "entry" if len(rejected) == 1 else "entries"
            noun = noun if what == "highlight" else f"correction {noun}"
            self.problems.append(
                f"notes file {file}: {len(rejected)} bad {noun} ({rejected[0][1]}); {where}; the rest loaded"
            )
        return valid

    def _other_stores(self, directory: Path) -> Iterator[tuple[Path, dict[str, Any]]]:
        """The other readable stores in ``directory`` that hold highlights, with their data."""
        for file in directory.glob("*.json"):
            if file == self.file:
                continue
            data = self._read(file, move_aside_when_corrupt=False)
            if data is not None and (data["highlights"] or data["corrections"]):
                yield file, data

    def _carry_over(self, directory: Path) -> None:
        """Adopt the newest store of an earlier version of the same file (or web page, by its URL),
        re-anchoring its highlights."""
        earlier: list[tuple[str, Path, dict[str, Any]]] = []
        for file, data in self._other_stores(directory):
            where = data.get("path") if self.article_path else data.get("source")
            history: list[Any] = data["paths"] if isinstance(data.get("paths"), list) else []
            if where == self.location or (self.article_path is not None and self.location in history):
                earlier.append((str(data.get("modified", "")), file, data))
        if not earlier:
            return
        _, old_file, data = max(earlier, key=lambda item: (item[0], item[1].stat().st_mtime))
        self._load(data)
        self._remember_paths(data)
        self._reanchor_all()
        if not self._save_or_report("the re-anchored highlights"):
            return  # the old file stays where it is: it is the only copy on disk
        # The old file is kept as a record, renamed so that it is not adopted again.
        old_file.replace(old_file.with_name(f"{old_file.name}.superseded-{_timestamp_for_filename()}"))
        self.reanchored_from = old_file

    def _remember_paths(self, data: dict[str, Any]) -> None:
        """Keep the paths the store was opened from (its path history), so a later edit of any finds it."""
        history: list[Any] = data["paths"] if isinstance(data.get("paths"), list) else []
        known = [p for p in [*history, data.get("path")] if isinstance(p, str) and p]
        self.path_history = list(dict.fromkeys([*known, *self.path_history]))[-MAX_PATH_HISTORY:]

    def _find_by_content(self, directory: Path) -> None:
        """Adopt the notes of a store whose highlights are (mostly) in this text: a file edited and
        renamed in one step, or a copy. The other store is left as it is (its file may still exist)."""
        best: tuple[float, int, Path, dict[str, Any]] | None = None
        for file, data in self._other_stores(directory):
            anchors = [*data["highlights"], *(c["anchor"] for c in data["corrections"] if "anchor" in c)]
            if not anchors:
                continue
            found = sum(1 for item in anchors if _still_in(item, self.text))
            share = found / len(anchors)
            if found and share >= SIMILARITY_SHARE and (best is None or (share, found) > best[:2]):
                best = (share, found, file, data)
        if best is None:
            return
        _, _, file, data = best
        self._load(data)
        self._remember_paths(data)
        self._reanchor_all()
        origin = data.get("path") or data.get("source") or file.name
        count = len(self.highlights)
        self.problems.append(
            f"{count} highlight{'s' if count != 1 else ''} found by their text in the notes of {origin} "
            "(renamed or copied?); carried over, the original notes are untouched"
        )
        self.found_by_content = file
        self._save_or_report("the highlights found by their text")

    def _reanchor_all(self) -> None:
        changed: list[Highlight] = []
        for highlight in self.highlights:
            place = anchor(self.text, highlight)
            if place is None:
                changed.append(replace(highlight, orphaned=True))
                continue
            start, end = place
            changed.append(
                replace(
                    highlight,
                    start=start,
                    end=end,
                    exact=self.text[start:end],
                    prefix=self.text[max(0, start - CONTEXT_CHARS) : start],
                    suffix=self.text[end : end + CONTEXT_CHARS],
                    orphaned=False,
                )
            )
        self.highlights = changed
        self._sort()
        self.corrections = [self._reanchored(correction) for correction in self.corrections]

    def _reanchored(self, correction: Correction) -> Correction:
        """The correction with its anchor moved to where its text is now, or marked orphaned."""
        old = correction.anchor
        if old is None:
            return correction
        place = anchor(self.text, Highlight(id=correction.id, start=old.start, end=old.end, exact=old.exact,
                                            prefix=old.prefix, suffix=old.suffix))
        if place is None:
            return replace(correction, orphaned=True)
        return replace(correction, anchor=Anchor.from_text(self.text, *place), orphaned=False)

    def _report_orphans(self) -> None:
        orphans = self.orphans
        if orphans:
            noun = "highlight" if len(orphans) == 1 else "highlights"
            self.problems.append(
                f"{len(orphans)} {noun} could not be found in the edited article; "
                "kept as orphaned (see the Notes tab or the export)"
            )
        # An orphaned correction is reported where it is applied (reader.corrections), once.

    # -- reading -----------------------------------------------------------------------------------

    @property
    def anchored(self) -> list[Highlight]:
        """Highlights found in the current text, in text order."""
        return [h for h in self.highlights if not h.orphaned]

    @property
    def orphans(self) -> list[Highlight]:
        return [h for h in self.highlights if h.orphaned]

    def get(self, highlight_id: str) -> Highlight:
        for highlight in self.highlights:
            if highlight.id == highlight_id:
                return highlight
        raise KeyError(highlight_id)

    def at(self, offset: int) -> Highlight | None:
        """The innermost (shortest) anchored highlight covering ``offset``."""
        covering = [h for h in self.anchored if h.start <= offset < h.end]
        return min(covering, key=lambda h: h.end - h.start) if covering else None

    def find(self, start: int, end: int) -> Highlight | None:
        """The anchored highlight of exactly ``start:end``, if there is one."""
        for highlight in self.anchored:
            if highlight.start == start and highlight.end == end:
                return highlight
        return None

    # -- changing (each writes at once) --------------------------------------------------------------

    def add(self, start: int, end: int, note: str = "") -> Highlight:
        """Highlight ``text[start:end]``; highlighting the same stretch again returns the existing one."""
        if not 0 <= start < end <= len(self.text):
            raise ValueError(f"cannot highlight {start}:{end} in a text of {len(self.text)} characters")
        existing = self.find(start, end)
        if existing is not None:
            return existing
        highlight = Highlight.from_text(self.text, start, end, note)
        self.highlights.append(highlight)
        self._sort()
        self.save()
        return highlight

    def add_many(self, spans: list[tuple[int, int]]) -> list[Highlight]:
        """Highlight several stretches with one write (``Highlight all quotes``); returns the new ones."""
        added: list[Highlight] = []
        for start, end in spans:
            if 0 <= start < end <= len(self.text) and self.find(start, end) is None:
                highlight = Highlight.from_text(self.text, start, end)
                self.highlights.append(highlight)
                added.append(highlight)
        if added:
            self._sort()
            self.save()
        return added

    def refresh(self) -> None:
        """Take in what another Byline process saved since this one last read or wrote the file.

        Called before a note is opened for editing, so the editor starts from the store's version.
        A problem reading is reported in :attr:`problems`, never raised.
        """
        try:
            with _locked(self.file.parent):
                self._fold_in_changes_from_disk()
        except OSError as error:
            self.problems.append(f"cannot read {self.file}: {error.strerror or error}")

    def set_note(self, highlight_id: str, note: str, *, opened_with: str | None = None) -> Highlight:
        """Save ``note`` on a highlight; on failure nothing changes in memory and BylineError is raised.

        ``opened_with`` is the note as the editor showed it. If the store's version changed since
        (another window saved), both versions are kept in the note and :attr:`conflicts` names the
        highlight; if the highlight was removed elsewhere meanwhile, it is put back with the note.
        """
        before = {h.id: replace(h) for h in self.highlights}
        self.refresh()
        try:
            highlight = self.get(highlight_id)
        except KeyError:
            if highlight_id not in before:
                raise
            highlight = before[highlight_id]  # removed elsewhere while being written: bring it back
            self.highlights.append(highlight)
            self._sort()
            self.conflicts.append(highlight_id)
        if opened_with is not None and highlight.note not in (opened_with, note):
            note = combine_notes(note, highlight.note)
            self.conflicts.append(highlight_id)
        if highlight.note == note and highlight_id not in self.conflicts:
            return highlight
        # On a failed save the editor still holds the text; memory goes back to what is on disk.
        self._change_and_save(highlight, note=note)
        return highlight

    def set_tag(self, highlight_id: str, tag: str) -> Highlight:
        """Give a highlight the tag ``tag`` (one of ``HIGHLIGHT_TAGS``) and save.

        Merged like any change (the later ``modified`` wins when two windows tag one highlight).
        ``ValueError`` for an unknown tag, ``KeyError`` for an unknown highlight; on a failed save
        nothing changes in memory and :class:`BylineError` is raised.
        """
        if tag not in HIGHLIGHT_TAGS:
            raise ValueError(f"unknown tag {tag!r} (choose one of: {', '.join(HIGHLIGHT_TAGS)})")
        highlight = self.get(highlight_id)
        if highlight.tag == tag:
            return highlight
        self._change_and_save(highlight, tag=tag)
        return self.get(highlight_id)

    def _change_and_save(self, highlight: Highlight, **fields: Any) -> None:
        """Set ``fields`` on ``highlight``, stamp ``modified`` and save. On a failed save the fields,
        ``modified`` and ``unsaved`` go back to what they were (memory stays what is on disk) and the
        :class:`BylineError` is raised."""
        before = {name: getattr(highlight, name) for name in (*fields, "modified")}
        was_unsaved = self.unsaved
        for name, value in fields.items():
            setattr(highlight, name, value)
        highlight.modified = now_iso()
        try:
            self.save()
        except BylineError:
            for name, value in before.items():
                setattr(highlight, name, value)
            self.unsaved = was_unsaved
            raise

    def remove(self, highlight_id: str) -> Highlight:
        """Remove a highlight and return it, so that the caller can offer undo via :meth:`restore`."""
        highlight = self.get(highlight_id)
        self.highlights.remove(highlight)
        self.save()
        return highlight

    def restore(self, highlight: Highlight) -> None:
        """Put back a removed highlight, exactly as it was."""
        if any(h.id == highlight.id for h in self.highlights):
            return
        self.highlights.append(highlight)
        self._sort()
        self.save()

    def add_correction(self, correction: Correction) -> Correction:
        """Store a correction of the analysis (written at once); a failure changes nothing in memory."""
        self.corrections.append(correction)
        self.corrections.sort(key=lambda c: c.created)  # an undone one goes back to its place
        try:
            self.save()
        except BylineError:
            self.corrections.remove(correction)
            raise
        return correction

    def remove_correction(self, correction_id: str) -> Correction:
        """Remove a correction (to undo it) and return it; ``KeyError`` when there is none."""
        correction = next((c for c in self.corrections if c.id == correction_id), None)
        if correction is None:
            raise KeyError(correction_id)
        self.corrections.remove(correction)
        try:
            self.save()
        except BylineError:
            self.corrections.append(correction)
            self.corrections.sort(key=lambda c: c.created)
            raise
        return correction

    def _sort(self) -> None:
        self.highlights.sort(key=lambda h: (h.orphaned, h.start, h.end))

    # -- writing -----------------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": STORE_SCHEMA,
            "content_hash": self.hash,
            "path": str(self.article_path) if self.article_path else None,
            "paths": self._paths(),
            "source": self.article.source,
            "title": self.article.title,
            "modified": now_iso(),
            "highlights": [h.to_dict() for h in self.highlights],
            "corrections": [c.to_dict() for c in self.corrections],
        }

    def _paths(self) -> list[str]:
        """The path history with the current path last (at most ``MAX_PATH_HISTORY``)."""
        current = [str(self.article_path)] if self.article_path else []
        return [p for p in dict.fromkeys([*self.path_history, *current])][-MAX_PATH_HISTORY:]

    def _save_or_report(self, what: str) -> bool:
        """Save while opening: a failure becomes a problem to report, not an exception."""
        try:
            self.save()
        except BylineError as error:
            self.problems.append(f"{error} ({what} are shown but not saved)")
            return False
        return True

    def _remember(self, stamp: tuple[int, int, int] | None) -> None:
        self._base = {h.id: replace(h) for h in self.highlights}
        self._base_corrections = {c.id: c for c in self.corrections}
        self._disk_stamp = stamp

    def _fold_in_changes_from_disk(self) -> None:
        """Merge what another process saved since this one last read or wrote the file."""
        stamp = _stamp(self.file)
        if stamp is None or stamp == self._disk_stamp:
            return
        data = self._read(self.file, move_aside_when_corrupt=True)
        if data is None:
            return
        theirs = {h.id: h for h in (Highlight.from_dict(item) for item in data["highlights"])}
        self.highlights = merge_highlights(self._base, {h.id: h for h in self.highlights}, theirs)
        self._sort()
        their_corrections = {c.id: c for c in (Correction.validated(item) for item in data["corrections"])}
        self.corrections = merge_corrections(
            self._base_corrections, {c.id: c for c in self.corrections}, their_corrections
        )

    def save(self) -> None:
        """Write the whole store atomically, first merging in what another Byline process saved.

        An unwritable data directory is a :class:`BylineError`.
        """
        if self.blocked:
            self.unsaved = True
            raise BylineError(f"cannot save highlights: {self.blocked}")
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            with _locked(self.file.parent):
                self._fold_in_changes_from_disk()
                text = json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"
                atomic_write_text(self.file, text)
                self._remember(_stamp(self.file))
                self.unsaved = False
        except OSError as error:
            self.unsaved = True
            raise BylineError(
                f"cannot save highlights to {self.file}: {error.strerror or error}"
            ) from None
