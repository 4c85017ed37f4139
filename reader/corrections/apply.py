"""Apply a reader's corrections on top of an analysis: a pure function, no storage, no spaCy.

:func:`apply_corrections` returns a corrected copy (the analysis it is given is untouched, so the
reader can re-apply after every change and undo by applying fewer) and a
:class:`CorrectionReport`. Corrections apply in the order they were made, each to what the earlier
ones left, so "rename Bong to Bong J." then "merge Bong J. into Bong Joon Ho" works.

How each correction finds its target again in an analysis that may differ from the one it was made
on (the text edited, a rule or model changed, the cache wiped):

* a span is re-anchored with the highlight anchoring (:func:`reader.notes.anchoring.anchor`:
  position, then quote with context, then spacing-insensitive, then fuzzy);
* a statement is the one whose span overlaps the anchored span most (overlap over union), when the
  overlap covers at least half of the shorter of the two, a statement of the kind it had winning;
  so a re-analysis that moves a statement's edges still finds it;
* an entity likewise; an actor by canonical name (:func:`reader.corrections.model.canonical`), its
  name first, then its aliases.

A correction whose span or target cannot be found is **orphaned**: listed in the report with the
reason, never dropped (the store keeps it). One whose wish the analysis already fulfils (a merged
actor that the analysis no longer splits, a removed role it no longer finds) is **idle**.

After statements are added or removed, every ``Statement.within``, ``Statement.in_quote`` and
``Actor.statements`` index is rewritten, so indices stay consistent; actor ids never change (a
renamed actor keeps its id and gains its old name as an alias).
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field

from reader.analysis.lexicon import ACTOR_LABELS
from reader.analysis.model import Actor, ActorKind, Analysis, Entity, Span, Statement, StatementKind
from reader.analysis.names import slug
from reader.corrections.model import Correction, canonical
from reader.notes.anchoring import anchor as anchor_highlight
from reader.notes.model import Highlight

KIND_OF_LABEL: dict[str, ActorKind] = {"PERSON": "person", "ORG": "organisation", "GPE": "place",
                                        "LOC": "place", "NORP": "group"}
"""The actor kind an entity label gives (``ACTOR_LABELS`` of the analysis, plus groups)."""
assert all(KIND_OF_LABEL[label] == kind for label, kind in ACTOR_LABELS.items())

QUOTE_MARKS = "\"'“”‘’«»„‚‹›"


@dataclass(slots=True)
class CorrectionReport:
    """What applying corrections did: ``applied``, ``idle`` (nothing left to do) and ``orphaned``
    (``(correction, reason)``: the span or target is gone; kept, never dropped)."""

    applied: list[Correction] = field(default_factory=list)
    idle: list[Correction] = field(default_factory=list)
    orphaned: list[tuple[Correction, str]] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.applied) + len(self.idle) + len(self.orphaned)

    def summary(self) -> str:
        """``3 corrections (1 orphaned)``, or ``""`` when there are none."""
        if not self.count:
            return ""
        noun = "correction" if self.count == 1 else "corrections"
        orphaned = f" ({len(self.orphaned)} orphaned)" if self.orphaned else ""
        return f"{self.count} {noun}{orphaned}"


class _Orphaned(Exception):
    """Raised by a step whose target cannot be found; the message is the reason."""


class _Idle(Exception):
    """Raised by a step with nothing to do: the analysis already says what the correction wants."""


def _mark(current: str | None, what: str) -> str:
    if current is None:
        return what
    parts = current.split("; ")
    return current if what in parts else f"{current}; {what}"


def _overlap_score(start: int, end: int, other_start: int, other_end: int) -> float | None:
    """Overlap over union of two spans, or ``None`` when the overlap is under half the shorter one."""
    overlap = min(end, other_end) - max(start, other_start)
    if overlap <= 0 or overlap * 2 < min(end - start, other_end - other_start):
        return None
    return overlap / (max(end, other_end) - min(start, other_start))


class _Work:
    """The analysis being corrected, with statement links held as object references while
    statements come and go; :meth:`finish` turns them back into indices."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        statements = analysis.statements
        self.within: dict[int, Statement] = {
            id(s): statements[s.within] for s in statements
            if s.within is not None and 0 <= s.within < len(statements)
        }
        self.in_quote: dict[int, Statement] = {
            id(s): statements[s.in_quote] for s in statements
            if s.in_quote is not None and 0 <= s.in_quote < len(statements)
        }
        self.owned: dict[str, list[Statement]] = {
            actor.id: [statements[i] for i in actor.statements if 0 <= i < len(statements)]
            for actor in analysis.actors
        }

    # -- finding ---------------------------------------------------------------------------------

    def place(self, correction: Correction) -> tuple[int, int]:
        assert correction.anchor is not None
        a = correction.anchor
        probe = Highlight(id=correction.id, start=a.start, end=a.end, exact=a.exact, prefix=a.prefix,
                          suffix=a.suffix)
        found = anchor_highlight(self.analysis.text, probe)
        if found is None:
            raise _Orphaned("its text is no longer in the article")
        return found

    def statement_at(self, start: int, end: int, kind: str | None) -> Statement | None:
        best: tuple[float, Statement] | None = None
        for statement in self.analysis.statements:
            if statement.end <= start or statement.start >= end:
                continue
            score = _overlap_score(start, end, statement.start, statement.end)
            if score is None:
                continue
            score += 1.0 if kind is not None and statement.kind == kind else 0.0
            if best is None or score > best[0]:
                best = (score, statement)
        return best[1] if best else None

    def entity_at(self, start: int, end: int) -> Entity | None:
        best: tuple[float, Entity] | None = None
        for entity in self.analysis.entities:
            if entity.end <= start or entity.start >= end:
                continue
            score = _overlap_score(start, end, entity.start, entity.end)
            if score is not None and (best is None or score > best[0]):
                best = (score, entity)
        return best[1] if best else None

    def actor_named(self, name: str) -> Actor | None:
        """The actor called ``name`` (canonical comparison): by its name first, then an alias."""
        key = canonical(name)
        if not key:
            return None
        actors = self.analysis.actors
        return next((a for a in actors if canonical(a.name) == key), None) or next(
            (a for a in actors if any(canonical(alias) == key for alias in a.aliases)), None
        )

    def actor_or_new(self, name: str) -> Actor:
        """The actor called ``name``, or a new person of that name (its mentions: where the text
        names it)."""
        actor = self.actor_named(name)
        if actor is not None:
            return actor
        name = " ".join(name.split())
        taken = {a.id for a in self.analysis.actors}
        base = slug(name) or "actor"
        actor_id, n = base, 2
        while actor_id in taken:
            actor_id, n = f"{base}-{n}", n + 1
        text = self.analysis.text
        spans = [Span(m.start(), m.end(), m.group()) for m in
                 re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text)]
        key = canonical(name)
        same = {text for text in {e.text for e in self.analysis.entities} if canonical(text) == key}
        kinds = {KIND_OF_LABEL.get(e.label) for e in self.analysis.entities if e.text in same}
        kinds.discard(None)
        kind: ActorKind = kinds.pop() if len(kinds) == 1 else "person"  # type: ignore[assignment]
        actor = Actor(id=actor_id, name=name, kind=kind, mention_spans=spans, corrected="added")
        self.analysis.actors.append(actor)
        self.owned[actor.id] = []
        return actor

    # -- changing ----------------------------------------------------------------------------------

    def set_speaker(self, statement: Statement, name: str | None) -> None:
        for owned in self.owned.values():
            if any(s is statement for s in owned):
                owned[:] = [s for s in owned if s is not statement]
        if name is None:
            statement.actor, statement.speaker = None, None
        else:
            actor = self.actor_or_new(name)
            statement.actor, statement.speaker = actor.id, actor.name
            self.owned[actor.id].append(statement)
        statement.how, statement.confidence = "corrected", 1.0

    def remove_statement(self, statement: Statement) -> None:
        self.analysis.statements = [s for s in self.analysis.statements if s is not statement]
        for owned in self.owned.values():
            owned[:] = [s for s in owned if s is not statement]
        self.within = {key: outer for key, outer in self.within.items() if outer is not statement}
        self.within.pop(id(statement), None)
        self.in_quote = {key: outer for key, outer in self.in_quote.items() if outer is not statement}
        self.in_quote.pop(id(statement), None)

    def add_statement(self, statement: Statement) -> None:
        statements = self.analysis.statements
        key = (statement.start, statement.end)
        position = next((n for n, s in enumerate(statements) if (s.start, s.end) > key), len(statements))
        statements.insert(position, statement)
        if statement.kind == "direct":
            outer = next((s for s in statements if s.kind == "reported" and s.start <= statement.start
                          and statement.end <= s.end), None)
            if outer is not None:
                self.within[id(statement)] = outer

    def rename(self, actor: Actor, name: str) -> None:
        old = actor.name
        actor.name = " ".join(name.split())
        known = [canonical(a) for a in actor.aliases]
        if canonical(old) != canonical(actor.name) and canonical(old) not in known:
            actor.aliases.append(old)
        actor.aliases = [a for a in actor.aliases if canonical(a) != canonical(actor.name)]
        self._speakers_of(actor)

    def merge(self, source: Actor, target: Actor) -> None:
        for alias in [source.name, *source.aliases]:
            if canonical(alias) != canonical(target.name) and all(
                canonical(a) != canonical(alias) for a in target.aliases
            ):
                target.aliases.append(alias)
        for role in source.roles:
            if all(canonical(r) != canonical(role) for r in target.roles):
                target.roles.append(role)
        if target.affiliation is None:
            target.affiliation = source.affiliation
        spans = {(s.start, s.end): s for s in [*target.mention_spans, *source.mention_spans]}
        target.mention_spans = [spans[key] for key in sorted(spans)]
        self.owned[target.id] = [*self.owned.get(target.id, []), *self.owned.pop(source.id, [])]
        for statement in self.analysis.statements:
            if statement.actor == source.id:
                statement.actor = target.id
        for entity in self.analysis.entities:
            if entity.actor == source.id:
                entity.actor = target.id
        self.analysis.actors = [a for a in self.analysis.actors if a is not source]
        self._speakers_of(target)

    def _speakers_of(self, actor: Actor) -> None:
        for statement in self.owned.get(actor.id, []):
            statement.speaker = actor.name
        for statement in self.analysis.statements:
            if statement.actor == actor.id:
                statement.speaker = actor.name

    def finish(self) -> Analysis:
        """Indices back from references: ``within``, ``in_quote`` and every actor's ``statements``, in
        text order."""
        statements = self.analysis.statements
        index = {id(s): n for n, s in enumerate(statements)}
        for statement in statements:
            outer = self.within.get(id(statement))
            statement.within = index.get(id(outer)) if outer is not None else None
            quoted_in = self.in_quote.get(id(statement))
            statement.in_quote = index.get(id(quoted_in)) if quoted_in is not None else None
        for actor in self.analysis.actors:
            owned = {index[id(s)] for s in self.owned.get(actor.id, []) if id(s) in index}
            actor.statements = sorted(owned)
        return self.analysis


