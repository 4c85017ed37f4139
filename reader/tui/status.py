"""The status line's two parts, from the reader's state: where the reader is, and what is filtered.

Pure functions of the state, the analysis and its progress, so the screen only
assigns their results to its reactives (bound to the :class:`StatusLine`) and
the wording is tested without a terminal.
"""

from __future__ import annotations

from reader.analysis.model import Analysis
from reader.tui.highlights import Layer
from reader.tui.state import ReaderState


def default_location(analysis: Analysis | None) -> str:
    """What the left part says before any jump: ``3 quotes, 2 reported statements, 4 actors · ...``."""
    if analysis is None:
        return "Reading"
    direct = sum(1 for quote in analysis.statements if quote.kind == "direct")
    return (
        f"{direct} quotes, {len(analysis.statements) - direct} reported statements, "
        f"{len(analysis.actors)} actors · ] next quote · ? help"
    )


def progress_text(done: int, total: int) -> str:
    """``42%`` of the analysis, or what happens before the first progress report (``total`` <= 0)."""
    if total <= 0:
        return "loading the language model"
    return f"{100 * done // total}%"


def status_filters(state: ReaderState, analysis: Analysis | None, *, encoding: str,
                   analysis_error: str | None, progress: str) -> str:
    """The right part: hidden layers, the statement filter, the marked actor, the search and its
    match count, a text decoded from a guessed ``encoding``, and the analysis progress (``progress``,
    from :func:`progress_text`) or failure; joined with `` · ``."""
    filters: list[str] = []
    off = [layer.value for layer in Layer if layer in state.hidden_layers]
    if off:
        filters.append("hidden: " + ", ".join(off))
    if state.include_reported:
        filters.append("quotes+reported")
    if state.statement_filter.active:
        from reader.tui.navigation import describe_filter

        filters.append(f"statements: {describe_filter(state.statement_filter, analysis)}")
    if actor := (analysis.actor(state.actor_id) if analysis else None):
        filters.append(f"actor: {actor.name}")
    if state.search_term:
        filters.append(f"search: {state.search_term!r} ({len(state.matches)})")
    if not encoding.lower().replace("_", "-").startswith("utf-8"):
        filters.append(f"encoding: {encoding}")  # the text may have been guessed
    if analysis is None:
        filters.append("analysis failed" if analysis_error else f"analysing… {progress}")
    return " · ".join(filters)
