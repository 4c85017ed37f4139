"""A newcomer's findings at the README's tmux size (120x40) and at 80x24: the help scrolls to its
last key, the actors panel keeps what it expanded and shows its rows whole, notices name what is
navigated. Through the real app and Pilot."""

from __future__ import annotations

from dataclasses import replace

import pytest
from textual import events
from textual.containers import VerticalScroll
from tui_sample import long_row_analysis, sample_analysis, sample_article

from reader.analysis.model import Analysis
from reader.tui import navigation
from reader.tui.app import BylineApp
from reader.tui.screens.help import BUILT_IN_SECTION, HelpScreen
from reader.tui.state import Notice, ReaderState, StatementFilter
from reader.tui.widgets.actors_panel import LEGEND, ActorsPanel

SIZES = [(80, 24), (120, 40)]


def make_app(analysis: Analysis | None = None) -> BylineApp:
    return BylineApp(sample_article(), analysis=analysis or sample_analysis())


def status_text(app: BylineApp) -> str:
    """The status line as drawn, all its lines joined (whitespace collapsed)."""
    region = app.reader.status_line.region
    lines = screen_lines(app)[region.y:region.bottom]
    return " ".join(" ".join(line[region.x:region.right].split()) for line in lines)


def actor_node(panel: ActorsPanel, actor_id: str):  # type: ignore[no-untyped-def]
    return next(node for node in panel.root.children if node.data is not None
                and node.data.actor_id == actor_id)


def screen_lines(app: BylineApp) -> list[str]:
    """The text of every line on the screen as drawn."""
    update = app.screen._compositor.render_full_update()
    return ["".join(segment.text for segment in strip) for strip in update.strips]


def row_shown(lines: list[str], keys: str, binding_id: str, section: str) -> bool:
    """Whether a help row's first line is on screen whole: its keys, id and section on one line."""
    for line in lines:
        cells = line.split()
        inside = line.split("│")[1].strip() if "│" in line else ""
        if binding_id in cells and section.split()[0] in cells and inside.startswith(keys):
            return True
    return False


# -- 1. the help screen scrolls to every key ------------------------------------------------------


async def test_end_shows_the_last_binding_of_the_help() -> None:
    """At 120x40 the table stopped at shift+down and nothing scrolled to the rest (q, ?, the Actors
    panel and Notes list sections)."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = [row for row in app.screen.rows if row.section != BUILT_IN_SECTION]
        last = rows[-1]
        assert not row_shown(screen_lines(app), last.keys, last.binding_id, last.section)
        await pilot.press("end")
        await pilot.pause()
        assert row_shown(screen_lines(app), last.keys, last.binding_id, last.section), last
        # The table is drawn whole: its last row is not cut off inside the page.
        table = app.screen.query_one("#help-table")
        assert table.row_count == len(rows)
        assert table.region.height >= len(rows) + 1


@pytest.mark.parametrize("size", SIZES)
async def test_page_down_walks_through_every_binding_of_the_help(size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        rows = [row for row in app.screen.rows if row.section != BUILT_IN_SECTION]
        seen: list[str] = screen_lines(app)
        for _ in range(30):
            await pilot.press("pagedown")
            await pilot.pause()
            seen += screen_lines(app)
        missing = [row for row in rows if not row_shown(seen, row.keys, row.binding_id, row.section)]
        assert not missing
        await pilot.press("home")
        await pilot.pause()
        assert app.screen.query_one(VerticalScroll).scroll_y == 0


async def test_the_mouse_wheel_scrolls_the_help() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        page = app.screen.query_one(VerticalScroll)
        table = app.screen.query_one("#help-table")
        assert page.max_scroll_y > 0
        for _ in range(3):
            # Over the table: the event bubbles from it to the page.
            table.post_message(events.MouseScrollDown(table, 2, 2, 0, 1, 0, False, False, False))
            await pilot.pause()
        assert page.scroll_y > 0


# -- 2. the actors panel ----------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
async def test_enter_marks_an_actor_and_keeps_its_statements_shown(size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press("a")
        panel = app.reader.actors_panel
        panel.select_actor("zelensky")
        await pilot.press("right")
        node = actor_node(panel, "zelensky")
        assert node.is_expanded
        await pilot.press("enter")
        await pilot.pause()
        assert app.reader.state.actor_id == "zelensky"
        assert node.is_expanded  # marking does not hide the statements
        # ... nor show them: enter on a collapsed actor marks it only.
        panel.select_actor("ushakov")
        await pilot.press("enter")
        await pilot.pause()
        assert app.reader.state.actor_id == "ushakov"
        assert not actor_node(panel, "ushakov").is_expanded
        assert node.is_expanded


@pytest.mark.parametrize("size", SIZES)
async def test_the_row_under_the_cursor_is_shown_whole_in_the_status_line(size: tuple[int, int]) -> None:
    app = make_app(long_row_analysis())
    async with app.run_test(size=size) as pilot:
        await pilot.press("a")
        panel = app.reader.actors_panel
        panel.select_actor("syrskyi")
        await pilot.pause()
        row = " ".join(actor_node(panel, "syrskyi").label.plain.split())
        assert len(row) > size[0]  # wider than the line: it wraps, never cut
        assert status_text(app).startswith(row)
        assert "…" not in status_text(app)
        await pilot.press("enter")  # what enter says about the row follows it, whole too
        await pilot.pause()
        marked = "Oleksandr Syrskyi: 2 mentions, 1 statement marked · } walks them"
        assert status_text(app).startswith(f"{row} · {marked}")
        # The row leaves the status line with the focus.
        await pilot.press("tab")
        await pilot.pause()
        assert app.reader.status_line.region.height == 1
        assert row not in status_text(app)


async def test_what_was_said_about_one_row_is_not_shown_after_another() -> None:
    """Newcomer: ``0❞ 16× Ukraine · place · Volodymyr Zelensky: 5 mentions, 4 statements …``."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a")
        panel = app.reader.actors_panel
        panel.select_actor("zelensky")
        await pilot.press("enter")
        await pilot.pause()
        assert "Volodymyr Zelensky: 4 mentions, 2 statements marked" in status_text(app)
        panel.select_actor("kursk")
        await pilot.pause()
        kursk = " ".join(actor_node(panel, "kursk").label.plain.split())
        shown = status_text(app)
        assert shown.startswith(kursk)
        assert "mentions" not in shown.removeprefix(kursk)  # nothing about Zelensky after Kursk's row
        assert "actor: Volodymyr Zelensky" in shown  # the filters still say who is marked
        # A notice (f) belongs to the row it was said on, and goes when the cursor moves.
        await pilot.press("f")
        await pilot.pause()
        panel.select_actor("kremlin")
        await pilot.pause()
        assert "Actors panel:" not in status_text(app)


