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

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace

from reader.analysis.model import Actor, Analysis, Link, Statement, position_group
from reader.theming.legend import label_words
from reader.tui.date_words import date_location
from reader.tui.highlights import Layer, attribution_note
from reader.tui.search_fold import find_folded
from reader.tui.state import Jump, Notice, ReaderState, StatementFilter
from reader.words import number_of


@dataclass(frozen=True, slots=True)
class Step:
    index: int
    wrapped: bool


def step(starts: Sequence[int], current: int | None, delta: int, from_offset: int, *,
         strictly_after: bool = False) -> Step | None:
    """Where a jump of ``delta`` lands among targets starting at ``starts`` (sorted).

    ``current`` is the index of the current target, or ``None`` when there is
    none yet, in which case ``from_offset`` (the reading position) decides the
    first target: forward, the first at or after it (strictly after it when
    ``strictly_after``: the reading position is another target the reader is on);
    backward, the last before it. Returns ``None`` when there are no targets at all.
    """
    count = len(starts)
    if count == 0:
        return None
    if current is None:
        first = (bisect_right if strictly_after else bisect_left)(starts, from_offset)
        target = first if delta > 0 else bisect_left(starts, from_offset) - 1
    else:
        target = current + delta
    return Step(target % count, not 0 <= target < count)


def origin(state: ReaderState, top: int) -> tuple[int, bool]:
    """The reading position a key of another kind starts from, and whether it is a target.

    After a jump (a quote, a match, an entity...) it is that target's offset: ``]`` after a search
    goes to the first quote after the match, not after the top of the pane. Before any jump (or once
    the screen cleared ``target`` because the reader scrolled away) it is ``top``.
    """
    if state.target is not None and state.jump_offset is not None:
        return state.jump_offset, True
    return top, False


def _current(state: ReaderState, index: int | None, *kinds: str) -> int | None:
    """``index`` when the reader is on a target of one of ``kinds``, else ``None`` (start afresh)."""
    return index if state.target in kinds else None


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


def walk_order(analysis: Analysis, state: ReaderState) -> list[int]:
    """What ``]``/``[`` walk: with an active Statements-tab filter, every statement it admits (direct
    and reported) in text order; otherwise :func:`quote_order`."""
    if state.statement_filter.active:
        return filtered_statements(analysis.statements, state.statement_filter)
    return quote_order(analysis.statements, state.include_reported)


def walked_noun(statements: Sequence[Statement], order: Sequence[int]) -> str:
    """What ``]``/``[`` step through, in words, for their notices: ``quote`` when ``order`` holds
    direct quotes only, ``reported statement`` when it holds reported ones only (``r`` on an article
    without quotes, the Statements tab's "reported" filter), else ``statement``."""
    kinds = {statements[i].kind for i in order}
    if kinds == {"direct"}:
        return "quote"
    if kinds == {"reported"}:
        return "reported statement"
    return "statement"


def quote_location(quote: Statement, index: int, total: int, analysis: Analysis, *,
                   include_reported: bool, speakers_known: bool) -> str:
    """``Quote 2/5 · Yuri Ushakov, Kremlin adviser · said``: the status line after ``]``/``[``."""
    noun = "Statement" if include_reported else "Quote"
    if not speakers_known:
        return f"{noun} {index + 1}/{total} · speakers still being analysed"
    kind = " (reported)" if quote.kind == "reported" else ""
    who = describe_speaker(quote, analysis.actor(quote.actor))
    return (f"{noun} {index + 1}/{total}{kind} · {who}{cue_and_position(quote)}"
            f"{quoted_in_note(quote, analysis)}{attribution_note(quote)}")


def quoted_in_note(quote: Statement, analysis: Analysis) -> str:
    """`` · in Hale's quote`` for a position made inside quoted words (``in_quote``), else ``""``:
    the reader sees whose words hold it (``"My opponent wants ...," Hale said``)."""
    if quote.in_quote is None or not 0 <= quote.in_quote < len(analysis.statements):
        return ""
    outer = analysis.statements[quote.in_quote]
    return f" · in {outer.speaker}'s quote" if outer.speaker else " · in a quote"


def cue_and_position(quote: Statement) -> str:
    """`` · stated`` or `` · condemned · opposes``: the cue, then the position word only when it adds
    something. A speech cue already says "says" (``said · says``), and a cue of the position's own
    verb says the position (``believes · believes``, ``showed · shows``); without a cue the position
    word stands alone (`` · wants``)."""
    group = position_group(quote)
    if quote.cue is None:
        return f" · {group}"
    cue = quote.cue.text
    if group == "says" or cue.lower().startswith(group.removesuffix("s")):
        return f" · {cue}"
    return f" · {cue} · {group}"


