"""The ``ctrl+e`` export dialog: choose a format and a path, then export.

The format list has the focus when it opens: the arrows choose a format and
``enter`` exports in it (``tab`` reaches the path). It proposes
``<article>.notes.md`` in the exports folder (``~/Documents/Byline``) and keeps the file extension in
step with the chosen format until the reader edits the path. It returns an
:class:`ExportRequest` (or ``None`` when cancelled); the app does the writing,
so an unwritable path becomes a notification and the highlights, which are
already stored, are untouched. The article itself is never a target, and an
existing file is only overwritten when the reader presses enter a second time
on the same path (the first press says that it exists).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, RadioButton, RadioSet, Static

from reader.export import EXTENSIONS, FORMATS, ExportFormat, format_for_path
from reader.fileio import needs_confirmation, same_file

FORMAT_LABELS: dict[ExportFormat, str] = {
    "md": "Markdown (Obsidian, GitHub)",
    "json": "JSON (W3C Web Annotations)",
    "yaml": "YAML (same data as the JSON)",
    "csv": "CSV (Readwise, spreadsheets)",
    "html": "HTML page (the annotated article, to share)",
}


#: Below this many rows the dialog leaves out its blank lines (it is 28 rows with them).
SHORT_HEIGHT = 30


def shown_path(path: Path) -> str:
    """``path`` as the reader is told it: ``~/Documents/Byline/x.notes.md`` under the home folder."""
    try:
        home = Path.home()
    except RuntimeError:  # no home folder to be relative to
        return str(path)
    if path.is_absolute() and path != home and path.is_relative_to(home):
        return str(Path("~", path.relative_to(home)))
    return str(path)


@dataclass(frozen=True, slots=True)
class ExportRequest:
    format: ExportFormat
    path: Path
    all_quotes: bool = False
    overwrite: bool = False


def with_format_extension(path: str, fmt: ExportFormat) -> str:
    """``path`` with its export extension swapped for ``fmt``'s (``x.notes.md`` -> ``x.notes.json``)."""
    for extension in (*EXTENSIONS.values(), ".yml", ".markdown", ".htm"):
        if path.endswith(extension):
            return path[: -len(extension)] + EXTENSIONS[fmt]
    return path


class FormatChoice(RadioSet):
    """The formats, keyboard-first: an arrow chooses the next or previous format (not only moves the
    highlight), and ``enter`` exports in the chosen one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,right", "step_format(1)", "Next format", id="export_dialog.next_format", show=False),
        Binding("up,left", "step_format(-1)", "Previous format", id="export_dialog.previous_format",
                show=False),
        Binding("enter", "screen.export", "Export", id="export_dialog.enter", show=False),
    ]

    def action_step_format(self, delta: int) -> None:
        if delta > 0:
            self.action_next_button()
        else:
            self.action_previous_button()
        if self._selected is not None:
            button = self._nodes[self._selected]
            if isinstance(button, RadioButton):
                button.value = True


class ExportDialog(ModalScreen[ExportRequest | None]):
    """Ask where and how to export the highlights and notes."""

    CSS_PATH = "../styles/export_dialog.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="export_dialog.cancel"),
        Binding("ctrl+s", "export", "Export", id="export_dialog.export", priority=True),
    ]

    def __init__(
        self, default_path: Path, *, fmt: ExportFormat = "md", protected: Path | None = None
    ) -> None:
        super().__init__()
        self.default_path = default_path
        self.initial_format = fmt
        self.protected = protected
        self._confirmed: Path | None = None

    def compose(self) -> ComposeResult:
        # It scrolls inside when the terminal is too short for it (tab scrolls to what gets focus).
        with VerticalScroll(id="export-dialog"):
            yield Static(Content("Export highlights and notes"), id="export-title")
            with FormatChoice(id="export-format"):
                for fmt in FORMATS:
                    yield RadioButton(
                        Content(FORMAT_LABELS[fmt]), value=fmt == self.initial_format, id=f"format-{fmt}"
                    )
            yield Static(Content("Save to"), classes="export-label")
            yield Input(str(self.default_path), id="export-path")
            yield Checkbox(Content("Include every detected quote, even if not highlighted"), id="export-all")
            with Horizontal(id="export-buttons"):
                yield Button("Export  enter", variant="primary", id="export-go")
                yield Button("Cancel  esc", id="export-cancel")

    def on_mount(self) -> None:
        # Keyboard-first: the arrows choose a format at once, enter exports; tab reaches the path.
        self.query_one("#export-format", FormatChoice).focus()

    def on_resize(self) -> None:
        # Below SHORT_HEIGHT rows the blank lines go, so the whole dialog fits 24 rows.
        self.set_class(self.size.height < SHORT_HEIGHT, "-short")

    @property
    def chosen_format(self) -> ExportFormat:
        pressed = self.query_one("#export-format", RadioSet).pressed_button
        if pressed is None or pressed.id is None:
            return self.initial_format
        return pressed.id.removeprefix("format-")  # type: ignore[return-value]

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        path_input = self.query_one("#export-path", Input)
        path_input.value = with_format_extension(path_input.value, self.chosen_format)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_export()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "export-go":
            self.action_export()
        else:
            self.action_cancel()

    def action_export(self) -> None:
        raw = self.query_one("#export-path", Input).value.strip()
        if not raw:
            self.notify("Give a file to export to.", severity="warning")
            return
        if raw == "-":
            # Standard output is the reader's own screen while it runs: `byline export FILE -o -`.
            self.notify("- is standard output, which the reader is drawing on: give a file here, or "
                        "run byline export FILE -o - in a shell", severity="warning", timeout=8)
            return
        path = Path(raw).expanduser()
        fmt = self.chosen_format
        if path.suffix.lower() in (*EXTENSIONS.values(), ".markdown", ".yml", ".htm"):
            # A path typed with another extension than the chosen format means the path's format.
            fmt = format_for_path(path, fmt)
        if self.protected is not None and same_file(path, self.protected):
            self.notify(f"{path} is the article itself: choose another file for the export", severity="error")
            return
        overwrite = needs_confirmation(path)
        if overwrite and self._confirmed != path:
            self._confirmed = path
            self.notify(f"{path} exists: press enter again to overwrite it", severity="warning", timeout=6)
            return
        self.dismiss(ExportRequest(fmt, path, self.query_one("#export-all", Checkbox).value, overwrite))

    def action_cancel(self) -> None:
        self.dismiss(None)
