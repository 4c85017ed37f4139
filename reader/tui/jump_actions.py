"""The reader's jumps: quotes, an actor's statements, entities, dates and search matches.

A mixin for :class:`reader.tui.screens.reader.ReaderScreen`, kept apart so the
screen stays about layout, the analysis worker and the status line. Every jump
goes through the screen's ``_jump`` (mark the target, scroll it to the centre)
and says where the reader is with ``_set_location``; the stepping rules
(start on screen, wrap with a notice) are :func:`reader.tui.navigation.step`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from textual.actions import SkipAction
from textual.widgets import Input, TabbedContent

from reader.analysis.model import Analysis, Statement, position_group
from reader.tui.highlights import Decorations, Layer
from reader.tui.navigation import step

if TYPE_CHECKING:
    from reader.analysis.model import Actor
    from reader.sources.article import Article
    from reader.tui.widgets.actors_panel import ActorsPanel
    from reader.tui.widgets.article_view import ArticleView


def describe_speaker(quote: Statement, actor: Actor | None) -> str:
    """``Volodymyr Zelensky, Ukrainian President`` (or the raw speaker text, or ``unknown speaker``)."""
    name = actor.name if actor else quote.speaker
    if not name:
        return "unknown speaker"
    if actor and actor.roles:
        return f"{name}, {actor.roles[0]}"
    return name


class JumpActions:
    """The ``]`` ``[`` ``}`` ``{`` ``e`` ``E`` ``d`` ``D`` ``/`` ``n`` ``N`` and ``r`` actions (a mixin)."""

    # Provided by the reading screen this is mixed into (with Textual's notify and query_one).
    article: Article
    analysis: Analysis | None
    partial_analysis: Analysis | None
    decorations: Decorations
    article_view: ArticleView
    actors_panel: ActorsPanel
    include_reported: bool
    quote_index: int | None
    current_quote: Statement | None
    entity_index: int | None
    date_index: int | None
    match_index: int | None
    actor_id: str | None
    statement_index: int | None
    matches: list[tuple[int, int]]
    search_term: str
    _quote_order: list[int]

    # -- quotes and statements --------------------------------------------------------------------

    def action_navigate_quote(self, delta: int) -> None:
        # While the analysis runs, the quotations found so far can be walked already.
        analysis = self.analysis or (self.partial_analysis if self._quote_order else None)
        analysis = analysis or self._need_analysis()
        if analysis is None:
            return
        starts = [analysis.statements[i].start for i in self._quote_order]
        moved = step(starts, self.quote_index, delta, self.article_view.top_offset)
        if moved is None:
            self.notify("No quotes in this article", severity="warning")
            return
        if moved.wrapped:
            self.notify("Wrapped to the first quote" if delta > 0 else "Wrapped to the last quote")
        self.quote_index = moved.index
        quote = analysis.statements[self._quote_order[moved.index]]
        self.current_quote = quote
        self._jump(quote.start)
        self._set_location(self._quote_location(quote, moved.index, len(starts)))

    def _quote_location(self, quote: Statement, index: int, total: int) -> str:
        noun = "Statement" if self.include_reported else "Quote"
        kind = " (reported)" if quote.kind == "reported" else ""
        if self.analysis is None:
            return f"{noun} {index + 1}/{total} · speakers still being analysed"
        who = describe_speaker(quote, self.analysis.actor(quote.actor))
        cue = f" · {quote.cue.text}" if quote.cue else ""
        return f"{noun} {index + 1}/{total}{kind} · {who}{cue} · {position_group(quote)}"

    def action_toggle_reported(self) -> None:
        self.include_reported = not self.include_reported
        self.quote_index = None
        self.current_quote = None
        self._rebuild_quote_order()
        self._focus_changed()
        which = "quotes and reported speech" if self.include_reported else "direct quotes only"
        self._set_location(f"] and [ now step through {which}")

    def action_navigate_statement(self, delta: int) -> None:
        analysis = self._need_analysis()
        if analysis is None:
            return
        actor = analysis.actor(self.actor_id)
        if actor is None:
            self.notify("Select an actor in the side panel first (a)", severity="warning")
            return
        if not actor.statements:
            self.notify(f"{actor.name} has no statements in this article", severity="warning")
            return
        starts = [analysis.statements[i].start for i in actor.statements]
        moved = step(starts, self.statement_index, delta, self.article_view.top_offset)
        assert moved is not None
        if moved.wrapped:
            self.notify(f"Wrapped to {actor.name}'s {'first' if delta > 0 else 'last'} statement")
        self.show_statement(actor, moved.index)

    def show_statement(self, actor: Actor, position: int) -> None:
        assert self.analysis is not None
        self.statement_index = position
        quote_number = actor.statements[position]
        quote = self.analysis.statements[quote_number]
        # ] and [ carry on from here when the statement is one of the quotes they step through.
        self.quote_index = (
            self._quote_order.index(quote_number) if quote_number in self._quote_order else None
        )
        self.current_quote = quote
        self._jump(quote.start)
        kind = "reported" if quote.kind == "reported" else "quote"
        cue = f" · {quote.cue.text}" if quote.cue else ""
        self._set_location(
            f"{describe_speaker(quote, actor)} · statement {position + 1}/{len(actor.statements)} "
            f"({kind}){cue} · {position_group(quote)}"
        )

    def choose_actor(self, actor_id: str) -> None:
        """Mark an actor's mentions and statements; ``}``/``{`` then walk the statements."""
        analysis = self.analysis
        if analysis is None or analysis.actor(actor_id) is None:
            return
        self.actor_id = actor_id
        self.statement_index = None
        self.decorations.mark_actor(analysis, actor_id)
        self.decorations.enabled.add(Layer.ACTOR)
        self.article_view.restyle()
        actor = analysis.actor(actor_id)
        assert actor is not None
        self._set_location(
            f"{actor.name}: {actor.mentions} mentions, {len(actor.statements)} statements marked"
            " · } walks them"
        )

    def action_focus_actors(self) -> None:
        if self.has_class("-narrow") and not self.has_class("-panel-overlay"):
            self.add_class("-panel-overlay")
        self.remove_class("-panel-hidden")
        self.query_one("#side-panel", TabbedContent).active = "actors-tab"
        self.actors_panel.focus()
        self.actors_panel.cursor_to_first_actor()

    # -- entities and dates -----------------------------------------------------------------------

    def _walk(self, starts: list[int], index: int | None, delta: int, what: str) -> int | None:
        """Step through targets at ``starts``; tell the reader at a wrap, or when there are none."""
        moved = step(starts, index, delta, self.article_view.top_offset)
        if moved is None:
            self.notify(f"No {what} found in this article", severity="warning")
            return None
        if moved.wrapped:
            self.notify(f"Wrapped around the {what}")
        return moved.index

    def action_navigate_entity(self, delta: int) -> None:
        analysis = self._need_analysis()
        if analysis is None:
            return
        index = self._walk([e.start for e in analysis.entities], self.entity_index, delta, "entities")
        if index is None:
            return
        self.entity_index = index
        entity = analysis.entities[index]
        self._jump(entity.start)
        self._set_location(f"Entity {index + 1}/{len(analysis.entities)} · {entity.text} · {entity.label}")

    def action_navigate_date(self, delta: int) -> None:
        analysis = self._need_analysis()
        if analysis is None:
            return
        index = self._walk([d.start for d in analysis.dates], self.date_index, delta, "dates")
        if index is None:
            return
        self.date_index = index
        date = analysis.dates[index]
        self._jump(date.start)
        value = f"{date.value} ({date.grain})" if date.value else f"no exact date ({date.grain})"
        self._set_location(f"Date {index + 1}/{len(analysis.dates)} · {date.text} → {value}")

    # -- search -----------------------------------------------------------------------------------

    def action_open_search(self) -> None:
        focused = self.app.focused
        if focused is not None and focused.check_consume_key("slash", "/"):
            # "/" is a priority binding (see the screen); in a text box it is just a character.
            raise SkipAction
        search = self.query_one("#search", Input)
        search.value = self.search_term
        self.add_class("-searching")
        # Shown and focused now, not on the next refresh: keys typed right after "/" (or pasted)
        # are already queued, and must reach the box rather than run as reader keys.
        search.display = True
        self.app.set_focus(search)

    def search(self, term: str) -> None:
        """Find every case-insensitive occurrence of ``term`` and go to the first on screen or after."""
        self.search_term = term.strip()
        self.matches = (
            [m.span() for m in re.finditer(re.escape(self.search_term), self.article.text, re.IGNORECASE)]
            if self.search_term
            else []
        )
        self.decorations.set_search(self.matches)
        self.match_index = None
        if not self.search_term:
            self._focus_changed()
            self._set_location("")
            return
        if not self.matches:
            self._focus_changed()
            self.notify(f"No matches for {self.search_term!r}", severity="warning")
            self._set_location(f"No matches for {self.search_term!r}")
            return
        self.action_navigate_match(1)

    def action_navigate_match(self, delta: int) -> None:
        if not self.search_term:
            self.notify("Nothing to find yet: press / to search", severity="warning")
            return
        moved = step([start for start, _ in self.matches], self.match_index, delta,
                     self.article_view.top_offset)
        if moved is None:
            self.notify(f"No matches for {self.search_term!r}", severity="warning")
            return
        if moved.wrapped:
            self.notify("Search wrapped around")
        self.match_index = moved.index
        self._jump(self.matches[moved.index][0])
        self._set_location(f"Match {moved.index + 1}/{len(self.matches)} for {self.search_term!r}")
