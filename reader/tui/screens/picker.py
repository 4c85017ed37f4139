"""A small keyboard-first chooser over the reader: a title, a line to type in, a list to pick from.

One screen serves the "correct the analysis" menu (``=``), choosing an actor (a speaker, the actor
to merge into: typing filters the list), and asking for a name or a role (no list: what is typed is
the answer). ``up``/``down`` move in the list, ``enter`` takes the highlighted entry, ``escape``
cancels. With ``allow_new`` the list ends with ``New: <what you typed>`` unless that is already a
choice, so a new name can be given even when it is part of an existing one (``Bong`` beside
``Bong Joon Ho``). It returns the chosen entry's key, the typed text for a new one, or ``None``.
Labels are ``Content`` built from plain strings: actor names come from the article and are never
markup.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from reader.corrections import canonical
from reader.safe_text import terminal_safe

NEW_PREFIX = "\0new:"
"""Option ids of the ``New: ...`` entry start with this (no real key can)."""


class Picker(ModalScreen[str | None]):
    """Choose one of ``choices`` (``(key, label)`` pairs), or type a new answer (``allow_new``)."""

    DEFAULT_CSS = """
    Picker {
        align: center middle;
        background: $background 60%;
    }
    Picker #picker {
        width: 64;
        max-width: 90%;
        height: auto;
        max-height: 80%;
        padding: 1 2;
        border: thick $primary;
        background: $panel;
    }
    Picker #picker-title {
        text-style: bold;
        color: $primary;
        margin-bottom: 1;
    }
    Picker #picker-list {
        height: auto;
        max-height: 16;
        margin-top: 1;
    }
    Picker #picker-hint {
        color: $text-muted;
        margin-top: 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="picker.cancel"),
        Binding("down", "move(1)", "Next", id="picker.down", show=False),
        Binding("up", "move(-1)", "Previous", id="picker.up", show=False),
    ]

    def __init__(self, title: str, choices: list[tuple[str, str]], *, allow_new: bool = False,
                 initial: str = "", placeholder: str = "type to filter", hint: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.choices = choices
        self.allow_new = allow_new
        self.initial = initial
        self.placeholder = placeholder
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(id="picker"):
            yield Static(Content(terminal_safe(self.title_text)), id="picker-title")
            yield Input(self.initial, placeholder=self.placeholder, id="picker-input")
            yield OptionList(id="picker-list")
            hint = self.hint or "↑↓ choose · enter take · esc cancel"
            yield Static(Content(hint), id="picker-hint")

    def on_mount(self) -> None:
        self.query_one("#picker-input", Input).focus()
        self._fill(self.initial if self.allow_new and not self.choices else "")

    @property
    def options(self) -> OptionList:
        return self.query_one("#picker-list", OptionList)

    def _fill(self, typed: str) -> None:
        """The choices whose label holds ``typed`` (case ignored), then ``New: typed``."""
        words = canonical(typed)
        shown = [(key, label) for key, label in self.choices if words in canonical(label)]
        # Names that start with what was typed first, then names holding it, then other labels.
        shown.sort(key=lambda item: (not canonical(item[0]).startswith(words),
                                     words not in canonical(item[0])))
        options = [Option(Content(terminal_safe(label)), id=key) for key, label in shown]
        clean = " ".join(typed.split())
        if self.allow_new and clean and all(canonical(key) != words for key, _ in shown):
            prompt = f"New: {clean}" if self.choices else clean
            options.append(Option(Content(terminal_safe(prompt)), id=NEW_PREFIX + clean))
        option_list = self.options
        option_list.clear_options()
        option_list.add_options(options)
        option_list.display = bool(options)
        if options:
            option_list.highlighted = 0

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._fill(event.value)

    def action_move(self, delta: int) -> None:
        option_list = self.options
        if option_list.option_count:
            current = option_list.highlighted or 0
            option_list.highlighted = (current + delta) % option_list.option_count

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._take()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._take(event.option.id)

    def _take(self, key: str | None = None) -> None:
        option_list = self.options
        if key is None:
            index = option_list.highlighted
            if index is None or not option_list.option_count:
                self.notify("Nothing to choose: type a name, or escape", severity="warning")
                return
            key = option_list.get_option_at_index(index).id
        if key is None:
            return
        self.dismiss(key.removeprefix(NEW_PREFIX))

    def action_cancel(self) -> None:
        self.dismiss(None)
