"""Attribution recall and precision on PolNeAR's training split, read from a local copy.

Usage: python benchmarks/polnear_eval.py PATH [--limit N] [--seed S] [--model NAME]

PATH is PolNeAR's ``data/train`` folder (``text/NAME.txt`` and ``attributions/NAME_xxxx.ann``, brat
standoff: ``T1<TAB>Source 201 220<TAB>...``, ``Cue``, ``Content``, and ``E1<TAB>Attribution:T4 Content:T3
Cue:T2 Source:T1``). Several annotators' files exist for a few articles; the one with the first suffix in
sort order is used, so a run is deterministic. Use the training split only: dev and test are held out.
The corpus has no licence: nothing of it is stored here, only the figures this prints.

Each gold attribution is its content span (fragments joined). It is *direct* when its content opens
with a quotation mark, else *reported*. Byline's statements are matched against them two ways, as
citron (Newell et al.) scores PARC:
- overlap: a gold attribution is found when a statement overlaps it; a statement is correct when it
  overlaps a gold content span;
- coverage: a gold attribution is found when one statement covers at least half of it; a statement is
  correct when at least half of it lies inside gold content.
Direct and reported are scored separately (gold kind against Byline's kind) and together (any kind).
Speakers are scored by mention (PolNeAR does not resolve "he"): a matched statement's speaker is right
when its speaker mention, or a mention of the actor it was resolved to, overlaps the gold source span.
PolNeAR marks a relative pronoun as the source ("Smith, who backed the bill, ..." has source "who"),
so a second figure, ``speaker_relative``, also counts such a source right when one of those mentions
ends just before it (at most ", " between them): the antecedent is the same mention chain.
Prints one block of figures and one JSON line. ``--boundaries`` adds counts of boundary errors by kind
(reported attributions only; counts, never the corpus text):
- ``partial_quote_missed``: a gold content whose reporter's words lead into a quotation, with no
  reported statement overlapping it;
- ``that_quote_missed``: likewise, but only ``that`` leads into the quotation (Byline's convention:
  the quotation alone is the statement);
- ``cut_short``: overlapped, but the best statement covers less than half of the gold content;
- ``too_long``: a reported statement that overlaps gold content but lies less than half inside it;
- ``end_before_coordination`` / ``end_before_quote``: the statement ends before the gold end where
  the text goes on with ``, and``/``, but``/``and that`` or with a quotation;
- ``end_past_adjunct`` / ``end_past_participle`` / ``end_past_relative``: the statement runs past the
  gold end into ``, as``/``, after``/``, while``/``, when``/``, before``..., a ``, -ing`` participle,
  or a ``, which``/``, who``/``, where`` clause;
- ``end_past_other`` / ``end_before_other``: the rest of the ends off by more than one character.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from reader.analysis import Analysis
from reader.analysis.model import Statement
from reader.analysis.nlp import load_model, resolve_model_name
from reader.analysis.pipeline import analyze_with
from reader.sources import Article

_OPENING_QUOTES = "\"“‘'«"


@dataclass
class GoldAttribution:
    """One annotated attribution: content fragments, source span (or none) and kind."""

    content: list[tuple[int, int]]
    source: tuple[int, int] | None
    kind: str


def _spans(field: str) -> list[tuple[int, int]]:
    """``"Content 10 20;30 40"`` -> [(10, 20), (30, 40)]."""
    _, _, offsets = field.partition(" ")
    spans = []
    for piece in offsets.split(";"):
        start, end = piece.split()
        spans.append((int(start), int(end)))
    return spans


def read_ann(path: Path, text: str) -> list[GoldAttribution]:
    """The attributions of one brat file whose offsets index ``text``."""
    spans: dict[str, list[tuple[int, int]]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        ident, field = parts[0], parts[1]
        if ident.startswith("T"):
            try:
                spans[ident] = _spans(field)
            except ValueError:
                continue
        elif ident.startswith("E"):
            roles = dict(arg.split(":", 1) for arg in field.split() if ":" in arg)
            events.append(roles)
    gold = []
    for roles in events:
        content = spans.get(roles.get("Content", ""))
        if not content:
            continue
        source = spans.get(roles.get("Source", ""))
        first = text[content[0][0] : content[0][1]].lstrip()
        kind = "direct" if first[:1] in _OPENING_QUOTES else "reported"
        gold.append(GoldAttribution(content, (source[0][0], source[-1][1]) if source else None, kind))
    return gold


def pick_articles(root: Path) -> list[tuple[Path, Path]]:
    """(text, annotation) pairs, one annotator file per article (the first suffix in sort order)."""
    chosen: dict[str, Path] = {}
    for ann in sorted((root / "attributions").glob("*.ann")):
        name = ann.stem.rsplit("_", 1)[0]
        chosen.setdefault(name, ann)
    pairs = []
    for name, ann in sorted(chosen.items()):
        text = root / "text" / f"{name}.txt"
        if text.exists():
            pairs.append((text, ann))
    return pairs


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _pieces(statement: Statement) -> list[tuple[int, int]]:
    return [(p.start, p.end) for p in statement.parts] or [(statement.start, statement.end)]


def _shared(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    return sum(_overlap(x, y) for x in a for y in b)


def _length(spans: list[tuple[int, int]]) -> int:
    return sum(end - start for start, end in spans)


def _speaker_right(analysis: Analysis, statement: Statement, source: tuple[int, int]) -> bool:
    mention = statement.speaker_mention
    if mention is not None and _overlap((mention.start, mention.end), source):
        return True
    actor = analysis.actor(statement.actor)
    return actor is not None and any(_overlap((m.start, m.end), source) for m in actor.mention_spans)


_RELATIVE_SOURCES = frozenset({"who", "which", "that", "whom"})


def _antecedent_right(analysis: Analysis, statement: Statement, source: tuple[int, int]) -> bool:
    """Whether a relative-pronoun source ("who") directly follows the statement's speaker mention or a
    mention of its actor (", who")."""
    if analysis.text[source[0] : source[1]].lower() not in _RELATIVE_SOURCES:
        return False
    mentions = [statement.speaker_mention] if statement.speaker_mention is not None else []
    actor = analysis.actor(statement.actor)
    mentions += list(actor.mention_spans) if actor is not None else []
    between = (analysis.text[m.end : source[0]] for m in mentions if 0 <= source[0] - m.end <= 2)
    return any(not gap.strip(", ") for gap in between)


def score(analysis: Analysis, gold: list[GoldAttribution], counts: dict[str, Counter[str]]) -> None:
    """Add one article's matches to ``counts`` (keys: ``all``, ``direct``, ``reported``)."""
    for group in ("all", "direct", "reported"):
        wanted = [g for g in gold if group in ("all", g.kind)]
        found = [s for s in analysis.statements if group in ("all", s.kind)]
        c = counts[group]
        c["gold"] += len(wanted)
        c["found"] += len(found)
        for g in wanted:
            touching = [(s, _shared(_pieces(s), g.content)) for s in found]
            touching = [(s, shared) for s, shared in touching if shared > 0]
            if not touching:
                continue
            c["recall_overlap"] += 1
            best, shared = max(touching, key=lambda pair: pair[1])
            if shared * 2 >= _length(g.content):
                c["recall_coverage"] += 1
            if g.source is not None:
                c["speaker_scored"] += 1
                right = _speaker_right(analysis, best, g.source)
                c["speaker_right"] += right
                c["speaker_relative"] += right or _antecedent_right(analysis, best, g.source)
        contents = [span for g in gold for span in g.content]
        for s in found:
            shared = _shared(_pieces(s), contents)
            c["precision_overlap"] += shared > 0
            c["precision_coverage"] += shared * 2 >= _length(_pieces(s))


