"""PolNeAR-train reported attributions Byline misses, counted by kind, and its spurious statements by cue.

Usage: python benchmarks/polnear_misses.py PATH [--limit N] [--seed S] [--show KIND] [--doc-cache FILE]

PATH, ``--limit`` and ``--seed`` pick the same articles as ``polnear_eval.py``. Each gold *reported*
attribution that no reported statement overlaps is put in the first kind that fits, read from the gold
cue span in the parse of the article:

- ``quote-inside``: the content holds a quotation that Byline took as a direct quote (span boundaries,
  not cues: left out of the cue work);
- ``nested``: the cue lies inside the quoted words of a direct statement (or a Q&A answer): an
  attribution made by the quoted speaker (``"I think we will win," she said``);
- ``sourceless``: the annotation names no source (hearsay: ``it was reported that``, ``reportedly``);
- ``noun``: the cue's head is a noun (``his claim that``, ``in a statement``);
- ``passive``: a passive cue (``is expected to``, ``was accused of``);
- ``tag``: the cue comes after the start of its content (``..., analysts say.``);
- ``infinitive``: the content is a to-infinitive (``plans to``, ``urged X to``);
- ``verb+prep``: a preposition joins cue and content (``called for``, ``warned of``);
- ``cognition``: a belief or evidence verb (``think``, ``know``, ``show``, ``see``);
- ``lexicon``: any other verb cue Byline's lexicon has (the construction or the parse failed);
- ``long-tail``: any other cue.

Prints the counts per kind, the most missed cue lemmas per kind, and the cue lemmas of spurious
reported statements. The corpus has no licence: by default only counts and lemmas are printed;
``--show KIND`` also prints the missed sentences of one kind, on this terminal only (never commit them).
``--doc-cache FILE`` keeps the parsed paragraphs (spaCy ``DocBin``) so a second run only re-reads rules.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import polnear_eval

import reader.analysis.parse as parse_module
from reader.analysis import lexicon
from reader.analysis.nlp import load_model, resolve_model_name
from reader.analysis.pipeline import analyze_with
from reader.sources import Article

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

KINDS = (
    "quote-inside",
    "nested",
    "sourceless",
    "noun",
    "passive",
    "tag",
    "infinitive",
    "verb+prep",
    "cognition",
    "lexicon",
    "long-tail",
)
_QUOTES = ("\"", "“", "”", "‘", "’", "«", "»", "''")
_COGNITION = (lexicon.BELIEF_VERBS | lexicon.EVIDENCE_VERBS) - {"say", "report"} | {
    "see",
    "seem",
    "appear",
    "learn",
    "realize",
    "realise",
    "recognize",
    "recognise",
    "remember",
    "notice",
    "demonstrate",
}


class CachedModel:
    """The spaCy pipeline with its parses kept by text (and in ``path`` between runs)."""

    def __init__(self, nlp: Any, path: Path | None) -> None:
        from spacy.tokens import DocBin

        self.nlp = nlp
        self.path = path
        self.docs: dict[str, Doc] = {}
        self.dirty = False
        if path is not None and path.exists():
            for doc in DocBin().from_disk(path).get_docs(nlp.vocab):
                self.docs[doc.text] = doc

    def __getattr__(self, name: str) -> Any:
        return getattr(self.nlp, name)

    def pipe(self, texts: Any, batch_size: int = 64) -> Any:
        for text in texts:
            doc = self.docs.get(text)
            if doc is None:
                doc = self.nlp(text)
                self.docs[text] = doc
                self.dirty = True
            yield doc

    def save(self) -> None:
        from spacy.tokens import DocBin

        if self.path is not None and self.dirty:
            DocBin(store_user_data=False, docs=self.docs.values()).to_disk(self.path)


def _cue_head(doc: Doc, base: int, cue: tuple[int, int]) -> Token | None:
    """The token of the gold cue span whose head lies outside it (the cue's syntactic head)."""
    tokens = [t for t in doc if cue[0] <= base + t.idx < cue[1]]
    if not tokens:
        return None
    inside = {t.i for t in tokens}
    outer = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    verbs = [t for t in outer if t.pos_ in ("VERB", "AUX")]
    return (verbs or outer or tokens)[0]


def classify(
    text: str,
    gold: polnear_eval.GoldAttribution,
    cue: tuple[int, int] | None,
    head: Token | None,
    direct: list[Any],
) -> tuple[str, str]:
    """(kind, cue lemma) of one missed gold attribution."""
    content_start = gold.content[0][0]
    content_text = " ".join(text[s:e] for s, e in gold.content)
    if any(ch in content_text for ch in _QUOTES) and any(
        polnear_eval._shared(polnear_eval._pieces(s), gold.content) for s in direct
    ):
        return "quote-inside", head.lemma_.lower() if head is not None else "?"
    if cue is not None and any(
        part.start <= cue[0] < part.end for s in direct for part in (s.parts or [s])
    ):
        return "nested", head.lemma_.lower() if head is not None else "?"
    if head is None:
        return ("sourceless" if gold.source is None else "long-tail"), "?"
    lemma = head.lemma_.lower()
    particle = next((c.lower_ for c in head.children if c.dep_ in ("prt", "prep") and c.i > head.i), None)
    shown = f"{lemma} {particle}" if particle else lemma
    if gold.source is None:
        return "sourceless", shown
    if head.pos_ in ("NOUN", "PROPN"):
        return "noun", shown
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in head.children):
        return "passive", shown
    if cue is not None and cue[0] > content_start:
        return "tag", shown
    before = text[max(0, content_start - 4) : content_start].lower()
    infinitive = before.endswith("to ") or content_text.lower().startswith("to ")
    if infinitive and any(c.dep_ == "xcomp" for c in head.children):
        return "infinitive", shown
    if particle is not None and any(c.dep_ == "prep" for c in head.children):
        return "verb+prep", shown
    if lemma in _COGNITION:
        return "cognition", shown
    known = (
        lexicon.SPEECH_VERBS
        | lexicon.BELIEF_VERBS
        | lexicon.INTENTION_VERBS
        | lexicon.REQUEST_VERBS
        | set(lexicon.OBJECT_CUES)
        | set(lexicon.AS_CUES)
    )
    return ("lexicon" if lemma in known else "long-tail"), shown