# -- one function per kind ---------------------------------------------------------------------------


def _speaker(work: _Work, correction: Correction) -> None:
    start, end = work.place(correction)
    statement = work.statement_at(start, end, correction.statement_kind)
    if statement is None:
        raise _Orphaned("no statement is found there any more")
    work.set_speaker(statement, correction.speaker)
    statement.corrected = _mark(statement.corrected, "speaker")


def _not_statement(work: _Work, correction: Correction) -> None:
    start, end = work.place(correction)
    statement = work.statement_at(start, end, correction.statement_kind)
    if statement is None:
        raise _Idle
    work.remove_statement(statement)


def _inner(text: str, start: int, end: int) -> Span:
    """The quoted words of a direct quote: the span without its quotation marks and spaces."""
    while start < end and (text[start] in QUOTE_MARKS or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in QUOTE_MARKS or text[end - 1].isspace()):
        end -= 1
    return Span(start, end, text[start:end])


def _add_statement(work: _Work, correction: Correction) -> None:
    start, end = work.place(correction)
    text = work.analysis.text
    existing = next((s for s in work.analysis.statements if s.start == start and s.end == end), None)
    if existing is not None:
        work.set_speaker(existing, correction.speaker)
        existing.corrected = _mark(existing.corrected, "speaker")
        return
    kind: StatementKind = "reported" if correction.statement_kind == "reported" else "direct"
    parts = [_inner(text, start, end)] if kind == "direct" else [Span(start, end, text[start:end])]
    statement = Statement(start=start, end=end, text=text[start:end], kind=kind,
                          parts=[p for p in parts if p.start < p.end],
                          frame=correction.frame or "speech", corrected="added")
    work.add_statement(statement)
    work.set_speaker(statement, correction.speaker)


