"""Which stretches of the article get which theme style, layer by layer.

The analysis gives spans (entities, quotes, dates, actors); this module turns
them into sorted, indexed runs of *style keys* (``entity.GPE``, ``quote.direct``
...) that the article pane asks for one display line at a time. It knows no
colours: the pane resolves each key through the theme (``ReaderTheme.style``).
Nothing here depends on Textual, so it is tested directly.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from enum import Enum
from itertools import accumulate, pairwise

from rich.color import ColorSystem
from rich.style import Style

from reader.analysis.model import Analysis, Statement
from reader.theming.compose import compose
from reader.theming.contrast import RGB
from reader.theming.keys import STATEMENT_STYLES

#: Drawn over the entity the reader stepped to with ``e``; the theme has no key for it,
#: so the pane shows it by inverting the entity's own colours.
FOCUS_KEY = "@focus"
#: Drawn over a statement whose speaker is a guess (inherited from an earlier statement, or a
#: resolved pronoun): the pane dims it, and the status line says why (``attribution_note``).
DIM_KEY = "@dim"
DIMMED_HOW = frozenset({"inherited", "pronoun"})
#: Drawn over the mouse or keyboard selection, with the theme's ``selection`` style.
SELECTION_KEY = "selection"

#: The pseudo-keys above as the style operations they stand for (see :func:`composed_style`).
OPERATIONS = {FOCUS_KEY: Style(reverse=True), DIM_KEY: Style(dim=True)}


def attribution_note(quote: Statement) -> str:
    """Why a statement's speaker is less sure, for the status line ("" when it is a plain tag)."""
    if quote.how not in DIMMED_HOW:
        return ""
    mention = quote.speaker_mention.text if quote.speaker_mention else None
    why = (
        f"“{mention}” resolved to the speaker"
        if quote.how == "pronoun" and mention
        else (
            "speaker carried over from the statement before"
            if quote.how == "inherited"
            else "pronoun resolved"
        )
    )
    sure = f", confidence {quote.confidence:.2f}" if quote.confidence is not None else ""
    return f" · dimmed: {why}{sure}"


class Layer(Enum):
    """The highlight layers the keys 1-4 toggle, in that order."""

    ENTITIES = "entities"
    QUOTES = "quotes"
    DATES = "dates"
    ACTOR = "actor marks"


#: The order the toggled layers are drawn in, lowest first: statements under entities and dates,
#: so an entity inside a quote keeps its own colour; the marked actor over both.
DRAW_ORDER: tuple[Layer, ...] = (Layer.QUOTES, Layer.ENTITIES, Layer.DATES, Layer.ACTOR)


def composed_style(keys: Iterable[str], lookup: Callable[[str], Style], *, ground: RGB,
                   monochrome: bool = False, system: ColorSystem = ColorSystem.TRUECOLOR) -> Style:
    """What the style keys covering one character (in drawing order) look like together.

    ``lookup`` gives the theme style of a key (``ReaderTheme.style``); ``ground`` is the colour the
    article is drawn on. The result is :func:`reader.theming.compose.compose`: both colours set, the
    text at least 4.5:1 on its background whatever the layers are (the text colour is adjusted when
    two layers meet badly), ``monochrome`` for a ``NO_COLOR`` terminal, ``system`` the terminal's
    colours (``EIGHT_BIT``: checked on the 256-colour palette).
    """
    layers = [OPERATIONS.get(key) or lookup(key) for key in keys]
    return compose(layers, text=lookup("text"), ground=ground, monochrome=monochrome, system=system)


@dataclass(frozen=True, slots=True)
class StyledRun:
    """Characters ``start``..``end`` of the text drawn with the theme style ``key``."""

    start: int
    end: int
    key: str


