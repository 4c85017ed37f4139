"""Corpus throughput: ``byline analyze`` over a generated corpus, three ways.

Builds a corpus of N articles (default 2,000) in a temporary folder, as one JSONL file: each article
is 8 to 30 paragraphs drawn with a fixed seed from the bundled sample articles and the test articles
of tests/test_corpus.py, with an id, an outlet and a date. Then runs, each in a fresh process with an
empty cache (``--no-cache``):

- ``byline analyze CORPUS --format jsonl --jobs 1``
- ``byline analyze CORPUS --format jsonl --jobs 2``
- ``byline analyze CORPUS --format jsonl --dask --jobs 2`` (a local 2-worker Dask cluster, started
  and stopped inside the timed run)

and prints for each: articles/s and words/s (wall time of the whole command, model loading
included), time to the first record on standard output, the peak RSS of the largest worker
process, and of the parent (the pool's feeder, or the Dask client holding the bag), and the cores
used on average (CPU time of the command and its workers over wall time: on a shared machine this
says whether a slow run was short of CPU); then CPU milliseconds per article in all, in the workers
and in the parent (with Dask the parent also runs the scheduler and the nannies), and the workers'
minor page faults per article. CPU per article is the figure that a loaded machine does not spoil:
on an idle 2-core machine a path reaches 2x ``--jobs 1`` only if its CPU per article stays close to
``--jobs 1``'s. Then: output
bytes per input byte (the articles' text, UTF-8) with and without ``--no-text`` (the ``--no-text``
records are made from the same results by the same function the command uses), the largest
``--no-text`` record against its article, and whether the three runs gave the same records. The
last line is one JSON object with every figure.

Targets (issue 18): ``--jobs 2`` and Dask >= 1.7x ``--jobs 1`` on a 2-core machine; a worker under
400 MB; ``--no-text`` records under 1.5x the article size.

Run: python benchmarks/corpus.py [--articles N] [--skip-dask]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTLETS = ("Wire Daily", "The Herald", "Morning Post", "Evening Standard-Bearer", "Northern Courier")

# Runs byline analyze and reports, on stderr's last line, the peak RSS of this process and of its
# largest (waited-for) child: the worker processes of --jobs 2 and of a local Dask cluster.
_CHILD = """
import json, resource, sys
from reader.cli import main
code = main(sys.argv[1:])
sys.stdout.flush()
me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
figures = {"self_kb": me.ru_maxrss, "children_kb": kids.ru_maxrss, "self_cpu_s": me.ru_utime + me.ru_stime,
           "children_cpu_s": kids.ru_utime + kids.ru_stime, "self_faults": me.ru_minflt,
           "children_faults": kids.ru_minflt, "code": code}
