"""The reading screen: header, article pane, side panel, status line and footer.

It owns the reader's state (current quote, entity, date, search match and
selected actor); the jumps themselves are in :mod:`reader.tui.jump_actions` and
the notes keys in :mod:`reader.tui.notes_actions`. The analysis runs in a thread
worker; the text is on screen before it starts, and keys that need the analysis
say so until it is done instead of failing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Input, TabbedContent, TabPane
from textual.worker import Worker, WorkerState, get_current_worker

from reader.analysis.model import Analysis, Statement
from reader.errors import BylineError
from reader.sources.article import Article
from reader.tui.highlights import Decorations, Focus, Layer
from reader.tui.jump_actions import JumpActions
from reader.tui.notes_actions import NOTES_BINDINGS, NotesActions
from reader.tui.position import load_position, save_position
from reader.tui.widgets.actors_panel import ActorsPanel
from reader.tui.widgets.article_header import ArticleHeader
from reader.tui.widgets.article_view import ArticleView, StyleLookup
from reader.tui.widgets.notes_panel import NotesPanel
from reader.tui.widgets.search_box import SearchBox
from reader.tui.widgets.status_line import StatusLine

#: Below this many columns the side panel folds away (``s`` shows it as an overlay).
NARROW_WIDTH = 100
#: How often the status line picks up the worker's progress.
PROGRESS_INTERVAL = 0.2
#: How often a moved reading position is written while reading (seconds).
POSITION_SAVE_INTERVAL = 3.0

LAYER_NAMES = {layer.name.lower(): layer for layer in Layer}


class AnalysisCancelled(Exception):
    """Raised inside the worker's progress callback to stop an analysis nobody will see."""


@dataclass(slots=True)
class Progress:
    """Written by the worker thread, read by a UI timer: no cross-thread calls that could block.

    ``partial`` is the latest partial analysis of a long text (entities and dates so far),
    drawn until the final one arrives; the keys keep waiting for the final one.
    """

    done: int = 0
    total: int = 0
    partial: Analysis | None = None


