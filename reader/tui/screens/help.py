"""The ``?`` screen: every key binding of the reader, with its id and where it works.

The list is generated from the live bindings (after the user's keymap has been
applied) of the screen, the app (``T``, ``?``, ``ctrl+p``, ``q``) and every
widget on the screen that declares a ``HELP_SECTION`` (the actors panel, the
notes list with the screen's keys that act on its entry, ``HELP_ALSO``), so it
can never disagree with what the keys actually do, and a binding added elsewhere
(the notes keys, say) shows up here by itself. Only the keys Byline declares
(those with an id) are listed one by one; the movement keys Textual's widgets
bring (``scroll_up`` of a scroll view, a list's ``cursor_down``) are described
once, in one row.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, ClassVar

from rich.console import RenderableType
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.geometry import Size
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Static

#: The section of the keys that work anywhere in the reader.
READER_SECTION = "Reader"


@dataclass(frozen=True, slots=True)
class HelpRow:
    keys: str
    description: str
    binding_id: str
    #: Where the key works: ``Reader`` (anywhere in the reader), or a widget's ``HELP_SECTION``.
    section: str = READER_SECTION


def live_bindings(node: DOMNode) -> list[tuple[str, Binding]]:
    """``node``'s ``(key, binding)`` pairs as they work now: the user's keymap applied."""
    bindings = node._bindings.copy()
    keymap = node.app._keymap
    if keymap:
        bindings.apply_keymap(keymap)
    return list(bindings)


#: The section of the one row that describes the widgets' own movement keys.
BUILT_IN_SECTION = "Any pane"
#: What that row says the keys do, in Byline's words.
BUILT_IN_DESCRIPTION = "Move or scroll in the focused pane or list"
# Plain movement keys of Textual's widgets (scroll views, lists, trees): described once, together.
_MOVEMENT_KEYS = ("up", "down", "left", "right", "home", "end", "pageup", "pagedown")


def is_byline_binding(binding: Binding) -> bool:
    """Whether Byline declared ``binding``: every Byline key has an id (``quote.next``), which the
    keymap uses; Textual's own (``scroll_up`` of a scroll view, ``ctrl+c`` copy) have none."""
    return bool(binding.id) and not binding.system


def _rows(pairs: list[tuple[str, Binding]], section: str, app: App[Any]) -> list[HelpRow]:
    """One row per Byline binding (keys merged), in the order declared; Textual's own keys left out
    (see :func:`built_in_row`)."""
    keys_by_binding: dict[tuple[str, str], list[str]] = {}
    bindings: dict[tuple[str, str], Binding] = {}
    for key, binding in pairs:
        if not is_byline_binding(binding):
            continue
        ident = (binding.id or "", binding.action)
        bindings.setdefault(ident, binding)
        display = binding.key_display if binding.key == key and binding.key_display else app.get_key_display(
            binding.with_key(key)
        )
        keys = keys_by_binding.setdefault(ident, [])
        if display not in keys:
            keys.append(display)
    return [
        HelpRow(", ".join(keys_by_binding[ident]), binding.description or binding.action, binding.id or "",
                section)
        for ident, binding in bindings.items()
    ]


def help_rows(screen: Screen[Any]) -> list[HelpRow]:
    """Every binding of ``screen``: the focused widget's, its own and the app's (section ``Reader``),
    then, for each widget on it that declares a ``HELP_SECTION`` (the actors panel, the notes list),
    that widget's keys, which work while it has focus. Generated from the live bindings, so it follows
    the keymap."""
    app = screen.app
    # The focused widget and its containers first (the library's table): their keys work now.
    focused = [node for node in _up_to(screen.focused, screen) if not getattr(node, "HELP_SECTION", None)]
    pairs = [pair for widget in focused for pair in live_bindings(widget)]
    rows = _rows([*pairs, *live_bindings(screen), *live_bindings(app)], READER_SECTION, app)
    seen: set[type[DOMNode]] = set()
    for widget in screen.walk_children():
        section = getattr(widget, "HELP_SECTION", None)
        if section and type(widget) not in seen:
            seen.add(type(widget))
            # The containers it sits in up to the screen work while it has focus too (the Notes
            # tab's "f" filter is the panel's, around the list).
            around = [pair for node in _up_to(widget, screen) for pair in live_bindings(node)]
            rows += _rows(around, section, app)
            rows += _also_rows(widget, around, screen, section)
    nodes = [*focused, screen, app, *screen.walk_children()]
    built_in = built_in_row([live_bindings(node) for node in nodes], app)
    return [*rows, built_in] if built_in is not None else rows


def _also_rows(widget: DOMNode, around: list[tuple[str, Binding]], screen: Screen[Any],
               section: str) -> list[HelpRow]:
    """The screen's keys that act on ``widget``'s entry while it has focus (its ``HELP_ALSO``: binding
    id -> what the key does there), in ``section``; a key the widget takes itself (``enter`` in the
    notes list goes to the highlight) is left out of such a row."""
    also: dict[str, str] = getattr(widget, "HELP_ALSO", {})
    if not also:
        return []
    taken = {key for key, _binding in around}
    pairs = [(key, binding) for key, binding in live_bindings(screen)
             if binding.id in also and key not in taken]
    return [replace(row, description=also[row.binding_id])
            for row in _rows(pairs, section, screen.app)]