class RunIndex:
    """Runs sorted by start, answering "which runs touch [lo, hi)?" by bisection.

    ``_reach[i]`` is the furthest end among the first ``i + 1`` runs; it never
    decreases, so the first run that can reach past ``lo`` is found in O(log n)
    even when runs overlap (a reported statement inside a longer quote).
    """

    __slots__ = ("_reach", "_runs", "_starts")

    def __init__(self, runs: Iterable[StyledRun]) -> None:
        self._runs = sorted((run for run in runs if run.end > run.start), key=lambda run: run.start)
        self._starts = [run.start for run in self._runs]
        self._reach = list(accumulate((run.end for run in self._runs), max))

    def __len__(self) -> int:
        return len(self._runs)

    def overlapping(self, lo: int, hi: int) -> Iterator[StyledRun]:
        """The runs that share at least one character with ``[lo, hi)``, in start order."""
        index = bisect_right(self._reach, lo)
        runs = self._runs
        while index < len(runs) and runs[index].start < hi:
            run = runs[index]
            if run.end > lo:
                yield run
            index += 1


def quote_runs(quote: Statement, key: str) -> list[StyledRun]:
    """The stretches of a quote to mark: its quoted parts when it is split by a speech tag,
    otherwise the whole statement (quotation marks included)."""
    if len(quote.parts) > 1:
        return [StyledRun(part.start, part.end, key) for part in quote.parts]
    return [StyledRun(quote.start, quote.end, key)]


def attribution_runs(quote: Statement, prefix: str = "") -> list[StyledRun]:
    """The statement's speaker mention and cue, drawn with ``{prefix}speaker`` and ``{prefix}cue``."""
    runs = []
    if quote.speaker_mention is not None:
        runs.append(StyledRun(quote.speaker_mention.start, quote.speaker_mention.end, prefix + "speaker"))
    if quote.cue is not None:
        runs.append(StyledRun(quote.cue.start, quote.cue.end, prefix + "cue"))
    return runs


@dataclass(slots=True)
class Focus:
    """What the reader is looking at right now: the current statement, and the one target (entity,
    date or search match) stepped to last (:func:`reader.tui.state.focus_of` keeps only that one)."""

    quote: Statement | None = None
    entity: tuple[int, int] | None = None
    date: tuple[int, int] | None = None
    search: tuple[int, int] | None = None


