"""The ``?`` screen: every key binding that is active in the reader, with its id.

The list is generated from the live bindings (after the user's keymap has been
applied), so it can never disagree with what the keys actually do, and a
binding added elsewhere (the notes keys, say) shows up here by itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Static


@dataclass(frozen=True, slots=True)
class HelpRow:
    keys: str
    description: str
    binding_id: str


def help_rows(screen: Screen[Any]) -> list[HelpRow]:
    """One row per binding active on ``screen`` (keys merged), in the order they were declared."""
    app = screen.app
    keys_by_binding: dict[tuple[str, str], list[str]] = {}
    bindings: dict[tuple[str, str], Binding] = {}
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if binding.system or not binding.id:
            # Only bindings with an id: those are Byline's, and the ones a keymap can change.
            continue
        ident = (binding.id or "", binding.action)
        bindings.setdefault(ident, binding)
        display = binding.key_display if binding.key == key and binding.key_display else app.get_key_display(
            binding.with_key(key)
        )
        keys_by_binding.setdefault(ident, [])
        if display not in keys_by_binding[ident]:
            keys_by_binding[ident].append(display)
    return [
        HelpRow(", ".join(keys_by_binding[ident]), binding.description or binding.action, binding.id or "")
        for ident, binding in bindings.items()
    ]


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
    HelpScreen DataTable {
        height: auto;
        width: auto;
        overflow: hidden hidden;
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
        # One scrolling page (keys, then the legend): the arrows and page keys scroll it.
        with VerticalScroll():
            yield Static("Byline keys · change them under keymap: in config.yaml (by id)", id="help-title")
            table: DataTable[Text] = DataTable(cursor_type="none", zebra_stripes=True, id="help-table")
            table.can_focus = False
            table.add_columns("Key", "Action", "Binding id")
            for row in self.rows:
                # Text cells: a plain string would be parsed as markup, and "[" is a key here.
                table.add_row(Text(row.keys), Text(row.description), Text(row.binding_id))
            yield table
            if self.legend is not None:
                yield Static("What the colours mean (i shows this in the side panel)", id="legend-title")
                yield Static(self.legend, id="help-legend")
