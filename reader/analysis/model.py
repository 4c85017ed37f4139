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

SCHEMA = "byline.analysis/1"

QuoteKind = Literal["direct", "indirect"]
ActorKind = Literal["person", "organisation", "place", "group"]


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


@dataclass(slots=True)
class Entity:
    """A named-entity mention, with its document-consistent label."""

    start: int
    end: int
    text: str
    label: str
    actor: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "label": self.label,
            "actor": self.actor,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        return cls(data["start"], data["end"], data["text"], data["label"], data.get("actor"))


@dataclass(slots=True)
class Quote:
    """One statement: a direct quotation or a piece of reported speech.

    ``start``/``end`` cover the whole statement; for a direct quote that is
    from the opening to the closing quotation mark, and a quote split by its
    speech tag (``"...," he said, "..."``) covers both halves. ``parts`` holds
    the quoted content pieces themselves (without quotation marks), one per
    half, so a reader can mark exactly the quoted words.
    """

    start: int
    end: int
    text: str
    kind: QuoteKind
    parts: list[Span] = field(default_factory=list)
    speaker: str | None = None
    speaker_mention: Span | None = None
    cue: Span | None = None
    actor: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "speaker": self.speaker,
            "speaker_mention": self.speaker_mention.to_dict() if self.speaker_mention else None,
            "cue": self.cue.to_dict() if self.cue else None,
            "actor": self.actor,
            "parts": [part.to_dict() for part in self.parts],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quote:
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
        )


@dataclass(slots=True)
class DateMention:
    """A DATE or TIME mention with its normalised value where one can be known.

    ``value`` is an ISO 8601 string whose precision matches ``grain``
    (``2024-08-06`` for day, ``2022-02`` for month, ``2024`` for year), or
    ``None`` when the text does not pin it down. ``grain`` is one of
    ``day``, ``month``, ``year``, ``time``, ``duration``, ``relative``.
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

    ``quotes`` are indices into ``Analysis.quotes`` in text order: these are
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
    quotes: list[int] = field(default_factory=list)

    @property
    def mentions(self) -> int:
        return len(self.mention_spans)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "aliases": list(self.aliases),
            "roles": list(self.roles),
            "affiliation": self.affiliation,
            "mentions": self.mentions,
            "mention_spans": [span.to_dict() for span in self.mention_spans],
            "quotes": list(self.quotes),
        }

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
            quotes=list(data.get("quotes", [])),
        )


@dataclass(slots=True)
class Analysis:
    """Everything Byline knows about one article."""

    text: str
    source: str
    title: str | None = None
    published: str | None = None
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    model: str | None = None

    def actor(self, actor_id: str | None) -> Actor | None:
        """The actor with this id, or ``None``."""
        if actor_id is None:
            return None
        for actor in self.actors:
            if actor.id == actor_id:
                return actor
        return None

    def positions(self, actor_id: str) -> list[Quote]:
        """The actor's statements, direct and reported, in text order."""
        actor = self.actor(actor_id)
        return [self.quotes[i] for i in actor.quotes] if actor else []

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "source": self.source,
            "title": self.title,
            "published": self.published,
            "model": self.model,
            "text": self.text,
            "entities": [e.to_dict() for e in self.entities],
            "quotes": [q.to_dict() for q in self.quotes],
            "dates": [d.to_dict() for d in self.dates],
            "actors": [a.to_dict() for a in self.actors],
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
            model=data.get("model"),
            entities=[Entity.from_dict(e) for e in data.get("entities", [])],
            quotes=[Quote.from_dict(q) for q in data.get("quotes", [])],
            dates=[DateMention.from_dict(d) for d in data.get("dates", [])],
            actors=[Actor.from_dict(a) for a in data.get("actors", [])],
        )