def _merge(work: _Work, correction: Correction) -> None:
    assert correction.actor is not None and correction.value is not None
    source, target = work.actor_named(correction.actor), work.actor_named(correction.value)
    if target is None:
        if source is None:
            raise _Orphaned(f"neither {correction.actor} nor {correction.value} is an actor any more")
        raise _Orphaned(f"{correction.value} is not an actor any more")
    if source is None or source is target:
        raise _Idle
    work.merge(source, target)
    target.corrected = _mark(target.corrected, f"merged {source.name}")


def _rename(work: _Work, correction: Correction) -> None:
    assert correction.actor is not None and correction.value is not None
    actor = work.actor_named(correction.actor)
    if actor is None:
        if work.actor_named(correction.value) is not None:
            raise _Idle
        raise _Orphaned(f"{correction.actor} is not an actor any more")
    other = work.actor_named(correction.value)
    if other is not None and other is not actor:
        # The new name is another actor's: the two are one.
        work.merge(actor, other)
        other.corrected = _mark(other.corrected, f"merged {correction.actor}")
        return
    old = actor.name
    work.rename(actor, correction.value)
    if canonical(old) != canonical(actor.name) or old != actor.name:
        actor.corrected = _mark(actor.corrected, f"renamed from {old}")


def _relabel(work: _Work, correction: Correction) -> None:
    assert correction.value is not None
    start, end = work.place(correction)
    entity = work.entity_at(start, end)
    if entity is None:
        raise _Orphaned("no entity is found there any more")
    label, key = correction.value, canonical(entity.text)
    same = {text for text in {e.text for e in work.analysis.entities} if canonical(text) == key}
    for other in work.analysis.entities:
        if (other is entity or other.text in same) and other.label != label:
            other.corrected = _mark(other.corrected, f"label (was {other.label})")
            other.label = label
    kind = KIND_OF_LABEL.get(label)
    actor = work.analysis.actor(entity.actor)
    if actor is not None and kind is not None and actor.kind != kind:
        actor.kind = kind
        actor.corrected = _mark(actor.corrected, "kind")


