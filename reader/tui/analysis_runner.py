"""Where the reader and the library run an analysis: in a child process, never in the UI's
interpreter (see :mod:`reader.analysis.remote`).

One :class:`AnalysisProcess` serves the whole program (the model is loaded once in it); the
reader and the library take turns, and the library gives way while a reader is open. A cached
analysis is read here without starting the child. ``BYLINE_ANALYSIS=thread`` runs the analysis
in the calling thread instead (the test suite does, to patch the analysis and to share one
loaded model across tests).
"""

from __future__ import annotations

import os
from collections.abc import Callable

from reader.analysis.model import Analysis
from reader.analysis.remote import AnalysisCancelled, AnalysisProcess
from reader.sources.article import Article

__all__ = ["AnalysisCancelled", "run_analysis", "shared_process", "start_early"]

_shared: AnalysisProcess | None = None


def in_thread() -> bool:
    """Whether ``BYLINE_ANALYSIS=thread`` asks for the analysis in the calling thread."""
    return os.environ.get("BYLINE_ANALYSIS", "").strip().lower() == "thread"


def shared_process() -> AnalysisProcess:
    """The program's analysis process (started on its first analysis)."""
    global _shared
    if _shared is None:
        _shared = AnalysisProcess()
    return _shared


def start_early() -> None:
    """Start the analysis process now (unless ``BYLINE_ANALYSIS=thread``), for a reader that will
    ask for an analysis once its UI is up: the child's start then overlaps the UI's. Costs an idle
    child (no model loaded) when the article turns out to be cached."""
    if not in_thread():
        shared_process().start()


def run_analysis(
    article: Article,
    *,
    model: str | None,
    progress: Callable[[int, int], None],
    on_partial: Callable[[Analysis], None] | None = None,
    cancelled: Callable[[], bool],
) -> Analysis:
    """Analyse ``article`` (cache first) off the UI's interpreter; call from a worker thread.

    Raises :class:`AnalysisCancelled` once ``cancelled()`` is true, :class:`BylineError` (or
    another exception, in thread mode) when the analysis fails."""
    if in_thread():
        from reader.analysis import analyze

        def report(done: int, total: int) -> None:
            if cancelled():
                raise AnalysisCancelled
            progress(done, total)

        def partial(analysis: Analysis) -> None:
            if cancelled():
                raise AnalysisCancelled
            if on_partial is not None:
                on_partial(analysis)

        return analyze(article, model=model, progress=report,
                       on_partial=partial if on_partial is not None else None)
    from reader.analysis.pipeline import cached

    found = cached(article, model)
    if found is not None:
        progress(len(article.text), len(article.text))
        return found
    return shared_process().analyse(article, model=model, progress=progress, on_partial=on_partial,
                                    cancelled=cancelled)
