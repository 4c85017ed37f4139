"""Snapshots of the reader (pytest-textual-snapshot): the main screen, help, and a narrow terminal.

Deterministic by construction: a fixed terminal size, the hand-built analysis
passed in (no model, no worker), a fresh BYLINE_HOME (no remembered position or
theme), a frozen copy of the default theme, a relative source path in the
header, and no clock on screen. Update with ``pytest tests/test_tui_snapshots.py
--snapshot-update`` after checking the new pictures by eye.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_sample import sample_analysis, sample_article

from reader.paths import bundled_dir
from reader.tui.app import BylineApp

FROZEN_THEME = Path(__file__).with_name("tui_snapshot_theme.yaml")


def reader_app() -> BylineApp:
    article = sample_article()
    return BylineApp(article, analysis=sample_analysis(article), theme=str(FROZEN_THEME))


def test_main_screen_on_the_second_quote(snap_compare) -> None:
    assert snap_compare(reader_app(), press=["right_square_bracket", "right_square_bracket"],
                        terminal_size=(120, 36))


def test_actor_selected_with_statements_shown(snap_compare) -> None:
    async def select_ushakov(pilot) -> None:
        await pilot.press("a")
        pilot.app.reader.actors_panel.select_actor("ushakov")
        # → shows his statements, enter marks him (and no longer shows or hides them).
        await pilot.press("right", "enter", "escape", "right_curly_bracket")

    assert snap_compare(reader_app(), run_before=select_ushakov, terminal_size=(140, 36))


def test_help_screen(snap_compare) -> None:
    assert snap_compare(reader_app(), press=["question_mark"], terminal_size=(100, 50))


def test_narrow_terminal_folds_the_panel(snap_compare) -> None:
    assert snap_compare(reader_app(), press=["right_square_bracket"], terminal_size=(80, 24))


def test_narrow_terminal_panel_as_overlay(snap_compare) -> None:
    assert snap_compare(reader_app(), press=["s"], terminal_size=(80, 24))


# -- issue 15: the main screen at 80, 120 and 200 columns in every bundled theme -------------------
# Each SVG is named test_main_screen_in_every_bundled_theme[<theme>-<columns>-columns].svg: the sample
# article, the analysis done, the second quote current (]]), 36 rows. These follow the bundled
# themes (they change when a theme does), unlike the tests above, which use a frozen copy.

BUNDLED_THEMES = sorted(bundled_dir("themes").glob("*.yaml"))
WIDTHS = (80, 120, 200)


@pytest.mark.parametrize(
    ("theme_file", "columns"),
    [(theme, columns) for theme in BUNDLED_THEMES for columns in WIDTHS],
    ids=[f"{theme.stem}-{columns}-columns" for theme in BUNDLED_THEMES for columns in WIDTHS],
)
def test_main_screen_in_every_bundled_theme(snap_compare, theme_file: Path, columns: int) -> None:
    article = sample_article()
    app = BylineApp(article, analysis=sample_analysis(article), theme=str(theme_file))
    assert snap_compare(app, press=["right_square_bracket", "right_square_bracket"],
                        terminal_size=(columns, 36))
