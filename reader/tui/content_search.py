"""The command palette searches the article, not only the actions (``ctrl+p``).

:func:`content_hits` is pure: an actor whose name or alias contains the query selects the actor;
a statement containing every word of the query goes to the statement; a date whose text contains
the query, or whose value starts with it (``2024-08``), goes to the date. :class:`ContentProvider`
hands the hits to Textual's palette; each hit's command jumps there in the reader. Labels are
``Content`` objects built from plain strings, so article text is never read as markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Literal

from textual.command import Hit, Hits, Provider
from textual.content import Content

from reader.analysis.model import Analysis
from reader.safe_text import terminal_safe
from reader.tui.navigation import describe_speaker
from reader.tui.preview import one_line

if TYPE_CHECKING:
    from reader.tui.screens.reader import ReaderScreen

#: At most this many statements are offered for one query (the palette lists the best first).
STATEMENT_HITS = 20
#: Queries shorter than this find nothing in the text (one letter is in every statement).
MIN_QUERY = 2

HitKind = Literal["actor", "statement", "date"]


@dataclass(frozen=True, slots=True)
class ContentHit:
    """One palette entry: ``kind`` and ``index`` (into ``Analysis.actors``, ``statements`` or
    ``dates``), a ``score`` in 0-1 (higher first), the ``label`` and a ``help`` line."""

    kind: HitKind
    index: int
    score: float
    label: str
    help: str


def content_hits(analysis: Analysis, query: str) -> list[ContentHit]:
    """Every actor, statement and date ``query`` finds (see the module docstring), best first."""
    needle = " ".join(query.casefold().split())
    if len(needle) < MIN_QUERY:
        return []
    hits: list[ContentHit] = []
    for index, actor in enumerate(analysis.actors):
        names = [actor.name, *actor.aliases]
        if any(needle in name.casefold() for name in names):
            score = 1.0 if actor.name.casefold().startswith(needle) else 0.9
            role = f", {actor.roles[0]}" if actor.roles else ""
            hits.append(ContentHit("actor", index, score, f"Actor: {actor.name}{role}",
                                   f"{actor.kind} · {len(actor.statements)} statements · select the actor"))
    for index, date in enumerate(analysis.dates):
        if needle in date.text.casefold() or (date.value or "").casefold().startswith(needle):
            value = date.value or "no exact date"
            hits.append(ContentHit("date", index, 0.8, f"Date: {date.text} → {value}",
                                   f"{date.grain} · go to the date"))
    words = needle.split()
    found = 0
    for index, statement in enumerate(sorted(range(len(analysis.statements)),
                                             key=lambda i: analysis.statements[i].start)):
        text = analysis.statements[statement].text.casefold()
        if found < STATEMENT_HITS and all(word in text for word in words):
            quote = analysis.statements[statement]
            who = describe_speaker(quote, analysis.actor(quote.actor))
            hits.append(ContentHit("statement", statement, 0.6 - index * 1e-6,
                                   f"{who}: {one_line(quote.text, 70)}",
                                   f"{quote.kind} statement · go to it"))
            found += 1
    return sorted(hits, key=lambda hit: -hit.score)


class ContentProvider(Provider):
    """Actors, statements and dates of the article on the reading screen, for the command palette."""

    async def search(self, query: str) -> Hits:
        screen = self.screen
        analysis = getattr(screen, "analysis", None)
        if not isinstance(analysis, Analysis):
            return
        reader: ReaderScreen = screen  # type: ignore[assignment]
        for hit in content_hits(analysis, query):
            yield Hit(hit.score, Content(terminal_safe(hit.label)),
                      partial(reader.go_to_content, hit.kind, hit.index),
                      text=terminal_safe(hit.label), help=terminal_safe(hit.help))
