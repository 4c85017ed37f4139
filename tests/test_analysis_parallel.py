"""One long document parsed in worker processes gives the analysis the serial path gives."""

from __future__ import annotations

import json
import random
import time

from conftest import SAMPLES

from reader.analysis import parallel
from reader.analysis.pipeline import MAX_BATCH_CHARS, analyze, analyze_with, chunk_spans
from reader.sources import Article


def long_text(chars: int, seed: int = 3) -> str:
    """Sample paragraphs shuffled (fixed seed) until ``chars``; one hard-wrapped block, to parse
    a paragraph whose sentence starts come from the fallback rule too."""
    paragraphs = [line.strip() for path in sorted(SAMPLES.glob("*.txt"))
                  for line in path.read_text(encoding="utf-8").splitlines() if len(line.split()) > 12]
    rng = random.Random(seed)
    chosen: list[str] = []
    while sum(map(len, chosen)) < chars:
        chosen.append(rng.choice(paragraphs))
    return "\n".join(chosen) + "\n"


def test_resolve_jobs_uses_the_cores_only_for_long_documents(monkeypatch) -> None:
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    assert parallel.resolve_jobs(None, parallel.PARALLEL_MIN_CHARS - 1) == 1
    assert parallel.resolve_jobs(None, parallel.PARALLEL_MIN_CHARS) == 2
    assert parallel.resolve_jobs(3, 10) == 3
    assert parallel.resolve_jobs(0, 10) == 1


def test_two_processes_give_the_same_json_as_one(nlp) -> None:
    text = long_text(3 * MAX_BATCH_CHARS)
    article = Article(text=text, source="long.txt", published="2024-08-20")
    assert len(chunk_spans(text)) > 64  # more than one batch, so the workers share the document
    serial = analyze_with(nlp, article)
    seen: list[tuple[int, int]] = []
    in_two = analyze_with(None, article, lambda done, total: seen.append((done, total)), jobs=2)
    assert json.dumps(in_two.to_dict(), sort_keys=True) == json.dumps(serial.to_dict(), sort_keys=True)
    assert serial.statements and serial.actors
    assert seen[-1] == (len(text), len(text))
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


def test_analyze_with_jobs_goes_through_the_cache_like_the_serial_path(nlp) -> None:
    text = long_text(MAX_BATCH_CHARS + 5000, seed=5)
    article = Article(text=text, source="long.txt")
    first = analyze(article, jobs=2)
    assert first.model == analyze_with(nlp, article).model
    assert analyze(article, jobs=1).to_dict() == first.to_dict()  # the cached result


def test_a_progress_callback_that_raises_stops_the_workers() -> None:
    import multiprocessing

    text = long_text(3 * MAX_BATCH_CHARS, seed=7)

    class Stop(Exception):
        pass

    def stop(done: int, total: int) -> None:
        raise Stop

    article = Article(text=text, source="long.txt")
    try:
        analyze_with(None, article, stop, jobs=2)
    except Stop:
        pass
    else:
        raise AssertionError("the callback's exception did not stop the analysis")
    # A killed worker is reaped by the pool's own thread too; give that a moment on a loaded machine
    # (active_children() also reaps), but a worker still running after it fails the test.
    deadline = time.monotonic() + 10
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert multiprocessing.active_children() == []


def test_a_corpus_run_gives_a_long_document_the_cores_only_one_article_at_a_time(monkeypatch) -> None:
    """``run_items`` with one job analyses one article at a time, so a long one may use every core
    for its parse (``jobs=None``); the pool and Dask paths call ``analyse_item`` with one process
    per article."""
    from reader.analysis import pipeline
    from reader.analysis.batch import BatchSettings, analyse_item, run_items
    from reader.analysis.model import Analysis
    from reader.sources.corpus import CorpusItem

    asked: list[int | None] = []

    def recording(article: Article, *, jobs: int | None = None, **_: object) -> Analysis:
        asked.append(jobs)
        return Analysis(text=article.text, source=article.source)

    monkeypatch.setattr(pipeline, "analyze", recording)
    article = Article(text="The mayor said the bridge would open.", source="a.txt")
    item = CorpusItem(0, "a.txt", article=article)
    settings = BatchSettings(check_language=False)
    assert [r.error for r in run_items([item], settings, 1)] == [None]
    assert analyse_item(item, settings).error is None
    assert asked == [None, 1]