@pytest.mark.parametrize("size", SIZES)
async def test_the_actors_panel_hint_is_shown_whole(size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press("a")
        await pilot.pause()
        side = app.reader.query_one("#side-panel").region
        lines = screen_lines(app)[side.y:side.bottom]
        # (without the panel's left border, drawn on every line)
        drawn = " ".join(" ".join(line[side.x:side.right].replace("▊", "").split()) for line in lines)
        assert " ".join(LEGEND.split()) in drawn


# -- 3. a wrap notice names what is walked -------------------------------------------------------


async def test_with_reported_speech_the_wrap_notice_says_statement() -> None:
    """Newcomer: ``Wrapped to the first quote · Statement 1/17 (reported)``."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        reader = app.reader
        await pilot.press("r")
        for _ in range(6):  # five statements, then round to the first
            await pilot.press("right_square_bracket")
        await pilot.pause()
        assert reader.status_line.notice == "Wrapped to the first statement"
        assert reader.status_line.visible_parts()[0].startswith(
            "Wrapped to the first statement · Statement 1/5 (reported)")
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert reader.status_line.notice == "Wrapped to the last statement"
        # Direct quotes only again: the notice says quote.
        await pilot.press("r")
        for _ in range(4):
            await pilot.press("right_square_bracket")
        await pilot.pause()
        assert reader.status_line.notice == "Wrapped to the first quote"


def test_each_wrap_notice_names_what_it_walks() -> None:
    data = sample_analysis()
    last = max(s.end for s in data.statements)
    reported_only = ReaderState(statement_filter=StatementFilter(kind="reported"))
    jump = navigation.navigate_quote(reported_only, data, 1, top=last)
    assert jump.notice == Notice("Wrapped to the first reported statement")
    direct_only = ReaderState(statement_filter=StatementFilter(kind="direct"))
    assert navigation.navigate_quote(direct_only, data, 1, top=last).notice == Notice(
        "Wrapped to the first quote")
    # An actor's statements: Syrskyi has one direct quote, Zelensky a quote and a reported statement.
    for actor, noun in (("syrskyi", "quote"), ("zelensky", "statement")):
        state = navigation.choose_actor(ReaderState(), data, actor).state
        jump = navigation.navigate_statement(state, data, 1, top=last)
        name = data.actor(actor).name
        assert jump.notice == Notice(f"Wrapped to {name}'s first {noun}")
    nothing = replace(data, statements=[])
    with_reported = ReaderState(include_reported=True)
    assert navigation.navigate_quote(with_reported, nothing, 1, top=0).notice == Notice(
        "No quotes or reported statements in this article", "warning")
