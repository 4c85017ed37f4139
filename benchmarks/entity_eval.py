"""Actors, labels, roles and dates on the blind entity passages (benchmarks/entity_passages/).

Each passage is read as a plain-text article (so byline and credit lines go through the same header
reader as a pasted article) with the passage's ``published`` date as the publication date, and
analysed with the default spaCy model. The checks, per expected item:

- **actor found**: an actor whose name is the expected name (ignoring case), or that lists it as an
  alias. A NORP group also counts when an entity with that text is labelled NORP.
- **label right**: of the found actors, the label of the actor's entity mentions (most common) equals
  the expected one; **kind right** treats GPE and LOC alike (both are Byline ``place`` actors).
- **no split**: of the found actors that have aliases, no *other* actor is named by the expected
  name or any expected alias (one person, one actor).
- **aliases**: expected aliases found among the matched actor's name and aliases.
- **roles**: expected roles found among the matched actor's roles (case-insensitive, one string
  containing the other), over actors the passages give roles.
- **not-actor violations**: actors named exactly by a ``not_actors`` string (ignoring case); lower is
  better.
- **date span**: a date mention whose text is exactly the expected text; **date value**: a date
  mention overlapping the expected text has exactly the expected value.
- **not-date violations**: date mentions whose text contains a ``not_dates`` string; lower is better.

Prints the figures, then one JSON line. ``-v`` lists every miss.

    python benchmarks/entity_eval.py [PASSAGES.yaml] [-v]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from reader.analysis import Analysis
from reader.analysis.nlp import load_model, resolve_model_name
from reader.analysis.pipeline import analyze_with
from reader.sources.loader import article_from_bytes

DEFAULT = Path(__file__).parent / "entity_passages" / "passages.yaml"


@dataclass
class Tally:
    """Hits out of totals per check, and the misses for ``-v``."""

    hits: Counter[str] = field(default_factory=Counter)
    totals: Counter[str] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    def check(self, name: str, ok: bool, passage: str, detail: str) -> None:
        self.totals[name] += 1
        if ok:
            self.hits[name] += 1
        else:
            self.misses.append(f"{passage}: {name}: {detail}")

    def count(self, name: str, passage: str, detail: str) -> None:
        self.hits[name] += 1
        self.misses.append(f"{passage}: {name}: {detail}")


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _analyse(nlp: Any, passage: dict[str, Any]) -> Analysis:
    article = article_from_bytes(
        passage["text"].encode("utf-8"), source=passage["id"], origin=passage["id"], fmt="text"
    )
    article.published = article.published or str(passage["published"])
    return analyze_with(nlp, article)


def _actor_label(analysis: Analysis, actor_id: str, kind: str) -> str:
    labels = Counter(e.label for e in analysis.entities if e.actor == actor_id)
    if labels:
        return labels.most_common(1)[0][0]
    return {"person": "PERSON", "organisation": "ORG", "place": "GPE", "group": "NORP"}[kind]


def _roles_match(expected: str, found: list[str]) -> bool:
    want = expected.casefold()
    return any(want in role.casefold() or role.casefold() in want for role in found)


def _score_actors(analysis: Analysis, passage: dict[str, Any], tally: Tally) -> None:
    pid = passage["id"]
    for gold in passage.get("actors") or []:
        name, label = gold["name"], gold["label"]
        aliases = gold.get("aliases") or []
        matched = next((a for a in analysis.actors if _fold(a.name) == _fold(name)), None)
        matched = matched or next(
            (a for a in analysis.actors if _fold(name) in {_fold(x) for x in a.aliases}), None
        )
        found = matched is not None or (
            label == "NORP"
            and any(e.label == "NORP" and _fold(e.text) == _fold(name) for e in analysis.entities)
        )
        tally.check("actor_found", found, pid, f"{name} ({label})")
        if matched is None:
            if found:
                tally.check("label_right", True, pid, name)
                tally.check("kind_right", True, pid, name)
            continue
        got = _actor_label(analysis, matched.id, matched.kind)
        tally.check("label_right", got == label, pid, f"{name}: {got}, expected {label}")
        place = ("GPE", "LOC")
        tally.check(
            "kind_right",
            got == label or (got in place and label in place),
            pid,
            f"{name}: {got}, expected {label}",
        )
        if aliases:
            forms = {_fold(name)} | {_fold(a) for a in aliases}
            others = [a.name for a in analysis.actors if a is not matched and _fold(a.name) in forms]
            tally.check("no_split", not others, pid, f"{name}: also {others}")
            own = {_fold(matched.name)} | {_fold(a) for a in matched.aliases}
            for alias in aliases:
                tally.check(
                    "aliases", _fold(alias) in own, pid, f"{name}: alias {alias!r} not in {matched.aliases}"
                )
        for role in gold.get("roles") or []:
            tally.check(
                "roles",
                _roles_match(role, matched.roles),
                pid,
                f"{name}: role {role!r} not in {matched.roles}",
            )
    for text in passage.get("not_actors") or []:
        tally.totals["not_actor_violations"] += 1
        for actor in analysis.actors:
            if _fold(actor.name) == _fold(text):
                tally.count("not_actor_violations", pid, f"{text!r} is an actor ({actor.kind})")


def _score_dates(analysis: Analysis, passage: dict[str, Any], tally: Tally) -> None:
    pid, text = passage["id"], passage["text"]
    cursor = 0
    for gold in passage.get("dates") or []:
        start = text.find(gold["text"], cursor)
        if start < 0:
            start = text.find(gold["text"])
        cursor = start + 1
        # The analysed text is the passage itself (header lines stay in the text), so offsets agree.
        end = start + len(gold["text"])
        exact = [d for d in analysis.dates if d.start == start and d.end == end]
        overlapping = [d for d in analysis.dates if d.start < end and start < d.end]
        tally.check("date_span", bool(exact), pid, f"{gold['text']!r}: spans {[d.text for d in overlapping]}")
        values = [d.value for d in overlapping]
        tally.check(
            "date_value",
            gold["value"] in values,
            pid,
            f"{gold['text']!r}: {values}, expected {gold['value']}",
        )
    for bad in passage.get("not_dates") or []:
        tally.totals["not_date_violations"] += 1
        for mention in analysis.dates:
            if bad in mention.text:
                tally.count("not_date_violations", pid, f"{bad!r} inside date {mention.text!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("passages", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    passages = yaml.safe_load(args.passages.read_text(encoding="utf-8"))
    nlp = load_model(resolve_model_name())
    tally = Tally()
    for passage in passages:
        analysis = _analyse(nlp, passage)
        _score_actors(analysis, passage, tally)
        _score_dates(analysis, passage, tally)
    if args.verbose:
        print("\n".join(tally.misses))
        print()
    figures: dict[str, Any] = {"passages": len(passages)}
    for name in (
        "actor_found",
        "label_right",
        "kind_right",
        "no_split",
        "aliases",
        "roles",
        "date_span",
        "date_value",
    ):
        hits, total = tally.hits[name], tally.totals[name]
        figures[name] = round(hits / total, 3) if total else None
        print(f"{name:22} {hits:4d} / {total:<4d} {figures[name]}")
    for name in ("not_actor_violations", "not_date_violations"):
        figures[name] = tally.hits[name]
        print(f"{name:22} {tally.hits[name]:4d}   (of {tally.totals[name]} strings)")
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
