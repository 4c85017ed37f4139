"""The plain data model that the analysis produces and everything else consumes.

Nothing here knows about spaCy or Textual: the TUI, the exporters and the JSON
output all read these dataclasses, and a cached analysis is rebuilt from JSON
without importing spaCy. Every ``start``/``end`` pair is a character offset into
``Analysis.text``, which is the article text exactly as analysed, so that
``analysis.text[span.start:span.end] == span.text`` always holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA = "byline.analysis/2"

StatementKind = Literal["direct", "reported"]
"""``direct``: the speaker's own words in quotation marks; ``reported``: what the text says they said,
believe, want, support or oppose, in the reporter's words."""
Frame = Literal["speech", "belief", "intention", "stance", "evidence"]
"""What kind of position a statement is: said, believed, intended, a stance taken, or shown by evidence."""
How = Literal[
    "tag", "split", "inherited", "pronoun", "description", "colon", "qa", "according_to", "frame", "corrected"
]
"""How the speaker was found: a tag naming them, the other half of a split quote, inherited from the
previous statement, a pronoun or a description resolved to an actor, a colon or statement lead-in, a
Q&A or transcript turn, an ``according to`` phrase, or the clause frame of reported speech; or
``corrected``: a reader chose the speaker (:mod:`reader.corrections`)."""
ActorKind = Literal["person", "organisation", "place", "group", "document"]

POSITION_GROUPS: tuple[str, ...] = ("says", "believes", "wants", "supports", "opposes", "shows")
"""How a reader names an actor's positions, in the order the actors panel lists them."""
_STANCE_GROUPS = {
    "support": "supports",
    "oppose": "opposes",
    "accuse": "opposes",
    "deny": "opposes",
    "demand": "wants",
}
_FRAME_GROUPS = {"speech": "says", "belief": "believes", "intention": "wants", "evidence": "shows"}
# Intentions whose cue refuses what follows: "ruled out talks", "refused to engage", "the Kremlin's
# refusal to negotiate". Listed under "wants" they would say the opposite of the text.
_REFUSAL_CUES = frozenset({"refuse", "refusal", "rule out", "decline", "reject", "balk at", "resist"})


def position_group(statement: Statement) -> str:
    """The reader's word for a statement's frame: ``says`` (speech and direct quotes), ``believes``,
    ``wants`` (intentions and demands), ``supports``, ``opposes`` (also accusations and denials) or
    ``shows`` (evidence from a poll, report or data). An intention whose cue refuses what follows
    (``refused to``, ``ruled out``, ``refusal to``) is ``opposes``."""
    cue = (statement.cue_lemma or "").lower().removesuffix(" to")
    if statement.frame == "intention" and cue in _REFUSAL_CUES:
        return "opposes"
    if statement.frame == "stance":
        return _STANCE_GROUPS.get(statement.stance or "", "says")
    return _FRAME_GROUPS.get(statement.frame or "speech", "says")


def _with_correction(data: dict[str, Any], corrected: str | None) -> dict[str, Any]:
    """``data`` with its ``corrected`` marker when there is one: uncorrected objects keep the shape
    schema 2 always had."""
    if corrected is not None:
        data["corrected"] = corrected
    return data


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the article text, by character offsets."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Span | None:
        if data is None:
            return None
        return cls(int(data["start"]), int(data["end"]), str(data["text"]))


@dataclass(frozen=True, slots=True)
class Link:
    """A link the source article had (HTML ``<a href>``, Markdown ``[text](href)``): the linked words
    by character offsets, and ``href`` exactly as the source gave it. An address is data: the reader
    opens only http, https and mailto links (``reader.tui.open_source.safe_link``)."""

    start: int
    end: int
    text: str
    href: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "href": self.href}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Link:
        return cls(int(data["start"]), int(data["end"]), str(data["text"]), str(data["href"]))


@dataclass(slots=True)
class Entity:
    """A named-entity mention, with its document-consistent label."""

    start: int
    end: int
    text: str
    label: str
    actor: str | None = None
    corrected: str | None = None
    """What a reader's correction changed here (``label``), ``None`` when nothing: see
    :mod:`reader.corrections`. Written to JSON only when set."""

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "label": self.label,
            "actor": self.actor,
        }
        return _with_correction(data, self.corrected)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        return cls(data["start"], data["end"], data["text"], data["label"], data.get("actor"),
                   data.get("corrected"))


