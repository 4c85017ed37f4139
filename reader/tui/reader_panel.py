"""The side panel's own keys on the reading screen: its width (``<`` / ``>``) and the Notes tab (``M``).

The width is a number of columns, remembered across runs in ``<data dir>/panel.json``
(like the reading position, a failure to remember it is not worth an error). Until
the reader first changes it the stylesheet's width applies (38% of the screen, 30
to 64 columns). In a narrow terminal the panel is an overlay whose width the
stylesheet decides, so the remembered width applies only when the panel sits
beside the text. A row of the actors panel too long for it ends in ``…``; while the
panel has focus, the row under the cursor is shown whole in the status line (on as
many lines as it needs), and only what was said about that row follows it: a key about something
else (``]``, ``h``) takes the row away, and so does focus or the cursor leaving it.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from pathlib import Path

from rich.text import Text
from textual import events, on
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import TabbedContent, Tree
from textual.widgets.tree import TreeNode

from reader.fileio import atomic_write_text
from reader.paths import data_dir
from reader.tui.widgets.actors_panel import ActorsPanel
from reader.tui.widgets.status_line import StatusLine

#: Columns one ``<`` or ``>`` takes away or adds.
WIDTH_STEP = 4
#: The narrowest panel ``<`` gives (a count column, a short name and the ellipsis still fit).
MIN_WIDTH = 24
#: The article keeps at least this many columns when ``>`` widens the panel.
MIN_ARTICLE_WIDTH = 40

PANEL_BINDINGS: list[BindingType] = [
    Binding("less_than_sign", "panel_width(-1)", "Narrower panel", id="panel.narrower", key_display="<",
            show=False),
    Binding("greater_than_sign", "panel_width(1)", "Wider panel", id="panel.wider", key_display=">",
            show=False),
    Binding("M", "notes_tab", "Notes tab", id="notes.tab", show=False),
]


def width_path() -> Path:
    return data_dir() / "panel.json"


def load_panel_width() -> int | None:
    """The remembered width in columns, or ``None`` (never set, or the file is unreadable)."""
    try:
        width = int(json.loads(width_path().read_text(encoding="utf-8"))["width"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return width if width >= MIN_WIDTH else None


def save_panel_width(width: int) -> None:
    with contextlib.suppress(OSError):
        atomic_write_text(width_path(), json.dumps({"width": int(width)}) + "\n")


def clamp_width(width: int, screen_width: int) -> int:
    """``width`` kept between :data:`MIN_WIDTH` and what leaves the article :data:`MIN_ARTICLE_WIDTH`."""
    return max(MIN_WIDTH, min(width, screen_width - MIN_ARTICLE_WIDTH))


class PanelScreen(Screen[None]):
    """The reading screen's base: the actions of :data:`PANEL_BINDINGS`."""

    #: The width set with ``<``/``>`` (or remembered); ``None``: the stylesheet's.
    panel_width: int | None = None

    def _side_panel(self) -> TabbedContent:
        return self.query_one("#side-panel", TabbedContent)

    def apply_panel_width(self) -> None:
        """Give the panel its chosen width beside the text (an overlay keeps the stylesheet's)."""
        panel = self._side_panel()
        narrow = self.has_class("-narrow")
        if self.panel_width is None or narrow:
            panel.styles.width = None
            panel.styles.min_width = None
            panel.styles.max_width = None
            return
        width = clamp_width(self.panel_width, self.size.width)
        panel.styles.width = width
        panel.styles.min_width = width
        panel.styles.max_width = width

    def action_panel_width(self, direction: int) -> None:
        """``<`` (``direction`` -1) or ``>`` (1): the panel four columns narrower or wider, remembered."""
        if self.has_class("-narrow"):
            self.notify("The panel is an overlay at this width: widen the terminal to size it",
                        severity="warning", timeout=3)
            return
        self.remove_class("-panel-hidden")
        current = self.panel_width or self._side_panel().outer_size.width
        self.panel_width = clamp_width(current + direction * WIDTH_STEP, self.size.width)
        self.apply_panel_width()
        save_panel_width(self.panel_width)

    #: True while a key of the actors panel's row (enter on it) runs: what it says is about the row.
    _about_row = False

    def say(self, message: str) -> None:
        """A short notice in the status line (the reading screen's)."""

    @contextlib.contextmanager
    def about_the_row(self) -> Iterator[None]:
        """What is said and shown inside is about the row under the actors panel's cursor, so the row
        stays in the status line beside it; anything else said takes the row away."""
        self._about_row = True
        try:
            yield
        finally:
            self._about_row = False

    @on(Tree.NodeHighlighted, "#actors")
    def show_whole_row(self, event: Tree.NodeHighlighted[object]) -> None:
        """The row under the panel's cursor, whole, in the status line: a row cut with ``…`` loses
        nothing. A new row replaces the last one and what was said about it."""
        self._show_row(event.node if event.node.data is not None else None)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if isinstance(event.widget, Tree) and event.widget.id == "actors":
            node = event.widget.cursor_node
            self._show_row(node if node is not None and node.data is not None else None)

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        if isinstance(event.widget, Tree) and event.widget.id == "actors":
            self._show_row(None)

    def _show_row(self, node: TreeNode[object] | None) -> None:
        """``node``'s label whole in the status line (``None``: the line goes back to the location)."""
        status = self.query_one("#status", StatusLine)
        if node is None:
            status.row = ""
            return
        panel = node.tree
        label = node.label
        whole = panel.whole_label(node) if isinstance(panel, ActorsPanel) else (
            label.plain if isinstance(label, Text) else str(label))
        status.show_row(whole)

    def action_notes_tab(self) -> None:
        """``M``: show the Notes tab and put the cursor in its list."""
        if self.has_class("-narrow") and not self.has_class("-panel-overlay"):
            self.add_class("-panel-overlay")
        self.remove_class("-panel-hidden")
        self._side_panel().active = "notes-tab"
        self.query_one("#notes-list").focus()