def navigate_quote(state: ReaderState, analysis: Analysis, delta: int, top: int, *,
                   speakers_known: bool = True) -> Jump:
    """``]`` (``delta`` 1) or ``[`` (-1). ``speakers_known`` is False while ``analysis`` is a partial
    one: its quotations can be walked already, but nobody is named yet."""
    order = walk_order(analysis, state)
    start_at, after = origin(state, top)
    current = _current(state, state.quote_index, "quote", "statement")
    moved = step([analysis.statements[i].start for i in order], current, delta, start_at,
                 strictly_after=after)
    if moved is None:
        if state.statement_filter.active:
            what = describe_filter(state.statement_filter, analysis)
            return _warn(state, f"No statements match the filter ({what})")
        which = "quotes or reported statements" if state.include_reported else "quotes"
        return _warn(state, f"No {which} in this article")
    quote = analysis.statements[order[moved.index]]
    filtered = state.statement_filter.active
    location = quote_location(quote, moved.index, len(order), analysis,
                              include_reported=state.include_reported or filtered,
                              speakers_known=speakers_known)
    # The filter is not repeated here: the status line's right part says it ("statements: ..."),
    # and the location must keep its room for who said it.
    notice = None
    if moved.wrapped:
        # The word for what is walked: "Wrapped to the first quote" named a reported statement.
        noun = walked_noun(analysis.statements, order)
        notice = Notice(f"Wrapped to the first {noun}" if delta > 0 else f"Wrapped to the last {noun}")
    new = replace(state, quote_index=moved.index, current_quote=quote, jump_offset=quote.start,
                  target="quote", location=location, marked="quote")
    return Jump(new, quote.start, notice)


def toggle_reported(state: ReaderState, analysis: Analysis | None = None) -> Jump:
    """``r``: ``]``/``[`` walk reported statements too (or direct quotes only again).

    They go on from the statement the reader is on (given ``analysis``): it keeps its place in the
    new order when it is in it, else the next ``]`` goes to the first statement after it. Restarting
    from the top of the pane sent ``]`` backwards when the current quote was low on the screen.
    """
    include = not state.include_reported
    which = "quotes and reported speech" if include else "direct quotes only"
    location = f"] and [ now step through {which}"
    current = state.current_quote
    if analysis is None or current is None or state.target not in ("quote", "statement"):
        return Jump(replace(state, include_reported=include, quote_index=None, current_quote=None,
                            target=None, location=location))
    toggled = replace(state, include_reported=include)
    number = next((i for i, s in enumerate(analysis.statements) if s is current), None)
    if number is None:
        number = next((i for i, s in enumerate(analysis.statements)
                       if (s.start, s.end, s.kind) == (current.start, current.end, current.kind)), None)
    order = walk_order(analysis, toggled)
    index = order.index(number) if number is not None and number in order else None
    return Jump(replace(toggled, quote_index=index, target="quote", jump_offset=current.start,
                        current_quote=current if index is not None else None, location=location))


def show_statement(state: ReaderState, analysis: Analysis, actor: Actor, position: int) -> Jump:
    """Go to the ``position``-th statement of ``actor`` (``}``/``{``, or chosen in the panel).

    ``]``/``[`` carry on from there when the statement is one of the quotes they walk.
    """
    number = actor.statements[position]
    quote = analysis.statements[number]
    order = walk_order(analysis, state)
    kind = "reported" if quote.kind == "reported" else "quote"
    location = (f"{describe_speaker(quote, actor)} · statement {position + 1}/{len(actor.statements)} "
                f"({kind}){cue_and_position(quote)}{quoted_in_note(quote, analysis)}"
                f"{attribution_note(quote)}")
    new = replace(state, statement_index=position, current_quote=quote, jump_offset=quote.start,
                  quote_index=order.index(number) if number in order else None, target="statement",
                  marked="quote",
                  location=location)
    return Jump(new, quote.start)


