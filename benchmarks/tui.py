"""Reader benchmark: first paint, highlights, and the cost of a ``]`` jump on a ~100,000-word article.

The article is generated here (the bundled samples' paragraphs repeated and
shuffled with a fixed seed) so that nothing large is committed. The reader runs
headless (``App.run_test``) with a private BYLINE_HOME, so the analysis cache
starts empty and the real analysis runs in the reader's own worker.

Figures (seconds unless stated):
- ``first_paint_s``: from before importing the reader to the first drawn line of text.
- ``first_highlights_s``: until the first highlights are drawn (a partial analysis).
- ``analysis_done_s``: until the final analysis is shown (panel, navigation).
- ``frame_during_analysis_ms``: median/p95 of a page-down frame (scroll plus drawing every
  visible line) while the worker is analysing, i.e. how responsive the keys stay.
- ``jump_ms``: median/p95 of a ``]`` jump measured as one frame: the action plus drawing
  every visible line. Target: first paint <= 0.8 s, jump p95 <= 50 ms.
- ``jump_frame_ms``: median/p95 from posting a ``]`` key event to the next frame the
  compositor renders (key, binding, action, layout, compositor, refresh tick): end to end.
- ``jump_during_analysis_ms``: median/p95 of a ``]`` jump (action plus drawing) while the worker
  is still analysing, over the quotations of the partial result.
- ``cached_open_s``: in a fresh process, from start to the highlights drawn for the sample article
  whose analysis is cached (best of 3; target <= 0.8 s), and whether spaCy was imported (it must not be).

Run: ``python benchmarks/tui.py [--words N] [--no-analysis]``; the last line is one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_articles"
TERMINAL = (160, 48)


def generate_article(words: int, seed: int = 7) -> str:
    """About ``words`` words of news paragraphs, shuffled so that no two runs of quotes line up."""
    paragraphs = [
        line.strip()
        for path in sorted(SAMPLES.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    rng = random.Random(seed)
    chosen: list[str] = []
    count = 0
    while count < words:
        batch = paragraphs[:]
        rng.shuffle(batch)
        for paragraph in batch:
            chosen.append(paragraph)
            count += len(paragraph.split())
            if count >= words:
                break
    return "\n".join(chosen)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def frame(view) -> None:  # type: ignore[no-untyped-def]
    """Draw every visible line, as the compositor would for one frame."""
    for y in range(view.scrollable_content_region.height):
        view.render_line(y)


async def measure(text: str, analyse: bool, jumps: int) -> dict[str, object]:
    start = time.perf_counter()
    from reader.sources.article import Article
    from reader.tui.app import BylineApp

    article = Article(text=text, source="generated.txt", title="Generated long article")
    figures: dict[str, object] = {"words": len(text.split()), "chars": len(text)}
    app = BylineApp(article) if analyse else BylineApp(article, analysis=_empty(article))
    async with app.run_test(size=TERMINAL):
        reader = app.reader
        view = reader.article_view
        while not (view.laid_out and view.layout_text.line_count):
            await asyncio.sleep(0.002)
        frame(view)
        figures["first_paint_s"] = round(time.perf_counter() - start, 3)
        figures["display_lines"] = view.layout_text.line_count
        if not analyse:
            return figures

        during: list[float] = []
        jumps_during: list[float] = []
        while not reader.decorations.layers and reader.analysis_error is None:
            during.append(_page_frame(reader))
            await asyncio.sleep(0.02)
        figures["first_highlights_s"] = round(time.perf_counter() - start, 3)
        while reader.analysis is None and reader.analysis_error is None:
            during.append(_page_frame(reader))
            if reader.partial_analysis is not None and reader.analysis is None:
                jumps_during.append(_jump_frame(reader))
            await asyncio.sleep(0.05)
        if reader.analysis_error:
            figures["analysis_error"] = reader.analysis_error
            return figures
        figures["analysis_done_s"] = round(time.perf_counter() - start, 3)
        if during:
            figures["frame_during_analysis_ms"] = {
                "median": round(1000 * statistics.median(during), 2),
                "p95": round(1000 * percentile(during, 0.95), 2),
                "samples": len(during),
            }
        if jumps_during:
            figures["jump_during_analysis_ms"] = {
                "median": round(1000 * statistics.median(jumps_during), 2),
                "p95": round(1000 * percentile(jumps_during, 0.95), 2),
                "samples": len(jumps_during),
            }
        figures["quotes"] = sum(1 for quote in reader.analysis.statements if quote.kind == "direct")

        timings: list[float] = []
        for _ in range(jumps):
            begin = time.perf_counter()
            reader.action_navigate_quote(1)
            frame(view)
            timings.append(time.perf_counter() - begin)
        pressed = await _key_to_frame(app, "right_square_bracket", min(jumps, 100))
        figures["jump_frame_ms"] = {
            "median": round(1000 * statistics.median(pressed), 2),
            "p95": round(1000 * percentile(pressed, 0.95), 2),
            "samples": len(pressed),
        }
        figures["jump_ms"] = {
            "median": round(1000 * statistics.median(timings), 2),
            "p95": round(1000 * percentile(timings, 0.95), 2),
            "max": round(1000 * max(timings), 2),
            "samples": len(timings),
        }
    return figures


async def _key_to_frame(app, key: str, count: int) -> list[float]:  # type: ignore[no-untyped-def]
    """Seconds from posting a key event to the next frame the compositor hands to the display.

    ``App._display`` receives every rendered update (headless too, it just does not write it),
    so this is key -> binding -> action -> layout -> compositor, including the wait for the
    next refresh tick: what a user would see, minus the terminal's own drawing.
    """
    from textual import events

    frames: list[float] = []
    original = app._display

    def spy(screen, renderable):  # type: ignore[no-untyped-def]
        if renderable is not None:
            frames.append(time.perf_counter())
        original(screen, renderable)

    app._display = spy
    timings: list[float] = []
    try:
        for _ in range(count):
            await asyncio.sleep(0.03)  # let the previous jump's follow-up repaints finish
            seen = len(frames)
            begin = time.perf_counter()
            app.post_message(events.Key(key, None))
            while len(frames) == seen and time.perf_counter() - begin < 2:
                await asyncio.sleep(0)
            if len(frames) > seen:
                timings.append(frames[seen] - begin)
    finally:
        app._display = original
    return timings


def _jump_frame(reader) -> float:  # type: ignore[no-untyped-def]
    """One ``]`` jump (on the quotations known so far) plus drawing the visible lines."""
    begin = time.perf_counter()
    reader.action_navigate_quote(1)
    frame(reader.article_view)
    return time.perf_counter() - begin


_CACHED_OPEN_CHILD = """
import asyncio, sys, time
start = time.perf_counter()
from reader.commands.read import cached_analysis
from reader.paths import sample_article
from reader.sources import load_article
from reader.tui.app import BylineApp

