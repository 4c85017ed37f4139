"""The note editor: a modal with a multi-line TextArea for the note on one highlight.

It returns the note text (``ctrl+s`` or the Save button) or ``None`` (``escape``
or Cancel). Given ``on_save``, the editor calls it first and closes only when the
note is stored: a failure (a full disk) is shown in the editor, which stays open
with the text, so a note never lives only in memory. ``ctrl+s`` saves what was
typed before it, even when keys arrive in a burst (a paste without bracketed
paste, a laggy SSH link): the save is queued behind the keys the text area has
not handled yet.
The highlighted words are shown above the text area as plain ``Content`` so
that the reader knows what the note is about and article text is never markup.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static, TextArea

from reader.safe_text import terminal_safe
from reader.tui.widgets.notes_panel import one_line

EXCERPT_LENGTH = 160
#: The note's text area is at most this many rows, and at least MIN_TEXT_ROWS.
TEXT_ROWS = 10
MIN_TEXT_ROWS = 3
#: Rows the dialog needs around the text area: border and padding (4), title (1), the excerpt
#: (at most 2 lines and a margin: 3), the error line (1), the buttons (3) and their margin (1).
DIALOG_ROWS = 13


class NoteEditor(ModalScreen[str | None]):
    """Write or edit the note on a highlight; dismisses with the text, or ``None`` when cancelled."""

    CSS_PATH = "../styles/note_editor.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save note", id="note_editor.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="note_editor.cancel"),
    ]

    def __init__(
        self,
        excerpt: str,
        note: str = "",
        *,
        where: str = "",
        on_save: Callable[[str], str | None] | None = None,
    ) -> None:
        super().__init__()
        self.excerpt = excerpt
        self.initial_note = note
        self.where = where
        self.on_save = on_save
        self.saved_text = note

    def compose(self) -> ComposeResult:
        with Vertical(id="note-dialog"):
            title = "Note" + (f" · {self.where}" if self.where else "")
            yield Static(Content(terminal_safe(title)), id="note-title")
            yield Static(Content(one_line(self.excerpt, EXCERPT_LENGTH)), id="note-excerpt")
            yield TextArea(self.initial_note, id="note-text", soft_wrap=True, tab_behavior="focus")
            yield Static(id="note-error")
            with Horizontal(id="note-buttons"):
                yield Button("Save  ctrl+s", variant="primary", id="note-save")
                yield Button("Cancel  esc", id="note-cancel")

    def on_mount(self) -> None:
        area = self.query_one("#note-text", TextArea)
        area.focus()
        area.move_cursor(area.document.end)
        self._fit_text_area()

    def on_resize(self) -> None:
        self._fit_text_area()

    def _fit_text_area(self) -> None:
        """Give the text area the rows the terminal can spare, so the buttons are never cut off."""
        rows = max(MIN_TEXT_ROWS, min(TEXT_ROWS, self.size.height - DIALOG_ROWS))
        self.query_one("#note-text", TextArea).styles.height = rows

    @property
    def unsaved(self) -> bool:
        """True when the text area holds text that is not stored."""
        return self.query_one("#note-text", TextArea).text != self.saved_text

    def action_save(self) -> None:
        # Keys typed before ctrl+s may still wait in the text area's queue (ctrl+s is a priority
        # binding, handled as soon as it arrives): save once they are in.
        self.query_one("#note-text", TextArea).call_later(self._save_now)

    def _save_now(self) -> None:
        text = self.query_one("#note-text", TextArea).text
        problem = self.on_save(text) if self.on_save is not None else None
        error = self.query_one("#note-error", Static)
        if problem is not None:
            error.update(Content(terminal_safe(f"Not saved: {problem}")))
            error.add_class("-shown")
            return
        self.saved_text = text
        self.dismiss(text)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "note-save":
            self.action_save()
        else:
            self.action_cancel()
