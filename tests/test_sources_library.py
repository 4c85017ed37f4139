"""The library screen (``byline DIR``) through the Pilot: rows, background analysis, open and back."""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

import pytest
from textual.app import App
from textual.widgets import DataTable, ProgressBar

import reader.analysis
from reader.analysis import analyze
from reader.analysis.model import Analysis
from reader.paths import bundled_dir
from reader.sources import Article, discover, load_article
from reader.tui.app import BylineApp
from reader.tui.screens.library import LibraryReaderScreen, LibraryScreen

SAMPLES = bundled_dir("sample_articles")
SIZE = (140, 30)


def sample_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for path in SAMPLES.glob("*.txt"):
        shutil.copy(path, folder / path.name)
    (folder / "zz-broken.txt").write_bytes(b"%PDF-1.4\n")
    return folder


def library_app(folder: Path) -> BylineApp:
    return BylineApp(None, library=discover(folder), folder=folder)


async def wait_until(pilot, condition, timeout: float = 120.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting for the library"
        await pilot.pause(0.05)


def row_texts(table: DataTable) -> list[list[str]]:  # type: ignore[type-arg]
    return [[str(cell) for cell in table.get_row_at(index)] for index in range(table.row_count)]


async def test_library_lists_the_sample_articles_analyses_them_and_opens_one(tmp_path: Path, nlp) -> None:
    folder = sample_folder(tmp_path)
    shutil.copy(Path(__file__).parent / "fixtures" / "sources" / "news-page.html", folder / "news-page.html")
    notes = "# Council notes\n\nThe *mayor* said the vote was close.\n"
    (folder / "notes.md").write_text(notes, encoding="utf-8")
    app = library_app(folder)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        await wait_until(pilot, lambda: screen.progress.finished)
        await pilot.pause(0.3)  # let the progress timer draw the last state
        rows = row_texts(screen.table)
        names = [row[-1] for row in rows]
        assert names == sorted(path.name for path in folder.iterdir())
        for row, name in zip(rows, names, strict=True):
            if name == "zz-broken.txt":
                assert row[0] == "looks like a PDF document, not a text article"
                continue
            article = load_article(folder / name)
            expected = analyze(article, nlp=nlp)  # from the cache the library filled
            assert row[0] == (article.title or name.removesuffix(".txt").replace("-", " "))
            assert row[1] == (article.published or "")
            assert row[2] == f"{len(article.text[article.body_start :].split()):,}"
            assert row[3:5] == [str(len(expected.statements)), str(len(expected.actors))]
        drought = rows[names.index("drought-water-talks.txt")]
        assert drought[:2] == ["Water talks stall as drought deepens across the south", "2025-08-22"]
        page = rows[names.index("news-page.html")]
        assert page[:2] == ["Kremlin rules out talks as Ukraine presses Kursk push", "2024-08-19"]
        assert rows[names.index("notes.md")][:3] == ["Council notes", "", "7"]
        bar = screen.query_one("#library-progress", ProgressBar)
        assert bar.percentage == 1.0
        status = str(screen.query_one("#library-status").render())
        assert status == "5/5 analysed · 1 could not be read · done"

        kursk = names.index("kremlin-rules-out-talks-kursk.txt")
        screen.table.move_cursor(row=kursk)
        await pilot.press("enter")
        await pilot.pause()
        opened = app.screen
        assert isinstance(opened, LibraryReaderScreen)
        assert opened.article.source == str(folder / "kremlin-rules-out-talks-kursk.txt")
        assert opened.analysis is not None and len(opened.analysis.statements) >= 3
        await pilot.press("right_square_bracket")
        assert opened.status_line.location.startswith("Quote 1/3 · Yuri Ushakov")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen


async def test_a_broken_row_does_not_open(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "one"
    folder.mkdir()
    (folder / "bad.txt").write_bytes(b"")
    monkeypatch.setattr(reader.analysis, "analyze", fake_analyze)
    app = library_app(folder)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await wait_until(pilot, lambda: screen.progress.finished)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert row_texts(screen.table)[0][0] == "is empty (nothing to read)"


def fake_analyze(article: Article, *, progress=None, **_: object) -> Analysis:  # type: ignore[no-untyped-def]
    """Analysis stand-in that takes a while and reports progress, like the real one on a long text."""
    steps = 20
    for step in range(1, steps + 1):
        time.sleep(0.01)
        if progress:
            progress(len(article.text) * step // steps, len(article.text))
    return Analysis(text=article.text, source=article.source, title=article.title)


async def test_analysis_pauses_while_reading_and_resumes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = sample_folder(tmp_path)
    calls: list[str] = []
    gate = threading.Event()

    def slow_analyze(article: Article, **kwargs: object) -> Analysis:
        calls.append(Path(article.source).name)
        # Hold the first article until the test has opened a reader (however loaded the machine:
        # the test always opens the gate, in a finally, so this never waits out its timeout).
        gate.wait(120)
        return fake_analyze(article, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(reader.analysis, "analyze", slow_analyze)
    app = library_app(folder)
    try:
        await _open_a_reader_while_held(app, calls, gate)
    finally:
        gate.set()


async def _open_a_reader_while_held(app: App[None], calls: list[str], gate: threading.Event) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        await wait_until(pilot, lambda: bool(calls))
        screen.table.move_cursor(row=1)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, LibraryReaderScreen))
        assert screen._paused.is_set()
        gate.set()  # the held analysis now reports progress, sees the pause and stops
        await pilot.pause(0.5)
        assert not screen.progress.finished
        assert screen.progress.analysed == 0
        await pilot.press("escape")
        await wait_until(pilot, lambda: screen.progress.finished, timeout=20)
        assert screen.progress.analysed == 3
        # The stopped article was analysed again from the start; the one opened was analysed by the
        # reader, and the library kept that analysis instead of doing it twice.
        assert calls.count("drought-water-talks.txt") == 2
        assert calls.count("harbour-bridge-vote.txt") == 1
        assert all(entry.analysis is not None for entry in screen.entries if entry.article)


def test_library_entry_for_an_untitled_article_uses_the_file_name(tmp_path: Path) -> None:
    from reader.tui.screens.library import LibraryEntry

    entry = LibraryEntry(tmp_path / "city_council-vote.txt",
                         article=Article(text="One two three.", source="x"))
    cells = [str(cell) for cell in entry.cells()]
    assert cells[:5] == ["city council vote", "", "3", "…", "…"]


def test_byline_dir_opens_the_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.cli import main

    folder = sample_folder(tmp_path)
    opened: list[BylineApp] = []
    monkeypatch.setattr(BylineApp, "run", lambda self: opened.append(self))
    monkeypatch.setattr("reader.commands.read.require_terminal", lambda: None)
    assert main([str(folder)]) == 0
    [app] = opened
    assert isinstance(app.get_default_screen(), LibraryScreen)
    assert app._library == discover(folder)


def test_byline_empty_dir_is_a_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from reader.cli import main

    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    assert main([str(tmp_path)]) == 2
    assert capsys.readouterr().err == f"byline: {tmp_path}: no articles (.txt, .md, .html) in this folder\n"


async def test_help_and_commands_work_in_the_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.tui.screens.help import HelpScreen, help_rows

    monkeypatch.setattr(reader.analysis, "analyze", fake_analyze)
    app = library_app(sample_folder(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        library = app.screen
        assert "library.open" in {row.binding_id for row in help_rows(library)}
        titles = [command.title for command in app.get_system_commands(library)]
        assert "Change theme" in titles
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is library
        with pytest.raises(LookupError):
            _ = app.reader  # no article is open yet
        app.action_cycle_theme()  # restyles the library without a reader on the stack
        await pilot.pause()
        assert app.screen is library


async def test_keymap_can_rebind_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, byline_home: Path
) -> None:
    monkeypatch.setattr(reader.analysis, "analyze", fake_analyze)
    config = byline_home / "config" / "config.yaml"
    config.parent.mkdir(parents=True)
    config.write_text("keymap:\n  library.open: o\n", encoding="utf-8")
    app = library_app(sample_folder(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        library = app.screen
        await wait_until(pilot, lambda: library.progress.finished)
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, LibraryReaderScreen)


def test_the_reader_refuses_to_draw_into_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    """Newcomer: ``byline --theme nope > file`` wrote escape codes into the file and never exited."""
    import io

    from reader.cli import main

    monkeypatch.setattr("sys.__stdout__", io.StringIO())
    opened: list[BylineApp] = []
    monkeypatch.setattr(BylineApp, "run", lambda self: opened.append(self))
    assert main([]) == 2
    assert main([str(sample_folder(tmp_path))]) == 2
    assert opened == []
    err = capsys.readouterr().err.splitlines()
    assert err[-1] == ("byline: the reader needs a terminal and standard output is not one (redirected?); "
                       "'byline analyze FILE' prints the analysis as text")
