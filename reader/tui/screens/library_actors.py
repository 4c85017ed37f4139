"""The library's Actors tab: who is quoted across the folder, as a table and two charts.

Actors of the folder's analysed articles are merged by canonical name with
:mod:`reader.analysis.collection` (the aggregation ``byline actors`` prints). The tab shows, most
quoted first, each actor's statements, the articles quoting them, statements per article, first
and last date, statements per outlet and roles; below, bars of each actor's share of statements
(split by outlet when the folder has several) and a timeline of statements by publication date
(of the actor under the cursor). ``enter`` opens :class:`ActorStatementsScreen`: that actor's
statements across the folder; ``enter`` there opens the article at the statement.

Nothing here analyses: the tab reads the analyses the library already has (from the cache or its
background worker) and is rebuilt only when it is shown and something new arrived.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Sparkline, Static

from reader.analysis.collection import NO_OUTLET, Collection, CollectionActor, actor_key
from reader.analysis.model import Analysis
from reader.safe_text import terminal_safe
from reader.tui.widgets.article_view import StyleLookup

if TYPE_CHECKING:
    pass

#: Actors drawn in the share chart.
CHART_ACTORS = 8
#: Rows in the actors table (the most quoted): a folder of 10^4 articles names tens of thousands.
TABLE_ACTORS = 1000
#: Width of the longest bar (a 100% share), in cells.
BAR_WIDTH = 40
#: At most this many points on the timeline; longer spans are bucketed.
TIMELINE_POINTS = 60
#: Styles (theme keys) that tell outlets apart in the bars, in order; the theme gives the colours.
OUTLET_STYLES = ("actor.person", "actor.organisation", "actor.place", "actor.group", "entity.EVENT",
                 "entity.MONEY", "quote.direct", "date")
BLOCK = "█"
PARTIAL_BLOCKS = " ▏▎▍▌▋▊▉"


@dataclass(frozen=True, slots=True)
class StatementRef:
    """One statement in the folder: the library row (``entry``) and its index in that analysis."""

    entry: int
    statement: int


@dataclass(slots=True)
class FolderActors:
    """The folder's actors (:class:`Collection`) and where each one's statements are."""

    collection: Collection = field(default_factory=Collection)
    statements: dict[str, list[StatementRef]] = field(default_factory=dict)
    outlets: Counter[str] = field(default_factory=Counter)

    @classmethod
    def of(cls, analyses: Sequence[tuple[int, Analysis]]) -> FolderActors:
        """Aggregate ``(library row, analysis)`` pairs in row order."""
        found = cls()
        for entry, analysis in analyses:
            found.collection.add_analysis(analysis)
            outlet = analysis.metadata.get("outlet") or NO_OUTLET
            for actor in analysis.actors:
                refs = found.statements.setdefault(actor_key(actor.name), [])
                refs.extend(StatementRef(entry, index) for index in actor.statements)
                found.outlets[outlet] += len(actor.statements)
        return found

    @property
    def total_statements(self) -> int:
        return sum(actor.statements for actor in self.collection.actors.values())


def share_bar(actor: CollectionActor, total: int, outlets: list[str], style_lookup: StyleLookup) -> Text:
    """The actor's share of all ``total`` statements as a bar of block characters, in segments per
    outlet (``outlets`` gives their order and colour), then the percentage and count."""
    bar = Text()
    if total <= 0:
        return bar
    for number, outlet in enumerate(outlets):
        count = actor.by_outlet.get(outlet, 0)
        if not count:
            continue
        eighths = round(count / total * BAR_WIDTH * 8)
        cells = BLOCK * (eighths // 8) + (PARTIAL_BLOCKS[eighths % 8] if eighths % 8 else "")
        bar.append(cells or "▏", style=style_lookup(OUTLET_STYLES[number % len(OUTLET_STYLES)]))
    share = actor.statements / total
    bar.append(f" {share:.0%} ({actor.statements})")
    return bar


def timeline(dates: Sequence[str], points: int = TIMELINE_POINTS) -> tuple[list[float], str]:
    """Statements per day between the first and last of ``dates`` (``YYYY-MM-DD``), bucketed into at
    most ``points`` values; with a caption naming the span and the bucket size."""
    days = sorted(dt.date.fromisoformat(d[:10]) for d in dates if _is_day(d))
    if not days:
        return [], "no dated statements"
    first, last = days[0], days[-1]
    span = (last - first).days + 1
    width = max(1, -(-span // points))  # days per bucket, rounded up
    values = [0.0] * (-(-span // width))
    for day in days:
        values[(day - first).days // width] += 1
    bucket = "day" if width == 1 else f"{width} days"
    return values, f"{first.isoformat()} … {last.isoformat()} · one bar per {bucket} · max {int(max(values))}"


def _is_day(value: str) -> bool:
    try:
        dt.date.fromisoformat(value[:10])
    except ValueError:
        return False
    return True


class ActorsTable(DataTable[Text]):
    """The folder's actors; ``enter`` lists the statements of the one under the cursor."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Statements", id="library.actor.statements"),
    ]