_QUOTE_IN = re.compile(r"[\"“”]|''|``")
_WORDS = re.compile(r"\w+")
_COORDINATION = re.compile(r"^\W*(?:,\s*)?(?:and|but)\b", re.IGNORECASE)
_ADJUNCT = re.compile(
    r"^\s*[,—–-]+\s*(?:as|after|before|while|when|since|despite|although|though|even)\b", re.IGNORECASE
)
_PARTICIPLE = re.compile(r"^\s*[,—–-]+\s*\w+ing\b", re.IGNORECASE)
_RELATIVE = re.compile(r"^\s*[,—–-]+\s*(?:which|who|whom|where|whose)\b", re.IGNORECASE)


def boundary_kinds(analysis: Analysis, gold: list[GoldAttribution], counts: Counter[str]) -> None:
    """Add one article's reported boundary errors, by kind, to ``counts`` (see the module docstring)."""
    text = analysis.text
    found = [s for s in analysis.statements if s.kind == "reported"]
    for g in gold:
        if g.kind != "reported":
            continue
        touching = [(s, _shared(_pieces(s), g.content)) for s in found]
        touching = [(s, shared) for s, shared in touching if shared > 0]
        content = " ".join(text[start:end] for start, end in g.content)
        if not touching:
            pieces = _QUOTE_IN.split(content, maxsplit=1)
            if len(pieces) == 2:
                lead = [w.lower() for w in _WORDS.findall(pieces[0])]
                counts["that_quote_missed" if lead in ([], ["that"]) else "partial_quote_missed"] += 1
            continue
        best, shared = max(touching, key=lambda pair: pair[1])
        if shared * 2 < _length(g.content):
            counts["cut_short"] += 1
        gold_end = g.content[-1][1]
        if best.end < gold_end - 1:
            rest = text[best.end : gold_end]
            if _COORDINATION.match(rest):
                counts["end_before_coordination"] += 1
            elif _QUOTE_IN.match(rest.lstrip(" ,.:;—–-")):
                counts["end_before_quote"] += 1
            else:
                counts["end_before_other"] += 1
        elif best.end > gold_end + 1:
            past = text[gold_end : best.end]
            kind = (
                "end_past_adjunct" if _ADJUNCT.match(past)
                else "end_past_participle" if _PARTICIPLE.match(past)
                else "end_past_relative" if _RELATIVE.match(past)
                else "end_past_other"
            )
            counts[kind] += 1
    contents = [span for g in gold for span in g.content]
    for s in found:
        shared = _shared(_pieces(s), contents)
        if shared and shared * 2 < _length(_pieces(s)):
            counts["too_long"] += 1


