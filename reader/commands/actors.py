"""``byline actors INPUT...``: who is quoted across a collection.

Analyses the inputs as ``byline analyze`` does (any corpus input, the cache, ``--jobs``), or reads
the records a previous ``byline analyze --format jsonl`` wrote (``--records FILE``, full or
``--no-text``, maybe ``.gz``), and aggregates the actors of all articles by canonical name (see
:mod:`reader.analysis.collection`): statements, articles, statements per article, statements per
outlet, first and last date, roles seen. Exit status as for ``byline analyze``: 3 when some inputs
failed (a summary line on stderr says how many), 2 when the run could not start.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import sys
from pathlib import Path
from typing import IO

from reader.analysis.batch import BatchSettings, run_items
from reader.analysis.collection import Collection, CollectionActor
from reader.commands.analyze import add_corpus_arguments, check_model, corrected_result, fields
from reader.commands.analyze_output import Tally, counted
from reader.config import load_config
from reader.corrections.stored import NotesIndex
from reader.errors import BylineError
from reader.sources.corpus import corpus_items
from reader.words import number_of

FORMATS = ("text", "json", "csv")
CSV_COLUMNS = ("name", "kind", "statements", "articles", "quoted_in", "statements_per_article",
               "by_outlet", "first", "last", "roles")
BAR_WIDTH = 20


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="INPUT",
                        help="articles, folders, globs, .jsonl/.csv corpora (as for byline analyze)")
    parser.add_argument("--records", action="append", default=[], metavar="FILE",
                        help="read the records of a previous 'byline analyze --format jsonl' run instead")
    parser.add_argument("--format", "-f", choices=FORMATS, default="text", help="default text")
    parser.add_argument("--top", type=int, default=0, metavar="N", help="only the N most quoted actors")
    parser.add_argument("--all", action="store_true", help="also actors who are mentioned but never quoted")
    parser.add_argument("--model", "-m", help="spaCy pipeline to use (default: see README, 'The model')")
    parser.add_argument("--no-cache", action="store_true", help="analyse again even when cached")
    parser.add_argument("--jobs", "-j", type=int, default=1, metavar="N", help="analyse in N processes")
    parser.add_argument("--any-language", action="store_true", help="analyse articles in any language")
    parser.add_argument("--no-corrections", action="store_true",
                        help="leave out the corrections made in the reader (applied by default)")
    add_corpus_arguments(parser)


def _from_records(paths: list[str], collection: Collection) -> None:
    for path in paths:
        target = Path(path)
        try:
            with (gzip.open(target, "rt", encoding="utf-8") if path.lower().endswith(".gz")
                  else target.open(encoding="utf-8")) as handle:
                for number, line in enumerate(handle, 1):
                    try:
                        record = json.loads(line)
                    except ValueError:
                        raise BylineError(f"{path}:{number}: not a JSON record of byline analyze") from None
                    try:
                        if isinstance(record, dict):
                            collection.add_record(record)
                    except (KeyError, IndexError, TypeError, ValueError, AttributeError):
                        raise BylineError(f"{path}:{number}: a record of the wrong shape") from None
        except FileNotFoundError:
            raise BylineError(f"{path}: no such file") from None
        except (OSError, EOFError, UnicodeDecodeError) as error:
            raise BylineError(f"{path}: cannot read it ({error})") from None


def _from_inputs(args: argparse.Namespace, collection: Collection, tally: Tally) -> None:
    from reader.analysis.nlp import resolve_model_name

    model = resolve_model_name(args.model or load_config().model)
    check_model(model)
    settings = BatchSettings(model=model, use_cache=not args.no_cache, check_language=not args.any_language)
    notes = NotesIndex()  # the notes folder read once for the whole run
    for result in counted(run_items(corpus_items(args.paths, fields(args)), settings, args.jobs), tally):
        if result.analysis is not None:
            if not args.no_corrections:
                result = corrected_result(result, notes)
            assert result.analysis is not None
            collection.add_analysis(result.analysis)
        elif result.error is not None:
            print(f"byline: {result.error}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    if not args.paths and not args.records:
        raise BylineError("give articles, folders or corpus files, or --records FILE")
    if args.jobs < 1:
        raise BylineError("--jobs must be at least 1")
    collection = Collection()
    tally = Tally()
    _from_records(args.records, collection)
    if args.paths:
        _from_inputs(args, collection, tally)
    actors = collection.ranked(quoted_only=not args.all)
    total = sum(actor.statements for actor in actors)
    if args.top > 0:
        actors = actors[: args.top]
    write(actors, collection.articles, args.format, sys.stdout, total)
    if args.paths:
        print(tally.summary(), file=sys.stderr)
    return 3 if tally.failed else 0


def write(actors: list[CollectionActor], articles: int, fmt: str, out: IO[str], total: int) -> None:
    """Write the table; ``total`` is the statements of all actors (shares are of it, not of the top N)."""
    if fmt == "json":
        out.write(json.dumps({"articles": articles, "actors": [a.to_dict() for a in actors]},
                             ensure_ascii=False, indent=2) + "\n")
    elif fmt == "csv":
        table = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n", extrasaction="ignore")
        table.writeheader()
        for actor in actors:
            row = actor.to_dict()
            row["by_outlet"] = "; ".join(f"{outlet}: {n}" for outlet, n in row["by_outlet"].items())
            row["roles"] = "; ".join(row["roles"])
            table.writerow(row)
    else:
        out.write(render_table(actors, articles, total) + "\n")


def share_bar(part: int, whole: int, width: int = BAR_WIDTH) -> str:
    """``part`` of ``whole`` as a bar of block characters, in eighths of a cell."""
    if whole <= 0:
        return ""
    eighths = round(width * 8 * part / whole)
    full, rest = divmod(eighths, 8)
    return "█" * full + (" ▏▎▍▌▋▊▉"[rest] if rest else "")


def render_table(actors: list[CollectionActor], articles: int, total: int) -> str:
    """The actors as an aligned table, each with a bar of their share of ``total`` statements."""
    lines = [f"{number_of(len(actors), 'actor')} in {number_of(articles, 'article')}, "
             f"{number_of(total, 'statement')}"]
    if not actors:
        return lines[0]
    width = min(32, max(len(actor.name) for actor in actors))
    lines.append(f"{'actor':<{width}}  {'kind':<12} {'stmts':>5} {'arts':>4} {'share':<{BAR_WIDTH + 6}} "
                 f"{'first':<10} {'last':<10} outlets; roles")
    for actor in actors:
        share = f"{share_bar(actor.statements, total):<{BAR_WIDTH}} {100 * actor.statements / total:4.1f}%" \
            if total else ""
        outlets = ", ".join(f"{outlet} {n}" for outlet, n in actor.by_outlet.most_common())
        roles = "; ".join(sorted(actor.roles))
        lines.append(f"{actor.name[:width]:<{width}}  {actor.kind:<12} {actor.statements:>5} "
                     f"{actor.quoted_in:>4} {share:<{BAR_WIDTH + 6}} {actor.first or '':<10} "
                     f"{actor.last or '':<10} {outlets}{'; ' + roles if roles else ''}")
    return "\n".join(lines)
