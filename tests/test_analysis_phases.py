"""What the reader's analysis process sends and when: the article's text stays on the reader's
side, partial results come at most every ``PARTIAL_INTERVAL`` seconds, the cache is written after
the result is sent, and ``BYLINE_TIMING`` marks every phase on one time line."""

from __future__ import annotations

import os
import pickle
import sys
import time
from pathlib import Path

import pytest
from test_analysis_parallel import long_text
from test_analysis_process import alive, wait_for

from reader.analysis import phases
from reader.analysis.model import Analysis
from reader.analysis.pipeline import analyze, cached, remember
from reader.analysis.remote import PARTIAL_INTERVAL, AnalysisProcess, _without_text
from reader.sources import Article

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def test_mark_writes_nothing_without_the_variable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(phases.TIMING_ENV, raising=False)
    monkeypatch.chdir(tmp_path)
    phases.mark("request")
    assert list(tmp_path.iterdir()) == []


def test_mark_appends_time_pid_cpu_event_and_detail(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log = tmp_path / "phases.txt"
    monkeypatch.setenv(phases.TIMING_ENV, str(log))
    before = time.monotonic()
    phases.mark("request")
    phases.mark("child-send-done", "1234")
    after = time.monotonic()
    marks = phases.read(str(log))
    assert [(event, detail) for _, _, _, event, detail in marks] == [
        ("request", ""), ("child-send-done", "1234")]
    assert all(before - 0.001 <= seconds <= after + 0.001 for seconds, *_ in marks)
    assert {pid for _, pid, *_ in marks} == {os.getpid()}
    assert all(cpu >= 0 for _, _, cpu, _, _ in marks)


def test_an_unwritable_timing_file_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(phases.TIMING_ENV, str(tmp_path / "missing-dir" / "phases.txt"))
    phases.mark("request")  # no exception
    assert not (tmp_path / "missing-dir").exists()


def test_without_text_drops_only_the_text() -> None:
    article = Article(text="Ann Lee said: \"Yes.\"\n", source="a.txt")
    analysis = analyze(article, use_cache=False)
    light = _without_text(analysis)
    assert light.text == "" and analysis.text == article.text
    assert light.statements == analysis.statements and light.entities == analysis.entities


def test_remember_stores_where_cached_finds_it(nlp) -> None:
    article = Article(text="Ann Lee said: \"We will build it.\"\n", source="r.txt")
    assert cached(article) is None
    analysis = analyze(article, nlp=nlp, use_cache=False)
    remember(article, analysis)
    found = cached(article)
    assert found is not None and found.to_dict() == analysis.to_dict()


def test_the_child_sends_text_less_results_spaced_partials_and_caches_after(
    nlp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = tmp_path / "phases.txt"
    monkeypatch.setenv(phases.TIMING_ENV, str(log))
    article = Article(text=long_text(40_000, seed=5), source="phases.txt")
    partials: list[Analysis] = []
    process = AnalysisProcess()
    try:
        start = time.monotonic()
        result = process.analyse(article, on_partial=partials.append, progress=lambda d, t: None)
        elapsed = time.monotonic() - start
        # The text came back from the reader's own article, whole, in the result and every partial.
        assert result.text == article.text
        assert partials and all(p.text == article.text for p in partials)
        assert result.to_dict() == analyze(article, nlp=nlp, use_cache=False).to_dict()
        # One partial at once, then at most one per PARTIAL_INTERVAL.
        assert len(partials) <= 1 + elapsed / PARTIAL_INTERVAL
        # The cache is written after the result went out; the next reader finds it.
        assert wait_for(lambda: cached(article) is not None)
        assert cached(article).to_dict() == result.to_dict()  # type: ignore[union-attr]
        assert wait_for(lambda: "child-stored" in {m[3] for m in phases.read(str(log))})
    finally:
        child = process.pid
        process.close()
    assert child is not None and not alive({child})
    marks = phases.read(str(log))
    events = [event for _, _, _, event, _ in marks]
    for event in ("request", "child-started", "child-ready", "child-request", "child-parsed",
                  "child-analysed", "child-send-done", "child-sent", "received", "child-stored"):
        assert event in events, event
    at = {event: seconds for seconds, _, _, event, _ in reversed(marks)}  # first occurrence wins
    assert at["request"] <= at["child-ready"] <= at["child-parsed"] <= at["child-analysed"]
    assert at["child-analysed"] <= at["child-sent"] <= at["received"]
    assert at["child-sent"] <= at["child-stored"]
    sent = [int(detail) for _, _, _, event, detail in marks if event == "child-send-done"]
    # The article's text is not in the bytes sent: they are fewer than the result's with its text.
    assert sent and sent[0] < len(pickle.dumps(("done", result), protocol=pickle.HIGHEST_PROTOCOL))
    assert len(pickle.dumps(("done", result))) - sent[0] >= len(article.text) // 2
    assert {pid for _, pid, _, event, _ in marks if event.startswith("child-")} == {child}
    assert len([e for e in events if e == "child-send-partial"]) == len(partials)


def test_start_runs_the_child_before_the_first_request_and_the_request_uses_it(nlp) -> None:
    process = AnalysisProcess()
    try:
        assert process.pid is None
        process.start()
        child = process.pid
        assert child is not None
        process.start()  # already running: the same child
        assert process.pid == child
        article = Article(text="Ann Lee said: \"We will build it.\"\n", source="early.txt")
        result = process.analyse(article)
        assert process.pid == child
        assert result.to_dict() == analyze(article, nlp=nlp, use_cache=False).to_dict()
    finally:
        process.close()
    assert not alive({child})


def test_start_does_not_wait_for_an_analysis_in_progress() -> None:
    process = AnalysisProcess()
    process._lock.acquire()  # another caller's analysis holds the child
    try:
        begun = time.monotonic()
        process.start()
        assert time.monotonic() - begun < 1.0
        assert process.pid is None  # left to the caller that holds it
    finally:
        process._lock.release()
        process.close()


async def test_the_reader_starts_its_analysis_process_before_its_ui(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from reader.tui import analysis_runner
    from reader.tui.app import BylineApp

    started: list[str] = []
    monkeypatch.setattr(analysis_runner, "start_early", lambda: started.append("early"))
    article = Article(text="Ann Lee said: \"Yes.\"\n", source="a.txt")
    BylineApp(article)
    assert started == ["early"]
    BylineApp(article, analysis=analyze(article, use_cache=False))
    assert started == ["early"]  # an analysis given: nothing to start


def test_start_early_keeps_thread_mode_in_the_calling_process(monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.tui import analysis_runner

    monkeypatch.setenv("BYLINE_ANALYSIS", "thread")
    monkeypatch.setattr(analysis_runner, "_shared", None)
    analysis_runner.start_early()
    assert analysis_runner._shared is None
