"""Where ``byline analyze`` writes: one writer per ``--format``, a summary, and ``--resume``.

Every writer takes :class:`~reader.analysis.batch.BatchResult` objects in completion order:

- ``jsonl`` writes each record at once (one line, flushed), so a consumer streams the run;
- ``json`` and ``yaml`` write one array of records sorted by ``index`` at the end, whatever the
  number of inputs (always the same shape);
- ``text`` writes a readable summary per article, in input order;
- ``csv`` writes the statement table (one row per statement, :data:`STATEMENT_COLUMNS`) as
  results come; ``parquet`` the same table into a Parquet file (``pip install "byline[parquet]"``);
  an input that failed or was skipped has no rows, and gets a ``byline: ...`` line on stderr.

An output path ending in ``.gz`` is gzip-compressed.
"""

from __future__ import annotations

import csv
import gzip
import json
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Protocol

from reader.analysis.batch import BatchResult
from reader.analysis.records import STATEMENT_COLUMNS, result_record, statement_rows
from reader.errors import BylineError
from reader.safe_text import json_dumps_inert, terminal_safe
from reader.words import number_of

FORMATS = ("json", "jsonl", "yaml", "text", "csv", "parquet")
PARQUET_ROWS_PER_GROUP = 50_000


class Writer(Protocol):
    def write(self, result: BatchResult) -> None: ...

    def close(self) -> None: ...


def open_output(path: str | None, *, append: bool = False) -> IO[str]:
    """Standard output (``None`` or ``-``) or a file, gzip-compressed when its name ends in ``.gz``."""
    if path in (None, "-"):
        return sys.stdout
    mode = "a" if append else "w"
    target = Path(path)
    try:
        if target.name.lower().endswith(".gz"):
            return gzip.open(target, mode + "t", encoding="utf-8", newline="")  # type: ignore[return-value]
        return target.open(mode, encoding="utf-8", newline="")
    except OSError as error:
        raise BylineError(f"{path}: cannot write it ({error.strerror or type(error).__name__})") from None


def _compact(record: dict[str, Any]) -> str:
    return json_dumps_inert(record, separators=(",", ":"))


@dataclass(slots=True)
class JsonlWriter:
    out: IO[str]
    text: bool = True

    def write(self, result: BatchResult) -> None:
        self.out.write(_compact(result_record(result, text=self.text)) + "\n")
        self.out.flush()

    def close(self) -> None:
        pass


@dataclass(slots=True)
class ArrayWriter:
    """``json`` or ``yaml``: all records, sorted by input index, as one array; or, when the command
    names one article (``one_article``), that article's record alone, as an object."""

    out: IO[str]
    fmt: str
    text: bool = True
    one_article: bool = False
    records: list[dict[str, Any]] = field(default_factory=list)

    def write(self, result: BatchResult) -> None:
        self.records.append(result_record(result, text=self.text))

    def close(self) -> None:
        self.records.sort(key=lambda record: record["index"])
        payload: Any = self.records[0] if self.one_article and len(self.records) == 1 else self.records
        if self.fmt == "json":
            self.out.write(json_dumps_inert(payload, indent=2) + "\n")
        else:
            from reader.safe_yaml import dump_yaml_inert

            self.out.write(dump_yaml_inert(payload, sort_keys=False))


@dataclass(slots=True)
class TextWriter:
    out: IO[str]
    results: list[BatchResult] = field(default_factory=list)

    def write(self, result: BatchResult) -> None:
        self.results.append(result)

    def close(self) -> None:
        from reader.commands.analyze import render_text

        blocks = []
        for result in sorted(self.results, key=lambda r: r.index):
            if result.analysis is not None:
                blocks.append(render_text(result.analysis))
            else:
                problem = f"{'error' if result.error else 'warning'}: {result.error or result.warning}"
                blocks.append(terminal_safe(f"# {result.source}\n{problem}", multiline=True))
        self.out.write("\n\n".join(blocks) + "\n")


@dataclass(slots=True)
class CsvWriter:
    out: IO[str]
    text: bool = True
    table: Any = None

    def __post_init__(self) -> None:
        self.table = csv.DictWriter(self.out, fieldnames=STATEMENT_COLUMNS, lineterminator="\n")
        self.table.writeheader()

    def write(self, result: BatchResult) -> None:
        if result.analysis is not None:
            self.table.writerows(statement_rows(result.analysis, result.index, text=self.text))
            self.out.flush()
        else:
            _not_in_table(result)

    def close(self) -> None:
        pass


