"""Attribution accuracy on hand-annotated articles, at the level of the actor.

Each ``NAME.txt`` in a folder has a ``NAME.yaml`` beside it listing every statement in text order::

    actors:                      # optional: who speaks, with every name the text uses for them
      - {name: "Ray Okafor", aliases: ["Okafor", "Senator Okafor"], kind: person}
    statements:
      - {kind: direct|reported, text: <the quoted or reported words>, speaker: <actor name>|null,
         how: tag|pronoun|description|split|...,                          # optional
         frame: speech|belief|intention|stance|evidence, cue: <words>}    # optional

(``indirect`` is read as ``reported``: the older sets use schema 1's name.)

Matching, per kind. A found statement *recalls* an annotated one when its parts cover at least half of
it; it is *precise* when at least half of it lies inside annotated statements of the same kind.

Partial quotes. These sets annotate a partial quote (``Cox says the NRA won't allow "law-abiding gun
owners to ..."``) as a direct statement only; issue 13 makes the clause around it one reported
statement as well, with the quote inside it (``within``). A found reported statement that is not
precise, wholly contains an annotated direct quote and is credited to that quote's annotated actor is
therefore counted apart, as ``around_quote``: it is left out of reported precision (the sets say
nothing about the clause's lead-in words) and recalls nothing. ``precision_strict`` counts it as
spurious, as the scorer did before; both are printed. Sets written after issue 13
(``attribution_positions2``) use the other convention: the clause is one reported statement and the
quote is not annotated on its own. The mirror rule holds there: a found direct quote that is not
precise, lies ``within`` a found reported statement, and that reported statement is precise, is
counted apart as ``in_reported`` and left out of direct precision (it is shown once, inside its
reported statement, in the reader's lists and the exports).

Nested attributions. A reported statement found wholly inside another found statement (said inside a
direct quote, ``"I think we will lose," she said``, or inside a reported clause) is left out of
reported precision, counted apart as ``nested``: the older sets do not annotate those. A set that does
(``attribution_positions4``: a ``nested:`` list beside ``statements:``, each item with its ``outer``
statement) is scored on them too: an annotated nested attribution is recalled when a found reported
statement and it each cover half of the other, and a found nested statement is precise when half of
it lies inside annotated nested attributions.

Speaker, per recalled statement:
- ``actor``: the actor Byline credits is the annotated actor. Byline's actor name or one of its aliases
  must equal the annotated name or one of its aliases (case, "the" and possessives aside), or be the
  same name with more or fewer words around the same surname ("Okafor" / "Senator Ray Okafor" for
  "Ray Okafor"). A description ("the minister") counts only when the annotation lists it as an alias.
  An annotated ``speaker: null`` is right when Byline names no speaker.
- ``word``: the looser measure of the first sets (the names share a word), printed for comparison.

Also printed: actor accuracy by how the text attributes the statement (``how``), recall and precision
per ``frame`` of reported statements with frame accuracy, and a calibration table of Byline's
``confidence`` against actor accuracy. The last line is one JSON object with every figure.

Run: python benchmarks/attribution_eval.py [FOLDER ...] [-v]
(default: benchmarks/attribution/, the developers' small development set)
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from reader.analysis import Analysis, Statement, analyze
from reader.analysis.nlp import load_model
from reader.sources import load_article

_WORD = re.compile(r"[\w'’-]+")
KINDS = ("direct", "reported")
_POST_NOMINALS = frozenset("kc qc jr sr mp mep phd md esq".split())
CONFIDENCE_BINS = ((0.9, 1.01, ">= .9"), (0.7, 0.9, ".7-.9"), (0.5, 0.7, ".5-.7"), (0.0, 0.5, "< .5"))


@dataclass
class Gold:
    kind: str
    start: int
    end: int
    speaker: str | None
    names: set[str] = field(default_factory=set)
    how: str | None = None
    frame: str | None = None


def _normal(name: str) -> str:
    words = [w.lower().strip("'’-") for w in _WORD.findall(name)]
    words = [w[:-2] if w.endswith(("'s", "’s")) else w for w in words]
    while words and words[0] in ("the", "a", "an"):
        words = words[1:]
    while words and words[-1] in _POST_NOMINALS:
        words = words[:-1]  # "Nicholas Fairlie KC" is Nicholas Fairlie
    return " ".join(w for w in words if w)


def _gold(text: str, data: dict[str, Any], name: str) -> list[Gold]:
    aliases = {
        actor["name"]: {actor["name"], *(actor.get("aliases") or [])} for actor in data.get("actors") or []
    }
    gold, cursor = [], 0
    for item in data["statements"]:
        start = text.find(item["text"], cursor)
        if start < 0:
            start = text.find(item["text"])
        if start < 0:
            sys.exit(f"{name}: annotated text not in the article: {item['text']!r}")
        speaker = item.get("speaker")
        kind = "reported" if item["kind"] in ("indirect", "reported") else "direct"
        names = aliases.get(speaker, {speaker}) if speaker else set()
        gold.append(
            Gold(kind, start, start + len(item["text"]), speaker, names, item.get("how"), item.get("frame"))
        )
        cursor = start
    return gold


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _covered(statement: Statement, gold: Gold) -> int:
    return sum(_overlap((p.start, p.end), (gold.start, gold.end)) for p in statement.parts)


def _found_names(analysis: Analysis, statement: Statement) -> set[str]:
    names = {statement.speaker} if statement.speaker else set()
    actor = analysis.actor(statement.actor)
    if actor is not None:
        names |= {actor.name, *actor.aliases}
    return names


def same_actor(found: set[str], gold: Gold) -> bool:
    """Whether Byline's actor (its names) is the annotated actor (see the module docstring)."""
    if gold.speaker is None:
        return not found
    wanted = {_normal(n) for n in gold.names} - {""}
    have = {_normal(n) for n in found} - {""}
    if wanted & have:
        return True
    canonical = _normal(gold.speaker).split()
    for name in have:
        words = name.split()
        if not words or not canonical or words[-1] != canonical[-1]:
            continue
        if set(words) <= set(canonical) or set(canonical) <= set(words):
            return True
    return False