class ActorsPane(Vertical):
    """The Actors tab: the table, the share bars and the timeline."""

    DEFAULT_CSS = """
    ActorsPane { height: 1fr; }
    ActorsPane #library-actors-table { height: 1fr; }
    ActorsPane #library-actors-bars { height: auto; max-height: 12; padding: 0 1; }
    ActorsPane #library-timeline-caption { height: 1; padding: 0 1; color: $text-muted; }
    ActorsPane #library-timeline { height: 3; padding: 0 1; }
    """

    class Chosen(Message):
        """``enter`` on an actor: show their statements."""

        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    COLUMNS = (("Actor", "name"), ("Kind", "kind"), ("Statements", "statements"), ("Articles", "articles"),
               ("Per article", "per_article"), ("First", "first"), ("Last", "last"),
               ("By outlet", "outlets"), ("Roles", "roles"))

    def __init__(self, style_lookup: StyleLookup, dates: Callable[[list[StatementRef]], list[str]], *,
                 id: str | None = None) -> None:
        super().__init__(id=id)
        self.style_lookup = style_lookup
        self.dates = dates  # the publication day of each statement (the library knows its articles)
        self.actors = FolderActors()
        self.ranked: list[CollectionActor] = []
        self.quoted = 0  # actors quoted at least once (the table shows at most TABLE_ACTORS)

    def compose(self) -> ComposeResult:
        yield ActorsTable(id="library-actors-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="library-actors-bars")
        yield Static("", id="library-timeline-caption")
        yield Sparkline([], id="library-timeline")

    @property
    def table(self) -> ActorsTable:
        return self.query_one("#library-actors-table", ActorsTable)

    def show(self, actors: FolderActors) -> None:
        """Redraw from ``actors``, keeping the cursor on the same actor."""
        table = self.table
        current = self.current_key()
        self.actors = actors
        self.ranked = actors.collection.ranked()
        self.quoted = len(self.ranked)
        table.clear(columns=not table.columns)
        if not table.columns:
            for label, key in self.COLUMNS:
                table.add_column(label, key=key)
        self.ranked = self.ranked[:TABLE_ACTORS]
        for actor in self.ranked:
            table.add_row(*self._cells(actor), key=actor_key(actor.name))
        keys = [actor_key(a.name) for a in self.ranked]
        if current in keys:
            table.move_cursor(row=keys.index(current))
        self._draw_bars()
        self.draw_timeline()

    def current_key(self) -> str | None:
        table = self.table
        if not self.ranked or table.cursor_row >= len(self.ranked):
            return None
        return actor_key(self.ranked[table.cursor_row].name)

    def _cells(self, actor: CollectionActor) -> tuple[Text, ...]:
        per_article = actor.statements / actor.quoted_in if actor.quoted_in else 0.0
        outlets = ", ".join(f"{name} {count}" for name, count in actor.by_outlet.most_common())
        return (
            Text(terminal_safe(actor.name), no_wrap=True, overflow="ellipsis"),
            Text(actor.kind),
            Text(str(actor.statements), justify="right"),
            Text(str(actor.quoted_in), justify="right"),
            Text(f"{per_article:.1f}", justify="right"),
            Text(actor.first or ""),
            Text(actor.last or ""),
            Text(terminal_safe(outlets), no_wrap=True, overflow="ellipsis"),
            Text(terminal_safe("; ".join(sorted(actor.roles))), no_wrap=True, overflow="ellipsis"),
        )

    def _draw_bars(self) -> None:
        total = self.actors.total_statements
        outlets = [name for name, _ in self.actors.outlets.most_common()]
        lines = Text("Share of statements", style="bold")
        if self.quoted > len(self.ranked):
            lines.append(f" ({self.quoted:,} actors quoted; the table lists the {len(self.ranked):,}"
                         " most quoted)")
        if len(outlets) > 1:
            lines.append("  by outlet: ", style="bold")
            for number, outlet in enumerate(outlets):
                style = self.style_lookup(OUTLET_STYLES[number % len(OUTLET_STYLES)])
                lines.append(BLOCK, style=style)
                lines.append(f" {terminal_safe(outlet)}  ")
        chosen = self.ranked[:CHART_ACTORS]
        width = max((len(a.name) for a in chosen), default=0)
        for actor in chosen:
            lines.append("\n")
            lines.append(terminal_safe(actor.name[:24]).ljust(min(width, 24) + 1))
            lines.append_text(share_bar(actor, total, outlets, self.style_lookup))
        if not chosen:
            lines.append("\nno statements yet")
        self.query_one("#library-actors-bars", Static).update(lines)

    def draw_timeline(self) -> None:
        """The timeline of the actor under the cursor (all statements when there is none)."""
        key = self.current_key()
        refs = self.actors.statements.get(key, []) if key else []
        dates = self.dates(refs) if key else []
        values, caption = timeline(dates)
        who = self.ranked[self.table.cursor_row].name if key else "all actors"
        self.query_one("#library-timeline-caption", Static).update(
            Text(terminal_safe(f"Statements by date, {who}: {caption}")))
        self.query_one("#library-timeline", Sparkline).data = values

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table is self.table:
            self.draw_timeline()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.data_table is self.table:
            event.stop()
            self.post_message(self.Chosen(str(event.row_key.value)))


class ActorStatementsScreen(Screen[None]):
    """One actor's statements across the folder; ``enter`` opens the article at the statement,
    ``escape`` goes back to the library."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", id="library.statements.back"),
    ]

    DEFAULT_CSS = """
    ActorStatementsScreen { layout: vertical; background: $background; }
    ActorStatementsScreen #actor-statements-header { background: $panel; padding: 0 2; height: 1; }
    ActorStatementsScreen #actor-statements { height: 1fr; }
    """

    def __init__(self, name: str, rows: list[tuple[StatementRef, tuple[Text, ...]]],
                 on_open: Callable[[StatementRef], None], on_resume: Callable[[], None]) -> None:
        super().__init__()
        self.actor_name = name
        self.rows = rows
        self.on_open = on_open
        self.on_resume = on_resume

    def on_screen_resume(self) -> None:
        self.on_resume()  # back from the reader: the library's analysis may go on
        self.query_one(StatementsTable).focus()

    def compose(self) -> ComposeResult:
        count = len(self.rows)
        header = f"{self.actor_name} · {count} statement{'s' if count != 1 else ''} · enter opens the article"
        yield Static(Text(terminal_safe(header)), id="actor-statements-header")
        yield StatementsTable(id="actor-statements", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(StatementsTable)
        for label, key in (("Date", "date"), ("Outlet", "outlet"), ("Article", "article"), ("Kind", "kind"),
                           ("Statement", "text")):
            table.add_column(label, key=key)
        for number, (_, cells) in enumerate(self.rows):
            table.add_row(*cells, key=str(number))
        table.focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.on_open(self.rows[int(str(event.row_key.value))][0])


class StatementsTable(DataTable[Text]):
    """An actor's statements; ``enter`` opens one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Open at the statement", id="library.statement.open"),
    ]
