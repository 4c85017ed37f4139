"""A newcomer's seventh round, at 80x24 and 120x40: the status line keeps the location whole and
cuts nothing mid-word, the actors panel's row goes when a key is about something else, statement
rows are whole too, the export dialog fits 80x24, the article keeps its width when the status line
grows, the help lists the lists' keys, and the README lists every folder the reader writes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.widgets import Button, Input
from tui_sample import long_row_analysis, sample_analysis, sample_article

from reader.analysis import cache as analysis_cache
from reader.analysis.model import Analysis
from reader.notes.store import notes_dir
from reader.paths import exports_dir
from reader.tui.app import BylineApp
from reader.tui.position import position_path
from reader.tui.reader_panel import width_path
from reader.tui.screens.export_dialog import ExportDialog
from reader.tui.screens.help import HelpScreen, help_rows
from reader.tui.state import StatementFilter
from reader.tui.status import fit_parts, fit_status

ROOT = Path(__file__).resolve().parent.parent
SIZES = [(80, 24), (120, 40)]

#: Where each folder under ``BYLINE_HOME`` is without it (Linux), as the README names them.
HOME_FOLDERS = {"data": "~/.local/share/byline", "cache": "~/.cache/byline", "config": "~/.config/byline",
                "exports": "~/Documents/Byline"}


def quick_start() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]


# -- 7. the README lists every folder the reader writes -------------------------------------------


def test_the_quick_start_lists_every_folder_the_reader_writes(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The list left out ``positions/`` and the analysis cache; each path is taken from the code."""
    monkeypatch.setenv("BYLINE_HOME", str(tmp_path))
    written = [notes_dir(), position_path("text").parent, width_path(), analysis_cache._path("key").parent,
               exports_dir()]
    section = " ".join(quick_start().split())
    for path in written:
        top, *rest = path.relative_to(tmp_path).parts
        shown = "/".join([HOME_FOLDERS[top], *rest])
        assert re.search(re.escape(shown) + r"/?`", section), shown
    assert "`BYLINE_HOME" in section


# -- 1. the status line keeps the location whole and cuts nothing mid-word -------------------------


def make_app(analysis: Analysis | None = None) -> BylineApp:
    return BylineApp(sample_article(), analysis=analysis or sample_analysis())


def screen_lines(app: BylineApp) -> list[str]:
    update = app.screen._compositor.render_full_update()
    return ["".join(segment.text for segment in strip) for strip in update.strips]


def status_text(app: BylineApp) -> str:
    """The status line as drawn, all its lines joined (whitespace collapsed)."""
    region = app.reader.status_line.region
    lines = screen_lines(app)[region.y:region.bottom]
    return " ".join(" ".join(line[region.x:region.right].split()) for line in lines)


def cut_mid_word(drawn: str, *said: str) -> list[str]:
    """The words of ``drawn`` that are no whole word of what was ``said`` (a word cut short)."""
    words = {word.rstrip(",;:(") for text in said for word in text.split()}
    return [word for word in drawn.split() if word not in ("…", "·")
            and word.removesuffix("…").rstrip(",;:(") not in words]


def assert_location_whole(app: BylineApp) -> str:
    status = app.reader.status_line
    drawn = status_text(app)
    assert status.location in drawn, (status.location, drawn)
    assert not cut_mid_word(drawn, status.notice, status.location, status.filters), drawn
    return drawn