def navigate_statement(state: ReaderState, analysis: Analysis, delta: int, top: int) -> Jump:
    """``}`` (``delta`` 1) or ``{`` (-1): the marked actor's next or previous statement."""
    actor = analysis.actor(state.actor_id)
    if actor is None:
        return _warn(state, "Select an actor in the side panel first (a)")
    starts = [analysis.statements[i].start for i in actor.statements]
    start_at, after = origin(state, top)
    moved = step(starts, _current(state, state.statement_index, "statement"), delta, start_at,
                 strictly_after=after)
    if moved is None:
        return _warn(state, f"{actor.name} has no statements in this article")
    jump = show_statement(state, analysis, actor, moved.index)
    if moved.wrapped:
        which = "first" if delta > 0 else "last"
        noun = walked_noun(analysis.statements, actor.statements)
        return replace(jump, notice=Notice(f"Wrapped to {actor.name}'s {which} {noun}"))
    return jump


def choose_actor(state: ReaderState, analysis: Analysis, actor_id: str) -> Jump:
    """Mark an actor's mentions and statements (and show the actor layer); ``}`` then walks them
    from the top of the pane. An unknown id changes nothing."""
    actor = analysis.actor(actor_id)
    if actor is None:
        return Jump(state)
    location = (f"{actor.name}: {number_of(actor.mentions, 'mention')}, "
                f"{number_of(len(actor.statements), 'statement')} marked"
                " · } walks them")
    return Jump(replace(state, actor_id=actor_id, statement_index=None,
                        hidden_layers=state.hidden_layers - {Layer.ACTOR}, location=location))


def keep_current_quote(state: ReaderState, analysis: Analysis) -> ReaderState:
    """After the final analysis replaces a partial one, stay on the quote that starts where the
    current one did (or on none, when the final analysis has no quote there)."""
    if state.current_quote is None:
        return state
    order = walk_order(analysis, state)
    start = state.current_quote.start
    found = next((n for n, i in enumerate(order) if analysis.statements[i].start == start), None)
    quote = analysis.statements[order[found]] if found is not None else None
    return replace(state, quote_index=found, current_quote=quote)


# -- entities and dates ---------------------------------------------------------------------------


def _walk(starts: list[int], state: ReaderState, kind: str, index: int | None, delta: int, top: int,
          what: str) -> tuple[int | None, Notice | None]:
    """Step through targets of ``kind`` at ``starts``: the new index and what to tell the reader (a
    wrap, or a warning with index ``None`` when there are no ``what``)."""
    start_at, after = origin(state, top)
    moved = step(starts, _current(state, index, kind), delta, start_at, strictly_after=after)
    if moved is None:
        return None, Notice(f"No {what} found in this article", "warning")
    return moved.index, Notice(f"Wrapped around the {what}") if moved.wrapped else None


def navigate_entity(state: ReaderState, analysis: Analysis, delta: int, top: int) -> Jump:
    """``e`` (``delta`` 1) or ``E`` (-1): the next or previous named entity."""
    starts = [e.start for e in analysis.entities]
    index, notice = _walk(starts, state, "entity", state.entity_index, delta, top, "entities")
    if index is None:
        return Jump(state, notice=notice)
    entity = analysis.entities[index]
    location = f"Entity {index + 1}/{len(analysis.entities)} · {entity.text} · {label_words(entity.label)}"
    new = replace(state, entity_index=index, jump_offset=entity.start, target="entity", location=location,
                  marked="entity")
    return Jump(new, entity.start, notice)


def navigate_date(state: ReaderState, analysis: Analysis, delta: int, top: int) -> Jump:
    """``d`` (``delta`` 1) or ``D`` (-1): the next or previous date, with its resolved value."""
    starts = [d.start for d in analysis.dates]
    index, notice = _walk(starts, state, "date", state.date_index, delta, top, "dates")
    if index is None:
        return Jump(state, notice=notice)
    date = analysis.dates[index]
    words = date_location(date.value, date.grain)
    location = f"Date {index + 1}/{len(analysis.dates)} · {date.text} → {words}"
    return Jump(replace(state, date_index=index, jump_offset=date.start, target="date", location=location,
                        marked="date"),
                date.start, notice)


# -- search ---------------------------------------------------------------------------------------


def find_matches(text: str, term: str) -> tuple[tuple[int, int], ...]:
    """Every occurrence of ``term`` in ``text`` as ``(start, end)`` offsets into ``text``, ignoring case,
    accents and the shape of apostrophes, quotation marks and dashes (:mod:`reader.tui.search_fold`:
    ``didn't`` finds ``didn’t``, ``jose`` finds ``José``); none for ``""``."""
    return find_folded(text, term) if term else ()