@dataclass(slots=True)
class Statement:
    """One statement: a direct quotation or a reported one (speech, belief, intention, stance, evidence).

    ``start``/``end`` cover the whole statement; for a direct quote that is
    from the opening to the closing quotation mark, and a quote split by its
    speech tag (``"...," he said, "..."``) covers both halves. ``parts`` holds
    the quoted content pieces themselves (without quotation marks), one per
    half, so a reader can mark exactly the quoted words.

    ``speaker`` is the resolved actor's name (``actor`` its id) and ``speaker_mention`` the words in
    the text that name the source (``Ushakov``, ``he``, ``the minister``); ``cue`` is the attributing
    words (``stated``, ``according to``) and ``cue_lemma`` their dictionary form (``state``).
    ``how`` says how the speaker was found and ``confidence`` (0 to 1) how sure the attribution is.
    ``frame`` is the kind of position for reported statements; a ``stance`` statement also has a
    ``stance`` (support, oppose, demand, accuse, deny) and, where the text names one, a ``target``.
    ``within`` is set on a direct quote that lies inside a reported statement (a partial quote:
    ``Cox says the NRA won't allow "law-abiding gun owners to ..."``): the index, in
    ``Analysis.statements``, of that reported statement, so that exports and lists can show the
    two once while ``]``/``[`` still stop at the quotation.
    ``in_quote`` is set on a reported statement made inside a direct statement's quoted words or a
    Q&A answer (``"I think the deal is dead," Smith said``: Smith believes "the deal is dead"): the
    index, in ``Analysis.statements``, of that direct statement. Its holder is the quote's speaker
    for ``I``/``we``, else whoever the quoted words name (``"My opponent wants ..."``). Unlike a
    partial quote, it is a position of its own, listed under its holder. Written to JSON only when set.
    """

    start: int
    end: int
    text: str
    kind: StatementKind
    parts: list[Span] = field(default_factory=list)
    speaker: str | None = None
    speaker_mention: Span | None = None
    cue: Span | None = None
    actor: str | None = None
    how: str | None = None
    confidence: float | None = None
    frame: str | None = None
    cue_lemma: str | None = None
    stance: str | None = None
    target: Span | None = None
    within: int | None = None
    corrected: str | None = None
    """What a reader's correction changed (``speaker``, ``added``), ``None`` when nothing: see
    :mod:`reader.corrections`. Written to JSON only when set."""
    in_quote: int | None = None
    """For a reported statement made inside quoted words: the index of its direct statement (above).
    Written to JSON only when set, so every other statement keeps the shape schema 2 always had."""

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "speaker": self.speaker,
            "speaker_mention": self.speaker_mention.to_dict() if self.speaker_mention else None,
            "cue": self.cue.to_dict() if self.cue else None,
            "cue_lemma": self.cue_lemma,
            "actor": self.actor,
            "how": self.how,
            "confidence": self.confidence,
            "frame": self.frame,
            "stance": self.stance,
            "target": self.target.to_dict() if self.target else None,
            "parts": [part.to_dict() for part in self.parts],
            "within": self.within,
        }
        if self.in_quote is not None:
            data["in_quote"] = self.in_quote
        return _with_correction(data, self.corrected)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Statement:
        return cls(
            start=data["start"],
            end=data["end"],
            text=data["text"],
            kind=data["kind"],
            parts=[Span(p["start"], p["end"], p["text"]) for p in data.get("parts", [])],
            speaker=data.get("speaker"),
            speaker_mention=Span.from_dict(data.get("speaker_mention")),
            cue=Span.from_dict(data.get("cue")),
            actor=data.get("actor"),
            how=data.get("how"),
            confidence=data.get("confidence"),
            frame=data.get("frame"),
            cue_lemma=data.get("cue_lemma"),
            stance=data.get("stance"),
            target=Span.from_dict(data.get("target")),
            within=data.get("within"),
            corrected=data.get("corrected"),
            in_quote=data.get("in_quote"),
        )