def _gold_cues(path: Path) -> dict[tuple[int, int], tuple[int, int]]:
    """First content span -> cue span of each attribution in one brat file."""
    spans: dict[str, tuple[int, int]] = {}
    cues: dict[tuple[int, int], tuple[int, int]] = {}
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            try:
                pieces = polnear_eval._spans(parts[1])
            except ValueError:
                continue
            spans[parts[0]] = pieces[0]
        elif parts[0].startswith("E"):
            events.append(dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg))
    for roles in events:
        content, cue = spans.get(roles.get("Content", "")), spans.get(roles.get("Cue", ""))
        if content is not None and cue is not None:
            cues[content] = cue
    return cues


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--show", choices=[*KINDS, "spurious"], default=None, help="print one kind (terminal only)"
    )
    parser.add_argument("--doc-cache", type=Path, default=None, help="keep the parses in this DocBin file")
    args = parser.parse_args(argv)
    if any(part in ("dev", "test") for part in args.path.resolve().parts):
        print("byline: polnear_misses reads the training split only", file=sys.stderr)
        return 2
    pairs = polnear_eval.pick_articles(args.path)
    if args.limit is not None:
        pairs = sorted(random.Random(args.seed).sample(pairs, min(args.limit, len(pairs))))
    nlp = CachedModel(load_model(resolve_model_name()), args.doc_cache)
    paragraphs: list[tuple[int, Doc]] = []
    original = parse_module.read_paragraph

    def recording(doc: Doc, base: int) -> Any:
        paragraphs.append((base, doc))
        return original(doc, base)

    parse_module.read_paragraph = recording  # type: ignore[assignment]
    kinds: Counter[str] = Counter()
    lemmas: dict[str, Counter[str]] = defaultdict(Counter)
    spurious: Counter[str] = Counter()
    total = 0
    for text_path, ann_path in pairs:
        text = text_path.read_text(encoding="utf-8")
        paragraphs.clear()
        analysis = analyze_with(nlp, Article(text=text, source=text_path.name))  # type: ignore[arg-type]
        gold = polnear_eval.read_ann(ann_path, text)
        cues = _gold_cues(ann_path)
        reported = [s for s in analysis.statements if s.kind == "reported"]
        direct = [s for s in analysis.statements if s.kind == "direct"]
        contents = [span for g in gold for span in g.content]
        for s in reported:
            if not polnear_eval._shared(polnear_eval._pieces(s), contents):
                spurious[s.cue_lemma or "?"] += 1
                if args.show == "spurious":
                    print(f"[spurious {s.cue_lemma} / {s.frame}] {s.speaker!r}: {s.text[:160]!r}")
        for g in gold:
            if g.kind != "reported":
                continue
            total += 1
            if any(polnear_eval._shared(polnear_eval._pieces(s), g.content) for s in reported):
                continue
            cue = cues.get(g.content[0])
            head = None
            if cue is not None:
                for base, doc in paragraphs:
                    if base <= cue[0] < base + len(doc.text):
                        head = _cue_head(doc, base, cue)
                        break
            kind, lemma = classify(text, g, cue, head, direct)
            kinds[kind] += 1
            lemmas[kind][lemma] += 1
            if args.show == kind:
                start = max(0, g.content[0][0] - 120)
                end = g.content[-1][1] + 40
                cue_text = text[cue[0] : cue[1]] if cue else "?"
                print(f"[{kind} {lemma} | cue {cue_text!r}] {text[start:end]!r}")
    nlp.save()
    missed = sum(kinds.values())
    print(f"PolNeAR train: {len(pairs)} articles, {total} reported gold, {missed} missed")
    for kind in KINDS:
        top = ", ".join(f"{lemma} {n}" for lemma, n in lemmas[kind].most_common(12))
        print(f" {kind:12s} {kinds[kind]:4d}  {top}")
    print(f" spurious reported statements {sum(spurious.values())}: " + ", ".join(
        f"{lemma} {n}" for lemma, n in spurious.most_common(20)
    ))
    return 0


if __name__ == "__main__":
    sys.exit(main())
