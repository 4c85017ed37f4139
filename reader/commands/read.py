"""``byline [FILE]``: open an article in the reader (the bundled sample when no FILE is given)."""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path

from reader.analysis.model import Analysis
from reader.errors import BylineError
from reader.paths import sample_article
from reader.sources.article import Article


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file",
        nargs="?",
        help="the article: a file, - for stdin, or a URL (default: the sample); a folder opens the library",
    )
    parser.add_argument("--theme", help="a theme name or a path to a theme .yaml file")
    parser.add_argument("--model", help="the spaCy pipeline to analyse with (default: see the README)")


def cached_analysis(article: Article, model: str | None) -> Analysis | None:
    """The cached analysis of this text, if any: it lets the highlights appear with the text.

    Only the cache is read here (no spaCy import); a miss, or a model that is not
    installed, is left to the reader's worker, which reports it in the reader.
    """
    from reader.analysis import cached

    try:
        return cached(article, model)
    except BylineError:
        return None


def run(args: argparse.Namespace) -> int:
    # Imported here so that `byline --help` does not pay for Textual.
    from reader.config import load_config
    from reader.sources import load_article
    from reader.tui.app import BylineApp

    model = args.model or load_config().model
    if args.file and args.file != "-" and Path(args.file).is_dir():
        return _open_library(Path(args.file), theme=args.theme, model=model)
    article = load_article(args.file or sample_article())
    if args.file == "-":
        from reader.sources.terminal import reconnect_stdin_to_terminal

        reconnect_stdin_to_terminal()  # the keys come from the terminal once the pipe is read
    require_terminal()
    BylineApp(article, analysis=cached_analysis(article, model), theme=args.theme, model=model).run()
    exit_without_waiting_for_workers()
    return 0


def require_terminal() -> None:
    """The reader draws on a terminal. With standard output redirected to a file or a pipe it would
    write escape sequences into it and wait for keys nobody can press.

    Raises :class:`BylineError` (exit status 2) when standard output is not a terminal.
    """
    stream = sys.__stdout__
    if stream is None or not stream.isatty():
        raise BylineError("the reader needs a terminal and standard output is not one (redirected?); "
                          "'byline analyze FILE' prints the analysis as text")


def exit_without_waiting_for_workers(code: int = 0) -> None:
    """End the process now if an analysis thread is still running (``q`` during a long analysis).

    Python joins worker threads at exit, which would keep the quit waiting for the analysis to
    reach its next progress callback. Every note and the reading position are already on disk
    (each is written before its key press returns), so nothing is lost by not waiting.
    """
    import os
    import sys
    import threading

    others = [t for t in threading.enumerate() if t is not threading.main_thread()]
    if not any(t.is_alive() and not t.daemon for t in others):
        return
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(code)


def _open_library(folder: Path, *, theme: str | None, model: str | None) -> int:
    """``byline DIR``: the library screen over the folder's articles."""
    from reader.sources import discover
    from reader.tui.app import BylineApp

    paths = discover(folder)
    if not paths:
        raise BylineError(f"{folder}: no articles (.txt, .md, .html) in this folder")
    require_terminal()
    BylineApp(None, library=paths, folder=folder, theme=theme, model=model).run()
    exit_without_waiting_for_workers()
    return 0
