"""Corrections benchmark: what re-applying a reader's corrections costs on a long article.

The reader applies every stored correction again after each new one (and on undo), on top of the
analysis as computed, so the cost that matters is one :func:`reader.corrections.apply_corrections`
call with all of an article's corrections. The analysis here is synthetic and needs no model: the
hand-built analysis of the bundled Kursk sample (tests/tui_sample.py's shape) repeated until the
text has about ``--words`` words, offsets shifted, so a 100,000-word report has ~1,800 statements,
~15,000 entities and ~1,800 actors' worth of mentions.

Figures: ``apply_ms`` median and max of ``--runs`` calls with ``--corrections`` corrections of every
kind (speaker changes, not-a-statement, added statements, merges, renames, relabels, roles), and
``copy_ms``, the deep copy alone (the floor: the analysis given is never changed).

Run: ``python benchmarks/corrections.py [--words N] [--corrections N]``; the last line is one JSON object.
"""

from __future__ import annotations

import argparse
import copy
import json
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from tui_sample import sample_analysis

from reader.analysis.model import Analysis, Span
from reader.corrections import Anchor, Correction, apply_corrections


def _shift(span: Span | None, by: int) -> Span | None:
    return None if span is None else Span(span.start + by, span.end + by, span.text)


def long_analysis(words: int) -> Analysis:
    """The sample analysis repeated ``n`` times, one copy after the other (separated by a blank line)."""
    one = sample_analysis()
    copies = max(1, words // len(one.text.split()))
    text_parts, entities, statements, actors = (
        [],
        [],
        [],
        {a.id: replace(a, mention_spans=[], statements=[]) for a in one.actors},
    )
    offset = 0
    for _ in range(copies):
        base = len(statements)
        text_parts.append(one.text)
        entities += [replace(e, start=e.start + offset, end=e.end + offset) for e in one.entities]
        for s in one.statements:
            statements.append(
                replace(
                    s,
                    start=s.start + offset,
                    end=s.end + offset,
                    parts=[_shift(p, offset) for p in s.parts],  # type: ignore[misc]
                    speaker_mention=_shift(s.speaker_mention, offset),
                    cue=_shift(s.cue, offset),
                )
            )
        for actor in one.actors:
            actors[actor.id].mention_spans += [_shift(m, offset) for m in actor.mention_spans]  # type: ignore[misc]
            actors[actor.id].statements += [base + i for i in actor.statements]
        offset += len(one.text) + 2
    return Analysis(
        text="\n\n".join(text_parts),
        source="long.txt",
        entities=entities,
        statements=statements,
        actors=list(actors.values()),
    )


def corrections_for(analysis: Analysis, count: int) -> list[Correction]:
    text = analysis.text
    made: list[Correction] = []
    kinds = ["speaker", "not_statement", "relabel_entity", "set_role", "rename_actor", "add_statement"]
    for n in range(count):
        kind = kinds[n % len(kinds)]
        statement = analysis.statements[(n * 7) % len(analysis.statements)]
        at = Anchor.from_text(text, statement.start, statement.end)
        if kind == "speaker":
            made.append(Correction.new("speaker", anchor=at, speaker="Volodymyr Zelensky"))
        elif kind == "not_statement":
            made.append(Correction.new("not_statement", anchor=at))
        elif kind == "relabel_entity":
            entity = analysis.entities[(n * 13) % len(analysis.entities)]
            made.append(
                Correction.new(
                    "relabel_entity", anchor=Anchor.from_text(text, entity.start, entity.end), value="LOC"
                )
            )
        elif kind == "set_role":
            made.append(Correction.new("set_role", actor="Oleksandr Syrskyi", value=f"role {n}"))
        elif kind == "rename_actor":
            made.append(
                Correction.new("rename_actor", actor="Kursk", value=f"Kursk oblast {n}")
                if n < len(kinds)
                else Correction.new("merge_actors", actor="Kremlin", value="Yuri Ushakov")
            )
        else:
            start = text.index(".", statement.end) + 2
            made.append(
                Correction.new(
                    "add_statement",
                    anchor=Anchor.from_text(text, start, start + 40),
                    speaker="New Speaker",
                    statement_kind="reported",
                    frame="belief",
                )
            )
    return made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--corrections", type=int, default=50)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    analysis = long_analysis(args.words)
    corrections = corrections_for(analysis, args.corrections)
    copies, applies = [], []
    report = None
    for _ in range(args.runs):
        started = time.perf_counter()
        copy.deepcopy(analysis)
        copies.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        _, report = apply_corrections(analysis, corrections)
        applies.append((time.perf_counter() - started) * 1000)
    assert report is not None
    result = {
        "words": len(analysis.text.split()),
        "statements": len(analysis.statements),
        "entities": len(analysis.entities),
        "corrections": len(corrections),
        "applied": len(report.applied),
        "idle": len(report.idle),
        "orphaned": len(report.orphaned),
        "apply_ms_median": round(statistics.median(applies), 1),
        "apply_ms_max": round(max(applies), 1),
        "copy_ms_median": round(statistics.median(copies), 1),
    }
    for key, value in result.items():
        print(f"{key}: {value}")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
