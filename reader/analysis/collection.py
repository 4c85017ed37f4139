"""Who is quoted across a collection: actors aggregated over many articles by canonical name.

Each article's analysis already merges an actor's names (``Yuri Ushakov``, ``Ushakov``, ``he``)
into one actor with a canonical ``name``; across articles, actors with the same canonical name
(compared case- and space-insensitively) are one :class:`CollectionActor`. Nothing here imports
spaCy: it reads analyses or the records ``byline analyze`` wrote (full or ``--no-text``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from reader.analysis.model import Analysis
from reader.analysis.offsets_records import OFFSETS_SCHEMA, actor_statement_counts, offsets_rows

NO_OUTLET = "(no outlet)"


def actor_key(name: str) -> str:
    """The key two articles' actors are merged on: the canonical name, case and spacing ignored."""
    return " ".join(name.split()).casefold()


@dataclass(slots=True)
class CollectionActor:
    """One actor across the collection.

    ``statements`` counts their statements in all articles, ``articles`` the articles that mention
    them, ``quoted_in`` those in which they make at least one statement; ``by_outlet`` their
    statements per outlet (``NO_OUTLET`` when the source names none); ``first``/``last`` the
    earliest and latest publication day (``YYYY-MM-DD``) of an article quoting them (``None`` when no
    such article is dated); ``roles`` every role seen; ``sources`` (source, statement count) per
    article, in the order the articles were added."""

    name: str
    kind: str
    statements: int = 0
    articles: int = 0
    quoted_in: int = 0
    by_outlet: Counter[str] = field(default_factory=Counter)
    first: str | None = None
    last: str | None = None
    roles: set[str] = field(default_factory=set)
    kinds: Counter[str] = field(default_factory=Counter)
    sources: list[tuple[str, int]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "statements": self.statements,
            "articles": self.articles,
            "quoted_in": self.quoted_in,
            "statements_per_article": round(self.statements / self.quoted_in, 2) if self.quoted_in else 0.0,
            "by_outlet": dict(self.by_outlet.most_common()),
            "first": self.first,
            "last": self.last,
            "roles": sorted(self.roles),
            "sources": [{"source": source, "statements": count} for source, count in self.sources],
        }


@dataclass(slots=True)
class Collection:
    """Actors of many articles, added one article at a time (:meth:`add_analysis`, :meth:`add_record`)."""

    actors: dict[str, CollectionActor] = field(default_factory=dict)
    articles: int = 0

    def add_analysis(self, analysis: Analysis) -> None:
        actors = [(a.name, a.kind, a.roles, len(a.statements)) for a in analysis.actors]
        self._add(analysis.source, analysis.metadata.get("outlet"), analysis.published, actors)

    def add_record(self, record: dict[str, Any]) -> None:
        """Add one record of ``byline analyze --format jsonl`` (full, or ``--no-text`` in its current
        ``offsets.3`` or older ``offsets.2`` form); error and warning records are ignored. Raises
        ``KeyError``, ``TypeError`` or ``ValueError`` for a record of the wrong shape."""
        if "schema" not in record:
            return
        if record["schema"] == OFFSETS_SCHEMA:  # actors as rows: see offsets_records.OFFSETS_COLUMNS
            counts = actor_statement_counts(record)
            actors = [(a["name"], a["kind"], a["roles"] or [], count)
                      for a, count in zip(offsets_rows(record, "actors"), counts, strict=True)]
            if not all(isinstance(name, str) and isinstance(kind, str) for name, kind, _, _ in actors):
                raise ValueError("an actor row without a name and kind")
        else:  # the full record and the older offsets-only form (offsets.2) have actor objects
            actors = [(a["name"], a["kind"], a.get("roles", []), len(a.get("statements", [])))
                      for a in record.get("actors", [])]
        outlet = (record.get("metadata") or {}).get("outlet")
        self._add(record["source"], outlet, record.get("published"), actors)

    def _add(self, source: str, outlet: str | None, published: str | None,
             actors: Iterable[tuple[str, str, list[str], int]]) -> None:
        self.articles += 1
        for name, kind, roles, statements in actors:
            key = actor_key(name)
            actor = self.actors.get(key)
            if actor is None:
                actor = self.actors[key] = CollectionActor(name=name, kind=kind)
            actor.articles += 1
            actor.kinds[kind] += 1
            actor.kind = actor.kinds.most_common(1)[0][0]
            actor.roles.update(roles)
            if not statements:
                continue
            actor.statements += statements
            actor.quoted_in += 1
            actor.by_outlet[outlet or NO_OUTLET] += statements
            actor.sources.append((source, statements))
            if published:
                actor.first = min(actor.first or published, published)
                actor.last = max(actor.last or published, published)

    def ranked(self, *, quoted_only: bool = True) -> list[CollectionActor]:
        """Actors by statements, then articles, then name; only those quoted at least once unless
        ``quoted_only`` is false."""
        chosen = [a for a in self.actors.values() if a.statements or not quoted_only]
        return sorted(chosen, key=lambda a: (-a.statements, -a.articles, a.name.casefold()))