def built_in_row(per_node: list[list[tuple[str, Binding]]], app: App[Any]) -> HelpRow | None:
    """One row for the movement keys that Textual's widgets bring (arrows, home, end, page up and
    down, in the order first met), or ``None`` when there are none: a reader needs to know they
    work, not each widget's name for them. ``per_node`` holds each node's live bindings; a key that
    a node also binds to a Byline action there (the reader's ``pgdn``) is that action's."""
    keys: list[str] = []
    for pairs in per_node:
        taken = {key for key, binding in pairs if is_byline_binding(binding)}
        for key, binding in pairs:
            if is_byline_binding(binding) or binding.system or key not in _MOVEMENT_KEYS or key in taken:
                continue
            display = app.get_key_display(binding.with_key(key))
            if display not in keys:
                keys.append(display)
    return HelpRow(" ".join(keys), BUILT_IN_DESCRIPTION, "", BUILT_IN_SECTION) if keys else None


def built_in_note(row: HelpRow) -> str:
    """The line under the keys table that describes the movement keys once."""
    return f"Also {row.keys}: {row.description[:1].lower()}{row.description[1:]}."


def _up_to(node: DOMNode | None, screen: Screen[Any]) -> list[DOMNode]:
    """``node`` and the containers it sits in, below ``screen`` (``[]`` for no node)."""
    chain: list[DOMNode] = []
    while node is not None and node is not screen:
        chain.append(node)
        node = node.parent
    return chain


class HelpTable(Widget):
    """The keys table: a Rich table drawn whole (as tall as its rows), so the page around it scrolls it.

    A ``DataTable`` with ``height: auto`` inside the scrolling page was given the page's height and cut
    its last rows off where no key could scroll to them (the newcomer at 120x40 never saw ``q``). The
    Action column wraps, so the table fits 80 columns too.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"help-table--header", "help-table--odd-row"}

    DEFAULT_CSS = """
    HelpTable {
        width: auto;
        height: auto;
    }
    HelpTable > .help-table--header {
        text-style: bold;
    }
    HelpTable > .help-table--odd-row {
        background: $surface-lighten-1;
    }
    """

    HEADINGS = ("Key", "Action", "Binding id", "Where")

    def __init__(self, rows: list[HelpRow], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows = rows

    @property
    def row_count(self) -> int:
        return len(self.rows)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        """As wide as the table wants on one line per row: the page around it is ``width: auto``
        (its ``max-width`` then keeps it on screen, and the Action column wraps)."""
        console = self.app.console
        width = Measurement.get(console, console.options.update_width(viewport.width), self.render()).maximum
        return min(width, container.width) if container.width > 0 else width

    def render(self) -> RenderableType:
        table = Table(box=None, pad_edge=False, padding=(0, 1), collapse_padding=False,
                      header_style=self.get_component_rich_style("help-table--header"),
                      row_styles=["", self.get_component_rich_style("help-table--odd-row")])
        key, action, ident, where = self.HEADINGS
        table.add_column(key, no_wrap=True)
        table.add_column(action, overflow="fold")
        table.add_column(ident, no_wrap=True)
        table.add_column(where, no_wrap=True)
        for row in self.rows:
            # Text cells: a plain string would be parsed as markup, and "[" is a key here.
            table.add_row(Text(row.keys), Text(row.description), Text(row.binding_id), Text(row.section))
        return table


class HelpScreen(ModalScreen[None]):
    """A table of keys, then the legend (what each colour means); escape, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close help", id="help.close"),
    ]

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
    }
    HelpScreen > VerticalScroll {
        width: auto;
        max-width: 96%;
        height: auto;
        max-height: 90%;
        border: round $primary;
        background: $panel;
        padding: 0 1;
    }
    HelpScreen #help-title {
        text-style: bold;
        padding-bottom: 1;
    }
    HelpScreen #help-built-in {
        padding-top: 1;
    }
    HelpScreen #legend-title {
        text-style: bold;
        padding-top: 1;
    }
    HelpScreen #help-legend {
        padding-bottom: 1;
    }
    """

    def __init__(self, rows: list[HelpRow], legend: Text | None = None) -> None:
        super().__init__()
        self.rows = rows
        self.legend = legend

    def compose(self) -> ComposeResult:
        # One scrolling page (keys, then the legend): the arrows, page keys, home, end and the mouse
        # wheel scroll it.
        with VerticalScroll():
            yield Static("Byline keys · change them under keymap: in config.yaml (by id)", id="help-title")
            built_in = [row for row in self.rows if row.section == BUILT_IN_SECTION]
            yield HelpTable([row for row in self.rows if row.section != BUILT_IN_SECTION], id="help-table")
            for row in built_in:
                # Under the table, not in it: its long list of keys would widen the Key column.
                yield Static(Text(built_in_note(row)), id="help-built-in")
            if self.legend is not None:
                yield Static("What the colours mean (i shows this in the side panel)", id="legend-title")
                yield Static(self.legend, id="help-legend")
