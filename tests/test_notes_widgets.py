"""The note editor, the export dialog and the Notes panel on their own (Pilot tests)."""

from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Checkbox, Input, OptionList, Static, TextArea

from reader.notes import Highlight
from reader.tui.screens.export_dialog import ExportDialog, ExportRequest, with_format_extension
from reader.tui.widgets.note_editor import NoteEditor
from reader.tui.widgets.notes_panel import NotesPanel, note_label, one_line

TEXT = "First paragraph [bold]not markup[/bold].\nSecond paragraph says something.\n"


class ModalHarness(App[None]):
    """Pushes one modal and records what it was dismissed with."""

    def __init__(self, modal) -> None:
        super().__init__()
        self.modal = modal
        self.results: list[object] = []

    def on_mount(self) -> None:
        self.push_screen(self.modal, self.results.append)


async def test_note_editor_saves_a_multi_line_note_with_ctrl_s() -> None:
    app = ModalHarness(NoteEditor("the [b]highlighted[/b] words", "old", where="¶2"))
    async with app.run_test() as pilot:
        area = app.screen.query_one("#note-text", TextArea)
        assert area.has_focus and area.text == "old"
        assert "[b]highlighted[/b]" in str(app.screen.query_one("#note-excerpt", Static).content)
        await pilot.press("end", "enter", "l", "i", "n", "e", "ctrl+s")
        await pilot.pause()
    assert app.results == ["old\nline"]


async def test_note_editor_escape_cancels() -> None:
    app = ModalHarness(NoteEditor("words", "keep"))
    async with app.run_test() as pilot:
        await pilot.press("x", "escape")
        await pilot.pause()
    assert app.results == [None]


async def test_export_dialog_defaults_and_format_switch(tmp_path: Path) -> None:
    default = tmp_path / "story.notes.md"
    app = ModalHarness(ExportDialog(default))
    async with app.run_test() as pilot:
        path_input = app.screen.query_one("#export-path", Input)
        assert path_input.value == str(default)
        await pilot.click("#format-json")
        await pilot.pause()
        assert path_input.value == str(tmp_path / "story.notes.json")
        app.screen.query_one("#export-all", Checkbox).value = True
        path_input.focus()
        await pilot.press("enter")
        await pilot.pause()
    assert app.results == [ExportRequest("json", tmp_path / "story.notes.json", True)]


async def test_export_dialog_typed_extension_wins(tmp_path: Path) -> None:
    app = ModalHarness(ExportDialog(tmp_path / "a.notes.md"))
    async with app.run_test() as pilot:
        app.screen.query_one("#export-path", Input).value = str(tmp_path / "out.yaml")
        await pilot.click("#export-go")
        await pilot.pause()
    assert app.results == [ExportRequest("yaml", tmp_path / "out.yaml", False)]


def test_with_format_extension() -> None:
    assert with_format_extension("/a/b.notes.md", "yaml") == "/a/b.notes.yaml"
    assert with_format_extension("/a/b.notes.yml", "json") == "/a/b.notes.json"
    assert with_format_extension("/a/b.txt", "json") == "/a/b.txt"


class PanelHarness(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.jumps: list[str] = []

    def compose(self) -> ComposeResult:
        yield NotesPanel(id="notes")

    def on_notes_panel_jump(self, event: NotesPanel.Jump) -> None:
        self.jumps.append(event.highlight_id)


def make_highlight(needle: str, note: str = "", *, orphaned: bool = False) -> Highlight:
    start = TEXT.index(needle)
    highlight = Highlight.from_text(TEXT, start, start + len(needle), note)
    highlight.orphaned = orphaned
    return highlight


async def test_notes_panel_lists_in_text_order_and_jumps() -> None:
    second = make_highlight("says something", "my note\nmore")
    first = make_highlight("[bold]not markup[/bold]")
    lost = make_highlight("Second", orphaned=True)
    app = PanelHarness()
    async with app.run_test() as pilot:
        panel = app.query_one(NotesPanel)
        panel.show([lost, second, first], TEXT)
        await pilot.pause()
        options = app.query_one("#notes-list", OptionList)
        assert [options.get_option_at_index(i).id for i in range(options.option_count)] == [
            first.id,
            second.id,
            lost.id,
        ]
        assert str(app.query_one("#notes-summary", Static).content) == "3 highlights · 1 note · 1 orphaned"
        options.focus()
        options.highlighted = 1
        await pilot.press("enter")
        await pilot.pause()
    assert app.jumps == [second.id]


def test_note_label_shows_paragraph_words_and_note_as_plain_text() -> None:
    label = note_label(make_highlight("[bold]not markup[/bold]", "a *note*\nsecond line"), 1, lambda _k: None)
    assert label.plain == "¶1  [bold]not markup[/bold]\n✎ a *note*"
    assert one_line("word " * 30, 20).endswith("…") and len(one_line("word " * 30, 20)) <= 20
