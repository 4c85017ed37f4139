"""A snapshot of the library screen (pytest-textual-snapshot) once the folder is analysed.

Deterministic by construction: the bundled sample articles, a stand-in analysis
(the counts are not the subject here), a frozen theme, a fixed terminal size and
a relative folder name in the header. Update with ``pytest
tests/test_sources_library_snapshot.py --snapshot-update`` after checking the
picture by eye.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

import reader.analysis
from reader.analysis.model import Analysis
from reader.paths import bundled_dir
from reader.sources import Article, discover
from reader.tui.app import BylineApp

FROZEN_THEME = Path(__file__).with_name("tui_snapshot_theme.yaml")


def counted_analysis(article: Article, **_: object) -> Analysis:
    """No model: a quote per paragraph is enough to fill the columns predictably."""
    from reader.analysis.model import Statement

    paragraphs = [line for line in article.text.split("\n") if line.strip()]
    quotes = [Statement(0, 0, "", "direct") for _ in paragraphs]
    return Analysis(text=article.text, source=article.source, statements=quotes)


def test_library_of_the_sample_articles(snap_compare, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader.analysis, "analyze", counted_analysis)
    app = BylineApp(None, library=discover(bundled_dir("sample_articles")), folder=Path("sample_articles"),
                    theme=str(FROZEN_THEME))

    async def wait_for_the_analysis(pilot) -> None:  # type: ignore[no-untyped-def]
        deadline = time.monotonic() + 30
        while not pilot.app.screen.progress.finished:
            assert time.monotonic() < deadline
            await pilot.pause(0.05)
        await pilot.pause(0.3)  # the progress timer draws the final state

    assert snap_compare(app, run_before=wait_for_the_analysis, press=["down"], terminal_size=(110, 14))