def search(state: ReaderState, text: str, term: str, top: int) -> Jump:
    """``enter`` in the search box: find ``term`` (stripped) and go to the first match at or after the
    reading position (:func:`origin`: the target the reader is on, else ``top``); an empty term
    clears the search."""
    term = term.strip()
    matches = find_matches(text, term)
    found = replace(state, search_term=term, matches=matches, match_index=None)
    if not term:
        return Jump(replace(found, location=""))
    if not matches:
        message = f"No matches for {term!r}"
        return Jump(replace(found, location=message), notice=Notice(message, "warning"))
    start_at, _ = origin(state, top)
    return _show_match(found, step([start for start, _ in matches], None, 1, start_at))


def clear_search(state: ReaderState) -> Jump:
    """``escape`` with a search on: the marks go, the reader stays where it is."""
    return Jump(replace(state, search_term="", matches=(), match_index=None,
                        target=None if state.target == "match" else state.target,
                        location="" if state.target == "match" else state.location))


def navigate_match(state: ReaderState, delta: int, top: int) -> Jump:
    """``n`` (``delta`` 1) or ``N`` (-1): the next or previous match of the current search (from the
    reading position when the reader went to another kind of target since)."""
    if not state.search_term:
        return _warn(state, "Nothing to find yet: press / to search")
    start_at, after = origin(state, top)
    moved = step([start for start, _ in state.matches], _current(state, state.match_index, "match"), delta,
                 start_at, strictly_after=after)
    return _show_match(state, moved)


def _show_match(state: ReaderState, moved: Step | None) -> Jump:
    if moved is None:
        return _warn(state, f"No matches for {state.search_term!r}")
    start = state.matches[moved.index][0]
    location = f"Match {moved.index + 1}/{len(state.matches)} for {state.search_term!r}"
    notice = Notice("Search wrapped around") if moved.wrapped else None
    new = replace(state, match_index=moved.index, jump_offset=start, target="match", location=location,
                  marked="search")
    return Jump(new, start, notice)


# -- layers ---------------------------------------------------------------------------------------


def toggle_layer(state: ReaderState, layer: Layer) -> Jump:
    """``1``-``4``: show or hide one highlight layer (the location stays)."""
    hidden = state.hidden_layers ^ {layer}
    shown = "hidden" if layer in hidden else "shown"
    notice = Notice(f"{layer.value.capitalize()} {shown}", timeout=2)
    return Jump(replace(state, hidden_layers=hidden), notice=notice)


# -- the Statements tab: its list, its filter, choosing a statement --------------------------------

KIND_WORDS = {"direct": "direct quotes", "reported": "reported statements"}


def filtered_statements(statements: Sequence[Statement], statement_filter: StatementFilter) -> list[int]:
    """Indices into ``statements`` that ``statement_filter`` admits, in text order."""
    order = [i for i, statement in enumerate(statements) if statement_filter.admits(statement)]
    return sorted(order, key=lambda i: (statements[i].start, statements[i].end))


def statement_rows(statements: Sequence[Statement],
                   statement_filter: StatementFilter) -> list[tuple[int, int]]:
    """The Statements tab's rows: ``(index into statements, depth)`` in text order.

    A partial quote (a direct quote whose ``within`` names a reported statement) is listed once, at
    depth 1 right under its reported statement, when that statement is listed; when the filter
    leaves the reported statement out, the partial quote stands on its own (depth 0) at its place.
    A position made inside quoted words (a reported statement whose ``in_quote`` names a direct
    one) is listed likewise right under its quote, one level deeper than the quote.
    """
    admitted = filtered_statements(statements, statement_filter)
    shown = set(admitted)

    def parent(index: int) -> int | None:
        statement = statements[index]
        owner = statement.within if statement.within is not None else statement.in_quote
        if owner is None or owner == index or not 0 <= owner < len(statements):
            return None
        return owner if owner in shown else None

    children: dict[int, list[int]] = {}
    for index in admitted:
        if (owner := parent(index)) is not None:
            children.setdefault(owner, []).append(index)
    rows: list[tuple[int, int]] = []

    def add(index: int, depth: int, seen: frozenset[int]) -> None:
        rows.append((index, depth))
        for child in children.get(index, []):
            if child not in seen:  # links never loop in an analysis; a hand-edited JSON might
                add(child, depth + 1, seen | {child})

    for index in admitted:
        if parent(index) is None:
            add(index, 0, frozenset({index}))
    return rows