class ReaderScreen(JumpActions, NotesActions, Screen[None]):
    """Reads one article."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right_square_bracket", "navigate_quote(1)", "Next quote", id="quote.next", key_display="]"),
        Binding("left_square_bracket", "navigate_quote(-1)", "Prev quote", id="quote.previous",
                key_display="[", show=False),
        Binding("right_curly_bracket", "navigate_statement(1)", "Actor's next statement",
                id="actor.statement.next", key_display="}", show=False),
        Binding("left_curly_bracket", "navigate_statement(-1)", "Actor's previous statement",
                id="actor.statement.previous", key_display="{", show=False),
        Binding("a", "focus_actors", "Actors", id="actors.focus", show=False),
        Binding("r", "toggle_reported", "Reported speech in ] [", id="quote.reported", show=False),
        Binding("e", "navigate_entity(1)", "Next entity", id="entity.next", show=False),
        Binding("E", "navigate_entity(-1)", "Previous entity", id="entity.previous", show=False),
        Binding("d", "navigate_date(1)", "Next date", id="date.next", show=False),
        Binding("D", "navigate_date(-1)", "Previous date", id="date.previous", show=False),
        # A priority binding runs as the key arrives, so the box has focus before the keys typed
        # right after "/" are delivered (otherwise a fast "/Kursk" loses its letters). The search
        # box itself consumes "/", which takes it out of the chain while typing a term.
        Binding("slash", "open_search", "Search", id="search.open", key_display="/", priority=True),
        Binding("n", "navigate_match(1)", "Next match", id="search.next", show=False),
        Binding("N", "navigate_match(-1)", "Previous match", id="search.previous", show=False),
        Binding("j", "scroll_lines(1)", "Line down", id="scroll.line_down", show=False),
        Binding("k", "scroll_lines(-1)", "Line up", id="scroll.line_up", show=False),
        Binding("space,pagedown", "scroll_pages(1)", "Page down", id="scroll.page_down", show=False),
        Binding("b,pageup", "scroll_pages(-1)", "Page up", id="scroll.page_up", show=False),
        Binding("g,home", "scroll_edge(0)", "Top", id="scroll.top", show=False),
        Binding("G,end", "scroll_edge(1)", "Bottom", id="scroll.bottom", show=False),
        Binding("1", "toggle_layer('entities')", "Entities layer", id="layer.entities", show=False),
        Binding("2", "toggle_layer('quotes')", "Quotes layer", id="layer.quotes", show=False),
        Binding("3", "toggle_layer('dates')", "Dates layer", id="layer.dates", show=False),
        Binding("4", "toggle_layer('actor')", "Actor marks layer", id="layer.actor", show=False),
        Binding("s", "toggle_side_panel", "Panel", id="panel.toggle"),
        Binding("escape", "dismiss", "Close panel or search", id="reader.dismiss", show=False),
        Binding("tab", "app.focus_next", "Next pane", id="focus.next", show=False),
        Binding("shift+tab", "app.focus_previous", "Previous pane", id="focus.previous", show=False),
        *NOTES_BINDINGS,
    ]

    def __init__(self, article: Article, *, analysis: Analysis | None, model: str | None,
                 style_lookup: StyleLookup) -> None:
        super().__init__()
        self.article = article
        self.analysis: Analysis | None = None
        self._given_analysis = analysis
        self.model = model
        self.style_lookup = style_lookup
        self.decorations = Decorations()
        self.progress = Progress()
        self.analysis_error: str | None = None
        self.include_reported = False
        self.quote_index: int | None = None  # index into self._quote_order
        self.current_quote: Statement | None = None  # marked in the text; set by ] [ and by } {
        self.entity_index: int | None = None
        self.date_index: int | None = None
        self.match_index: int | None = None
        self.actor_id: str | None = None
        self.statement_index: int | None = None
        self.matches: list[tuple[int, int]] = []
        self.search_term = ""
        self._quote_order: list[int] = []
        # The latest partial analysis while the worker runs: its quotations (found without the
        # parse) let ] and [ work before the speakers are known.
        self.partial_analysis: Analysis | None = None
        self._location = ""
        self._saved_offset = 0
        self._progress_timer: Timer | None = None
        # Kept as an attribute, not queried: the position is saved on unmount, after the children left.
        self._view = ArticleView(article.text, paragraphs=article.structure.paragraphs, id="article")

    # -- composition ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield ArticleHeader(self.article, id="header")
        with Horizontal(id="body"):
            yield self._view
            with TabbedContent(id="side-panel"):
                with TabPane("Actors", id="actors-tab"):
                    yield ActorsPanel(id="actors")
                with TabPane("Notes", id="notes-tab"):
                    yield NotesPanel(id="notes")
        yield SearchBox(self._find, self.action_dismiss,
                        placeholder="Search the article (enter to find, escape to cancel)", id="search")
        yield StatusLine(id="status")
        yield Footer(compact=True)

    @property
    def article_view(self) -> ArticleView:
        return self._view

    @property
    def actors_panel(self) -> ActorsPanel:
        return self.query_one("#actors", ActorsPanel)

    @property
    def status_line(self) -> StatusLine:
        return self.query_one("#status", StatusLine)

    def on_mount(self) -> None:
        view = self.article_view
        view.style_lookup = self.style_lookup
        view.decorations = self.decorations
        self._saved_offset = load_position(self.article.text)
        view.restore_offset(self._saved_offset)
        self.set_interval(POSITION_SAVE_INTERVAL, self.remember_position)
        view.focus()
        self.open_notes()
        if self._given_analysis is not None:
            self.show_analysis(self._given_analysis)
        else:
            self.actors_panel.show_analysis(None, self.style_lookup)
            self._progress_timer = self.set_interval(PROGRESS_INTERVAL, self._poll_analysis)
            self.run_analysis()
        self.refresh_status()

    def on_resize(self) -> None:
        narrow = self.size.width < NARROW_WIDTH
        if narrow != self.has_class("-narrow"):
            self.set_class(narrow, "-narrow")
            self.remove_class("-panel-overlay")

    def on_unmount(self) -> None:
        self.remember_position()

    def remember_position(self) -> None:
        """Store the reading position when it moved (also every few seconds: a killed reader keeps it)."""
        offset = self.article_view.top_offset
        if offset != self._saved_offset:
            save_position(self.article.text, offset, self.article.source)
            self._saved_offset = offset

    # -- analysis ---------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="analysis", exit_on_error=False)
    def run_analysis(self) -> Analysis:
        """Analyse in a thread; progress lands in ``self.progress`` for the UI timer to show."""
        from reader.analysis import analyze  # spaCy is imported here, off the UI thread

        worker = get_current_worker()

        def report(done: int, total: int) -> None:
            if worker.is_cancelled:
                raise AnalysisCancelled
            self.progress.done, self.progress.total = done, total

        def partial(analysis: Analysis) -> None:
            if worker.is_cancelled:
                raise AnalysisCancelled
            self.progress.partial = analysis  # one reference assignment: safe to hand across threads

        return analyze(self.article, model=self.model, progress=report, on_partial=partial)

    def _poll_analysis(self) -> None:
        """Runs on the UI timer while the worker works: progress, and highlights so far."""
        partial, self.progress.partial = self.progress.partial, None
        if partial is not None and self.analysis is None:
            self.partial_analysis = partial
            self._rebuild_quote_order()
            self.decorations.layers = Decorations.from_analysis(partial).layers
            self.article_view.restyle()
        self.refresh_status()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "analysis":
            return
        if event.state == WorkerState.SUCCESS and isinstance(event.worker.result, Analysis):
            self.show_analysis(event.worker.result)
        elif event.state == WorkerState.ERROR:
            error = event.worker.error
            if isinstance(error, AnalysisCancelled):
                return
            message = str(error) if isinstance(error, BylineError) else f"{type(error).__name__}: {error}"
            self.analysis_error = message.splitlines()[0] if message else "analysis failed"
            self.notify(f"Analysis failed: {self.analysis_error}", severity="error", timeout=8)
            self.refresh_status()

    def show_analysis(self, analysis: Analysis) -> None:
        """Switch on the highlights and the panel: called with a cached analysis or the worker's."""
        self.analysis = analysis
        self.partial_analysis = None
        fresh = Decorations.from_analysis(analysis)
        self.decorations.layers = fresh.layers
        self._rebuild_quote_order()
        self._keep_current_quote(analysis)
        self.actors_panel.show_analysis(analysis, self.style_lookup)
        if self._progress_timer is not None:
            self._progress_timer.stop()
        self.article_view.restyle()
        self.refresh_status()

    def _keep_current_quote(self, analysis: Analysis) -> None:
        """After the final analysis replaces a partial one, stay on the quote the reader was at."""
        if self.current_quote is None:
            return
        start = self.current_quote.start
        order = self._quote_order
        found = next((n for n, i in enumerate(order) if analysis.statements[i].start == start), None)
        self.quote_index = found
        self.current_quote = analysis.statements[self._quote_order[found]] if found is not None else None

    def _rebuild_quote_order(self) -> None:
        source = self.analysis or self.partial_analysis
        quotes = source.statements if source else []
        order = [i for i, quote in enumerate(quotes) if self.include_reported or quote.kind == "direct"]
        self._quote_order = sorted(order, key=lambda i: quotes[i].start)

    def _need_analysis(self) -> Analysis | None:
        """The analysis, or ``None`` after telling the reader why the key cannot work yet."""
        if self.analysis is not None:
            return self.analysis
        if self.analysis_error:
            self.notify(f"No analysis: {self.analysis_error}", severity="warning")
        else:
            self.notify(f"Analysis still running ({self._progress_text()})", severity="warning")
        return None

    def _progress_text(self) -> str:
        if self.progress.total <= 0:
            return "loading the language model"
        return f"{100 * self.progress.done // self.progress.total}%"

    # -- status line ------------------------------------------------------------------------------

    def refresh_status(self) -> None:
        filters: list[str] = []
        off = [layer.value for layer in Layer if layer not in self.decorations.enabled]
        if off:
            filters.append("hidden: " + ", ".join(off))
        if self.include_reported:
            filters.append("quotes+reported")
        if actor := (self.analysis.actor(self.actor_id) if self.analysis else None):
            filters.append(f"actor: {actor.name}")
        if self.search_term:
            filters.append(f"search: {self.search_term!r} ({len(self.matches)})")
        if not self.article.encoding.lower().replace("_", "-").startswith("utf-8"):
            filters.append(f"encoding: {self.article.encoding}")  # the text may have been guessed
        if self.analysis is None:
            if self.analysis_error:
                filters.append("analysis failed")
            else:
                filters.append(f"analysing… {self._progress_text()}")
        location = self._location or self._default_location()
        self.status_line.show(location, " · ".join(filters))

    def _default_location(self) -> str:
        if self.analysis is None:
            return "Reading"
        direct = sum(1 for quote in self.analysis.statements if quote.kind == "direct")
        return (
            f"{direct} quotes, {len(self.analysis.statements) - direct} reported statements, "
            f"{len(self.analysis.actors)} actors · ] next quote · ? help"
        )

    def _set_location(self, text: str) -> None:
        self._location = text
        self.refresh_status()

    def _focus_changed(self) -> None:
        self.decorations.set_focus(self._current_focus())
        self.article_view.restyle()

    def _current_focus(self) -> Focus:
        focus = Focus()
        analysis = self.analysis
        if analysis is None:
            return focus
        focus.quote = self.current_quote
        if self.entity_index is not None and analysis.entities:
            entity = analysis.entities[self.entity_index]
            focus.entity = (entity.start, entity.end)
        if self.date_index is not None and analysis.dates:
            date = analysis.dates[self.date_index]
            focus.date = (date.start, date.end)
        if self.match_index is not None and self.matches:
            focus.search = self.matches[self.match_index]
        return focus

    def _jump(self, offset: int) -> None:
        self._focus_changed()
        self.jump_offset = offset  # where the reader now is: what the notes keys act on
        self.article_view.scroll_to_offset(offset)

    # -- messages from the panel and the search box ------------------------------------------------

    @on(ActorsPanel.ActorChosen)
    def select_actor(self, event: ActorsPanel.ActorChosen) -> None:
        self.choose_actor(event.actor_id)

    @on(ActorsPanel.StatementChosen)
    def jump_to_statement(self, event: ActorsPanel.StatementChosen) -> None:
        if self.actor_id != event.actor_id:
            self.choose_actor(event.actor_id)
        actor = self.analysis.actor(event.actor_id) if self.analysis else None
        if actor is not None and event.quote_index in actor.statements:
            self.show_statement(actor, actor.statements.index(event.quote_index))

    def _find(self, term: str) -> None:
        """``enter`` in the search box."""
        self._close_search()
        self.search(term)

    # -- movement, layers, panel ------------------------------------------------------------------

    def action_scroll_lines(self, delta: int) -> None:
        view = self.article_view
        view.scroll_to(y=view.scroll_y + delta, animate=False, immediate=True, force=True)

    def action_scroll_pages(self, delta: int) -> None:
        view = self.article_view
        page = max(1, view.scrollable_content_region.height - 1)
        view.scroll_to(y=view.scroll_y + delta * page, animate=False, immediate=True, force=True)

    def action_scroll_edge(self, end: int) -> None:
        view = self.article_view
        view.scroll_to(y=view.max_scroll_y if end else 0, animate=False, immediate=True, force=True)

    def action_toggle_layer(self, name: str) -> None:
        layer = LAYER_NAMES[name]
        enabled = self.decorations.enabled
        if layer in enabled:
            enabled.discard(layer)
        else:
            enabled.add(layer)
        self.article_view.restyle()
        state = "shown" if layer in enabled else "hidden"
        self.notify(f"{layer.value.capitalize()} {state}", timeout=2)
        self.refresh_status()

    def action_toggle_side_panel(self) -> None:
        if self.has_class("-narrow"):
            self.toggle_class("-panel-overlay")
            showing = self.has_class("-panel-overlay")
        else:
            self.toggle_class("-panel-hidden")
            showing = not self.has_class("-panel-hidden")
        if showing:
            self.actors_panel.focus()
        else:
            self.article_view.focus()

    def action_dismiss(self) -> None:
        if self.has_class("-searching"):
            self._close_search()
        elif self.has_class("-panel-overlay"):
            self.remove_class("-panel-overlay")
        self.article_view.focus()

    def _close_search(self) -> None:
        """Hide the box and give the text focus now (not on the next refresh; see open_search)."""
        self.remove_class("-searching")
        self.query_one("#search", Input).display = False
        self.app.set_focus(self.article_view)

    # -- theme ------------------------------------------------------------------------------------

    def restyle(self, style_lookup: StyleLookup) -> None:
        """Redraw the highlights and the panel with another theme."""
        self.style_lookup = style_lookup
        self.article_view.style_lookup = style_lookup
        self.article_view.restyle()
        self.actors_panel.restyle(style_lookup)
        self.restyle_notes(style_lookup)