def _shares_word(found: str | None, gold: Gold) -> bool:
    if not found or not gold.speaker:
        return found is None and gold.speaker is None
    return bool({w.lower() for w in _WORD.findall(found)} & {w.lower() for w in _WORD.findall(gold.speaker)})


class Tally:
    """Counts over all articles of a run."""

    def __init__(self) -> None:
        self.kind: dict[str, dict[str, int]] = {
            k: dict.fromkeys(
                ("gold", "found", "recalled", "precise", "actor_ok", "word_ok", "around_quote",
                 "in_reported", "nested"),
                0,
            )
            for k in KINDS
        }
        self.how: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # [right, recalled]
        self.frame_gold: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # [recalled, gold, frame ok]
        self.frame_found: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # [precise, found]
        self.calibration: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # [right, recalled]
        # Attributions inside other statements, for sets that annotate them (``nested:``).
        self.nested = dict.fromkeys(("gold", "recalled", "actor_ok", "found", "precise", "sets"), 0)

    def figures(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for kind, c in self.kind.items():
            out[kind] = {
                "recall": _ratio(c["recalled"], c["gold"]),
                "precision": _ratio(
                    c["precise"], c["found"] - c["around_quote"] - c["in_reported"] - c["nested"]
                ),
                "precision_strict": _ratio(c["precise"], c["found"]),
                "actor": _ratio(c["actor_ok"], c["recalled"]),
                "speaker_word": _ratio(c["word_ok"], c["recalled"]),
                **c,
            }
        out["actor_by_how"] = {h: {"actor": _ratio(r, n), "n": n} for h, (r, n) in sorted(self.how.items())}
        frames = sorted(set(self.frame_gold) | set(self.frame_found))
        out["frames"] = {
            f: {
                "recall": _ratio(self.frame_gold[f][0], self.frame_gold[f][1]),
                "precision": _ratio(self.frame_found[f][0], self.frame_found[f][1]),
                "frame_right": _ratio(self.frame_gold[f][2], self.frame_gold[f][0]),
                "gold": self.frame_gold[f][1],
                "found": self.frame_found[f][1],
            }
            for f in frames
        }
        out["calibration"] = {
            b: {"actor": _ratio(r, n), "n": n} for b, (r, n) in sorted(self.calibration.items())
        }
        n = self.nested
        if n["sets"]:
            out["nested"] = {
                "recall": _ratio(n["recalled"], n["gold"]),
                "precision": _ratio(n["precise"], n["found"]),
                "actor": _ratio(n["actor_ok"], n["recalled"]),
                **{k: v for k, v in n.items() if k != "sets"},
            }
        return out


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def _bin(confidence: float | None) -> str:
    if confidence is None:
        return "none"
    return next(label for low, high, label in CONFIDENCE_BINS if low <= confidence < high)


def score(analysis: Analysis, gold: list[Gold], tally: Tally, verbose: bool) -> None:
    for kind in KINDS:
        found = [s for s in analysis.statements if s.kind == kind]
        wanted = [g for g in gold if g.kind == kind]
        c = tally.kind[kind]
        c["gold"] += len(wanted)
        c["found"] += len(found)
        for g in wanted:
            if g.frame:
                tally.frame_gold[g.frame][1] += 1
            best = max(found, key=lambda s: _covered(s, g), default=None)
            if best is None or _covered(best, g) * 2 < g.end - g.start:
                if verbose:
                    print(f"  missed {kind}: {analysis.text[g.start : g.end][:70]!r} ({g.speaker})")
                continue
            c["recalled"] += 1
            right = same_actor(_found_names(analysis, best), g)
            c["actor_ok"] += right
            c["word_ok"] += _shares_word(best.speaker, g)
            tally.how[g.how or "unmarked"][0] += right
            tally.how[g.how or "unmarked"][1] += 1
            tally.calibration[_bin(best.confidence)][0] += right
            tally.calibration[_bin(best.confidence)][1] += 1
            if g.frame:
                tally.frame_gold[g.frame][0] += 1
                tally.frame_gold[g.frame][2] += best.frame == g.frame or (kind == "direct")
                if verbose and kind == "reported" and best.frame != g.frame:
                    words = analysis.text[g.start : g.end][:60]
                    cue = f"{best.cue_lemma}, {best.speaker!r}"
                    print(f"  frame {best.frame} ({cue}) for {g.frame}: {words!r}")
            if not right and verbose:
                words = analysis.text[g.start : g.end][:60]
                conf = f", {best.how} {best.confidence:.2f}" if best.confidence is not None else ""
                print(f"  wrong actor {best.speaker!r} for {g.speaker!r} ({g.how}{conf}): {words!r}")
        for s in found:
            # Against all annotated statements of the kind together: a quote that runs over three
            # paragraphs is annotated as three pieces.
            inside = sum(_overlap((p.start, p.end), (g.start, g.end)) for p in s.parts for g in wanted)
            length = sum(p.end - p.start for p in s.parts) or 1
            precise = inside * 2 >= length
            c["precise"] += precise
            if kind == "reported" and not precise and _around_annotated_quote(analysis, s, gold):
                c["around_quote"] += 1
                if verbose:
                    print(f"  reported around an annotated quote: {s.text[:70]!r} ({s.speaker})")
                continue
            if kind == "reported" and not precise and _nested_in(analysis, s) is not None:
                c["nested"] += 1  # scored against the set's ``nested:`` list, if it has one
                if verbose:
                    print(f"  nested reported statement: {s.text[:70]!r} ({s.speaker})")
                continue
            if kind == "direct" and not precise and _inside_precise_reported(analysis, s, gold):
                c["in_reported"] += 1
                if verbose:
                    print(f"  partial quote inside an annotated reported statement: {s.text[:70]!r}")
                continue
            if kind == "reported":
                frame = s.frame or "none"
                tally.frame_found[frame][1] += 1
                tally.frame_found[frame][0] += precise
            if not precise and verbose:
                print(f"  spurious {kind}: {s.text[:70]!r} ({s.speaker})")


def _nested_in(analysis: Analysis, statement: Statement) -> Statement | None:
    """The found statement that wholly holds ``statement`` and is longer (a direct quote or reported
    clause it was said inside: ``"I think we will lose," she said``), or ``None``."""
    for other in analysis.statements:
        if other is statement or other.end - other.start <= statement.end - statement.start:
            continue
        if other.start <= statement.start and statement.end <= other.end:
            return other
    return None


def score_nested(analysis: Analysis, nested: list[Gold], tally: Tally, verbose: bool) -> None:
    """Reported attributions annotated inside other statements (``nested:``, attribution_positions4):
    recalled when a found reported statement and the annotation each cover half of the other (the
    outer statement that holds it does not count); a found reported statement that lies inside
    another found statement is precise when half of it lies inside annotated nested attributions."""
    n = tally.nested
    wanted = [g for g in nested if g.kind == "reported"]
    found = [s for s in analysis.statements if s.kind == "reported"]
    n["gold"] += len(wanted)
    for g in wanted:
        # Mutual half-overlap: the outer statement that holds the attribution does not recall it.
        fitting = [s for s in found if _covered(s, g) * 2 >= max(g.end - g.start, s.end - s.start)]
        best = max(fitting, key=lambda s: _covered(s, g), default=None)
        if best is None:
            if verbose:
                print(f"  missed nested: {analysis.text[g.start : g.end][:70]!r} ({g.speaker})")
            continue
        n["recalled"] += 1
        right = same_actor(_found_names(analysis, best), g)
        n["actor_ok"] += right
        if not right and verbose:
            print(f"  wrong nested actor {best.speaker!r} for {g.speaker!r}: {best.text[:60]!r}")
    for s in found:
        if _nested_in(analysis, s) is None:
            continue
        inside = sum(_overlap((p.start, p.end), (g.start, g.end)) for p in s.parts for g in wanted)
        length = sum(p.end - p.start for p in s.parts) or 1
        n["found"] += 1
        n["precise"] += inside * 2 >= length


def _around_annotated_quote(analysis: Analysis, statement: Statement, gold: list[Gold]) -> bool:
    """Whether a reported statement is the clause around an annotated partial quote: it wholly holds
    an annotated direct quote and is credited to that quote's annotated actor."""
    names = _found_names(analysis, statement)
    return any(
        g.kind == "direct" and statement.start <= g.start and g.end <= statement.end and same_actor(names, g)
        for g in gold
    )


def _inside_precise_reported(analysis: Analysis, statement: Statement, gold: list[Gold]) -> bool:
    """Whether a direct quote lies ``within`` a found reported statement that is itself precise (at
    least half of it inside annotated reported statements)."""
    if statement.within is None or not 0 <= statement.within < len(analysis.statements):
        return False
    outer = analysis.statements[statement.within]
    wanted = [g for g in gold if g.kind == "reported"]
    inside = sum(_overlap((p.start, p.end), (g.start, g.end)) for p in outer.parts for g in wanted)
    length = sum(p.end - p.start for p in outer.parts) or 1
    return outer.kind == "reported" and inside * 2 >= length


def _print(folder: str, articles: int, figures: dict[str, Any]) -> None:
    print(f"{folder}: {articles} articles")
    show = lambda v: "  - " if v is None else f"{v:.2f}"  # noqa: E731
    for kind in KINDS:
        f = figures[kind]
        print(
            f"  {kind:8} recall {show(f['recall'])}  precision {show(f['precision'])}  "
            f"actor {show(f['actor'])}  (word-overlap speaker {show(f['speaker_word'])}; "
            f"{f['gold']} annotated)"
        )
        if f["around_quote"]:
            print(
                f"           {f['around_quote']} reported around an annotated partial quote, left out of"
                f" precision; counted as spurious: precision {show(f['precision_strict'])}"
            )
        if f["in_reported"]:
            print(
                f"           {f['in_reported']} partial quotes inside an annotated reported statement, left"
                f" out of precision; counted as spurious: precision {show(f['precision_strict'])}"
            )
        if f["nested"]:
            print(
                f"           {f['nested']} reported statements inside other statements (nested), left out"
                f" of precision; counted as spurious: precision {show(f['precision_strict'])}"
            )
    if "nested" in figures:
        v = figures["nested"]
        print(
            f"  nested   recall {show(v['recall'])}  precision {show(v['precision'])}  actor "
            f"{show(v['actor'])}  ({v['gold']} annotated reported attributions inside other statements)"
        )
    if figures["actor_by_how"]:
        print("  actor accuracy by how the text attributes it:")
        for how, v in figures["actor_by_how"].items():
            print(f"    {how:13} {show(v['actor'])}  (n={v['n']})")
    if figures["frames"]:
        print("  reported statements by frame:")
        for frame, v in figures["frames"].items():
            print(
                f"    {frame:10} recall {show(v['recall'])} (gold {v['gold']})  precision "
                f"{show(v['precision'])} (found {v['found']})  frame right {show(v['frame_right'])}"
            )
    print("  calibration (confidence -> actor accuracy):")
    for b, v in figures["calibration"].items():
        print(f"    {b:6} {show(v['actor'])}  (n={v['n']})")


def evaluate(folder: Path, nlp: Any, verbose: bool) -> dict[str, Any]:
    tally = Tally()
    articles = sorted(folder.glob("*.txt"))
    for path in articles:
        data = yaml.safe_load(path.with_suffix(".yaml").read_text(encoding="utf-8"))
        article = load_article(path)
        if verbose:
            print(path.name)
        gold = _gold(article.text, data, path.name)
        analysis = analyze(article, nlp=nlp, use_cache=False)
        score(analysis, gold, tally, verbose)
        if "nested" in data:
            tally.nested["sets"] = 1
            nested = _gold(article.text, {**data, "statements": data["nested"] or []}, path.name)
            score_nested(analysis, nested, tally, verbose)
    figures = tally.figures()
    _print(str(folder), len(articles), figures)
    return {"articles": len(articles), **figures}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", default=[str(Path(__file__).parent / "attribution")])
    parser.add_argument("--model", help="spaCy pipeline (default: Byline's default)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args()
    nlp = load_model(args.model)
    results = {Path(f).name: evaluate(Path(f), nlp, args.verbose) for f in args.folders}
    print(json.dumps(results))


if __name__ == "__main__":
    main()
