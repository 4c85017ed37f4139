"""Resource bombs from issue 17, each in a subprocess under a memory limit, with figures printed.

    python benchmarks/bombs.py [--line-mb 2] [--limit-mb 1500]

* a 2 MB line without a newline (and the same words in paragraphs): peak RSS of the analysis, its
  time, and the longest gap between two progress callbacks (the reader's worker can only stop,
  and ``q`` quit, at a callback);
* a 368-byte YAML alias bomb as a theme (``byline themes --check``) and as Markdown front matter
  (``byline analyze``): time, peak RSS and output size.

Ends with one JSON line of the figures. The unit tests (tests/test_security_resources.py) run the
YAML bombs and a smaller line; this script is for the full-size figures.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = ("the minister said that talks would resume soon while officials in Kyiv denied any plan "
         "for a ceasefire and the Kremlin adviser Yuri Ushakov stated that Moscow would respond").split()

ALIAS_BOMB = "\n".join(
    ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]" for i in range(8)]
) + "\n"

ANALYSE = """
import json, resource, sys, time
from reader.analysis.nlp import load_model, resolve_model_name
from reader.analysis.pipeline import analyze_with
from reader.sources import load_article
nlp = load_model(resolve_model_name())
article = load_article(sys.argv[1])
gaps, last = [], [time.monotonic()]
def progress(done, total):
    now = time.monotonic(); gaps.append(now - last[0]); last[0] = now
start = time.monotonic()
analysis = analyze_with(nlp, article, progress)
print(json.dumps({"seconds": round(time.monotonic() - start, 1), "max_gap_s": round(max(gaps), 2),
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
                  "statements": len(analysis.statements)}))
"""


def sentences(total_chars: int) -> list[str]:
    rng = random.Random(17)
    found: list[str] = []
    size = 0
    while size < total_chars:
        sentence = " ".join(rng.choice(WORDS) for _ in range(16)).capitalize() + "."
        if rng.random() < 0.2:
            sentence = f"“{sentence}” said John Smith."
        found.append(sentence)
        size += len(sentence) + 1
    return found


def limited(limit_mb: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (limit_mb << 20, limit_mb << 20))


def run(args: list[str], limit_mb: int, timeout: float, env: dict[str, str]) -> dict[str, object]:
    start = time.monotonic()
    try:
        result = subprocess.run(args, capture_output=True, timeout=timeout, env=env,
                                preexec_fn=lambda: limited(limit_mb))
    except subprocess.TimeoutExpired:
        return {"ok": False, "why": f"timed out after {timeout:g} s"}
    usage = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    return {"ok": result.returncode in (0, 2), "exit": result.returncode,
            "seconds": round(time.monotonic() - start, 1), "children_peak_rss_mb": usage,
            "stdout_bytes": len(result.stdout), "stderr": result.stderr.decode(errors="replace")[-300:],
            "stdout_json": result.stdout.decode(errors="replace").strip().splitlines()[-1:]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--line-mb", type=float, default=2.0)
    parser.add_argument("--limit-mb", type=int, default=1500)
    parser.add_argument("--timeout", type=float, default=1800)
    options = parser.parse_args()
    figures: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = {**os.environ, "BYLINE_HOME": str(folder / "home")}
        theme = folder / "bomb.yaml"
        theme.write_text(ALIAS_BOMB, encoding="utf-8")
        markdown = folder / "bomb.md"
        markdown.write_text(f"---\n{ALIAS_BOMB}title: *i\n---\n\nThe minister said “no” today.\n",
                            encoding="utf-8")
        byline = [sys.executable, "-m", "reader"]
        figures["theme_alias_bomb"] = run([*byline, "themes", "--check", str(theme)], 512, 60, env)
        figures["front_matter_alias_bomb"] = run([*byline, "analyze", str(markdown)], options.limit_mb, 300,
                                                 env)
        parts = sentences(int(options.line_mb * 1_000_000))
        line = folder / "line.txt"
        line.write_text(" ".join(parts) + "\n", encoding="utf-8")
        paragraphs = folder / "paragraphs.txt"
        paragraphs.write_text("\n".join(" ".join(parts[i : i + 5]) for i in range(0, len(parts), 5)) + "\n",
                              encoding="utf-8")
        for name, path in (("one_line", line), ("paragraphs", paragraphs)):
            figures[name] = run([sys.executable, "-c", ANALYSE, str(path)], options.limit_mb, options.timeout,
                                env)
    for name, figure in figures.items():
        print(f"{name}: {figure}")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
