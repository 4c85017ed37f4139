"""The status line's two parts, from the reader's state: where the reader is, and what is filtered.

Pure functions of the state, the analysis and its progress, so the screen only
assigns their results to its reactives (bound to the :class:`StatusLine`) and
the wording is tested without a terminal.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text

from reader.analysis.model import Analysis
from reader.tui.highlights import Layer
from reader.tui.state import ReaderState
from reader.words import number_of


def default_location(analysis: Analysis | None) -> str:
    """What the left part says before any jump: ``3 quotes, 2 reported statements, 4 actors · ...``."""
    if analysis is None:
        return "Reading"
    direct = sum(1 for quote in analysis.statements if quote.kind == "direct")
    reported = len(analysis.statements) - direct
    return (
        f"{number_of(direct, 'quote')}, {number_of(reported, 'reported statement')}, "
        f"{number_of(len(analysis.actors), 'actor')} · ] next quote · ? help"
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


SEPARATOR = " · "


#: A piece left out of a too-long status line is still shown cut when this many cells are left.
MIN_CUT_PIECE = 12


def fit_parts(line: str, width: int) -> str:
    """``line`` (pieces joined by `` · ``, most important first) shortened to ``width`` cells.

    Whole pieces are dropped from the end while the line is too long; the first piece left out is
    still shown, cut and ending in ``…``, when at least :data:`MIN_CUT_PIECE` cells are left for it
    (a long link address or quotation keeps its start); else the line ends in `` …``. When even the
    first piece does not fit it is cut and ends in ``…``. ``""`` when ``width`` is 0 or less. For
    example ``fit_parts("Quote 1/3 · Yuri Ushakov · stated", 24) == "Quote 1/3 · Yuri Ushakov"``.
    """
    if width <= 0:
        return ""
    if cell_len(line) <= width:
        return line
    parts = line.split(SEPARATOR)
    for kept in range(len(parts) - 1, 0, -1):
        head = SEPARATOR.join(parts[:kept])
        room = width - cell_len(head) - cell_len(SEPARATOR)
        if room >= MIN_CUT_PIECE:
            return head + SEPARATOR + _cut(parts[kept], room)
        shortened = head + " …"
        if cell_len(shortened) <= width:
            return shortened
    return _cut(parts[0], width)


def _cut(piece: str, width: int) -> str:
    """``piece`` cut to ``width`` cells, ending in ``…`` when it was cut."""
    text = Text(piece)
    text.truncate(width, overflow="ellipsis")
    return text.plain
