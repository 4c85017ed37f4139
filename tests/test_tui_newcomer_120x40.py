"""A newcomer's findings at the README's tmux size (120x40) and at 80x24: the help scrolls to its
last key, the actors panel keeps what it expanded and shows its rows whole, notices name what is
navigated. Through the real app and Pilot."""

from __future__ import annotations

import pytest
from textual import events
from textual.containers import VerticalScroll
from tui_sample import sample_analysis, sample_article

from reader.tui.app import BylineApp
from reader.tui.screens.help import BUILT_IN_SECTION, HelpScreen

SIZES = [(80, 24), (120, 40)]


def make_app() -> BylineApp:
    return BylineApp(sample_article(), analysis=sample_analysis())


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
