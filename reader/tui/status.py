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
#: Left at the end of a word cut short: a dangling comma or bracket says nothing.
_DANGLING = " ,;:·-–—(/"


def fit_parts(line: str, width: int, *, last_resort_cut: bool = True) -> str:
    """``line`` (pieces joined by `` · ``, most important first) shortened to ``width`` cells.

    Whole pieces are dropped from the end while the line is too long; the first piece left out is
    still shown, cut after a whole word and ending in ``…``, when at least :data:`MIN_CUT_PIECE`
    cells are left for it (a long link address or quotation keeps its start); else the line ends in
    `` …``. Nothing is cut inside a word: when even the first word of the first piece does not fit,
    that word is cut (``last_resort_cut``: one word longer than the line, nothing else to show) or
    the line is just ``…``. ``""`` when ``width`` is 0 or less. For example
    ``fit_parts("Quote 1/3 · Yuri Ushakov · stated", 24) == "Quote 1/3 · Yuri Ushakov"``.
    """
    if width <= 0:
        return ""
    if cell_len(line) <= width:
        return line
    parts = line.split(SEPARATOR)
    for kept in range(len(parts) - 1, 0, -1):
        head = SEPARATOR.join(parts[:kept])
        room = width - cell_len(head) - cell_len(SEPARATOR)
        if room >= MIN_CUT_PIECE and (cut := cut_at_word(parts[kept], room)):
            return head + SEPARATOR + cut
        shortened = head + " …"
        if cell_len(shortened) <= width:
            return shortened
    if first := cut_at_word(parts[0], width):
        return first
    return _cut(parts[0], width) if last_resort_cut else "…"


def cut_at_word(piece: str, width: int) -> str:
    """``piece`` in ``width`` cells: whole, or its first whole words ending in ``…`` (a comma or
    bracket they end on left out); ``""`` when not even its first word fits."""
    if cell_len(piece) <= width:
        return piece
    words = piece.split(" ")
    for count in range(len(words) - 1, 0, -1):
        head = " ".join(words[:count]).rstrip(_DANGLING)
        if head and cell_len(head) + 1 <= width:
            return head + "…"
    return ""


def fit_status(notice: str, location: str, filters: str, width: int) -> tuple[str, str]:
    """The status line's left part (``notice · location``) and right part (the filters) in ``width``
    cells, with two between them.

    The location (the position, who said it, the cue) is the last thing cut: it gets the room first
    and is shortened only when it alone is too long (:func:`fit_parts`). The notice about the last
    key gives way next: whole in what is left, else left out of the line (``Wrapped to the…`` or
    ``Already…`` said nothing; the status line shows it on a line of its own). The filters get what
    is left after both: their least important pieces go first, and ``…`` says some are hidden.
    Nothing is cut inside a word.
    """
    if width <= 0:
        return "", ""
    if not location:
        location, notice = notice, ""
    left = fit_parts(location, width)
    # Filters shown as at least "…" (two cells apart), so the reader knows some are on.
    reserved = 3 if filters else 0
    room = width - cell_len(left) - cell_len(SEPARATOR) - reserved
    if notice and cell_len(notice) <= room:
        left = notice + SEPARATOR + left
    room = width - cell_len(left) - 2
    right = fit_parts(filters, room, last_resort_cut=False) if filters and room > 0 else ""
    return left, right


def _cut(piece: str, width: int) -> str:
    """``piece`` cut to ``width`` cells, ending in ``…`` when it was cut."""
    text = Text(piece)
    text.truncate(width, overflow="ellipsis")
    return text.plain
