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
from reader.config import load_config
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


def _analyses(args: argparse.Namespace) -> Iterator[Analysis]:
    from reader.analysis import analyze
    from reader.sources import load_article

    model = args.model or load_config().model
    for spec in _article_specs(args.paths):
        yield analyze(load_article(spec), model=model, use_cache=not args.no_cache)


def render_text(analysis: Analysis) -> str:
    """A human-readable summary: who said what, then the actors."""
    lines = [f"# {analysis.title or analysis.source}"]
    if analysis.published:
        lines.append(f"published {analysis.published}")
    lines.append("")
    lines.append(f"Quotes ({len(analysis.quotes)})")
    for number, quote in enumerate(analysis.quotes, 1):
        cue = f" ({quote.cue.text})" if quote.cue else ""
        speaker = quote.speaker or "unknown speaker"
        words = " … ".join(part.text for part in quote.parts) or quote.text
        lines.append(f"  {number}. [{quote.kind}] {speaker}{cue}: {words}")
    lines.append("")
    lines.append(f"Actors ({len(analysis.actors)})")
    for actor in analysis.actors:
        roles = f", {'; '.join(actor.roles)}" if actor.roles else ""
        lines.append(
            f"  {actor.name} [{actor.kind}{roles}]: {actor.mentions} mentions, {len(actor.quotes)} statements"
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
