"""Analysis speed and memory.

Prints, from one run on the same generated ~100,000-word text:
- words per second of bare ``nlp.pipe`` over the same paragraph chunks with the same components, and of
  ``analyze`` (no cache); their ratio (target >= 0.85);
- peak RSS of a process that analyses the long text (target <= 600 MB);
- CPU time of the quotation scanner alone over the same text (target <= 0.2 s; the unit tests only
  check that its work grows linearly);
- wall time of a cold ``byline analyze`` of the sample article (empty cache, spaCy loaded) and of a cached
  one (target <= 0.5 s).
The last line is one JSON object with every figure.

Run: python benchmarks/analysis.py [--words N]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import long_article

from reader.analysis.nlp import load_model
from reader.analysis.pipeline import BATCH_SIZE, analyze_with, chunk_spans
from reader.analysis.quotes import scan_quotations
from reader.paths import sample_article
from reader.sources import Article

_PEAK_RSS_CHILD = """
import resource, sys
sys.path.insert(0, sys.argv[1])
from _corpus import long_article
from reader.analysis.nlp import load_model
from reader.analysis.pipeline import analyze_with
from reader.sources import Article
analyze_with(load_model(), Article(text=long_article(int(sys.argv[2])), source="bench"))
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def throughput(words: int) -> dict[str, float]:
    text = long_article(words)
    n_words = len(text.split())
    nlp = load_model()
    list(nlp.pipe(["Warm-up sentence for the pipeline."]))
    chunks = chunk_spans(text)

    start = time.perf_counter()
    for _ in nlp.pipe((text[s:e] for s, e in chunks), batch_size=BATCH_SIZE):
        pass
    bare = time.perf_counter() - start

    start = time.perf_counter()
    analysis = analyze_with(nlp, Article(text=text, source="bench"))
    full = time.perf_counter() - start
    return {
        "words": n_words,
        "bare_pipe_wps": round(n_words / bare),
        "analyze_wps": round(n_words / full),
        "ratio": round(bare / full, 3),
        "quotes_found": len(analysis.statements),
        "actors_found": len(analysis.actors),
    }


def scanner_seconds(words: int) -> float:
    """Best of three CPU times of :func:`scan_quotations` over the long text, in seconds."""
    text = long_article(words)
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        scan_quotations(text)
        best = min(best, time.process_time() - start)
    return round(best, 4)


def peak_rss_mb(words: int) -> float:
    out = subprocess.run(
        [sys.executable, "-c", _PEAK_RSS_CHILD, str(Path(__file__).resolve().parent), str(words)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return round(int(out.strip().splitlines()[-1]) / 1024, 1)  # ru_maxrss is in KiB on Linux


def cli_times() -> dict[str, float]:
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "BYLINE_HOME": home}
        command = [sys.executable, "-m", "reader", "analyze", str(sample_article())]
        times = []
        for _ in range(2):
            start = time.perf_counter()
            subprocess.run(command, env=env, capture_output=True, check=True)
            times.append(time.perf_counter() - start)
    return {"cold_cli_s": round(times[0], 3), "cached_cli_s": round(times[1], 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=100_000)
    args = parser.parse_args()

    machine = f"{platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}"
    figures: dict[str, object] = {"machine": machine}
    figures.update(throughput(args.words))
    print(f"bare nlp.pipe: {figures['bare_pipe_wps']} words/s on {figures['words']} words")
    print(f"analyze:       {figures['analyze_wps']} words/s  (ratio {figures['ratio']}, target >= 0.85)")
    figures["scanner_cpu_s"] = scanner_seconds(args.words)
    print(f"quotation scanner: {figures['scanner_cpu_s']} s CPU (target <= 0.2 s)")
    figures["peak_rss_mb"] = peak_rss_mb(args.words)
    print(f"peak RSS analysing {args.words} words: {figures['peak_rss_mb']} MB (target <= 600 MB)")
    figures.update(cli_times())
    print(f"byline analyze sample, cold: {figures['cold_cli_s']} s", end="; ")
    print(f"cached: {figures['cached_cli_s']} s (target <= 0.5 s)")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