print("RSS " + json.dumps(figures), file=sys.stderr)
"""


def _paragraphs() -> list[str]:
    from reader.paths import bundled_dir

    texts = [p.read_text(encoding="utf-8") for p in sorted(bundled_dir("sample_articles").glob("*.txt"))]
    found = [line.strip() for text in texts for line in text.splitlines() if len(line.split()) > 12]
    # The short test articles of the unit tests, so that not every article is sample paragraphs.
    found += [
        "“We will not talk,” Yuri Ushakov said on Monday, adding that the Kremlin had no plans for talks.",
        "The minister said the café would reopen “soon”, and officials said the council agreed.",
        "Talks are off, the Kremlin said on Monday. Officials in Kyiv declined to comment on the report.",
    ]
    return found


def build_corpus(path: Path, articles: int, seed: int = 18) -> tuple[int, int]:
    """Write the corpus; returns (words, text bytes)."""
    paragraphs = _paragraphs()
    rng = random.Random(seed)
    words = size = 0
    with path.open("w", encoding="utf-8") as handle:
        for number in range(articles):
            text = "\n".join(rng.choice(paragraphs) for _ in range(rng.randint(8, 30))) + "\n"
            words += len(text.split())
            size += len(text.encode("utf-8"))
            row = {"id": f"a{number:06d}", "text": text, "outlet": OUTLETS[number % len(OUTLETS)],
                   "date": f"2024-{number % 12 + 1:02d}-{number % 28 + 1:02d}"}
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return words, size


def run(corpus: Path, extra: list[str], home: Path) -> dict[str, object]:
    command = [sys.executable, "-c", _CHILD, "analyze", str(corpus), "--format", "jsonl", "--no-cache",
               *extra]
    env = {**os.environ, "BYLINE_HOME": str(home)}
    start = time.perf_counter()
    first = None
    lines: list[str] = []
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          encoding="utf-8", env=env) as process:
        assert process.stdout is not None and process.stderr is not None
        for line in process.stdout:
            if first is None:
                first = time.perf_counter() - start
            lines.append(line)
        err = process.stderr.read()
    seconds = time.perf_counter() - start
    rss = json.loads(next(line[4:] for line in err.splitlines() if line.startswith("RSS ")))
    summary = next((line for line in err.splitlines() if line.startswith("byline: ")), "")
    # One process (--jobs 1) is its own worker; otherwise the workers are the children, and the
    # parent (the pool's feeder, or the Dask client holding the bag) is reported on its own.
    in_process = not extra
    worker_kb = rss["self_kb"] if in_process else rss["children_kb"]
    cpu = rss["self_cpu_s"] + rss["children_cpu_s"]
    worker_cpu = rss["self_cpu_s"] if in_process else rss["children_cpu_s"]
    worker_faults = rss["self_faults"] if in_process else rss["children_faults"]
    return {"seconds": seconds, "first_record_s": first, "lines": lines, "summary": summary,
            "worker_rss_mb": worker_kb / 1024, "parent_rss_mb": rss["self_kb"] / 1024, "code": rss["code"],
            "cores_used": cpu / seconds, "cpu_s": cpu, "worker_cpu_s": worker_cpu,
            "parent_cpu_s": 0.0 if in_process else rss["self_cpu_s"], "worker_faults": worker_faults}


def no_text_size(lines: list[str]) -> tuple[int, float, list[int]]:
    """Bytes of the --no-text records for these full records, the largest record/article ratio, and
    the sizes per record."""
    from reader.analysis.model import Analysis
    from reader.analysis.records import analysis_record

    total = 0
    worst = 0.0
    sizes = []
    for line in lines:
        record = json.loads(line)
        if "schema" not in record:
            continue
        analysis = Analysis.from_dict({k: v for k, v in record.items() if k not in ("index", "language")})
        packed = analysis_record(analysis, record["index"], text=False, language=record["language"])
        size = len((json.dumps(packed, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8"))
        total += size
        sizes.append(size)
        worst = max(worst, size / len(analysis.text.encode("utf-8")))
    return total, worst, sizes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--skip-dask", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus = folder / "corpus.jsonl"
        words, size = build_corpus(corpus, args.articles)
        print(f"corpus: {args.articles} articles, {words:,} words, {size:,} bytes of text "
              f"({words / args.articles:.0f} words per article)")
        paths = {"jobs 1": [], "jobs 2": ["--jobs", "2"]}
        if not args.skip_dask:
            paths["dask 2 workers"] = ["--dask", "--jobs", "2"]
        results = {}
        for name, extra in paths.items():
            result = run(corpus, extra, folder / name.replace(" ", "-"))
            results[name] = result
            print(f"{name:>15}: {args.articles / result['seconds']:6.1f} articles/s, "
                  f"{words / result['seconds']:7.0f} words/s, {result['seconds']:6.1f} s, first record "
                  f"{result['first_record_s']:.2f} s, worker peak RSS {result['worker_rss_mb']:.0f} MB "
                  f"(parent {result['parent_rss_mb']:.0f} MB), {result['cores_used']:.2f} cores used, "
                  f"exit {result['code']}")
            print(f"{'':>17}{result['summary']}")
            n = args.articles
            print(f"{'':>17}CPU per article: {result['cpu_s'] / n * 1000:.0f} ms in all, "
                  f"{result['worker_cpu_s'] / n * 1000:.0f} ms in workers, "
                  f"{result['parent_cpu_s'] / n * 1000:.0f} ms in the parent; "
                  f"{result['worker_faults'] / n:,.0f} page faults per article in workers")
        by_index = {name: sorted((json.loads(line) for line in r["lines"]), key=lambda rec: rec["index"])
                    for name, r in results.items()}
        reference = by_index["jobs 1"]
        identical = all(records == reference for records in by_index.values())
        full = sum(len(line.encode("utf-8")) for line in results["jobs 1"]["lines"])
        packed, worst, _ = no_text_size(results["jobs 1"]["lines"])
        one = args.articles / results["jobs 1"]["seconds"]
        speedups = {name: (args.articles / r["seconds"]) / one for name, r in results.items()}
        print(f"output bytes per input byte: {full / size:.2f} full, {packed / size:.2f} with --no-text "
              f"(largest --no-text record {worst:.2f}x its article)")
        print("speed-up over --jobs 1: " + ", ".join(f"{n} {s:.2f}x" for n, s in speedups.items()))
        print(f"the three paths give identical records: {identical}")
        figures = {
            "articles": args.articles, "words": words, "text_bytes": size,
            **{f"{name.replace(' ', '_')}_{key}": round(float(value), 3)
               for name, r in results.items() for key, value in (
                   ("articles_per_s", args.articles / r["seconds"]), ("words_per_s", words / r["seconds"]),
                   ("first_record_s", r["first_record_s"]), ("worker_rss_mb", r["worker_rss_mb"]),
                   ("parent_rss_mb", r["parent_rss_mb"]), ("cores_used", r["cores_used"]),
                   ("cpu_ms_per_article", r["cpu_s"] / args.articles * 1000),
                   ("worker_cpu_ms_per_article", r["worker_cpu_s"] / args.articles * 1000),
                   ("parent_cpu_ms_per_article", r["parent_cpu_s"] / args.articles * 1000),
                   ("worker_faults_per_article", r["worker_faults"] / args.articles),
                   ("speedup", speedups[name]))},
            "bytes_per_input_byte": round(full / size, 3),
            "no_text_bytes_per_input_byte": round(packed / size, 3),
            "no_text_worst_ratio": round(worst, 3), "identical": identical,
            "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        }
        print(json.dumps(figures))


if __name__ == "__main__":
    main()
