"""Record sizes: how big ``--no-text`` (offsets-only) records are against their articles.

Builds the generated corpus of benchmarks/corpus.py (same seed, N articles, default 2,000), runs
``byline analyze CORPUS --format jsonl --jobs 1 --no-cache`` once, and makes each article's
offsets-only record from its full record with the function the command uses. Prints, in bytes of
UTF-8 JSONL (one compact line per record) per byte of article text: the aggregate for full and
``--no-text`` records, and the median, 95th percentile and largest single ``--no-text`` record with
the article it is; how the ``--no-text`` bytes split between the record's tables; and whether every
full record is rebuilt exactly from its ``--no-text`` record and the article text
(``reader.analysis.offsets_records.full_record``). Sizes are deterministic: machine load does not
change them. The last line is one JSON object with every figure.

Target (issue 18): ``--no-text`` records under 1.5x the article size.

Run: python benchmarks/record_sizes.py [--articles N] [--records FULL.jsonl]
(``--records`` reads the full records of an earlier run instead of analysing again.)
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import build_corpus

from reader.analysis.model import Analysis
from reader.analysis.offsets_records import full_record
from reader.analysis.records import analysis_record


def _size(record: dict) -> int:
    return len((json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8"))


def measure(lines: list[str]) -> dict[str, object]:
    """The figures for these full records (see the module docstring)."""
    text_bytes = full_bytes = packed_bytes = 0
    ratios: list[tuple[float, int, str]] = []
    tables: dict[str, int] = {}
    rebuilt = True
    for line in lines:
        record = json.loads(line)
        if "schema" not in record:
            continue
        analysis = Analysis.from_dict({k: v for k, v in record.items() if k not in ("index", "language")})
        full = analysis_record(analysis, record["index"], language=record["language"])
        packed = json.loads(json.dumps(analysis_record(analysis, record["index"], text=False,
                                                       language=record["language"])))
        rebuilt = rebuilt and full_record(packed, analysis.text) == full
        size, article = _size(packed), len(analysis.text.encode("utf-8"))
        text_bytes += article
        full_bytes += _size(full)
        packed_bytes += size
        ratios.append((size / article, article, record["source"]))
        for key, value in packed.items():
            part = "fixed keys" if key not in ("entities", "dates", "statements", "actors", "links") else key
            tables[part] = tables.get(part, 0) + len(json.dumps(value, ensure_ascii=False,
                                                                separators=(",", ":")).encode("utf-8"))
    ratios.sort()
    worst = ratios[-1]
    return {
        "records": len(ratios), "text_bytes": text_bytes,
        "bytes_per_input_byte": round(full_bytes / text_bytes, 3),
        "no_text_bytes_per_input_byte": round(packed_bytes / text_bytes, 3),
        "no_text_median_ratio": round(statistics.median(r for r, _, _ in ratios), 3),
        "no_text_p95_ratio": round(ratios[min(len(ratios) - 1, int(0.95 * len(ratios)))][0], 3),
        "no_text_worst_ratio": round(worst[0], 3), "no_text_worst_article_bytes": worst[1],
        "no_text_over_1_5": sum(1 for r, _, _ in ratios if r >= 1.5),
        "no_text_share": {k: round(v / text_bytes, 3)
                          for k, v in sorted(tables.items(), key=lambda kv: -kv[1])},
        "rebuilt_exactly": rebuilt,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--records", help="full records of an earlier run (JSONL) instead of analysing")
    args = parser.parse_args()
    if args.records:
        lines = Path(args.records).read_text(encoding="utf-8").splitlines()
    else:
        with tempfile.TemporaryDirectory() as tmp:
            corpus = Path(tmp) / "corpus.jsonl"
            build_corpus(corpus, args.articles)
            command = [sys.executable, "-m", "reader.cli", "analyze", str(corpus), "--format", "jsonl",
                       "--no-cache", "--jobs", "1"]
            done = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", check=False,
                                  env={**os.environ, "BYLINE_HOME": str(Path(tmp) / "home")})
            lines = done.stdout.splitlines()
    figures = measure(lines)
    print(f"{figures['records']} records, {figures['text_bytes']:,} bytes of article text")
    print(f"output bytes per input byte: {figures['bytes_per_input_byte']:.2f} full, "
          f"{figures['no_text_bytes_per_input_byte']:.2f} with --no-text")
    print(f"--no-text record / its article: median {figures['no_text_median_ratio']:.2f}, "
          f"p95 {figures['no_text_p95_ratio']:.2f}, largest {figures['no_text_worst_ratio']:.2f} "
          f"(a {figures['no_text_worst_article_bytes']:,}-byte article); "
          f"{figures['no_text_over_1_5']} records at 1.5x or more")
    print("--no-text bytes per input byte, by part: " + ", ".join(
        f"{k} {v:.3f}" for k, v in figures["no_text_share"].items()))  # type: ignore[attr-defined]
    print("every full record rebuilt exactly from its --no-text record and the text: "
          f"{figures['rebuilt_exactly']}")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