def describe_filter(statement_filter: StatementFilter, analysis: Analysis | None) -> str:
    """``all statements``, ``low confidence``, ``reported statements``, ``frame: belief``,
    ``actor: Ann Lee`` (joined with `` · `` when several are set)."""
    parts: list[str] = []
    if statement_filter.actor is not None:
        actor = analysis.actor(statement_filter.actor) if analysis else None
        parts.append(f"actor: {actor.name if actor else statement_filter.actor}")
    if statement_filter.kind is not None:
        parts.append(KIND_WORDS.get(statement_filter.kind, statement_filter.kind))
    if statement_filter.frame is not None:
        parts.append(f"frame: {statement_filter.frame}")
    if statement_filter.low_confidence:
        parts.append("low confidence")
    return " · ".join(parts) or "all statements"


def filter_choices(analysis: Analysis, marked_actor: str | None = None) -> list[StatementFilter]:
    """What ``F`` cycles through: all, low confidence, direct, reported, each frame the article has,
    then each actor with statements (the marked actor first), in that order."""
    statements = analysis.statements
    choices = [StatementFilter(), StatementFilter(low_confidence=True),
               StatementFilter(kind="direct"), StatementFilter(kind="reported")]
    frames = sorted({s.frame for s in statements if s.frame}, key=_frame_rank)
    choices += [StatementFilter(frame=frame) for frame in frames]
    speakers = [actor for actor in analysis.actors if actor.statements]
    speakers.sort(key=lambda actor: (actor.id != marked_actor, -len(actor.statements), actor.name))
    choices += [StatementFilter(actor=actor.id) for actor in speakers]
    return choices


FRAME_ORDER = ("speech", "belief", "intention", "stance", "evidence")


def _frame_rank(frame: str) -> tuple[int, str]:
    return (FRAME_ORDER.index(frame) if frame in FRAME_ORDER else len(FRAME_ORDER), frame)


def set_filter(state: ReaderState, analysis: Analysis, statement_filter: StatementFilter) -> Jump:
    """Make ``statement_filter`` the active one; ``]``/``[`` then walk it from the top of the pane."""
    count = len(filtered_statements(analysis.statements, statement_filter))
    what = describe_filter(statement_filter, analysis)
    location = f"Statements: {what} ({count}) · ] and [ follow it"
    new = replace(state, statement_filter=statement_filter, quote_index=None, location=location)
    # No notice: "Filter: reported statements (11)" beside this location said it twice.
    return Jump(new)


def cycle_filter(state: ReaderState, analysis: Analysis) -> Jump:
    """``F``: the next of :func:`filter_choices` after the active filter (the first when it is not
    one of them)."""
    choices = filter_choices(analysis, state.actor_id)
    current = state.statement_filter
    following = choices[(choices.index(current) + 1) % len(choices)] if current in choices else choices[0]
    return set_filter(state, analysis, following)


def show_listed_statement(state: ReaderState, analysis: Analysis, index: int) -> Jump:
    """Go to ``analysis.statements[index]``, chosen in the Statements tab or the command palette;
    ``]``/``[`` carry on from it when it is one they walk."""
    if not 0 <= index < len(analysis.statements):
        return Jump(state)
    quote = analysis.statements[index]
    order = walk_order(analysis, state)
    position = order.index(index) if index in order else None
    listed = filtered_statements(analysis.statements, state.statement_filter)
    number = listed.index(index) + 1 if index in listed else None
    total = f" {number}/{len(listed)}" if number is not None else ""
    kind = " (reported)" if quote.kind == "reported" else ""
    who = describe_speaker(quote, analysis.actor(quote.actor))
    cue = f" · {quote.cue.text}" if quote.cue else ""
    location = f"Statement{total}{kind} · {who}{cue} · {position_group(quote)}{attribution_note(quote)}"
    new = replace(state, quote_index=position, current_quote=quote, jump_offset=quote.start,
                  location=location)
    return Jump(new, quote.start)


# -- jump history ---------------------------------------------------------------------------------

#: How many reading positions ``ctrl+o`` can go back through.
HISTORY_LIMIT = 100


@dataclass(frozen=True, slots=True)
class HistoryMove:
    """``ctrl+o``/``ctrl+n``: the new ``state``, the reading position to restore (``top``, the
    character offset to put at the top of the pane; ``None``: stay) and what to say."""

    state: ReaderState
    top: int | None
    notice: Notice | None = None


def record_jump(state: ReaderState, top: int) -> ReaderState:
    """Remember ``top`` (the reading position before a jump) for ``ctrl+o``; a new jump forgets the
    positions ``ctrl+n`` could return to, as in a browser. The same position twice is kept once."""
    back = state.back if state.back and state.back[-1] == top else (*state.back, top)
    return replace(state, back=back[-HISTORY_LIMIT:], forward=())


