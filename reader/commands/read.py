"""``byline [FILE]``: open an article in the reader (the bundled sample when no FILE is given)."""

from __future__ import annotations

import argparse

from reader.paths import sample_article


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", nargs="?", help="the article to read (default: the bundled sample article)")
    parser.add_argument("--theme", help="a theme name or a path to a theme .yaml file")
    parser.add_argument("--model", help="the spaCy pipeline to analyse with (default: see the README)")


def run(args: argparse.Namespace) -> int:
    # Imported here so that `byline --help` does not pay for Textual.
    from reader.sources import load_article
    from reader.tui.app import BylineApp

    article = load_article(args.file or sample_article())
    BylineApp(article, theme=args.theme, model=args.model).run()
    return 0
