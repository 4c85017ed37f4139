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
from textual.widgets import Static

from reader.safe_text import terminal_safe


class StatusLine(Horizontal):
    """Location on the left; filters and analysis progress on the right."""

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

    def compose(self) -> ComposeResult:
        yield Static(id="status-location")
        yield Static(id="status-filters")

    def show(self, location: str, filters: str) -> None:
        """Update both parts; unchanged parts are left alone, and the location never needs a
        layout pass (its width is fixed), which keeps a jump to the next quote within one frame."""
        location, filters = terminal_safe(location), terminal_safe(filters)
        location_widget = self.query_one("#status-location", Static)
        if str(location_widget.content) != location:
            location_widget.update(Content(location), layout=False)
        filters_widget = self.query_one("#status-filters", Static)
        if str(filters_widget.content) != filters:
            filters_widget.update(Content(filters))

    @property
    def location(self) -> str:
        return str(self.query_one("#status-location", Static).content)

    @property
    def filters(self) -> str:
        return str(self.query_one("#status-filters", Static).content)