async def test_a_wrap_notice_gives_way_to_the_location_at_80_columns() -> None:
    """``Wrapped to the first statement · Statement 1/17 (report…  quotes+reported``."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r", *["right_square_bracket"] * 6)  # five statements, then round
        await pilot.pause()
        assert app.reader.status_line.notice == "Wrapped to the first statement"
        drawn = assert_location_whole(app)
        assert drawn.startswith("Wrapped to the first statement")  # whole, on a line of its own


@pytest.mark.parametrize("size", SIZES)
async def test_the_highlight_notice_gives_way_to_the_location(size: tuple[int, int]) -> None:
    """``Highlighted: m to write a note · Statement 2…``."""
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press("r", "right_square_bracket", "right_square_bracket", "h")
        await pilot.pause()
        assert app.reader.status_line.notice.startswith("Highlighted")
        assert_location_whole(app)


@pytest.mark.parametrize("size", SIZES)
async def test_a_statement_filter_gives_way_to_the_location(size: tuple[int, int]) -> None:
    """``…Yuri Ushakov, Kremlin adviser …`` with no cue and ``statements: reported stateme…``."""
    app = make_app()
    async with app.run_test(size=size) as pilot:
        reader = app.reader
        await pilot.press("r", "slash", *"Kursk", "enter")
        while reader.state.statement_filter != StatementFilter(kind="reported"):
            await pilot.press("F")
        for _ in range(3):
            await pilot.press("right_square_bracket")
            await pilot.pause()
            drawn = assert_location_whole(app)
            quote = reader.state.current_quote
            assert quote is not None and quote.cue is not None and quote.cue.text in drawn


def test_nothing_is_cut_inside_a_word() -> None:
    assert fit_parts("Quote 1/3 · Yuri Ushakov, Kremlin adviser · stated", 8) == "Quote…"
    assert fit_parts("statements: reported statements · 42%", 26) == "statements: reported…"
    assert fit_parts("quotes+reported · 0%", 12, last_resort_cut=False) == "…"
    left, right = fit_status("Wrapped to the first statement", "Statement 1/17 (reported) · Helen Okafor,"
                             " Mayor · said", "quotes+reported · 0%", 78)
    assert left.endswith("Statement 1/17 (reported) · Helen Okafor, Mayor · said")
    assert left == "Statement 1/17 (reported) · Helen Okafor, Mayor · said"
    assert right == "quotes+reported · 0%"
    # A notice is whole or left out: "Wrapped to the…" said nothing.
    shown = fit_status("Highlighted", "Quote 1/3 · Yuri Ushakov", "0%", 78)[0]
    assert shown == "Highlighted · Quote 1/3 · Yuri Ushakov"
    assert cell_len(left) + 2 + cell_len(right) <= 78


# -- 2. a key about something else takes the actors panel's row away ------------------------------


@pytest.mark.parametrize("size", SIZES)
async def test_the_row_goes_when_a_key_is_about_the_text(size: tuple[int, int]) -> None:
    """enter on an actor, then ], h and ctrl+s: ``opposes: ... reported (refusal) · Highlighted…``
    though the highlight was on another statement."""
    app = make_app()
    async with app.run_test(size=size) as pilot:
        reader = app.reader
        status = reader.status_line
        await pilot.press("a", "down", "enter")
        await pilot.pause()
        row = status.row
        assert row and row.split()[2] in status_text(app)  # the row, with what enter said
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert reader.actors_panel.has_focus
        assert not status.row and row.split()[2] not in status_text(app).split(" · ")[0]
        assert_location_whole(app)
        await pilot.press("h", "ctrl+s")
        await pilot.pause()
        assert not status.row
        assert status.notice.startswith("Highlighted")
        drawn = status_text(app)
        assert drawn.startswith(status.notice) or status.location in drawn
        await pilot.press("down")  # the cursor moves: its row is shown again
        await pilot.pause()
        assert status.row and not status.notice


async def test_enter_on_a_row_keeps_the_row_beside_what_it_said() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        status = app.reader.status_line
        await pilot.press("a", "enter")
        await pilot.pause()
        assert status.row and "marked" in status.location
        assert status.location in status_text(app)


# -- 3. a statement row is shown whole too ---------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
async def test_a_statement_row_is_shown_whole_in_the_status_line(size: tuple[int, int]) -> None:
    """``opposes: the possibility of engaging in negotiations with… reported (ruled out)``."""
    app = make_app()
    async with app.run_test(size=size) as pilot:
        reader = app.reader
        panel = reader.actors_panel
        await pilot.press("a")
        if size[0] < 100:
            await pilot.pause()
        longest = max(reader.analysis.statements, key=lambda quote: len(quote.text))
        assert len(longest.text) > 56  # the tree's row is cut
        actor = next(node for node in panel.root.children if node.data is not None
                     and node.data.actor_id == longest.actor)
        actor.expand()
        await pilot.pause()
        node = next(child for child in actor.children
                    if reader.analysis.statements[child.data.quote_index] is longest)
        panel.move_cursor(node)
        await pilot.pause()
        words = " ".join(longest.text.split())
        assert words in reader.status_line.row
        assert words in status_text(app)
        assert longest.cue is not None and f"({longest.cue.text})" in status_text(app)


# -- 5. the article keeps its width when the status line grows -------------------------------------


@pytest.mark.parametrize("size", SIZES)
async def test_the_article_keeps_its_wrap_when_the_status_line_grows(size: tuple[int, int]) -> None:
    """enter on an actor re-wrapped the article about a column narrower (words jumped lines): it was
    wrapped before its scrollbar appeared, and wrapped again when the status line grew."""
    app = make_app(long_row_analysis())
    async with app.run_test(size=size) as pilot:
        reader = app.reader
        view = reader.article_view
        await pilot.pause()
        width = view.layout_text.width
        lines = [view.rendered_line(i).text for i in range(view.layout_text.line_count)]
        await pilot.press("a")
        syrskyi = next(node for node in reader.actors_panel.root.children
                       if node.data is not None and node.data.actor_id == "syrskyi")
        reader.actors_panel.move_cursor(syrskyi)
        await pilot.press("enter")
        await pilot.pause()
        assert reader.status_line.size.height > 1  # the status line grew
        assert view.layout_text.width == width
        assert [view.rendered_line(i).text for i in range(view.layout_text.line_count)] == lines
        assert view.scrollable_content_region.width >= width


# -- 4. the export dialog fits 80x24 and the exported path is readable -----------------------------


@pytest.mark.parametrize("size", SIZES)
async def test_the_export_dialog_fits_and_leaves_the_status_line_in_sight(size: tuple[int, int]) -> None:
    """At 80x24 its bottom border went off screen and it covered the status line and the footer."""
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press("right_square_bracket", "h", "ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        dialog = app.screen.query_one("#export-dialog")
        height = size[1]
        assert dialog.region.y >= 0 and dialog.region.bottom <= height - 2  # status line and footer free
        for widget in (*app.screen.query(Button), app.screen.query_one("#export-path")):
            assert dialog.region.contains_region(widget.region), widget.id


async def test_the_exported_path_is_shown_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``Exported to /root/Documents/Byli…``: the home folder is ``~`` and the notice is never cut."""
    monkeypatch.setenv("HOME", str(tmp_path))
    target = tmp_path / "Documents" / "Byline" / "kremlin-rules-out-talks-kursk.notes.md"
    target.parent.mkdir(parents=True)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("right_square_bracket", "h", "ctrl+e")
        await pilot.pause()
        app.screen.query_one("#export-path", Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert target.exists()
        shown = "~/Documents/Byline/kremlin-rules-out-talks-kursk.notes.md"
        assert shown in app.reader.status_line.notice
        assert app.reader.status_line.notice in status_text(app)
        assert_location_whole(app)


async def test_a_toast_stays_above_a_status_line_grown_to_two_lines(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """The overwrite warning after an export sat over the export notice's line."""
    monkeypatch.setenv("HOME", str(tmp_path))
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        reader = app.reader
        reader.say("Exported 1 highlight to ~/Documents/Byline/kremlin-rules-out-talks-kursk.notes.md")
        await pilot.pause()
        assert reader.status_line.region.height >= 2
        app.notify("A warning long enough to need a toast", severity="warning")
        await pilot.pause(0.3)
        toasts = list(app.screen.query("Toast"))
        assert toasts
        for toast in toasts:
            assert toast.region.bottom <= reader.status_line.region.y


# -- 6. the help lists the lists' own keys, capitalised ---------------------------------------------


async def test_the_help_lists_what_the_lists_take_and_capitalises_every_action() -> None:
    """``^p`` was listed as "palette"; the actors panel's and notes list's sections left out enter,
    m, x and t."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        rows = help_rows(app.screen)
        lowercase = [row for row in rows if not row.description[:1].isupper()]
        assert not lowercase
        by_section: dict[str, dict[str, str]] = {}
        for row in rows:
            by_section.setdefault(row.section, {})[row.binding_id] = row.keys
        actors, notes = by_section["Actors panel"], by_section["Notes list"]
        assert actors["actors.choose"] == "⏎"
        assert notes["notes.go"] == "⏎"
        # The reading screen's m, x, t act on the entry under the list's cursor (not enter: it goes there).
        assert (notes["notes.edit"], notes["notes.remove"], notes["notes.tag"]) == ("m", "x", "t")
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_the_keys_the_help_lists_for_the_lists_do_what_it_says() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        reader = app.reader
        await pilot.press("a", "enter")  # enter on an actor marks it
        await pilot.pause()
        assert reader.state.actor_id is not None
        await pilot.press("escape", "right_square_bracket", "h", "right_square_bracket", "h", "M")
        await pilot.pause()
        notes = reader.notes
        assert len(notes.store.highlights) == 2
        await pilot.press("t")  # the entry under the cursor gets the next tag
        await pilot.pause()
        assert sorted(h.tag for h in notes.store.highlights) == ["green", "yellow"]
        await pilot.press("x")
        await pilot.pause()
        assert len(notes.store.highlights) == 1
