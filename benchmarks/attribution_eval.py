"""Attribution accuracy on hand-annotated articles.

Each ``NAME.txt`` in the folder has a ``NAME.yaml`` beside it listing every statement in text order:
``{kind: direct|indirect, text: <the quoted or reported words, as in the article>, speaker: <name>}``.
A found statement counts when it covers at least half of an annotated one of the same kind (recall) and
at least half of it lies in one (precision); its speaker is correct when the resolved name shares a word
with the annotated speaker. Prints the figures per kind, then one JSON line.

The bundled folder (benchmarks/attribution/) is a small development set written by the developers; a
held-out set in the same format can be measured with: python benchmarks/attribution_eval.py DIR
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from reader.analysis import Analysis, analyze
from reader.analysis.nlp import load_model
from reader.sources import load_article

_WORD = re.compile(r"\w+")


@dataclass
class Gold:
    kind: str
    start: int
    end: int
    speaker: str


def _gold(text: str, annotations: list[dict[str, str]], name: str) -> list[Gold]:
    gold, cursor = [], 0
    for item in annotations:
        start = text.find(item["text"], cursor)
        if start < 0:
            start = text.find(item["text"])
        if start < 0:
            sys.exit(f"{name}: annotated text not in the article: {item['text']!r}")
        gold.append(Gold(item["kind"], start, start + len(item["text"]), item["speaker"]))
        cursor = start
    return gold


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _same_speaker(found: str | None, annotated: str) -> bool:
    if not found:
        return False
    return bool({w.lower() for w in _WORD.findall(found)} & {w.lower() for w in _WORD.findall(annotated)})


def score(analysis: Analysis, gold: list[Gold], counts: dict[str, dict[str, int]], verbose: bool) -> None:
    for kind in ("direct", "indirect"):
        found = [q for q in analysis.statements if q.kind == kind]
        wanted = [g for g in gold if g.kind == kind]
        c = counts[kind]
        c["gold"] += len(wanted)
        c["found"] += len(found)
        for g in wanted:
            hits = [q for q in found if any(_overlap((p.start, p.end), (g.start, g.end)) for p in q.parts)]
            covered = max(
                (sum(_overlap((p.start, p.end), (g.start, g.end)) for p in q.parts) for q in hits), default=0
            )
            if covered * 2 >= g.end - g.start:
                c["recalled"] += 1
                best = max(
                    hits, key=lambda q: sum(_overlap((p.start, p.end), (g.start, g.end)) for p in q.parts)
                )
                if _same_speaker(best.speaker, g.speaker):
                    c["speaker_ok"] += 1
                elif verbose:
                    words = analysis.text[g.start : g.end][:60]
                    print(f"  wrong speaker {best.speaker!r} for {g.speaker!r}: {words!r}")
            elif verbose:
                print(f"  missed {kind}: {analysis.text[g.start : g.end][:70]!r}")
        for q in found:
            # Against all annotated statements of the kind together: a quote that runs over three
            # paragraphs is annotated as three pieces.
            inside = sum(_overlap((p.start, p.end), (g.start, g.end)) for p in q.parts for g in wanted)
            length = sum(p.end - p.start for p in q.parts) or 1
            if inside * 2 >= length:
                c["precise"] += 1
            elif verbose:
                print(f"  spurious {kind}: {q.text[:70]!r} ({q.speaker})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(Path(__file__).parent / "attribution"))
    parser.add_argument("--model", help="spaCy pipeline (default: Byline's default)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args()

    nlp = load_model(args.model)
    counts = {
        k: {"gold": 0, "found": 0, "recalled": 0, "precise": 0, "speaker_ok": 0}
        for k in ("direct", "indirect")
    }
    articles = sorted(Path(args.folder).glob("*.txt"))
    for path in articles:
        annotations = yaml.safe_load(path.with_suffix(".yaml").read_text(encoding="utf-8"))["statements"]
        article = load_article(path)
        if args.verbose:
            print(path.name)
        score(
            analyze(article, nlp=nlp, use_cache=False),
            _gold(article.text, annotations, path.name),
            counts,
            args.verbose,
        )

    figures: dict[str, object] = {"articles": len(articles)}
    for kind, c in counts.items():
        recall = c["recalled"] / c["gold"] if c["gold"] else 0.0
        precision = c["precise"] / c["found"] if c["found"] else 0.0
        speaker = c["speaker_ok"] / c["recalled"] if c["recalled"] else 0.0
        figures[kind] = {
            "recall": round(recall, 3),
            "precision": round(precision, 3),
            "speaker": round(speaker, 3),
            **c,
        }
        print(f"{kind:8} recall {recall:.2f}  precision {precision:.2f}  speaker {speaker:.2f}", end="")
        print(f"  ({c['gold']} annotated)")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
