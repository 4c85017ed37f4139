"""Corpus inputs: many articles from globs, folder trees, JSONL and CSV files, gzipped or not.

A corpus is rarely a folder of ``.txt`` files: it is a JSONL or CSV export with one article per
row, often ``.gz``. :func:`corpus_items` turns command-line specs into a stream of
:class:`CorpusItem`, numbered in input order, each one of:

- a *spec* to load with :func:`reader.sources.load_article` (a path, ``-`` or a URL), loaded by
  whichever process analyses it, so that a folder of files is read in the workers;
- an :class:`Article` already built from a JSONL/CSV row (``source`` is ``FILE#ID`` when the row
  has an id, ``FILE:LINE`` otherwise, so that a resumed run recognises it);
- an error: a row or file that cannot become an article. The run goes on; the caller writes an
  error record for it.

A ``.jsonl``/``.ndjson``/``.csv``/``.tsv`` file (optionally ``.gz``) is always read as rows, never
as prose. A gzipped article (``story.txt.gz``) is read as the article inside. Folders are walked
recursively (hidden entries and a saved page's ``*_files`` folder are skipped), and a spec with
``*``, ``?`` or ``[`` that names no existing file is a glob (``**`` recurses).
"""

from __future__ import annotations

import csv
import glob
import gzip
import io
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any, cast

from reader.errors import BylineError
from reader.sources import raw
from reader.sources.article import Article
from reader.sources.discover import ARTICLE_SUFFIXES, is_notes_export

ROW_SUFFIXES = (".jsonl", ".ndjson", ".csv", ".tsv")
"""Files of one article per row (each also as ``.gz``)."""

_GLOB_CHARS = frozenset("*?[")
_BINARY_PROBE = 4096


@dataclass(frozen=True, slots=True)
class CorpusFields:
    """Which JSONL keys / CSV columns hold what.

    ``text`` is required in every row. The others are optional: ``id`` names the row in its
    ``source`` (``corpus.jsonl#ID``), ``title``/``date``/``author`` fill the ``Article`` fields, and
    ``url``, ``outlet`` and every name in ``extra`` go into ``Article.metadata`` (so into every
    record). ``date`` is kept as the ISO day ``YYYY-MM-DD`` when it parses, as ``metadata['date']``
    verbatim otherwise.
    """

    text: str = "text"
    id: str = "id"
    title: str = "title"
    date: str = "date"
    url: str = "url"
    outlet: str = "outlet"
    author: str = "author"
    extra: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CorpusItem:
    """One unit of work: exactly one of ``spec``, ``article`` and ``error`` is set.

    ``index`` is the item's position in the input (0-based), which every output record carries;
    ``source`` names it (path, ``FILE#ID`` or ``FILE:LINE``) in records and in ``--resume``.
    """

    index: int
    source: str
    spec: str | None = None
    article: Article | None = None
    error: str | None = None


@dataclass(slots=True)
class _Counter:
    value: int = 0

    def next(self) -> int:
        self.value += 1
        return self.value - 1


def inner_name(name: str) -> str:
    """The file name without a trailing ``.gz``, lower-cased: what says the format inside."""
    lowered = name.lower()
    return lowered[:-3] if lowered.endswith(".gz") else lowered


def is_row_file(path: str | Path) -> bool:
    """A file of one article per row (``.jsonl``, ``.ndjson``, ``.csv``, ``.tsv``, each maybe ``.gz``)."""
    return inner_name(Path(path).name).endswith(ROW_SUFFIXES)


def is_corpus_file(path: Path) -> bool:
    """A file a folder walk picks up: an article file or a row file, gzipped or not, not hidden, not
    one of Byline's own notes exports."""
    name = inner_name(path.name)
    known = name.endswith(ROW_SUFFIXES) or Path(name).suffix in ARTICLE_SUFFIXES
    return known and not path.name.startswith(".") and not is_notes_export(Path(name))


