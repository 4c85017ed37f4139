"""The status line: where the reader is, which filters are on, how far the analysis got.

It is one line with the location on the left and the filters and progress on
the right; a notice about the last key sits before the location, or on lines of
its own above it when it does not fit beside it (the notice gives way, but is
never cut). Both parts are plain strings from the screen (which may contain an
actor's name or a search term from the article), drawn as ``Text``, never
parsed as markup. When the line is too narrow for both, each part keeps its
most important pieces: the parts are `` · ``-separated, most important first,
and pieces are dropped from the end (:func:`reader.tui.status.fit_parts`); a
piece cut short ends in ``…``, after a whole word. The location gets the room first, then the
notice about the last key, then the filters (:func:`reader.tui.status.fit_status`).

While the actors panel has focus, the row under its cursor (``row``) is shown
whole instead, on as many lines as it needs (a row the panel cuts with ``…``
loses nothing). Only what was said after the cursor came to that row (a notice,
the location a key set: ``... marked``) follows it; the cursor moving on clears
both, so nothing said about one row is shown after another.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget

from reader.safe_text import terminal_safe
from reader.tui.status import fit_parts, fit_status


class StatusLine(Widget):
    """Location on the left; filters and analysis progress on the right.

    Both are reactives: the reading screen binds its own ``location`` and ``filters`` to them
    (``data_bind``); a change repaints the one line (no layout pass).
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"status-line--filters"}

    DEFAULT_CSS = """
    StatusLine {
        height: auto;
    }
    StatusLine > .status-line--filters {
        color: $text-muted;
    }
    """

    location: reactive[str] = reactive("", layout=False)
    filters: reactive[str] = reactive("", layout=False)
    #: A short word about the last key (``Wrapped to the first quote``), shown before the location.
    notice: reactive[str] = reactive("", layout=False)
    #: The actors panel's row under the cursor, shown whole (wrapped) while the panel has focus.
    row: reactive[str] = reactive("", layout=True)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        # The location when the cursor came to ``row``: about something else, so not shown after it.
        self._row_location = ""

    def on_resize(self) -> None:
        self.call_after_refresh(self._keep_toasts_above)

    def _keep_toasts_above(self) -> None:
        from reader.tui.toasts import keep_toasts_above

        if self.is_mounted:
            keep_toasts_above(self.screen, self.region.y)

    def show_row(self, row: str) -> None:
        """Show ``row`` whole; what the line said before (a notice, the location) is not about it."""
        self._row_location = self.location
        self.notice = ""
        self.row = " ".join(row.split())

    def watch_location(self) -> None:
        if self.row or self.notice:
            self.refresh(layout=True)  # what follows the row, or the notice, may need another line

    def watch_filters(self) -> None:
        if self.notice and not self.row:
            self.refresh(layout=True)  # the notice may no longer fit beside the location

    def watch_notice(self) -> None:
        self.refresh(layout=True)  # a notice too long to sit beside the location takes lines above it

    def notice_lines(self, width: int) -> list[str]:
        """The notice on lines of its own above the location, wrapped at words, when it does not fit
        beside the location (``[]`` when it does, or there is none): a notice gives way to the
        location, but what it says (``Exported 3 highlights to ~/Documents/Byline/...``) is never cut."""
        notice = terminal_safe(self.notice)
        if self.row or not notice or width <= 0:
            return []
        left, _ = fit_status(notice, terminal_safe(self.location), terminal_safe(self.filters), width)
        if left.startswith(notice):
            return []
        lines = Text(notice).wrap(self.app.console, width, overflow="fold")
        return [line.plain.rstrip() for line in lines]

    def row_text(self) -> str:
        """The row, then what was said since the cursor came to it (`` · ``-separated)."""
        said = [terminal_safe(self.notice)]
        if self.location != self._row_location:
            said.append(terminal_safe(self.location))
        return " · ".join(piece for piece in (terminal_safe(self.row), *said) if piece)

    def row_lines(self, width: int) -> list[str]:
        """:meth:`row_text` wrapped to ``width`` cells (words kept whole where they fit)."""
        if width <= 0:
            return []
        lines = Text(self.row_text()).wrap(self.app.console, width, overflow="fold")
        return [line.plain.rstrip() for line in lines]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if self.row:
            return max(1, len(self.row_lines(width)))
        return 1 + len(self.notice_lines(width))

    def visible_parts(self, width: int | None = None) -> tuple[str, str]:
        """The left part (notice, location) and the filters as drawn in ``width`` cells (default: the
        line's width): see :func:`reader.tui.status.fit_status` for what gives way first."""
        width = self.content_region.width if width is None else width
        notice = "" if self.notice_lines(width) else terminal_safe(self.notice)
        return fit_status(notice, terminal_safe(self.location), terminal_safe(self.filters), width)

    def render(self) -> Text:
        width = self.content_region.width
        if self.row:
            return self._render_row(width)
        location, filters = self.visible_parts(width)
        line = Text(location, no_wrap=True, overflow="ellipsis")
        if filters:
            line.pad_right(max(2, width - cell_len(location) - cell_len(filters)))
            line.append(filters, style=self.get_component_rich_style("status-line--filters"))
        if above := self.notice_lines(width):
            return Text("\n").join([*map(Text, above), line])
        return line

    def _render_row(self, width: int) -> Text:
        """The row whole, then the filters on its last line where they fit."""
        lines = self.row_lines(width) or [""]
        last = lines[-1]
        room = width - cell_len(last) - 2
        filters = fit_parts(terminal_safe(self.filters), room, last_resort_cut=False) if room > 0 else ""
        text = Text("\n".join(lines))
        if filters:
            text.pad_right(max(2, width - cell_len(last) - cell_len(filters)))
            text.append(filters, style=self.get_component_rich_style("status-line--filters"))
        return text
