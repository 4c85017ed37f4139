"""The status line: where the reader is, which filters are on, how far the analysis got.

It is one line with the location on the left and the filters and progress on
the right. Both parts are plain strings from the screen (which may contain an
actor's name or a search term from the article), so they are wrapped in
``Content`` objects and never parsed as markup.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.reactive import var
from textual.widgets import Static

from reader.safe_text import terminal_safe


class StatusLine(Horizontal):
    """Location on the left; filters and analysis progress on the right.

    Both are reactives: the reading screen binds its own ``location`` and ``filters`` to them
    (``data_bind``), and the watchers redraw only the part that changed.
    """

    DEFAULT_CSS = """
    StatusLine {
        height: 1;
    }
    StatusLine > #status-location {
        width: 1fr;
        height: 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    StatusLine > #status-filters {
        width: auto;
        height: 1;
    }
    """

    location: var[str] = var("")
    filters: var[str] = var("")

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        # Made here, not queried: a bound value can arrive before the children are mounted.
        self._location = Static(id="status-location")
        self._filters = Static(id="status-filters")

    def compose(self) -> ComposeResult:
        yield self._location
        yield self._filters

    def watch_location(self, location: str) -> None:
        # Its width is fixed, so no layout pass: a jump to the next quote stays within one frame.
        self._location.update(Content(terminal_safe(location)), layout=False)

    def watch_filters(self, filters: str) -> None:
        self._filters.update(Content(terminal_safe(filters)))
