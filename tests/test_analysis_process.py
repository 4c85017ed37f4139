"""The reader's analysis in a child process: the same result, progress back, cancellation, and no
process left behind when the reader closes or is killed."""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

import pytest
from test_analysis_parallel import long_text
from test_notes_sigkill import Terminal

from reader.analysis.pipeline import analyze
from reader.analysis.remote import AnalysisCancelled, AnalysisProcess
from reader.sources import Article

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def descendants(pid: int) -> set[int]:
    """Every living process below ``pid`` (from /proc)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if fields[0] != "Z":
                parents[int(entry.name)] = int(fields[1])
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def alive(pids: set[int]) -> set[int]:
    living = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            living.add(pid)
    return living


def wait_for(condition, timeout: float = 30.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


def test_the_child_gives_the_in_process_analysis_with_progress_and_partials(nlp) -> None:
    article = Article(text=long_text(6000, seed=11), source="child.txt", published="2024-08-20")
    process = AnalysisProcess()
    seen: list[tuple[int, int]] = []
    partials: list[int] = []
    try:
        result = process.analyse(article, progress=lambda d, t: seen.append((d, t)),
                                 on_partial=lambda a: partials.append(len(a.statements)))
        assert process.pid is not None and process.pid != os.getpid()
        assert result.to_dict() == analyze(article, nlp=nlp, use_cache=False).to_dict()
        assert seen[-1] == (len(article.text), len(article.text))
        assert partials  # the quotations first, before the parse
    finally:
        child = process.pid
        process.close()
    assert child is not None and not alive({child})


def test_cancelling_stops_the_analysis_and_keeps_the_child_for_the_next_one() -> None:
    article = Article(text=long_text(120_000, seed=13), source="long.txt")
    process = AnalysisProcess()
    started = [0.0]

    def progress(done: int, total: int) -> None:
        if done and not started[0]:
            started[0] = time.monotonic()

    try:
        with pytest.raises(AnalysisCancelled):
            process.analyse(article, progress=progress, jobs=1,
                            cancelled=lambda: bool(started[0]) and time.monotonic() - started[0] > 0.5)
        child = process.pid
        assert child is not None  # stopped at a progress point, not killed
        short = Article(text="“We will build it,” the mayor said on Tuesday.\n", source="short.txt")
        assert process.analyse(short).statements[0].speaker == "mayor" or process.pid == child
        assert process.pid == child
    finally:
        process.close()


def test_killing_the_reader_leaves_no_analysis_process_behind(tmp_path: Path, byline_home: Path) -> None:
    """SIGKILL to a reader analysing a long article (parsed by two worker processes under the
    analysis process): every process below it is gone soon after."""
    path = tmp_path / "long.txt"
    path.write_text(long_text(200_000, seed=17), encoding="utf-8")
    env = {**os.environ, "BYLINE_HOME": str(byline_home), "TERM": "xterm-256color"}
    env.pop("BYLINE_ANALYSIS", None)
    terminal = Terminal([sys.executable, "-m", "reader", str(path)], env)
    try:
        reader_pid = terminal.process.pid
        # The analysis process and its two parse workers.
        assert wait_for(lambda: (terminal.read_for(0.1), len(descendants(reader_pid)) >= 3)[1], 120)
        below = descendants(reader_pid)
        os.kill(reader_pid, signal.SIGKILL)
        terminal.process.wait(timeout=10)
        assert wait_for(lambda: not alive(below), 15), f"left behind: {alive(below)}"
    finally:
        terminal.kill()


async def test_closing_the_reader_cancels_its_analysis_in_the_child(monkeypatch, tmp_path: Path) -> None:
    from reader.tui import analysis_runner
    from reader.tui.app import BylineApp

    monkeypatch.delenv("BYLINE_ANALYSIS")
    runner = AnalysisProcess()
    monkeypatch.setattr(analysis_runner, "_shared", runner)
    article = Article(text=long_text(200_000, seed=19), source="long.txt")
    app = BylineApp(article)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            for _ in range(600):
                await pilot.pause(0.1)
                if app.reader.progress.done:
                    break
            assert app.reader.progress.done, "no progress came back from the analysis process"
            child = runner.pid
            assert child is not None
            workers = descendants(child)
            assert workers  # a long article: parsed by worker processes
        # The reader is closed: its worker was cancelled and the child told to stop.
        assert wait_for(lambda: runner._lock.acquire(blocking=False), 15)
        runner._lock.release()
        assert wait_for(lambda: not alive(workers), 15)
        assert runner.pid is None or runner.pid == child
    finally:
        runner.close()


async def test_escape_from_a_library_reader_cancels_its_analysis_and_the_library_goes_on(
    monkeypatch, tmp_path: Path
) -> None:
    """Through the keys: enter opens an article whose analysis runs in the child, escape closes the
    reader mid-analysis; the child stops that analysis (the call ends cancelled) and then serves the
    library, which finishes the article."""
    from reader.sources import discover
    from reader.tui import analysis_runner
    from reader.tui.app import BylineApp
    from reader.tui.screens.library import LibraryReaderScreen, LibraryScreen

    monkeypatch.delenv("BYLINE_ANALYSIS")
    runner = AnalysisProcess()
    outcomes: list[tuple[str, str]] = []
    original = runner.analyse

    def recorded(*args, **kwargs):  # type: ignore[no-untyped-def]
        who = "reader" if kwargs.get("on_partial") else "library"  # only the reader shows partials
        try:
            result = original(*args, **kwargs)
        except AnalysisCancelled:
            outcomes.append((who, "cancelled"))
            raise
        outcomes.append((who, "done"))
        return result

    monkeypatch.setattr(runner, "analyse", recorded)
    monkeypatch.setattr(analysis_runner, "_shared", runner)
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "long.txt").write_text(long_text(40_000, seed=23), encoding="utf-8")
    app = BylineApp(None, library=discover(folder), folder=folder)
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            library = app.screen
            assert isinstance(library, LibraryScreen)
            for _ in range(300):
                await pilot.pause(0.1)
                if library.entries[0].article is not None:
                    break
            await pilot.press("enter")
            reader_screen = app.screen
            assert isinstance(reader_screen, LibraryReaderScreen)
            for _ in range(900):
                await pilot.pause(0.1)
                if reader_screen.progress.done or reader_screen.analysis is not None:
                    break
            assert reader_screen.analysis is None, "the analysis ended before escape: use a longer text"
            await pilot.press("escape")
            assert app.screen is library
            for _ in range(1800):
                await pilot.pause(0.1)
                if library.entries[0].analysis is not None:
                    break
            assert library.entries[0].analysis is not None
            # The reader's analysis was stopped by escape; the library's (perhaps after giving way to
            # the reader first) finished in the same child.
            assert ("reader", "cancelled") in outcomes
            assert outcomes[-1] == ("library", "done")
            assert ("reader", "done") not in outcomes
    finally:
        runner.close()