def walk(folder: Path) -> list[Path]:
    """Every corpus file under ``folder``, recursively, sorted by path (case-insensitively).

    Hidden files and folders, and a saved web page's ``NAME_files`` folder, are skipped."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder, onerror=None):
        dirs[:] = [d for d in dirs if not d.startswith(".") and not d.endswith("_files")]
        found += [Path(root, name) for name in files if is_corpus_file(Path(root, name))]
    return sorted(found, key=lambda p: (str(p).casefold(), str(p)))


def _is_url(spec: str) -> bool:
    """An http(s) URL is fetched as given, never taken for a glob (``http://[::1]/story``)."""
    return spec.lower().startswith(("http://", "https://"))


def expand_specs(specs: list[str]) -> Iterator[str]:
    """Each spec as the files it names: folders walked, globs expanded, others as given.

    A folder or a glob that names no corpus file is a :class:`BylineError` (a typo should not be an
    empty, successful run)."""
    for spec in specs:
        path = Path(spec)
        if spec != "-" and path.is_dir():
            files = walk(path)
            if not files:
                raise BylineError(f"{path}: no articles (.txt, .md, .html, .jsonl, .csv, .gz) in this folder")
            yield from (str(p) for p in files)
        elif spec != "-" and not _is_url(spec) and not path.exists() and _GLOB_CHARS & set(spec):
            matches = sorted(glob.glob(spec, recursive=True))
            files = [Path(m) for m in matches if Path(m).is_file()]
            for folder in (Path(m) for m in matches if Path(m).is_dir()):
                files += walk(folder)
            if not files:
                raise BylineError(f"{spec}: no file matches this pattern")
            yield from (str(p) for p in files)
        else:
            yield spec


def corpus_items(specs: list[str], fields: CorpusFields | None = None) -> Iterator[CorpusItem]:
    """The articles named by ``specs``, numbered in input order (see the module docstring).

    Lazy: a 10 GB JSONL file is read a row at a time. Raises :class:`BylineError` only for specs
    that name nothing (an empty folder, a glob without matches); a bad file or row is an item with
    ``error`` set."""
    fields = fields or CorpusFields()
    counter = _Counter()
    for spec in expand_specs(specs):
        if spec != "-" and is_row_file(spec):
            yield from _rows(Path(spec), fields, counter)
        else:
            yield CorpusItem(counter.next(), spec, spec=spec)


def load_gzipped_article(path: Path, limit: int | None = None) -> Article:
    """A gzipped single article (``story.txt.gz``, ``page.html.gz``), read as the file inside."""
    from reader.sources.loader import _format_for_suffix, article_from_bytes

    cap = raw.max_bytes(limit)
    compressed = raw.read_file(path, cap)
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(compressed)) as handle:
            data = raw.read_stream(handle, str(path), cap)  # type: ignore[arg-type]
    except (OSError, EOFError) as error:
        raise BylineError(f"{path}: not a readable gzip file ({error})") from None
    raw.check_not_binary(data, str(path))
    fmt = _format_for_suffix(inner_name(path.name))
    return article_from_bytes(data, source=str(path), origin=str(path), fmt=fmt)


def _open_binary(path: Path) -> IO[bytes]:
    if path.name.lower().endswith(".gz"):
        return cast(IO[bytes], gzip.open(path, "rb"))
    return path.open("rb")


def _file_problem(path: Path) -> str | None:
    """Why a row file cannot be read at all (missing, empty, binary, broken gzip), or ``None``."""
    try:
        if not path.is_file():
            return f"{path}: no such file" if not path.exists() else f"{path}: not a regular file"
        with _open_binary(path) as handle:
            head = handle.read(_BINARY_PROBE)
    except PermissionError:
        return f"{path}: permission denied (cannot read it)"
    except (OSError, EOFError) as error:
        return f"{path}: cannot read it ({error})"
    if not head.strip():
        return f"{path}: is empty (no rows)"
    what = raw.describe_binary(head)
    return f"{path}: looks like {what}, not a corpus file" if what else None


def _rows(path: Path, fields: CorpusFields, counter: _Counter) -> Iterator[CorpusItem]:
    problem = _file_problem(path)
    if problem:
        yield CorpusItem(counter.next(), str(path), error=problem)
        return
    reader = _csv_rows if inner_name(path.name).endswith((".csv", ".tsv")) else _jsonl_rows
    try:
        yield from reader(path, fields, counter)
    except (OSError, EOFError, UnicodeDecodeError, csv.Error) as error:
        yield CorpusItem(counter.next(), str(path), error=f"{path}: stopped reading it ({error})")


