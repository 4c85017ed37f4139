"""Export speed on a long article: every format of ``byline export`` on a generated ~100,000-word
report with a synthetic analysis (an entity every 7 words, a statement with speaker and cue every
paragraph, a highlight with a note every 3 paragraphs), so that only the exporters are timed.

    python benchmarks/export.py [--words N]

Prints seconds and output size per format, then one JSON line. No target: the HTML page is the one
to watch (it styles every stretch of the text, as the reader does for the lines on screen).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _corpus import long_article

from reader.analysis.model import Actor, Analysis, Entity, Span, Statement
from reader.export import FORMATS, build_export, render
from reader.notes import HIGHLIGHT_TAGS, Highlight
from reader.sources.article import Article
from reader.themes import load_theme


def synthetic(text: str, article: Article) -> tuple[Analysis, list[Highlight]]:
    words = [m.span() for m in re.finditer(r"\w+", text)]
    entities = [Entity(s, e, text[s:e], "PERSON" if i % 2 else "GPE") for i, (s, e) in enumerate(words[::7])]
    statements: list[Statement] = []
    highlights: list[Highlight] = []
    for number, (start, end) in enumerate(article.structure.paragraphs):
        inside = [w for w in words if start <= w[0] and w[1] <= end]
        if len(inside) < 6:
            continue
        speaker, cue = Span(*inside[0], text[slice(*inside[0])]), Span(*inside[1], text[slice(*inside[1])])
        content = (inside[2][0], inside[-1][1])
        statements.append(Statement(*content, text[slice(*content)], "reported", [Span(*content, "")],
                                    "Someone", speaker, cue, "someone", frame="speech"))
        if number % 3 == 0:
            highlight = Highlight.from_text(text, inside[1][0], inside[5][1], note=f"note {number}")
            highlight.tag = HIGHLIGHT_TAGS[number % len(HIGHLIGHT_TAGS)]
            highlights.append(highlight)
    actors = [Actor("someone", "Someone", "person", statements=list(range(len(statements))))]
    return Analysis(text=text, source="long.txt", entities=entities, statements=statements,
                    actors=actors), highlights


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--words", type=int, default=100_000)
    args = parser.parse_args()
    text = long_article(args.words)
    article = Article(text=text, source="long.txt")
    analysis, highlights = synthetic(text, article)
    theme = load_theme("default")
    figures: dict[str, dict[str, float]] = {}
    began = time.perf_counter()
    document = build_export(article, analysis, highlights, all_quotes=True)
    build = time.perf_counter() - began
    print(f"{len(text.split()):,} words, {len(article.structure.paragraphs):,} paragraphs, "
          f"{len(analysis.entities):,} entities, {len(analysis.statements):,} statements, "
          f"{len(highlights):,} highlights; build_export {build:.2f} s")
    for fmt in FORMATS:
        began = time.perf_counter()
        output = render(document, fmt, theme=theme)
        seconds = time.perf_counter() - began
        figures[fmt] = {"seconds": round(seconds, 2), "bytes": len(output.encode("utf-8"))}
        print(f"{fmt:5} {seconds:6.2f} s  {len(output.encode('utf-8')) / 1e6:6.1f} MB")
    print(json.dumps({"benchmark": "export", "words": args.words, "build_seconds": round(build, 2),
                      "formats": figures}))


if __name__ == "__main__":
    main()