def move_in_history(state: ReaderState, delta: int, top: int) -> HistoryMove:
    """``ctrl+o`` (``delta`` -1): back to the position before the last jump; ``ctrl+n`` (1): forward
    again. ``top`` is the current reading position, kept for the opposite direction."""
    source, other = (state.back, state.forward) if delta < 0 else (state.forward, state.back)
    # A position equal to where the reader is would be a move that does nothing: skip it.
    while source and source[-1] == top:
        source = source[:-1]
    if not source:
        what = "No earlier jump to go back to" if delta < 0 else "No later jump to go forward to"
        return HistoryMove(state, None, Notice(what, timeout=2))
    target = source[-1]
    other = (*other, top)[-HISTORY_LIMIT:]
    back, forward = (source[:-1], other) if delta < 0 else (other, source[:-1])
    where = f"Back ({len(back)} more)" if delta < 0 else f"Forward ({len(forward)} more)"
    return HistoryMove(replace(state, back=back, forward=forward, location=where), target)


def reading_progress(scroll_y: float, max_scroll_y: float) -> int:
    """How far through the article the pane is, in percent (0-100): the bottom of the article on
    screen is 100, as in ``less``; an article that fits on one screen is 100."""
    if max_scroll_y <= 0:
        return 100
    return max(0, min(100, round(100 * scroll_y / max_scroll_y)))


def show_date(state: ReaderState, analysis: Analysis, index: int) -> Jump:
    """Go to ``analysis.dates[index]`` (chosen in the command palette); ``d``/``D`` go on from it."""
    if not 0 <= index < len(analysis.dates):
        return Jump(state)
    date = analysis.dates[index]
    value = f"{date.value} ({date.grain})" if date.value else f"no exact date ({date.grain})"
    location = f"Date {index + 1}/{len(analysis.dates)} · {date.text} → {value}"
    return Jump(replace(state, date_index=index, jump_offset=date.start, location=location), date.start)


def show_actor(state: ReaderState, analysis: Analysis, actor_id: str) -> Jump:
    """Mark an actor (as :func:`choose_actor`) and go to its first statement, else its first mention."""
    jump = choose_actor(state, analysis, actor_id)
    actor = analysis.actor(actor_id)
    if actor is None:
        return jump
    if actor.statements:
        shown = show_statement(jump.state, analysis, actor, 0)
        return replace(shown, state=replace(shown.state, location=jump.state.location))
    if actor.mention_spans:
        first = min(span.start for span in actor.mention_spans)
        return Jump(replace(jump.state, jump_offset=first), first)
    return jump


# -- links ----------------------------------------------------------------------------------------


def describe_link(link: Link, openable: bool) -> str:
    """``words → https://...``, or ``words → javascript:... (not opened: only http, https, mailto)``."""
    where = link.href if openable else f"{link.href} (not opened: only http, https and mailto links)"
    return f"{link.text} → {where}"


def navigate_link(state: ReaderState, links: Sequence[Link], openable: Sequence[bool], delta: int,
                  top: int) -> Jump:
    """``l`` (``delta`` 1) or ``L`` (-1): the next or previous link of the article; ``openable[i]``
    says whether ``links[i]`` may be opened (``O``)."""
    index, notice = _walk([link.start for link in links], state, "link", state.link_index, delta, top,
                          "links")
    if index is None:
        return Jump(state, notice=notice)
    link = links[index]
    location = f"Link {index + 1}/{len(links)} · {describe_link(link, openable[index])}"
    if openable[index]:
        location += " · O opens it"
    new = replace(state, link_index=index, jump_offset=link.start, target="link", location=location)
    return Jump(new, link.start, notice)


def link_to_open(state: ReaderState, links: Sequence[Link], visible: Sequence[bool]) -> int | None:
    """Which link ``O`` opens: the one ``l``/``L`` stepped to while it is on screen, else the first
    link on screen at or after the reader's last target, else the first on screen; ``None`` when no
    link is on screen. ``visible[i]`` says whether ``links[i]`` is on screen."""
    current = state.link_index
    if current is not None and 0 <= current < len(links) and visible[current]:
        return current
    on_screen = [i for i, shown in enumerate(visible) if shown]
    if not on_screen:
        return None
    after = state.jump_offset
    if after is not None:
        following = [i for i in on_screen if links[i].end > after]
        if following:
            return following[0]
    return on_screen[0]