async def main():
    article = load_article(sample_article())
    app = BylineApp(article, analysis=cached_analysis(article, None))
    async with app.run_test(size=(160, 48)):
        reader = app.reader
        while not (reader.decorations.layers and reader.article_view.layout_text.line_count):
            await asyncio.sleep(0.002)
        for y in range(reader.article_view.scrollable_content_region.height):
            reader.article_view.render_line(y)
        print(round(time.perf_counter() - start, 3), "spacy" in sys.modules)

asyncio.run(main())
"""


def cached_open() -> dict[str, object]:
    """Start to highlights shown for the sample article whose analysis is cached, in a fresh process."""
    import subprocess

    from reader.analysis import analyze
    from reader.paths import sample_article
    from reader.sources import load_article

    analyze(load_article(sample_article()))  # fills the cache under this run's BYLINE_HOME
    runs = []
    for _ in range(3):
        command = [sys.executable, "-c", _CACHED_OPEN_CHILD]
        done = subprocess.run(command, capture_output=True, text=True, check=True, env=os.environ)
        out = done.stdout.split()
        runs.append((float(out[0]), out[1] == "True"))
    return {
        "cached_open_s": min(seconds for seconds, _ in runs),
        "cached_open_imported_spacy": any(imported for _, imported in runs),
    }


def _page_frame(reader) -> float:  # type: ignore[no-untyped-def]
    begin = time.perf_counter()
    reader.action_scroll_pages(1)
    frame(reader.article_view)
    return time.perf_counter() - begin


def _empty(article):  # type: ignore[no-untyped-def]
    from reader.analysis.model import Analysis

    return Analysis(text=article.text, source=article.source)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--jumps", type=int, default=200)
    parser.add_argument("--no-analysis", action="store_true", help="only measure the first paint")
    args = parser.parse_args()
    os.environ["BYLINE_HOME"] = tempfile.mkdtemp(prefix="byline-bench-")
    sys.path.insert(0, str(ROOT))
    text = generate_article(args.words)
    figures = asyncio.run(measure(text, not args.no_analysis, args.jumps))
    if not args.no_analysis:
        figures.update(cached_open())
    for key, value in figures.items():
        print(f"{key:>26}: {value}")
    print(json.dumps({"benchmark": "tui", **figures}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
