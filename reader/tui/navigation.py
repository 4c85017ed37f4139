"""The reader's jumps as pure functions: ``(state, analysis, ...) -> Jump``.

Quotes (``]`` ``[``), an actor's statements (``}`` ``{``), entities (``e`` ``E``),
dates (``d`` ``D``) and search matches (``/`` ``n`` ``N``), plus the filters
that change what those keys walk (``r``, the layer keys ``1``-``4``, choosing an
actor). Each function takes a :class:`~reader.tui.state.ReaderState` and returns
a :class:`~reader.tui.state.Jump` (new state, where to scroll, what to say);
the screen applies it. ``top`` is always the character offset at the top of
the pane: the first step goes to the first target at or after it.

The stepping rule is :func:`step`: later steps move from the current target,
and leaving either end wraps (and says so).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace

from reader.analysis.model import Actor, Analysis, Statement, position_group
from reader.theming.legend import label_words
from reader.tui.highlights import Layer, attribution_note
from reader.tui.state import Jump, Notice, ReaderState


@dataclass(frozen=True, slots=True)
class Step:
    index: int
    wrapped: bool


def step(starts: Sequence[int], current: int | None, delta: int, from_offset: int) -> Step | None:
    """Where a jump of ``delta`` lands among targets starting at ``starts`` (sorted).

    ``current`` is the index of the current target, or ``None`` when there is
    none yet, in which case ``from_offset`` (the top of the pane) decides the
    first target. Returns ``None`` when there are no targets at all.
    """
    count = len(starts)
    if count == 0:
        return None
    if current is None:
        first_on_screen = bisect_left(starts, from_offset)
        target = first_on_screen if delta > 0 else first_on_screen - 1
    else:
        target = current + delta
    return Step(target % count, not 0 <= target < count)


def describe_speaker(quote: Statement, actor: Actor | None) -> str:
    """``Volodymyr Zelensky, Ukrainian President`` (or the raw speaker text, or ``unknown speaker``)."""
    name = actor.name if actor else quote.speaker
    if not name:
        return "unknown speaker"
    if actor and actor.roles:
        return f"{name}, {actor.roles[0]}"
    return name


def _warn(state: ReaderState, text: str) -> Jump:
    return Jump(state, notice=Notice(text, "warning"))


# -- quotes and an actor's statements ------------------------------------------------------------


def quote_order(statements: Sequence[Statement], include_reported: bool) -> list[int]:
    """Indices into ``statements`` that ``]``/``[`` walk, in text order: the direct quotes, and the
    reported statements too when ``include_reported``."""
    order = [i for i, quote in enumerate(statements) if include_reported or quote.kind == "direct"]
    return sorted(order, key=lambda i: statements[i].start)


def quote_location(quote: Statement, index: int, total: int, analysis: Analysis, *,
                   include_reported: bool, speakers_known: bool) -> str:
    """``Quote 2/5 · Yuri Ushakov, Kremlin adviser · said``: the status line after ``]``/``[``."""
    noun = "Statement" if include_reported else "Quote"
    if not speakers_known:
        return f"{noun} {index + 1}/{total} · speakers still being analysed"
    kind = " (reported)" if quote.kind == "reported" else ""
    who = describe_speaker(quote, analysis.actor(quote.actor))
    cue = f" · {quote.cue.text}" if quote.cue else ""
    return f"{noun} {index + 1}/{total}{kind} · {who}{cue} · {position_group(quote)}{attribution_note(quote)}"


def navigate_quote(state: ReaderState, analysis: Analysis, delta: int, top: int, *,
                   speakers_known: bool = True) -> Jump:
    """``]`` (``delta`` 1) or ``[`` (-1). ``speakers_known`` is False while ``analysis`` is a partial
    one: its quotations can be walked already, but nobody is named yet."""
    order = quote_order(analysis.statements, state.include_reported)
    moved = step([analysis.statements[i].start for i in order], state.quote_index, delta, top)
    if moved is None:
        return _warn(state, "No quotes in this article")
    quote = analysis.statements[order[moved.index]]
    location = quote_location(quote, moved.index, len(order), analysis,
                              include_reported=state.include_reported, speakers_known=speakers_known)
    notice = None
    if moved.wrapped:
        notice = Notice("Wrapped to the first quote" if delta > 0 else "Wrapped to the last quote")
    new = replace(state, quote_index=moved.index, current_quote=quote, jump_offset=quote.start,
                  location=location, marked="quote")
    return Jump(new, quote.start, notice)


def toggle_reported(state: ReaderState) -> Jump:
    """``r``: ``]``/``[`` walk reported statements too (or direct quotes only again), from the top."""
    include = not state.include_reported
    which = "quotes and reported speech" if include else "direct quotes only"
    return Jump(replace(state, include_reported=include, quote_index=None, current_quote=None,
                        location=f"] and [ now step through {which}"))


def show_statement(state: ReaderState, analysis: Analysis, actor: Actor, position: int) -> Jump:
    """Go to the ``position``-th statement of ``actor`` (``}``/``{``, or chosen in the panel).

    ``]``/``[`` carry on from there when the statement is one of the quotes they walk.
    """
    number = actor.statements[position]
    quote = analysis.statements[number]
    order = quote_order(analysis.statements, state.include_reported)
    kind = "reported" if quote.kind == "reported" else "quote"
    cue = f" · {quote.cue.text}" if quote.cue else ""
    location = (f"{describe_speaker(quote, actor)} · statement {position + 1}/{len(actor.statements)} "
                f"({kind}){cue} · {position_group(quote)}{attribution_note(quote)}")
    new = replace(state, statement_index=position, current_quote=quote, jump_offset=quote.start,
                  marked="quote", quote_index=order.index(number) if number in order else None,
                  location=location)
    return Jump(new, quote.start)


def navigate_statement(state: ReaderState, analysis: Analysis, delta: int, top: int) -> Jump:
    """``}`` (``delta`` 1) or ``{`` (-1): the marked actor's next or previous statement."""
    actor = analysis.actor(state.actor_id)
    if actor is None:
        return _warn(state, "Select an actor in the side panel first (a)")
    starts = [analysis.statements[i].start for i in actor.statements]
    moved = step(starts, state.statement_index, delta, top)
    if moved is None:
        return _warn(state, f"{actor.name} has no statements in this article")
    jump = show_statement(state, analysis, actor, moved.index)
    if moved.wrapped:
        which = "first" if delta > 0 else "last"
        return replace(jump, notice=Notice(f"Wrapped to {actor.name}'s {which} statement"))
    return jump


def choose_actor(state: ReaderState, analysis: Analysis, actor_id: str) -> Jump:
    """Mark an actor's mentions and statements (and show the actor layer); ``}`` then walks them
    from the top of the pane. An unknown id changes nothing."""
    actor = analysis.actor(actor_id)
    if actor is None:
        return Jump(state)
    location = (f"{actor.name}: {actor.mentions} mentions, {len(actor.statements)} statements marked"
                " · } walks them")
    return Jump(replace(state, actor_id=actor_id, statement_index=None,
                        hidden_layers=state.hidden_layers - {Layer.ACTOR}, location=location))


def keep_current_quote(state: ReaderState, analysis: Analysis) -> ReaderState:
    """After the final analysis replaces a partial one, stay on the quote that starts where the
    current one did (or on none, when the final analysis has no quote there)."""
    if state.current_quote is None:
        return state
    order = quote_order(analysis.statements, state.include_reported)
    start = state.current_quote.start
    found = next((n for n, i in enumerate(order) if analysis.statements[i].start == start), None)
    quote = analysis.statements[order[found]] if found is not None else None
    return replace(state, quote_index=found, current_quote=quote)


# -- entities and dates ---------------------------------------------------------------------------


def _walk(starts: list[int], index: int | None, delta: int, top: int,
          what: str) -> tuple[int | None, Notice | None]:
    """Step through targets at ``starts``: the new index and what to tell the reader (a wrap, or
    a warning with index ``None`` when there are no targets)."""
    moved = step(starts, index, delta, top)
    if moved is None:
        return None, Notice(f"No {what} found in this article", "warning")
    return moved.index, Notice(f"Wrapped around the {what}") if moved.wrapped else None


def navigate_entity(state: ReaderState, analysis: Analysis, delta: int, top: int) -> Jump:
    """``e`` (``delta`` 1) or ``E`` (-1): the next or previous named entity."""
    index, notice = _walk([e.start for e in analysis.entities], state.entity_index, delta, top, "entities")
    if index is None:
        return Jump(state, notice=notice)
    entity = analysis.entities[index]
    location = f"Entity {index + 1}/{len(analysis.entities)} · {entity.text} · {label_words(entity.label)}"
    new = replace(state, entity_index=index, jump_offset=entity.start, location=location, marked="entity")
    return Jump(new, entity.start, notice)


def navigate_date(state: ReaderState, analysis: Analysis, delta: int, top: int) -> Jump:
    """``d`` (``delta`` 1) or ``D`` (-1): the next or previous date, with its resolved value."""
    index, notice = _walk([d.start for d in analysis.dates], state.date_index, delta, top, "dates")
    if index is None:
        return Jump(state, notice=notice)
    date = analysis.dates[index]
    value = f"{date.value} ({date.grain})" if date.value else f"no exact date ({date.grain})"
    location = f"Date {index + 1}/{len(analysis.dates)} · {date.text} → {value}"
    return Jump(replace(state, date_index=index, jump_offset=date.start, location=location, marked="date"),
                date.start, notice)


# -- search ---------------------------------------------------------------------------------------


def find_matches(text: str, term: str) -> tuple[tuple[int, int], ...]:
    """Every case-insensitive occurrence of ``term`` in ``text`` as ``(start, end)`` (none for ``""``)."""
    if not term:
        return ()
    return tuple(m.span() for m in re.finditer(re.escape(term), text, re.IGNORECASE))


def search(state: ReaderState, text: str, term: str, top: int) -> Jump:
    """``enter`` in the search box: find ``term`` (stripped) and go to the first match at or after
    ``top``; an empty term clears the search."""
    term = term.strip()
    matches = find_matches(text, term)
    found = replace(state, search_term=term, matches=matches, match_index=None)
    if not term:
        return Jump(replace(found, location=""))
    if not matches:
        message = f"No matches for {term!r}"
        return Jump(replace(found, location=message), notice=Notice(message, "warning"))
    return navigate_match(found, 1, top)


def navigate_match(state: ReaderState, delta: int, top: int) -> Jump:
    """``n`` (``delta`` 1) or ``N`` (-1): the next or previous match of the current search."""
    if not state.search_term:
        return _warn(state, "Nothing to find yet: press / to search")
    moved = step([start for start, _ in state.matches], state.match_index, delta, top)
    if moved is None:
        return _warn(state, f"No matches for {state.search_term!r}")
    start = state.matches[moved.index][0]
    location = f"Match {moved.index + 1}/{len(state.matches)} for {state.search_term!r}"
    notice = Notice("Search wrapped around") if moved.wrapped else None
    new = replace(state, match_index=moved.index, jump_offset=start, location=location, marked="search")
    return Jump(new, start, notice)


# -- layers ---------------------------------------------------------------------------------------


def toggle_layer(state: ReaderState, layer: Layer) -> Jump:
    """``1``-``4``: show or hide one highlight layer (the location stays)."""
    hidden = state.hidden_layers ^ {layer}
    shown = "hidden" if layer in hidden else "shown"
    notice = Notice(f"{layer.value.capitalize()} {shown}", timeout=2)
    return Jump(replace(state, hidden_layers=hidden), notice=notice)