@dataclass(slots=True)
class DateMention:
    """A DATE or TIME mention with its normalised value where one can be known.

    ``value`` is an ISO 8601 string whose precision matches ``grain``
    (``2024-08-06`` for day, ``2022-02`` for month, ``2024-Q3`` for quarter,
    ``1990s`` for decade, ``2024-06-11T14:05+01:00`` for time), or ``None``
    when the text does not pin it down. ``grain`` is one of ``day``, ``week``,
    ``month``, ``quarter``, ``half``, ``season``, ``year``, ``decade``,
    ``time``, ``duration``, ``relative``.
    """

    start: int
    end: int
    text: str
    value: str | None
    grain: str
    label: str = "DATE"

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": self.value,
            "grain": self.grain,
            "label": self.label,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DateMention:
        return cls(
            data["start"],
            data["end"],
            data["text"],
            data.get("value"),
            data["grain"],
            data.get("label", "DATE"),
        )


@dataclass(slots=True)
class Actor:
    """One real-world actor and what the article has them say.

    ``statements`` are indices into ``Analysis.statements`` in text order: these are
    the actor's positions. ``mention_spans`` are every place the text refers
    to the actor, names and resolved pronouns alike.
    """

    id: str
    name: str
    kind: ActorKind
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    affiliation: str | None = None
    mention_spans: list[Span] = field(default_factory=list)
    statements: list[int] = field(default_factory=list)
    corrected: str | None = None
    """What a reader's corrections changed (``renamed from Bong``, ``merged Bong``, ``role``),
    ``None`` when nothing: see :mod:`reader.corrections`. Written to JSON only when set."""

    @property
    def mentions(self) -> int:
        return len(self.mention_spans)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "aliases": list(self.aliases),
            "roles": list(self.roles),
            "affiliation": self.affiliation,
            "mentions": self.mentions,
            "mention_spans": [span.to_dict() for span in self.mention_spans],
            "statements": list(self.statements),
        }
        return _with_correction(data, self.corrected)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Actor:
        return cls(
            id=data["id"],
            name=data["name"],
            kind=data["kind"],
            aliases=list(data.get("aliases", [])),
            roles=list(data.get("roles", [])),
            affiliation=data.get("affiliation"),
            mention_spans=[Span(s["start"], s["end"], s["text"]) for s in data.get("mention_spans", [])],
            statements=list(data.get("statements", [])),
            corrected=data.get("corrected"),
        )


@dataclass(slots=True)
class Analysis:
    """Everything Byline knows about one article.

    ``author`` and ``metadata`` come from the source, not the analysis: ``metadata`` holds what the
    source states about the article as strings (``outlet``, ``url``, ``modified``, and a dateline's
    ``dateline_place``/``dateline_date``/``agency``), so a corpus record needs no join back.
    """

    text: str
    source: str
    title: str | None = None
    published: str | None = None
    author: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)
    entities: list[Entity] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    model: str | None = None
    links: list[Link] = field(default_factory=list)

    def actor(self, actor_id: str | None) -> Actor | None:
        """The actor with this id, or ``None``."""
        if actor_id is None:
            return None
        for actor in self.actors:
            if actor.id == actor_id:
                return actor
        return None

    def positions(self, actor_id: str) -> list[Statement]:
        """The actor's statements, direct and reported, in text order."""
        actor = self.actor(actor_id)
        return [self.statements[i] for i in actor.statements] if actor else []

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "source": self.source,
            "title": self.title,
            "published": self.published,
            "author": self.author,
            "metadata": dict(self.metadata),
            "model": self.model,
            "text": self.text,
            "entities": [e.to_dict() for e in self.entities],
            "statements": [q.to_dict() for q in self.statements],
            "dates": [d.to_dict() for d in self.dates],
            "actors": [a.to_dict() for a in self.actors],
            "links": [link.to_dict() for link in self.links],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        if data.get("schema") != SCHEMA:
            raise ValueError(f"not a {SCHEMA} document (schema={data.get('schema')!r})")
        return cls(
            text=data["text"],
            source=data["source"],
            title=data.get("title"),
            published=data.get("published"),
            author=data.get("author"),
            metadata={str(k): str(v) for k, v in (data.get("metadata") or {}).items()},
            model=data.get("model"),
            entities=[Entity.from_dict(e) for e in data.get("entities", [])],
            statements=[Statement.from_dict(q) for q in data.get("statements", [])],
            dates=[DateMention.from_dict(d) for d in data.get("dates", [])],
            actors=[Actor.from_dict(a) for a in data.get("actors", [])],
            links=[Link.from_dict(link) for link in data.get("links") or []],
        )
