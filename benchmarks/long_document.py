"""One long document at full speed: one process against two, and the reader against headless.

On the same generated text (default ~100,000 words, `_corpus.long_article`), each run in a fresh
process with an empty cache, wall time from the start of the analysis (model loading included,
since the parse workers load their own):

- **headless, 1 process**: ``analyze(article, use_cache=False, jobs=1)``;
- **headless, 2 processes**: the same with ``jobs=2`` (paragraph batches parsed by two worker
  processes, the document-wide steps in the parent);
- **headless, default**: ``jobs`` left to Byline (every core above 150,000 characters), which is
  what the reader's analysis process runs;
- **reader**: ``BylineApp(article).run_test(...)`` (headless Textual, the analysis in its child
  process as for a user), pressing ``j`` every 50 ms while it runs, until the final analysis is
  shown; against the headless default run.

For each: seconds, words/s, and the peak total RSS of the process tree (the command and every
process below it, sampled every 0.1 s from /proc: the parent, the analysis process and the parse
workers together). Then the speed-up of 2 processes over 1 and the ratio reader/headless, and
the reader's phase breakdown (from the marks its processes write when ``BYLINE_TIMING`` names a
file, see :mod:`reader.analysis.phases`): UI start until the analysis is asked for, the analysis
process's start, the parse workers' model load, the parse, the document-wide steps, pickling and
sending the result, its transfer and unpickling, the display (``show_analysis``), the partial
results sent and drawn, and the CPU seconds of the UI process and of the analysis process (the
UI's CPU time during the parse is taken from the two cores the parse workers need). The last line
is one JSON object with every figure, and the 1-minute load average before and after (wall-clock
figures mean little above ~0.7 on this 2-core machine).

Targets (issue 18): 2 processes >= 1.6x one; the reader within 1.2x of headless; peak memory
<= 600 MB in total.

Run: python benchmarks/long_document.py [--words N] [--skip-reader | --reader-only]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from reader.analysis.phases import TIMING_ENV, read  # noqa: E402

#: The reader's phases: (label, from mark, to mark), each mark's first occurrence ("last:" its last).
PHASES = [
    ("UI start until the analysis is asked for", "benchmark-start", "request"),
    ("analysis process start (spawn, imports)", "request", "child-ready"),
    ("parse workers start + model load", "child-request", "last:worker-model-loaded"),
    ("parse (workers), from the request", "child-request", "child-parsed"),
    ("document-wide steps", "child-parsed", "child-analysed"),
    ("pickle + send the result", "child-analysed", "child-sent"),
    ("transfer + unpickle in the UI process", "child-sent", "received"),
    ("display (show_analysis)", "received", "shown"),
    ("until the benchmark sees it", "shown", "benchmark-seen"),
]


def reader_phases(path: Path) -> dict[str, float]:
    """The reader run's phase breakdown from its marks: seconds per phase, the partial results
    (sent, bytes, drawn) and the CPU seconds of the UI process and of the analysis process."""
    marks = read(str(path))
    first: dict[str, tuple[float, int, float]] = {}
    last: dict[str, tuple[float, int, float]] = {}
    for seconds, pid, cpu, event, _ in marks:
        first.setdefault(event, (seconds, pid, cpu))
        last[event] = (seconds, pid, cpu)

    def at(name: str) -> tuple[float, int, float] | None:
        return last.get(name[5:]) if name.startswith("last:") else first.get(name)

    figures: dict[str, float] = {}
    for label, begin, end in PHASES:
        a, b = at(begin), at(end)
        if a is not None and b is not None:
            figures[label] = b[0] - a[0]
    partials = [int(detail) for _, _, _, event, detail in marks if event == "child-send-partial"]
    figures["partial results sent"] = len(partials)
    figures["partial results MB"] = sum(partials) / 1e6
    figures["partial results drawn"] = sum(1 for m in marks if m[3] == "partial-shown")
    done = [int(detail) for _, _, _, event, detail in marks if event == "child-send-done"]
    figures["result MB"] = done[0] / 1e6 if done else 0.0
    ui_start, ui_end = first.get("benchmark-start"), first.get("benchmark-seen")
    if ui_start and ui_end:
        figures["UI process CPU s"] = ui_end[2] - ui_start[2]
    child_start, child_end = first.get("child-started"), first.get("child-sent")
    if child_start and child_end:
        figures["analysis process CPU s (workers not included)"] = child_end[2]
    return figures

_HEADLESS = """
import json, sys, time
sys.path.insert(0, sys.argv[1])
from _corpus import long_article
from reader.analysis.pipeline import analyze
from reader.sources import Article
article = Article(text=long_article(int(sys.argv[2])), source="long.txt")
jobs = None if sys.argv[3] == "default" else int(sys.argv[3])
start = time.perf_counter()
analysis = analyze(article, use_cache=False, jobs=jobs)
print(json.dumps({"seconds": time.perf_counter() - start, "statements": len(analysis.statements),
                  "words": len(article.text.split())}))