def _jsonl_rows(path: Path, fields: CorpusFields, counter: _Counter) -> Iterator[CorpusItem]:
    with _open_binary(path) as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                row = json.loads(line)
            except (ValueError, UnicodeDecodeError) as error:
                yield CorpusItem(counter.next(), where, error=f"{where}: not a JSON object ({error})")
                continue
            if not isinstance(row, dict):
                yield CorpusItem(counter.next(), where, error=f"{where}: not a JSON object")
                continue
            yield _row_item(row, path, where, fields, counter.next())


def _csv_rows(path: Path, fields: CorpusFields, counter: _Counter) -> Iterator[CorpusItem]:
    csv.field_size_limit(raw.max_bytes())
    delimiter = "\t" if inner_name(path.name).endswith(".tsv") else ","
    with _open_binary(path) as binary, io.TextIOWrapper(binary, encoding="utf-8-sig", newline="") as text:
        rows = csv.DictReader(text, delimiter=delimiter)
        if rows.fieldnames is None or fields.text not in rows.fieldnames:
            columns = ", ".join(rows.fieldnames or []) or "none"
            yield CorpusItem(counter.next(), str(path),
                             error=f"{path}: no {fields.text!r} column (has {columns}; see --text-field)")
            return
        for row in rows:
            where = f"{path}:{rows.line_num}"
            yield _row_item(dict(row), path, where, fields, counter.next())


def _row_item(row: dict[str, Any], path: Path, where: str, fields: CorpusFields, index: int) -> CorpusItem:
    row_id = _scalar(row.get(fields.id))
    source = f"{path}#{row_id}" if row_id else where
    text = row.get(fields.text)
    if not isinstance(text, str) or not text.strip():
        what = "no" if text is None else "an empty" if isinstance(text, str) else "a non-text"
        return CorpusItem(index, source, error=f"{source}: {what} {fields.text!r} field (see --text-field)")
    return CorpusItem(index, source, article=article_from_row(row, source, fields, row_id))


def article_from_row(
    row: dict[str, Any], source: str, fields: CorpusFields, row_id: str | None = None
) -> Article:
    """An :class:`Article` from one JSONL object or CSV row (``row[fields.text]`` must be a string)."""
    text = str(row[fields.text]).replace("\r\n", "\n").replace("\r", "\n")
    metadata: dict[str, Any] = {"format": "text"}
    if row_id:
        metadata["id"] = row_id
    named = {"url": fields.url, "outlet": fields.outlet, **{key: key for key in fields.extra}}
    for name, key in named.items():
        value = _scalar(row.get(key))
        if value:
            metadata[name] = value
    raw_date = _scalar(row.get(fields.date))
    published = _iso_day(raw_date) if raw_date else None
    if raw_date and not published:
        metadata["date"] = raw_date
    return Article(text=text, source=source, title=_scalar(row.get(fields.title)), published=published,
                   author=_scalar(row.get(fields.author)), metadata=metadata)


def _scalar(value: object) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str | int | float):
        text = str(value).strip()
        return text or None
    return None


def _iso_day(value: str) -> str | None:
    """``2024-08-06``, ``2024-08-06T10:00:00Z``, ``6 August 2024`` -> ``2024-08-06``; ``None`` for a
    value that is not a date or does not name a day (``2024``, ``August 2024``)."""
    from dateutil import parser

    try:
        return datetime.fromisoformat(value).date().isoformat()
    except ValueError:
        pass
    try:
        # Parsed against two different defaults: a value that names no day takes the default's.
        first = parser.parse(value, default=datetime(2001, 1, 1)).date()
        second = parser.parse(value, default=datetime(2002, 2, 2)).date()
    except (ValueError, OverflowError, TypeError):
        return None
    return first.isoformat() if first == second else None


def load_spec(spec: str) -> Article:
    """Load a spec that :func:`corpus_items` handed on: a gzipped article, or anything
    :func:`reader.sources.load_article` reads."""
    from reader.sources.loader import load_article

    if spec != "-" and spec.lower().endswith(".gz") and not spec.startswith(("http://", "https://")):
        return load_gzipped_article(Path(spec))
    return load_article(spec)