def _ratio(a: int, b: int) -> float:
    return round(a / b, 3) if b else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="PolNeAR data/train folder")
    parser.add_argument("--limit", type=int, default=None, help="score N articles picked at random")
    parser.add_argument("--seed", type=int, default=0, help="seed for --limit (default 0)")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: Byline's)")
    parser.add_argument("--boundaries", action="store_true", help="count reported boundary errors by kind")
    args = parser.parse_args(argv)
    if any(part in ("dev", "test") for part in args.path.resolve().parts):
        print("byline: polnear_eval reads the training split only", file=sys.stderr)
        return 2
    if not (args.path / "text").is_dir() or not (args.path / "attributions").is_dir():
        print(f"byline: {args.path} has no text/ and attributions/ folders", file=sys.stderr)
        return 2
    pairs = pick_articles(args.path)
    if args.limit is not None:
        pairs = sorted(random.Random(args.seed).sample(pairs, min(args.limit, len(pairs))))
    nlp = load_model(args.model or resolve_model_name())
    counts: dict[str, Counter[str]] = {group: Counter() for group in ("all", "direct", "reported")}
    frames: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    started = time.perf_counter()
    for text_path, ann_path in pairs:
        text = text_path.read_text(encoding="utf-8")
        analysis = analyze_with(nlp, Article(text=text, source=text_path.name))
        gold = read_ann(ann_path, text)
        score(analysis, gold, counts)
        if args.boundaries:
            boundary_kinds(analysis, gold, kinds)
        frames.update(s.frame or "none" for s in analysis.statements if s.kind == "reported")
    seconds = time.perf_counter() - started
    result: dict[str, object] = {"articles": len(pairs), "seconds": round(seconds, 1)}
    print(f"PolNeAR train: {len(pairs)} articles, {seconds:.0f} s")
    for group, c in counts.items():
        figures = {
            "gold": c["gold"],
            "found": c["found"],
            "recall_overlap": _ratio(c["recall_overlap"], c["gold"]),
            "precision_overlap": _ratio(c["precision_overlap"], c["found"]),
            "recall_coverage": _ratio(c["recall_coverage"], c["gold"]),
            "precision_coverage": _ratio(c["precision_coverage"], c["found"]),
            "speaker_by_mention": _ratio(c["speaker_right"], c["speaker_scored"]),
            "speaker_relative": _ratio(c["speaker_relative"], c["speaker_scored"]),
        }
        result[group] = figures
        print(
            f" {group:8s} gold {c['gold']:5d} found {c['found']:5d} overlap R {figures['recall_overlap']:.3f}"
            f" P {figures['precision_overlap']:.3f}  coverage R {figures['recall_coverage']:.3f}"
            f" P {figures['precision_coverage']:.3f}  speaker {figures['speaker_by_mention']:.3f}"
            f" ({figures['speaker_relative']:.3f} with 'who' read as its antecedent)"
        )
    result["reported_frames"] = dict(frames)
    if args.boundaries:
        result["reported_boundaries"] = dict(sorted(kinds.items()))
        print("  reported boundary errors: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    print("  reported statements by frame: " + ", ".join(f"{k} {v}" for k, v in frames.most_common()))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
