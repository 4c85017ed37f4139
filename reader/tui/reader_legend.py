"""The reader's legend key: ``i`` shows the side panel's Legend tab, and ``i`` again the tab before.

Kept out of the reading screen's module like the notes keys (:mod:`reader.tui.reader_notes`): the
screen adds :data:`LEGEND_BINDINGS` and forwards ``action_toggle_legend`` to :func:`toggle_legend`.
"""

from __future__ import annotations

from typing import Any

from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import TabbedContent

from reader.theming.contrast import rgb
from reader.tui.widgets.article_view import ArticleView, StyleLookup
from reader.tui.widgets.legend import Legend

LEGEND_TAB = "legend-tab"

LEGEND_BINDINGS: list[BindingType] = [
    Binding("i", "toggle_legend", "Legend: what the colours mean", id="panel.legend", show=False),
]


def draw_legend(legend: Legend, view: ArticleView, lookup: StyleLookup) -> None:
    """Draw the legend with the current theme, on the article's background (as the pane draws it)."""
    ground = view.rich_style.bgcolor
    legend.show(lookup, ground=rgb(ground) if ground else (0.0, 0.0, 0.0), monochrome=view.monochrome,
                system=view.colour_system)


def panel_showing(screen: Screen[Any]) -> bool:
    """Whether the side panel is on screen (folded away on narrow terminals unless overlaid)."""
    if screen.has_class("-narrow"):
        return screen.has_class("-panel-overlay")
    return not screen.has_class("-panel-hidden")


def toggle_legend(screen: Screen[Any], legend: Legend, view: ArticleView, lookup: StyleLookup) -> None:
    """Show the Legend tab (opening the side panel if it is hidden), or go back to the tab before."""
    tabs = screen.query_one("#side-panel", TabbedContent)
    if tabs.active == LEGEND_TAB and panel_showing(screen):
        tabs.active = legend.previous_tab
        return
    if tabs.active != LEGEND_TAB:
        legend.previous_tab = tabs.active or "actors-tab"
    draw_legend(legend, view, lookup)
    tabs.active = LEGEND_TAB
    if screen.has_class("-narrow"):
        screen.add_class("-panel-overlay")
    else:
        screen.remove_class("-panel-hidden")
