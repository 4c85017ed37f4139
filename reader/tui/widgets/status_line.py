"""The status line: where the reader is, which filters are on, how far the analysis got.

It is one line with the location on the left and the filters and progress on
the right. Both parts are plain strings from the screen (which may contain an
actor's name or a search term from the article), drawn as ``Text``, never
parsed as markup. When the line is too narrow for both, each part keeps its
most important pieces: the parts are `` · ``-separated, most important first,
and pieces are dropped from the end (:func:`reader.tui.status.fit_parts`); a
piece cut short ends in ``…``. The location gets the room first.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from reader.safe_text import terminal_safe
from reader.tui.status import fit_parts

#: The filters never take more than this share of the line when the location needs it.
FILTERS_SHARE = 0.4


class StatusLine(Widget):
    """Location on the left; filters and analysis progress on the right.

    Both are reactives: the reading screen binds its own ``location`` and ``filters`` to them
    (``data_bind``); a change repaints the one line (no layout pass).
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"status-line--filters"}

    DEFAULT_CSS = """
    StatusLine {
        height: 1;
    }
    StatusLine > .status-line--filters {
        color: $text-muted;
    }
    """

    location: reactive[str] = reactive("", layout=False)
    filters: reactive[str] = reactive("", layout=False)
    #: A short word about the last key (``Wrapped to the first quote``), shown before the location.
    notice: reactive[str] = reactive("", layout=False)

    def visible_parts(self, width: int | None = None) -> tuple[str, str]:
        """The location and the filters as drawn in ``width`` cells (default: the line's width)."""
        width = self.content_region.width if width is None else width
        pieces = (terminal_safe(self.notice), terminal_safe(self.location))
        location = " · ".join(piece for piece in pieces if piece)
        filters = terminal_safe(self.filters)
        gap = 2 if filters else 0
        room_for_filters = max(0, width - cell_len(location) - gap)
        if room_for_filters < cell_len(filters):
            room_for_filters = max(room_for_filters, int(width * FILTERS_SHARE))
        shown_filters = fit_parts(filters, room_for_filters)
        gap = 2 if shown_filters else 0
        shown_location = fit_parts(location, max(0, width - cell_len(shown_filters) - gap))
        return shown_location, shown_filters

    def render(self) -> Text:
        width = self.content_region.width
        location, filters = self.visible_parts(width)
        line = Text(location, no_wrap=True, overflow="ellipsis")
        if filters:
            line.pad_right(max(2, width - cell_len(location) - cell_len(filters)))
            line.append(filters, style=self.get_component_rich_style("status-line--filters"))
        return line
