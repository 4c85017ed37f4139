"""``byline analyze FILE... [--format json|jsonl|yaml|text]``: the analysis, headless.

Several files (or a folder) are analysed with the model loaded once; ``jsonl``
prints one object per line as each article finishes, so a script can stream
a whole collection. Cached analyses come back without importing spaCy.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from reader.analysis.model import Analysis
from reader.config import configured_model
from reader.errors import BylineError

FORMATS = ("json", "jsonl", "yaml", "text")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths", nargs="+", metavar="FILE", help="article files, folders, '-' for stdin, or URLs"
    )
    parser.add_argument(
        "--format", "-f", choices=FORMATS, default="json", help="output format (default json)"
    )
    parser.add_argument("--model", "-m", help="spaCy pipeline to use (default: see README, 'The model')")
    parser.add_argument(
        "--no-cache", action="store_true", help="analyse again even when a cached result exists"
    )
    parser.add_argument(
        "--jobs", "-j", type=int, default=1, metavar="N", help="analyse N articles at a time in N processes"
    )


def _article_specs(paths: list[str]) -> Iterator[str]:
    from reader.sources import discover

    for spec in paths:
        path = Path(spec)
        if spec != "-" and path.is_dir():
            found = discover(path)
            if not found:
                raise BylineError(f"{path}: no articles (.txt, .md, .html) in this folder")
            yield from (str(p) for p in found)
        else:
            yield spec


def _analyse_one(job: tuple[str, str | None, bool]) -> Analysis:
    from reader.analysis import analyze
    from reader.sources import load_article

    spec, model, use_cache = job
    return analyze(load_article(spec), model=model, use_cache=use_cache)


def _analyses(args: argparse.Namespace) -> Iterator[Analysis]:
    """Analyses in the order of the arguments, each yielded as soon as it (and those before it) is done."""
    if args.jobs < 1:
        raise BylineError("--jobs must be at least 1")
    model = args.model or configured_model()
    specs = list(_article_specs(args.paths))
    jobs = [(spec, model, not args.no_cache) for spec in specs]
    progress = _Progress(len(jobs)) if sys.stderr.isatty() and len(jobs) > 1 else None
    if args.jobs == 1 or len(jobs) == 1:
        yield from _reported(map(_analyse_one, jobs), progress)
        return
    import multiprocessing

    # Each worker process loads the model once and keeps it for every article it is given.
    with multiprocessing.get_context("fork").Pool(min(args.jobs, len(jobs))) as pool:
        yield from _reported(pool.imap(_analyse_one, jobs), progress)


def _reported(results: Iterator[Analysis], progress: _Progress | None) -> Iterator[Analysis]:
    for analysis in results:
        if progress is not None:
            progress.step(analysis.source)
        yield analysis
    if progress is not None:
        progress.close()


class _Progress:
    """A one-line progress bar on stderr, drawn only when stderr is a terminal."""

    def __init__(self, total: int) -> None:
        self.total, self.done = total, 0

    def step(self, source: str) -> None:
        self.done += 1
        width = 30
        filled = width * self.done // self.total
        name = Path(source).name[:40]
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} {name:<40}")
        sys.stderr.flush()

    def close(self) -> None:
        sys.stderr.write("\n")


def render_text(analysis: Analysis) -> str:
    """A human-readable summary: who said what, then the actors."""
    lines = [f"# {analysis.title or analysis.source}"]
    if analysis.published:
        lines.append(f"published {analysis.published}")
    lines.append("")
    lines.append(f"Quotes ({len(analysis.statements)})")
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
            f"  {actor.name} [{actor.kind}{roles}]: {actor.mentions} mentions, "
            f"{len(actor.statements)} statements"
        )
    if analysis.dates:
        lines.append("")
        lines.append("Dates")
        for date in analysis.dates:
            lines.append(f"  {date.text}: {date.value or '?'} ({date.grain})")
    return "\n".join(lines)


def _write(analyses: Iterator[Analysis], fmt: str, out: TextIO) -> None:
    if fmt == "jsonl":
        for analysis in analyses:
            out.write(json.dumps(analysis.to_dict(), ensure_ascii=False) + "\n")
            out.flush()
        return
    items = list(analyses)
    if fmt == "text":
        out.write("\n\n".join(render_text(a) for a in items) + "\n")
        return
    data = [a.to_dict() for a in items]
    payload = data[0] if len(data) == 1 else data
    if fmt == "json":
        out.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        import yaml

        out.write(yaml.safe_dump(payload, allow_unicode=True, sort_keys=False))


def run(args: argparse.Namespace) -> int:
    _write(_analyses(args), args.format, sys.stdout)
    return 0
