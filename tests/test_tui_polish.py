"""Issue 15, layout and keys, through real keys: the panel's width and rows, the footer, the status
line, the note editor at 24 rows, toasts, the list keys, the Notes tab key, the help screen, the
export dialog from the keyboard, search (folding, count while typing, reading position, escape),
and the wording of counts and positions."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

from rich.style import Style
from textual.widgets import Button, TabbedContent
from textual.widgets._footer import FooterKey
from textual.widgets._toast import Toast, ToastRack
from tui_sample import record_notifications, sample_analysis, sample_article

from reader.analysis.model import Span, Statement
from reader.export import FORMATS
from reader.paths import exports_dir
from reader.sources import load_article
from reader.tui import navigation
from reader.tui.app import BylineApp
from reader.tui.reader_panel import MIN_WIDTH, WIDTH_STEP, load_panel_width
from reader.tui.screens.export_dialog import ExportDialog
from reader.tui.screens.help import READER_SECTION, HelpScreen, is_byline_binding, live_bindings
from reader.tui.status import fit_parts
from reader.tui.toasts import MAX_TOASTS
from reader.tui.widgets.actors_panel import ActorsPanel
from reader.tui.widgets.note_editor import NoteEditor
from reader.tui.widgets.notes_panel import NotesList
from reader.words import number_of


def make_app(article=None) -> BylineApp:  # type: ignore[no-untyped-def]
    article = article or sample_article()
    return BylineApp(article, analysis=sample_analysis(article))


def reader_notice(app: BylineApp) -> str:
    return app.reader.status_line.notice


def panel_rows(panel: ActorsPanel) -> list[str]:
    return [panel.render_line(y).text.rstrip() for y in range(panel.last_line + 1)]


# -- layout ---------------------------------------------------------------------------------------


async def test_panel_rows_end_in_an_ellipsis_and_never_scroll_sideways() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("a")
        panel = app.reader.actors_panel
        await pilot.pause()
        width = panel.scrollable_content_region.width
        assert 30 <= width <= 50  # the panel at 120 columns, as the issue saw it
        assert panel.virtual_size.width <= width
        assert not panel.show_horizontal_scrollbar
        rows = panel_rows(panel)
        zelensky = next(row for row in rows if "Volodymyr Zelensky" in row)
        assert zelensky.endswith("…")  # cut, and says so
        assert len(zelensky) <= width
        assert all(len(row) <= width for row in rows)
        assert any(row.endswith("Kursk · place") for row in rows)  # a short row is whole
        # the row under the cursor is shown whole in the status line
        panel.select_actor("zelensky")
        await pilot.pause()
        assert app.reader.status_line.row == "2❞ 4× Volodymyr Zelensky, Ukrainian President · person · says 2"


async def test_angle_brackets_size_the_panel_and_the_width_is_remembered() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        side = app.reader.query_one("#side-panel", TabbedContent)
        before = side.outer_size.width
        await pilot.press("greater_than_sign", "greater_than_sign")
        await pilot.pause()
        assert side.outer_size.width == before + 2 * WIDTH_STEP
        assert load_panel_width() == before + 2 * WIDTH_STEP
        panel = app.reader.actors_panel
        assert not panel.show_horizontal_scrollbar
        await pilot.press("less_than_sign")
        await pilot.pause()
        assert side.outer_size.width == before + WIDTH_STEP
        for _ in range(40):
            await pilot.press("less_than_sign")
        await pilot.pause()
        assert side.outer_size.width == MIN_WIDTH
    again = make_app()
    async with again.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert again.reader.query_one("#side-panel", TabbedContent).outer_size.width == MIN_WIDTH


async def test_the_footer_leaves_out_what_does_not_fit_instead_of_overlapping() -> None:
    for width in (60, 80, 40):
        app = make_app()
        async with app.run_test(size=(width, 24)) as pilot:
            await pilot.pause()
            keys = [key for key in app.reader.query(FooterKey) if key.display]
            regions = sorted((key.region for key in keys), key=lambda region: region.x)
            assert regions, width
            for left, right in itertools.pairwise(regions):
                assert left.right <= right.x, (width, left, right)  # no key drawn over another
            assert regions[-1].right <= width
            shown = {key.action for key in keys}
            assert "help" in shown  # ? Help always stays
            if width == 60:
                assert "export_notes" in shown and "command_palette" not in shown


def test_fit_parts_drops_the_least_important_parts_first() -> None:
    line = "Quote 1/3 · Yuri Ushakov, Kremlin adviser · stated"
    assert fit_parts(line, 80) == line
    assert fit_parts(line, 44) == "Quote 1/3 · Yuri Ushakov, Kremlin adviser …"
    assert fit_parts(line, 20) == "Quote 1/3 …"
    assert fit_parts(line, 8) == "Quote…"  # never "Quote 1…": nothing is cut inside a word
    assert fit_parts(line, 0) == ""


async def test_the_status_line_shortens_at_80_columns_with_an_ellipsis() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        reader = app.reader
        await pilot.press("slash", *"Kursk", "enter", "right_square_bracket")
        location, filters = reader.status_line.visible_parts()
        assert reader.status_line.location.startswith("Quote")
        assert location.startswith("Quote 1/3")
        assert filters.startswith("search: 'Kursk'")
        assert len(location) + 2 + len(filters) <= reader.status_line.content_region.width
        drawn = reader.status_line.render().plain
        assert len(drawn) <= reader.status_line.content_region.width
        narrow = reader.status_line.visible_parts(40)
        assert narrow[0].endswith("…")


async def test_the_note_editor_buttons_fit_24_rows() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("right_square_bracket", "h", "m")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        dialog = app.screen.query_one("#note-dialog")
        for button in app.screen.query(Button):
            assert button.region.height == 3
            assert dialog.region.contains_region(button.region), button.id
            assert button.region.bottom <= 24
        await pilot.press(*"ok", "ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, NoteEditor)


# -- toasts ---------------------------------------------------------------------------------------


async def test_notices_that_repeat_the_status_line_go_there_and_toasts_stay_few() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        reader = app.reader
        seen = record_notifications(app)
        await pilot.press(*["right_square_bracket"] * 4)
        assert "Wrapped to the first quote" in seen
        assert len(app._notifications) == 0  # no toast over the text
        assert reader.status_line.visible_parts()[0].startswith("Wrapped to the first quote · Quote 1/3")
        await pilot.press("1")
        assert reader.status_line.visible_parts()[0].startswith("Entities hidden")
        await pilot.press("right_square_bracket")
        assert not reader.status_line.notice  # the next key moves on
        for _ in range(6):
            await pilot.press("right_curly_bracket")  # a warning each time: "Select an actor ..."
        await pilot.pause()
        assert 1 <= len(app._notifications) <= MAX_TOASTS
        rack = app.screen.get_child_by_type(ToastRack)
        await pilot.pause(0.2)
        toasts = list(rack.query(Toast))
        assert len(toasts) == len(app._notifications)
        for toast in toasts:
            assert 0 < toast.region.height <= 4  # short
            assert toast.region.bottom <= reader.status_line.region.y  # never over the status line


# -- keys -----------------------------------------------------------------------------------------


async def test_j_k_g_G_move_in_the_actors_list() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("a")
        panel = app.reader.actors_panel
        start = panel.cursor_line
        scroll = app.reader.article_view.scroll_y
        await pilot.press("j")
        assert panel.cursor_line == start + 1
        await pilot.press("k")
        assert panel.cursor_line == start
        await pilot.press("G")
        assert panel.cursor_line == panel.last_line
        await pilot.press("g")
        assert panel.cursor_line == 0
        assert app.reader.article_view.scroll_y == scroll  # the article did not move


async def test_M_opens_the_notes_tab_and_j_k_g_G_move_in_it() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("right_square_bracket", "h", "right_square_bracket", "h",
                          "right_square_bracket", "h")
        await pilot.press("M")
        await pilot.pause()
        assert app.reader.query_one("#side-panel", TabbedContent).active == "notes-tab"
        notes = app.reader.query_one("#notes-list", NotesList)
        assert notes.has_focus
        notes.highlighted = 0
        await pilot.press("j")
        assert notes.highlighted == 1
        await pilot.press("k")
        assert notes.highlighted == 0
        await pilot.press("G")
        assert notes.highlighted == notes.option_count - 1 == 2
        await pilot.press("g")
        assert notes.highlighted == 0


async def test_help_lists_every_binding_of_the_reader_the_app_and_the_panel_lists() -> None:
    app = make_app()
    async with app.run_test(size=(120, 60)) as pilot:
        reader = app.reader
        sources = [(READER_SECTION, reader), (READER_SECTION, app),
                   ("Actors panel", reader.actors_panel),
                   ("Notes list", reader.query_one("#notes-list", NotesList)),
                   ("Notes list", reader.query_one("#notes-list", NotesList).parent)]
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        rows = app.screen.rows
        for section, node in sources:
            for key, binding in live_bindings(node):
                if not is_byline_binding(binding):
                    continue
                matching = [row for row in rows if row.section == section
                            and row.binding_id == (binding.id or "")
                            and row.description == (binding.description or binding.action)]
                assert matching, (section, key, binding)
        ids = {row.binding_id: row.keys for row in rows}
        assert ids["app.theme.next"] == "T"
        assert ids["app.command_palette"] == "^p"
        assert ids["app.help"] == "?"
        assert ids["scroll.page_down"] == "space, pgdn"
        assert ids["scroll.page_up"] == "b, pgup"
        assert ids["panel.narrower"] == "<" and ids["panel.wider"] == ">"
        assert ids["notes.tab"] == "M"
        assert ids["actors.down"] == "j" and ids["notes.last"] == "G"
        assert ids["actors.speech_only"] == "f"
        assert ids["notes.filter"] == "f"  # the Notes tab's filter, around the list
        table = app.screen.query_one("#help-table")
        assert table.row_count == len(rows) - 1  # Textual's movement keys: one line under the table


async def test_the_export_dialog_is_keyboard_first(tmp_path: Path) -> None:
    article_path = tmp_path / "kursk.txt"
    shutil.copyfile(sample_article().source, article_path)
    article = load_article(article_path)
    app = BylineApp(article, analysis=sample_analysis(article))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("right_square_bracket", "h", "ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        await pilot.press("down")
        assert app.screen.chosen_format == FORMATS[1] == "json"
        await pilot.press("down", "up")
        assert app.screen.chosen_format == "json"
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ExportDialog)
    exported = exports_dir()  # the default folder: never beside the article
    assert (exported / "kursk.notes.json").exists()  # down then enter exports JSON, as chosen
    assert not (exported / "kursk.notes.md").exists()


def test_search_folds_accents_and_apostrophes_with_exact_offsets() -> None:
    text = "He didn’t know José or JOSÉ’s Straße; don't."
    found = navigation.find_matches(text, "didn't")
    assert [text[s:e] for s, e in found] == ["didn’t"]
    assert [text[s:e] for s, e in navigation.find_matches(text, "jose")] == ["José", "JOSÉ"]
    assert [text[s:e] for s, e in navigation.find_matches(text, "josé's")] == ["JOSÉ’s"]
    assert [text[s:e] for s, e in navigation.find_matches(text, "strasse")] == ["Straße"]
    assert [text[s:e] for s, e in navigation.find_matches(text, "don’t")] == ["don't"]
    decomposed = "Jose\u0301 said"  # an accent as a combining character: the match keeps it
    assert [decomposed[s:e] for s, e in navigation.find_matches(decomposed, "jose")] == ["Jose\u0301"]
    assert navigation.find_matches(text, "") == ()


async def test_search_counts_while_typing_starts_at_the_reading_position_and_escape_clears() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        reader = app.reader
        text = reader.article.text
        await pilot.press("d", "d", "d")  # the reading position: the date "Monday"
        monday = reader.analysis.dates[2].start
        await pilot.press("slash", *"russia's")
        term = "russia's"
        every = navigation.find_matches(text, term)
        assert [text[s:e] for s, e in every][:1] == ["Russia’s"]
        assert reader.location == f"Search {term!r}: {len(every)} matches · enter goes to the first"
        await pilot.press("enter")
        first_after = next(i for i, (start, _) in enumerate(every) if start >= monday)
        assert first_after > 0  # not the first match of the article
        assert reader.state.match_index == first_after
        assert reader.status_line.location == f"Match {first_after + 1}/{len(every)} for {term!r}"
        match_start = every[first_after][0]
        assert reader.article_view.style_at(match_start) + app.style_for("search.current") == \
            reader.article_view.style_at(match_start)

        # ] goes on from the match, not from the top of the pane nor from an earlier quote
        await pilot.press("right_square_bracket")
        quotes = sorted(q.start for q in reader.analysis.statements if q.kind == "direct")
        expected = next((n for n, start in enumerate(quotes) if start > match_start), 0)
        assert reader.state.quote_index == expected

        await pilot.press("escape")
        assert reader.state.matches == () and reader.state.search_term == ""
        style: Style = reader.article_view.style_at(match_start)
        assert style + app.style_for("search.match") != style or not app.style_for("search.match")


async def test_keys_after_a_search_go_on_from_the_match() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        reader = app.reader
        analysis = reader.analysis
        await pilot.press("right_square_bracket")  # quote 1, Ushakov's, near the top
        await pilot.press("slash", *"Syrskyi", "enter")
        match = reader.state.matches[reader.state.match_index][0]
        assert match > analysis.statements[1].start
        await pilot.press("e")  # the first entity after the match, not after the top of the pane
        entity = analysis.entities[reader.state.entity_index]
        assert entity.start == min(e.start for e in analysis.entities if e.start > match)
        await pilot.press("right_square_bracket")  # the first quote after that entity
        quote = reader.state.current_quote
        direct = sorted(q.start for q in analysis.statements if q.kind == "direct")
        assert quote is not None and quote.start == min(start for start in direct if start > entity.start)
        assert reader.state.quote_index == direct.index(quote.start)
        await pilot.press("d")  # no date after it: d wraps to the first date
        assert reader.state.date_index == 0
        assert reader.status_line.notice == "Wrapped around the dates"


# -- wording --------------------------------------------------------------------------------------


def test_counted_nouns() -> None:
    assert number_of(1, "quote") == "1 quote"
    assert number_of(0, "quote") == "0 quotes"
    assert number_of(1, "reported statement") == "1 reported statement"
    assert number_of(2, "reported statement") == "2 reported statements"
    assert number_of(3, "match") == "3 matches"
    assert number_of(2, "entity") == "2 entities"


def _statement(text: str, cue: str | None, frame: str, stance: str | None = None) -> Statement:
    cue_span = Span(0, len(cue), cue) if cue else None
    return Statement(0, len(text), text, "reported", cue=cue_span, frame=frame, stance=stance)


def test_the_position_word_is_shown_only_when_the_cue_does_not_say_it() -> None:
    assert navigation.cue_and_position(_statement("x", "said", "speech")) == " · said"
    assert navigation.cue_and_position(_statement("x", "told reporters", "speech")) == " · told reporters"
    assert navigation.cue_and_position(_statement("x", "believes", "belief")) == " · believes"
    assert navigation.cue_and_position(_statement("x", "condemned", "stance", "oppose")) == (
        " · condemned · opposes"
    )
    assert navigation.cue_and_position(_statement("x", "plans", "intention")) == " · plans · wants"
    assert navigation.cue_and_position(_statement("x", None, "speech")) == " · says"


async def test_one_of_a_kind_reads_in_the_singular_in_the_reader() -> None:
    article = sample_article()
    analysis = sample_analysis(article)
    syrskyi = next(actor for actor in analysis.actors if actor.id == "syrskyi")
    app = BylineApp(article, analysis=analysis)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("a")
        app.reader.actors_panel.select_actor("syrskyi")
        await pilot.press("enter")
        assert len(syrskyi.statements) == 1
        assert app.reader.status_line.location.startswith(
            f"Oleksandr Syrskyi: {number_of(syrskyi.mentions, 'mention')}, 1 statement marked"
        )
