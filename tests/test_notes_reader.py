"""Highlights and notes in the reader, through the Pilot: h, m/enter, x, u, H, ctrl+e, the Notes tab."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from textual.widgets import Input, OptionList, TabbedContent, TextArea
from tui_sample import record_notifications, sample_analysis, sample_article

from reader.notes import NoteStore
from reader.sources import load_article
from reader.sources.article import Article
from reader.tui.app import BylineApp
from reader.tui.screens.export_dialog import ExportDialog, ExportRequest
from reader.tui.widgets.note_editor import NoteEditor
from reader.tui.widgets.notes_panel import NotesPanel

SIZE = (120, 40)


def make_app(article: Article | None = None) -> BylineApp:
    article = article or sample_article()
    return BylineApp(article, analysis=sample_analysis(article))


def listed(app: BylineApp) -> list[str | None]:
    options = app.reader.query_one("#notes-list", OptionList)
    return [options.get_option_at_index(i).id for i in range(options.option_count)]


async def type_note(pilot, text: str) -> None:
    await pilot.press(*("space" if ch == " " else ch for ch in text))


async def test_highlight_the_current_quote_write_a_note_quit_reopen_and_find_it() -> None:
    article = sample_article()
    first_quote = min(
        (q for q in sample_analysis(article).statements if q.kind == "direct"), key=lambda q: q.start
    )
    app = make_app(article)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right_square_bracket", "h")
        await pilot.pause()
        store = app.reader.notes.store
        assert [(h.start, h.end) for h in store.highlights] == [(first_quote.start, first_quote.end)]
        assert listed(app) == [store.highlights[0].id]
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        await type_note(pilot, "flat refusal")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, NoteEditor)
        assert store.highlights[0].note == "flat refusal"
        await pilot.press("q")

    reopened = make_app(sample_article())
    async with reopened.run_test(size=SIZE) as pilot:
        await pilot.pause()
        [highlight] = reopened.reader.notes.store.highlights
        assert (highlight.start, highlight.end, highlight.note) == (
            first_quote.start,
            first_quote.end,
            "flat refusal",
        )
        assert listed(reopened) == [highlight.id]
        summary = reopened.reader.query_one("#notes-summary")
        assert "1 highlight · 1 note" in str(summary.content)
        # enter on the highlight (the quote is current again) edits the same note
        await pilot.press("right_square_bracket", "enter")
        await pilot.pause()
        assert isinstance(reopened.screen, NoteEditor)
        assert reopened.screen.query_one("#note-text", TextArea).text == "flat refusal"
        await pilot.press("escape")


async def test_highlights_are_drawn_with_the_theme_and_noted_ones_get_a_marker() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h")  # nothing current: the first sentence on screen
        await pilot.pause()
        store = app.reader.notes.store
        [highlight] = store.highlights
        assert highlight.exact.startswith("The Kremlin has firmly ruled out") and highlight.exact.endswith(
            "."
        )
        runs = app.reader.decorations.runs_for(highlight.start, highlight.end)
        # a new highlight has the default tag, drawn with its style key
        assert {run.key for run in runs if run.key.startswith(("highlight", "note.marker"))} == {
            "highlight.green"
        }
        store.set_note(highlight.id, "context")
        app.reader.notes.refresh()
        marker = [
            run for run in app.reader.decorations.runs_for(0, len(store.text)) if run.key == "note.marker"
        ]
        assert [(run.start, run.end) for run in marker] == [(highlight.end - 1, highlight.end)]


async def test_remove_and_undo() -> None:
    app = make_app()
    notes = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right_square_bracket", "h")
        await pilot.pause()
        store = app.reader.notes.store
        [highlight] = store.highlights
        await pilot.press("x")
        await pilot.pause()
        assert store.highlights == [] and listed(app) == []
        assert NoteStore.open(app.reader.article).highlights == []
        assert "Highlight removed: u to undo" in notes
        await pilot.press("u")
        await pilot.pause()
        assert [h.id for h in store.highlights] == [highlight.id]
        assert [h.id for h in NoteStore.open(app.reader.article).highlights] == [highlight.id]
        await pilot.press("u")
        assert "Nothing to undo" in notes


async def test_highlight_all_quotes_and_the_notes_tab_jumps() -> None:
    article = sample_article()
    analysis = sample_analysis(article)
    app = make_app(article)
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.press("H")
        await pilot.pause()
        store = app.reader.notes.store
        assert sorted((h.start, h.end) for h in store.highlights) == sorted(
            (q.start, q.end) for q in analysis.statements
        )
        await pilot.press("H")  # twice changes nothing
        assert len(store.highlights) == len(analysis.statements)
        assert listed(app) == [h.id for h in sorted(store.highlights, key=lambda h: h.start)]

        app.reader.query_one("#side-panel", TabbedContent).active = "notes-tab"
        options = app.reader.query_one("#notes-list", OptionList)
        options.focus()
        await pilot.pause()
        last = sorted(store.highlights, key=lambda h: h.start)[-1]
        options.highlighted = len(store.highlights) - 1
        await pilot.press("enter")
        await pilot.pause()
        view = app.reader.article_view
        assert view.is_visible(last.start)
        assert view.has_focus
        # m now edits the highlight we jumped to
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor) and app.screen.excerpt == last.exact


async def test_ctrl_e_exports_and_an_unwritable_path_keeps_the_highlights(tmp_path: Path) -> None:
    article_path = tmp_path / "kursk.txt"
    shutil.copyfile(sample_article().source, article_path)
    article = load_article(article_path)
    app = make_app(article)
    notes = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right_square_bracket", "h", "ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        # the exports folder (BYLINE_HOME/exports here), never beside the article; made on first use
        default = tmp_path / "byline-home" / "exports" / "kursk.notes.md"
        assert app.screen.query_one("#export-path", Input).value == str(default)
        await pilot.press("enter")
        await pilot.pause()
        exported = default.read_text(encoding="utf-8")
        assert "## Highlights" in exported and "Yuri Ushakov, Kremlin adviser (direct quote)" in exported

        app.reader.export_notes(ExportRequest("json", tmp_path / "out.json", all_quotes=True))
        data = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
        assert data["total"] == len(app.reader.analysis.statements)

        before = app.reader.notes.store.file.read_text(encoding="utf-8")
        app.reader.export_notes(ExportRequest("md", tmp_path / "missing" / "x.md"))
        await pilot.pause()
        assert any(n.startswith("Export failed:") and "does not exist" in n for n in notes)
        assert app.reader.notes.store.file.read_text(encoding="utf-8") == before


async def test_orphans_are_reported_when_the_reader_opens(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("One sentence here. Another one there.\n", encoding="utf-8")
    store = NoteStore.open(load_article(path))
    store.add(0, len("One sentence here."))
    path.write_text("A different sentence. Another one there.\n", encoding="utf-8")

    app = BylineApp(load_article(path), analysis=None)
    notes = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert any("could not be found in the edited article" in n for n in notes)
        assert len(app.reader.notes.store.orphans) == 1
        panel = app.reader.query_one("#notes", NotesPanel)
        assert "1 orphaned" in str(panel.query_one("#notes-summary").content)
        # the orphan can still be chosen in the Notes tab, its note edited, and removed
        [orphan] = app.reader.notes.store.orphans
        app.reader.query_one("#side-panel", TabbedContent).active = "notes-tab"
        options = panel.query_one("#notes-list", OptionList)
        options.focus()
        options.highlighted = 0
        await pilot.press("enter")
        await pilot.pause()
        assert any(n.startswith("Orphaned: its text is no longer in the article") for n in notes)
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor) and app.screen.excerpt == "One sentence here."
        await pilot.press("o", "k", "ctrl+s")
        await pilot.pause()
        assert app.reader.notes.store.get(orphan.id).note == "ok"
        options.focus()
        await pilot.press("x")
        await pilot.pause()
        assert app.reader.notes.store.highlights == []
        assert NoteStore.open(load_article(path)).highlights == []


async def test_notes_keys_are_in_help_and_the_command_palette() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        titles = {command.title for command in app.get_system_commands(app.reader)}
        assert {"Highlight all quotes", "Highlight", "Export", "Note on highlight"} <= titles
        ids = {b.id for b in app.reader.BINDINGS if getattr(b, "id", None)}
        assert {"notes.highlight", "notes.edit", "notes.remove", "notes.undo", "notes.export"} <= ids


async def test_h_highlights_a_mouse_selection() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.reader.article_view
        margin = view._left_margin
        # drag over "Kremlin" on the first line (the text starts "The Kremlin has ...")
        await pilot.mouse_down(view, offset=(margin + 4, 0))
        await pilot.hover(view, offset=(margin + 11, 0))
        await pilot.mouse_up(view, offset=(margin + 11, 0))
        await pilot.pause()
        assert view.selected_span() == (4, 12)
        assert view.get_selection(app.screen.selections[view]) == ("Kremlin ", "\n")
        await pilot.press("h")
        await pilot.pause()
        assert [(h.start, h.end, h.exact) for h in app.reader.notes.store.highlights] == [(4, 11, "Kremlin")]
        assert view.selected_span() is None  # the selection became the highlight


async def test_keyboard_selection_grows_by_sentences_and_h_highlights_it() -> None:
    article = sample_article()
    text = article.text
    app = make_app(article)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.reader.article_view
        await pilot.press("shift+down")
        first = text.index("The Kremlin has firmly"), text.index("Kursk region.") + len("Kursk region.")
        assert view.selected_span() == first
        await pilot.press("shift+down", "shift+down")
        third_end = text.index("alarmed Russian officials.") + len("alarmed Russian officials.")
        assert view.selected_span() == (first[0], third_end)
        await pilot.press("shift+up")
        second_end = text.index("two countries.") + len("two countries.")
        assert view.selected_span() == (first[0], second_end)
        selected = view.style_at(first[0])
        assert selected.bgcolor == app.style_for("selection").bgcolor
        await pilot.press("h")
        await pilot.pause()
        [highlight] = app.reader.notes.store.highlights
        assert (highlight.start, highlight.end) == (first[0], second_end)
        assert "\n" in highlight.exact  # it spans two paragraphs


async def test_h_acts_on_what_the_reader_stepped_to_last() -> None:
    article = sample_article()
    text = article.text
    analysis = sample_analysis(article)
    app = make_app(article)
    async with app.run_test(size=SIZE) as pilot:
        reader = app.reader
        reader.search("buffer zone")  # a match: h takes its sentence
        await pilot.pause()
        await pilot.press("h")
        sentence = text[text.index("Zelensky also emphasized") : text.index("Russian attacks.") + 16]
        assert [h.exact for h in reader.notes.store.highlights] == [sentence]
        await pilot.press("right_square_bracket", "h")  # then a quote: h takes the quote, not the match
        await pilot.pause()
        quote = next(q for q in analysis.statements if q.start == reader.state.jump_offset)
        assert reader.notes.store.find(quote.start, quote.end) is not None
        before = {h.id for h in reader.notes.store.highlights}
        await pilot.press("G", "h")  # scrolled away from both: the first sentence on screen
        await pilot.pause()
        [newest] = [h for h in reader.notes.store.highlights if h.id not in before]
        view = reader.article_view
        assert view.is_visible(newest.start) and newest.start >= view.top_offset
        assert len(reader.notes.store.highlights) == 3
