"""What the reader is looking at, as one immutable value, and what a key does to it.

:class:`ReaderState` holds everything the reading keys change: the current
statement, entity, date and search match, the marked actor, the layer and
statement filters, and the status-line location. The reading screen keeps it
in one Textual reactive; a watcher redraws the marks and the status line from
it, so a key only has to compute the next state. The functions that do that
(:mod:`reader.tui.navigation`) return a :class:`Jump`: the new state, where to
scroll and what to tell the reader. Nothing here imports Textual, so every rule
is unit-tested without a terminal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from reader.analysis.model import Analysis, Statement
from reader.tui.highlights import Focus, Layer

Severity = Literal["information", "warning"]
Target = Literal["quote", "entity", "date", "search"]

#: A statement below this confidence is a "low confidence" one for the Statements tab's filter: the
#: machine's guesses (a pronoun, a description, an inherited speaker, "according to" in reported
#: speech: .5 to .77), never a statement its own tag attributes (.95 direct, .85 reported). At .9 the
#: filter kept 13 of the sample's 16 statements, which is no review queue.
LOW_CONFIDENCE = 0.8


@dataclass(frozen=True, slots=True)
class StatementFilter:
    """Which statements the Statements tab lists and ``]``/``[`` walk; every field ``None``/False: all.

    ``actor``: an actor id; ``kind``: ``"direct"`` or ``"reported"``; ``frame``: ``"speech"``,
    ``"belief"``, ...; ``low_confidence``: only statements with no speaker or a confidence below
    :data:`LOW_CONFIDENCE` (the machine's guesses, to review).
    """

    actor: str | None = None
    kind: str | None = None
    frame: str | None = None
    low_confidence: bool = False

    @property
    def active(self) -> bool:
        """Whether this filter leaves anything out."""
        return bool(self.actor or self.kind or self.frame or self.low_confidence)

    def admits(self, statement: Statement) -> bool:
        """Whether ``statement`` passes every set field."""
        if self.actor is not None and statement.actor != self.actor:
            return False
        if self.kind is not None and statement.kind != self.kind:
            return False
        if self.frame is not None and statement.frame != self.frame:
            return False
        return not self.low_confidence or is_low_confidence(statement)


def is_low_confidence(statement: Statement) -> bool:
    """No speaker found, or an attribution less sure than :data:`LOW_CONFIDENCE`."""
    if statement.speaker is None and statement.actor is None:
        return True
    return statement.confidence is not None and statement.confidence < LOW_CONFIDENCE


@dataclass(frozen=True, slots=True)
class ReaderState:
    """The reader's position and filters; replaced as a whole (``dataclasses.replace``), never mutated.

    Indices are ``None`` until the reader first steps to such a target:

    - ``quote_index``: position in the quotes ``]``/``[`` walk (:func:`~reader.tui.navigation.quote_order`
      of the analysis with ``include_reported``), not an index into ``Analysis.statements``;
    - ``current_quote``: the statement drawn as current (set by ``]``/``[`` and by ``}``/``{``; kept as
      the statement itself so it survives the final analysis replacing a partial one);
    - ``actor_id``/``statement_index``: the marked actor and the position in its ``statements``;
    - ``entity_index``/``date_index``: indices into ``Analysis.entities``/``Analysis.dates``;
    - ``search_term``/``matches``/``match_index``: the search and its ``(start, end)`` matches, in
      text order;
    - ``jump_offset``: the character offset of the last target stepped to (what ``h`` acts on);
    - ``target``: which kind of target that was (``quote``, ``statement``, ``entity``, ``date``,
      ``match``, ``link``; ``None`` before any, or when the reader scrolled away from it): a key of the same
      kind steps on from its own current target, any other key from the reading position
      (:func:`~reader.tui.navigation.origin`);
    - ``hidden_layers``: the highlight layers switched off with ``1``-``4``;
    - ``location``: the status line's left part (``""``: the screen's default summary);
    - ``statement_filter``: what the Statements tab lists and, when active, what ``]``/``[`` walk;
    - ``back``/``forward``: the jump history, reading positions (the character offset at the top of
      the pane) before each jump, most recent last (``ctrl+o`` / ``ctrl+n``);
    - ``link_index``: index into the article's links of the one ``l``/``L`` stepped to last;
    - ``marked``: the kind of target stepped to last, for drawing. Only that entity, date or search
      match is drawn as current (an older one would be a stale marker); the current statement stays
      drawn, since it is the context the other targets are read in. Unlike ``target`` it is not
      cleared by scrolling away.
    """

    include_reported: bool = False
    quote_index: int | None = None
    current_quote: Statement | None = None
    actor_id: str | None = None
    statement_index: int | None = None
    entity_index: int | None = None
    date_index: int | None = None
    search_term: str = ""
    matches: tuple[tuple[int, int], ...] = ()
    match_index: int | None = None
    jump_offset: int | None = None
    target: str | None = None
    hidden_layers: frozenset[Layer] = field(default_factory=frozenset)
    location: str = ""
    statement_filter: StatementFilter = field(default_factory=StatementFilter)
    back: tuple[int, ...] = ()
    forward: tuple[int, ...] = ()
    link_index: int | None = None
    marked: Target | None = None

    @property
    def enabled_layers(self) -> set[Layer]:
        """The layers drawn, in :class:`Layer` order of declaration (a new set each time)."""
        return {layer for layer in Layer if layer not in self.hidden_layers}


@dataclass(frozen=True, slots=True)
class Notice:
    """A message for the reader (a toast): ``timeout`` in seconds, ``None`` for Textual's default."""

    text: str
    severity: Severity = "information"
    timeout: float | None = None


@dataclass(frozen=True, slots=True)
class Jump:
    """What a key does: the ``state`` to show, the character ``offset`` to scroll to the middle of the
    pane (``None``: stay), and a ``notice`` to show (``None``: nothing to say).

    A key that cannot act (no quotes, no actor chosen) returns the state it was given and a warning.
    """

    state: ReaderState
    offset: int | None = None
    notice: Notice | None = None


def focus_of(state: ReaderState, analysis: Analysis | None) -> Focus:
    """The targets to draw as current. Nothing is drawn while only a partial analysis exists: its
    statements have no speakers yet, and the final analysis replaces them."""
    focus = Focus()
    if analysis is None:
        return focus
    focus.quote = state.current_quote
    if state.marked == "entity" and state.entity_index is not None and (
            state.entity_index < len(analysis.entities)):
        entity = analysis.entities[state.entity_index]
        focus.entity = (entity.start, entity.end)
    if state.marked == "date" and state.date_index is not None and state.date_index < len(analysis.dates):
        date = analysis.dates[state.date_index]
        focus.date = (date.start, date.end)
    if state.marked == "search" and state.match_index is not None and state.match_index < len(state.matches):
        focus.search = state.matches[state.match_index]
    return focus