"""

_READER = """
import asyncio, json, sys, time
sys.path.insert(0, sys.argv[1])
from _corpus import long_article
from reader.sources import Article
from reader.analysis.phases import mark
from reader.tui.app import BylineApp

async def main():
    article = Article(text=long_article(int(sys.argv[2])), source="long.txt")
    app = BylineApp(article)
    start = time.perf_counter()
    mark("benchmark-start")
    async with app.run_test(size=(160, 48)) as pilot:
        while app.reader.analysis is None:
            await pilot.press("j")
            await pilot.pause(0.05)
            if app.reader.analysis_error:
                raise SystemExit(app.reader.analysis_error)
        seconds = time.perf_counter() - start
        mark("benchmark-seen")
        statements = len(app.reader.analysis.statements)
    print(json.dumps({"seconds": seconds, "statements": statements, "words": len(article.text.split())}))

asyncio.run(main())
"""


def _tree_rss_kb(root: int) -> int:
    """The resident memory of ``root`` and every process below it (kB, from /proc)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        pid = int(entry.name)
        parents[pid] = int(fields.get("PPid", "0").strip() or 0)
        rss[pid] = int(fields.get("VmRSS", "0 kB").split()[0]) if "VmRSS" in fields else 0
    tree, frontier = {root}, {root}
    while frontier:
        frontier = {pid for pid, parent in parents.items() if parent in frontier} - tree
        tree |= frontier
    return sum(rss.get(pid, 0) for pid in tree)


def run(code: str, args: list[str], home: Path, timing: Path | None = None) -> dict[str, float]:
    """Run one measurement in a fresh process (empty cache) and sample its tree's memory; with
    ``timing``, its processes write their phase marks there (:mod:`reader.analysis.phases`)."""
    env = {**os.environ, "BYLINE_HOME": str(home)}
    env.pop("BYLINE_ANALYSIS", None)
    env.pop(TIMING_ENV, None)
    if timing is not None:
        env[TIMING_ENV] = str(timing)
    process = subprocess.Popen([sys.executable, "-c", code, str(HERE), *args], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, env=env)
    peak = [0]

    def sample() -> None:
        while process.poll() is None:
            peak[0] = max(peak[0], _tree_rss_kb(process.pid))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = process.communicate()
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"measurement failed ({process.returncode}): {err.strip().splitlines()[-1:]}")
    figures = json.loads(out.strip().splitlines()[-1])
    figures["peak_tree_rss_mb"] = peak[0] / 1024
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--skip-reader", action="store_true")
    parser.add_argument("--reader-only", action="store_true",
                        help="only the reader run and its phases (diagnostics)")
    args = parser.parse_args()
    words = str(args.words)
    load_before = os.getloadavg()[0]
    print(f"load average (1 min) before: {load_before:.2f}")
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        runs = [] if args.reader_only else [("headless 1 process", _HEADLESS, [words, "1"]),
                                            ("headless 2 processes", _HEADLESS, [words, "2"]),
                                            ("headless default", _HEADLESS, [words, "default"])]
        if not args.skip_reader:
            runs.append(("reader", _READER, [words]))
        phases: dict[str, float] = {}
        for number, (name, code, extra) in enumerate(runs):
            timing = Path(tmp) / "reader-phases.txt" if code is _READER else None
            result = run(code, extra, Path(tmp) / f"home-{number}", timing)
            if timing is not None:
                phases = reader_phases(timing)
            results[name] = result
            rate = result["words"] / result["seconds"]
            print(f"{name:>21}: {result['seconds']:6.1f} s, {rate:6.0f} words/s, "
                  f"{int(result['statements'])} statements, peak RSS of the process tree "
                  f"{result['peak_tree_rss_mb']:.0f} MB")
    figures: dict[str, object] = {
        "words": next(iter(results.values()))["words"],
        **{f"{name.replace(' ', '_')}_{key}": round(value, 3)
           for name, r in results.items() for key, value in r.items() if key != "words"},
    }
    if "headless 1 process" in results:
        speedup = results["headless 1 process"]["seconds"] / results["headless 2 processes"]["seconds"]
        print(f"2 processes over 1: {speedup:.2f}x (target >= 1.6x)")
        figures["speedup_2_over_1"] = round(speedup, 3)
    if "reader" in results:
        if "headless default" in results:
            ratio = results["reader"]["seconds"] / results["headless default"]["seconds"]
            print(f"reader over headless: {ratio:.2f}x (target <= 1.2x)")
            figures["reader_over_headless"] = round(ratio, 3)
        print("reader phases:")
        for label, value in phases.items():
            print(f"  {label:>46}: {value:8.2f}")
        figures["reader_phases"] = {label: round(value, 3) for label, value in phases.items()}
    same = len({int(r["statements"]) for r in results.values()}) == 1
    print(f"the same statements in every run: {same}")
    figures["same_statement_count"] = same
    figures["machine"] = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    figures["load_average_before_after"] = [round(load_before, 2), round(os.getloadavg()[0], 2)]
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