class ParquetWriter:
    """The statement table as Parquet, written in row groups of ``PARQUET_ROWS_PER_GROUP`` rows."""

    def __init__(self, path: str | None, text: bool = True) -> None:
        if path in (None, "-"):
            raise BylineError("--format parquet needs an output file: -o statements.parquet")
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError:
            raise BylineError('--format parquet needs pyarrow: pip install "byline[parquet]"') from None
        types = {"index": pa.int64(), "start": pa.int64(), "end": pa.int64(), "confidence": pa.float64(),
                 "in_quote_start": pa.int64(), "in_quote_end": pa.int64()}
        self.pa = pa
        self.schema = pa.schema([(name, types.get(name, pa.string())) for name in STATEMENT_COLUMNS])
        self.file = pq.ParquetWriter(str(path), self.schema)
        self.text = text
        self.rows: list[dict[str, Any]] = []

    def write(self, result: BatchResult) -> None:
        if result.analysis is not None:
            self.rows += statement_rows(result.analysis, result.index, text=self.text)
            if len(self.rows) >= PARQUET_ROWS_PER_GROUP:
                self._flush()
        else:
            _not_in_table(result)

    def _flush(self) -> None:
        if self.rows:
            self.file.write_table(self.pa.Table.from_pylist(self.rows, schema=self.schema))
            self.rows = []

    def close(self) -> None:
        self._flush()
        self.file.close()


def _not_in_table(result: BatchResult) -> None:
    """A statement table has no row for an input that failed or was skipped: say so on stderr."""
    print(f"byline: {result.error or result.warning}", file=sys.stderr)


def make_writer(fmt: str, out: IO[str] | None, path: str | None, *, text: bool,
                one_article: bool = False) -> Writer:
    """The writer for ``fmt``; ``one_article`` (the command names a single article file, standard
    input or a URL) makes ``json``/``yaml`` print that article's object rather than an array."""
    if fmt == "parquet":
        return ParquetWriter(path, text)
    assert out is not None
    if fmt == "jsonl":
        return JsonlWriter(out, text)
    if fmt in ("json", "yaml"):
        return ArrayWriter(out, fmt, text, one_article)
    if fmt == "csv":
        return CsvWriter(out, text)
    return TextWriter(out)


def finished_sources(path: str) -> set[str]:
    """The sources that already have an analysis or warning record in a JSONL output (``--resume``).

    Error records are not counted, so a resumed run tries those inputs again. A plain file cut
    off mid-line (the run was killed) is truncated to its last whole line first."""
    target = Path(path)
    if not target.exists():
        return set()
    compressed = target.name.lower().endswith(".gz")
    if not compressed:
        _drop_partial_line(target)
    done: set[str] = set()
    try:
        with (gzip.open(target, "rt", encoding="utf-8") if compressed
              else target.open(encoding="utf-8")) as handle:
            for line in handle:
                try:
                    record = json.loads(line)
                except ValueError:
                    continue
                if isinstance(record, dict) and "error" not in record and "source" in record:
                    done.add(str(record["source"]))
    except (OSError, EOFError, UnicodeDecodeError) as error:
        raise BylineError(f"{path}: cannot read it to resume ({error})") from None
    return done


def _drop_partial_line(path: Path) -> None:
    with path.open("rb+") as handle:
        data = handle.read()
        if data and not data.endswith(b"\n"):
            handle.truncate(data.rfind(b"\n") + 1)


@dataclass(slots=True)
class Tally:
    """Counts for the summary line and the exit status."""

    analysed: int = 0
    failed: int = 0
    warned: int = 0
    resumed: int = 0
    started: float = field(default_factory=time.monotonic)

    def add(self, result: BatchResult) -> None:
        if result.error is not None:
            self.failed += 1
        elif result.warning is not None:
            self.warned += 1
        else:  # analysed (a partitioned Dask run hands back results without their analyses)
            self.analysed += 1

    def summary(self) -> str:
        seconds = time.monotonic() - self.started
        total = self.analysed + self.failed + self.warned
        parts = [f"{self.analysed} analysed", f"{self.failed} failed"]
        if self.warned:
            parts.append(f"{self.warned} not analysed (language)")
        if self.resumed:
            parts.append(f"{self.resumed} already done (--resume)")
        rate = f", {self.analysed / seconds:.1f} articles/s" if seconds > 0 and self.analysed else ""
        return f"byline: {number_of(total, 'input')}: {', '.join(parts)} in {seconds:.1f} s{rate}"


def counted(results: Iterator[BatchResult], tally: Tally) -> Iterator[BatchResult]:
    for result in results:
        tally.add(result)
        yield result