def _set_role(work: _Work, correction: Correction) -> None:
    assert correction.actor is not None and correction.value is not None
    actor = work.actor_named(correction.actor)
    if actor is None:
        raise _Orphaned(f"{correction.actor} is not an actor any more")
    role = " ".join(correction.value.split())
    actor.roles = [role, *(r for r in actor.roles if canonical(r) != canonical(role))]
    actor.corrected = _mark(actor.corrected, "role")


def _remove_role(work: _Work, correction: Correction) -> None:
    assert correction.actor is not None and correction.value is not None
    actor = work.actor_named(correction.actor)
    if actor is None:
        raise _Orphaned(f"{correction.actor} is not an actor any more")
    kept = [r for r in actor.roles if canonical(r) != canonical(correction.value)]
    if len(kept) == len(actor.roles):
        raise _Idle
    actor.roles = kept
    actor.corrected = _mark(actor.corrected, "role")


_STEPS = {
    "speaker": _speaker,
    "not_statement": _not_statement,
    "add_statement": _add_statement,
    "merge_actors": _merge,
    "rename_actor": _rename,
    "relabel_entity": _relabel,
    "set_role": _set_role,
    "remove_role": _remove_role,
}


def _copy(analysis: Analysis) -> Analysis:
    """A copy whose statements, entities and actors (and their lists) can be changed without touching
    ``analysis``. Spans are frozen and dates are never corrected, so they are shared: much cheaper
    than ``copy.deepcopy`` (see benchmarks/corrections.py)."""
    statements = [
        Statement(s.start, s.end, s.text, s.kind, list(s.parts), s.speaker, s.speaker_mention, s.cue, s.actor,
                  s.how, s.confidence, s.frame, s.cue_lemma, s.stance, s.target, s.within, s.corrected,
                  s.in_quote)
        for s in analysis.statements
    ]
    actors = [
        Actor(a.id, a.name, a.kind, list(a.aliases), list(a.roles), a.affiliation, list(a.mention_spans),
              list(a.statements), a.corrected)
        for a in analysis.actors
    ]
    entities = [Entity(e.start, e.end, e.text, e.label, e.actor, e.corrected) for e in analysis.entities]
    twin = copy.copy(analysis)
    twin.metadata = dict(analysis.metadata)
    twin.entities, twin.statements, twin.actors = entities, statements, actors
    twin.dates = list(analysis.dates)
    return twin


def apply_corrections(analysis: Analysis, corrections: list[Correction]) -> tuple[Analysis, CorrectionReport]:
    """A corrected copy of ``analysis`` and what happened to each correction (see the module docstring).

    ``analysis`` is not changed. With no corrections it is returned itself: nothing to copy, which
    keeps opening a long report without corrections as fast as before.
    """
    report = CorrectionReport()
    if not corrections:
        return analysis, report
    work = _Work(_copy(analysis))
    for correction in corrections:
        try:
            _STEPS[correction.kind](work, correction)
        except _Orphaned as orphaned:
            report.orphaned.append((correction, str(orphaned)))
        except _Idle:
            report.idle.append(correction)
        else:
            report.applied.append(correction)
    return work.finish(), report