@dataclass(slots=True)
class Decorations:
    """All highlight runs for one article, and which layers are switched on."""

    layers: dict[Layer, RunIndex] = field(default_factory=dict)
    enabled: set[Layer] = field(default_factory=lambda: set(Layer))
    search: RunIndex = field(default_factory=lambda: RunIndex(()))
    focus_runs: RunIndex = field(default_factory=lambda: RunIndex(()))
    current: RunIndex = field(default_factory=lambda: RunIndex(()))
    notes: RunIndex = field(default_factory=lambda: RunIndex(()))
    links: RunIndex = field(default_factory=lambda: RunIndex(()))

    @classmethod
    def from_analysis(cls, analysis: Analysis | None) -> Decorations:
        decorations = cls()
        if analysis is None:
            return decorations
        decorations.layers[Layer.ENTITIES] = RunIndex(
            StyledRun(entity.start, entity.end, f"entity.{entity.label}") for entity in analysis.entities
        )
        # A position made inside quoted words (``in_quote``: "I think the deal is dead," Smith said)
        # is drawn as the quote it lies in; it is marked only as the current statement (set_focus).
        drawn = [quote for quote in analysis.statements if quote.in_quote is None]
        decorations.layers[Layer.QUOTES] = RunIndex(
            [run for quote in drawn for run in quote_runs(quote, STATEMENT_STYLES[quote.kind])]
            + [run for quote in drawn for run in attribution_runs(quote, "statement.")]
            + [
                run
                for quote in drawn
                if quote.how in DIMMED_HOW
                for run in quote_runs(quote, DIM_KEY)
            ]
        )
        decorations.layers[Layer.DATES] = RunIndex(
            StyledRun(date.start, date.end, "date") for date in analysis.dates
        )
        return decorations

    def mark_actor(self, analysis: Analysis | None, actor_id: str | None) -> None:
        """Mark every mention and statement of one actor (``None`` clears the marks)."""
        actor = analysis.actor(actor_id) if analysis else None
        if actor is None or analysis is None:
            self.layers.pop(Layer.ACTOR, None)
            return
        runs = [StyledRun(span.start, span.end, "actor.mark") for span in actor.mention_spans]
        for index in actor.statements:
            quote = analysis.statements[index]
            runs.append(StyledRun(quote.start, quote.end, "actor.mark"))
        self.layers[Layer.ACTOR] = RunIndex(runs)

    def set_search(self, matches: list[tuple[int, int]]) -> None:
        self.search = RunIndex(StyledRun(start, end, "search.match") for start, end in matches)

    def set_focus(self, focus: Focus) -> None:
        current: list[StyledRun] = []
        if focus.quote is not None:
            current = quote_runs(focus.quote, "quote.current") + attribution_runs(focus.quote)
        self.current = RunIndex(current)
        runs: list[StyledRun] = []
        if focus.date is not None:
            runs.append(StyledRun(*focus.date, "date.current"))
        if focus.entity is not None:
            runs.append(StyledRun(*focus.entity, FOCUS_KEY))
        if focus.search is not None:
            runs.append(StyledRun(*focus.search, "search.current"))
        self.focus_runs = RunIndex(runs)

    def set_notes(self, highlights: Iterable[tuple[int, int, int | None, str]]) -> None:
        """The reader's own highlights ``(start, end, marker, key)`` (see ``note_targets.note_marker``).

        Each is drawn with its style ``key`` (its tag's, ``highlight.<tag>``); ``marker`` is the
        offset of the one character drawn with ``note.marker`` instead, where a note is attached.
        The marker's colour is chosen for the page's background, so the highlight's background is
        left off that character.
        """
        runs: list[StyledRun] = []
        for start, end, marker, key in highlights:
            if marker is None or not start <= marker < end:
                runs.append(StyledRun(start, end, key))
                continue
            runs.append(StyledRun(start, marker, key))
            runs.append(StyledRun(marker, marker + 1, "note.marker"))
            runs.append(StyledRun(marker + 1, end, key))
        self.notes = RunIndex(runs)

    def set_links(self, links: Iterable[tuple[int, int, bool]]) -> None:
        """The article's links ``(start, end, openable)``: drawn with ``link`` (underlined), or with
        ``link.inert`` when the address is one the reader never opens (``javascript:``, ``file:``)."""
        self.links = RunIndex(StyledRun(start, end, "link" if openable else "link.inert")
                              for start, end, openable in links)

    def runs_for(self, lo: int, hi: int, selection: tuple[int, int] | None = None) -> list[StyledRun]:
        """Every run touching ``[lo, hi)`` in drawing order: later runs are drawn over earlier ones.

        The order, lowest first: links, statements, entities, dates, the marked actor
        (:data:`DRAW_ORDER`, those switched on), the current statement with its speaker and cue, your
        highlights, search matches, the ``selection`` (text offsets), then the one current target
        (entity, date or match).
        """
        found: list[StyledRun] = list(self.links.overlapping(lo, hi))
        for layer in DRAW_ORDER:
            index = self.layers.get(layer)
            if index is not None and layer in self.enabled:
                found.extend(index.overlapping(lo, hi))
        found.extend(self.current.overlapping(lo, hi))
        found.extend(self.notes.overlapping(lo, hi))
        found.extend(self.search.overlapping(lo, hi))
        if selection is not None and selection[0] < hi and selection[1] > lo:
            found.append(StyledRun(max(lo, selection[0]), min(hi, selection[1]), SELECTION_KEY))
        found.extend(self.focus_runs.overlapping(lo, hi))
        return found


def style_boundaries(lo: int, hi: int, runs: list[StyledRun]) -> list[tuple[int, int, tuple[str, ...]]]:
    """Split ``[lo, hi)`` into pieces with the style keys that cover each, in drawing order.

    Pieces with no keys are included, so the pieces tile the line exactly.
    """
    cuts = {lo, hi}
    for run in runs:
        if run.start < hi and run.end > lo:
            cuts.add(max(lo, run.start))
            cuts.add(min(hi, run.end))
    ordered = sorted(cuts)
    pieces: list[tuple[int, int, tuple[str, ...]]] = []
    for start, end in pairwise(ordered):
        if start >= end:
            continue
        keys = tuple(run.key for run in runs if run.start <= start and run.end >= end)
        pieces.append((start, end, keys))
    return pieces
