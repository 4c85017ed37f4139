"""``byline export FILE [--format md|json|yaml|csv|html] [-o OUT] [--all-quotes] [--tag NAME] [--theme T]``.

Prints (or writes) the highlights and notes stored for an article, joined
with the analysis so that quotes carry their speaker. Store problems (an
orphaned highlight, a corrupt file moved aside) are warnings on stderr: the
export still happens. A path that cannot be written is a one-line error, and
the store is only read, so the highlights stay as they were.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from reader.analysis.model import Analysis
from reader.config import configured_model
from reader.console import warn, write_stdout
from reader.corrections import apply_corrections
from reader.errors import BylineError
from reader.export import (
    FORMATS,
    ExportFormat,
    article_file,
    build_export,
    format_for_path,
    render,
    write_export,
)
from reader.notes import HIGHLIGHT_TAGS, NoteStore
from reader.safe_text import terminal_safe
from reader.sources import load_article
from reader.sources.article import Article

if TYPE_CHECKING:
    from reader.themes import ReaderTheme


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="the article whose highlights to export")
    parser.add_argument(
        "-f",
        "--format",
        choices=FORMATS,
        help="md (Markdown), json (W3C Web Annotations), yaml, csv (Readwise, spreadsheets) or html (a "
        "self-contained page of the annotated article); default: from OUT's extension, else md",
    )
    parser.add_argument(
        "-o", "--output", metavar="OUT", help="write to OUT instead of standard output (- is standard output)"
    )
    parser.add_argument(
        "--force", action="store_true", help="overwrite OUT if it exists (never the article itself)"
    )
    parser.add_argument(
        "--all-quotes",
        action="store_true",
        help="also include every detected quote, with its speaker, even if not highlighted",
    )
    parser.add_argument(
        "--tag",
        action="append",
        choices=HIGHLIGHT_TAGS,
        metavar="NAME",
        help=f"export only the highlights with this tag (repeatable; one of: {', '.join(HIGHLIGHT_TAGS)})",
    )
    parser.add_argument("--theme", help="theme for --format html (default: the reader's, from the config)")
    parser.add_argument("--model", help="spaCy pipeline to analyse with (default: config, BYLINE_MODEL)")


def analyse_article(article: Article, model: str | None) -> Analysis:
    """The article's analysis (cached by the analysis package)."""
    from reader.analysis import analyze

    return analyze(article, model=model)


def run(args: argparse.Namespace) -> int:
    article = load_article(args.file)
    store = NoteStore.open(article)
    for problem in store.problems:
        warn(f"warning: {problem}")
    try:
        # The reader's model (config.yaml) by default, so the analysis it cached is reused.
        analysis: Analysis | None = analyse_article(article, args.model or configured_model())
    except BylineError as error:
        if args.all_quotes:
            raise
        # The highlights and notes are the reader's own work: export them even without speakers.
        warn(f"warning: no analysis ({error}); exporting without speakers")
        analysis = None
    report = None
    if analysis is not None and store.corrections:
        analysis, report = apply_corrections(analysis, store.corrections)
        for correction, reason in report.orphaned:
            warn(f"warning: correction not applied (orphaned: {reason}): {correction.describe()}")
    tags = tuple(args.tag or ())
    document = build_export(article, analysis, store.highlights, all_quotes=args.all_quotes,
                            corrections=report, tags=tags)
    output = Path(args.output) if args.output and args.output != "-" else None
    fmt: ExportFormat = args.format or (format_for_path(output) if output else "md")
    text = render(document, fmt, theme=_html_theme(args.theme) if fmt == "html" else None)
    if output is None:
        # JSON and YAML are already inert (escaped); Markdown keeps the article's characters,
        # which a terminal must not act on.
        write_stdout(terminal_safe(text, multiline=True) if sys.stdout.isatty() else text)
        return 0
    source = article_file(article)
    write_export(text, output, protected=[source] if source else [], force=args.force)
    count = sum(1 for item in document.items if item.highlight is not None)
    warn(f"exported {count} highlight{'s' if count != 1 else ''} to {output}")
    return 0


def _html_theme(name: str | None) -> ReaderTheme:
    """The theme for an HTML page: ``--theme``, else the reader's (config), else ``default``; a
    theme that cannot be loaded is a warning and the default is used."""
    from reader.config import load_config
    from reader.themes import load_theme_or_default

    theme, problem = load_theme_or_default(name or load_config().theme)
    if problem:
        warn(f"warning: {problem}")
    return theme
