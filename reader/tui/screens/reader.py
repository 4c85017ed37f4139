"""The reading screen: header, article pane, side panel, status line and footer.

What the reader is looking at is one :class:`~reader.tui.state.ReaderState`
in the ``state`` reactive. The keys compute the next state with the pure
functions of :mod:`reader.tui.navigation` and apply the :class:`Jump` they
return (:meth:`ReaderScreen.apply`); ``watch_state`` then redraws the marks and
the status line (whose two parts are bound to this screen's ``location`` and
``filters`` reactives). The notes keys go to :class:`reader.tui.reader_notes.ReaderNotes`.
The analysis runs in a child process, waited for by a thread worker; the text is on screen before it starts,
and keys that need the analysis say so until it is done instead of failing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.containers import Horizontal
from textual.reactive import var
from textual.timer import Timer
from textual.widgets import Input, Static, TabbedContent, TabPane
from textual.worker import Worker, WorkerState, get_current_worker

from reader.analysis.model import Analysis
from reader.analysis.phases import mark
from reader.errors import BylineError
from reader.sources.article import Article
from reader.tui import analysis_runner, navigation
from reader.tui.analysis_runner import AnalysisCancelled
from reader.tui.content_search import ContentProvider
from reader.tui.highlights import Decorations, Layer
from reader.tui.position import load_position, save_position
from reader.tui.reader_corrections import CORRECTIONS_BINDINGS, ReaderCorrections, undo_last
from reader.tui.reader_legend import LEGEND_BINDINGS, LEGEND_TAB, draw_legend, toggle_legend
from reader.tui.reader_notes import NOTES_BINDINGS, ReaderNotes
from reader.tui.reader_panel import PANEL_BINDINGS, PanelScreen, load_panel_width
from reader.tui.reader_statements import STATEMENTS_BINDINGS, ReaderStatements
from reader.tui.reader_tags import TAG_BINDINGS, cycle_tag
from reader.tui.screens.export_dialog import ExportRequest
from reader.tui.state import Jump, ReaderState, focus_of
from reader.tui.status import default_location, progress_text, status_filters
from reader.tui.undo import UndoStack
from reader.tui.widgets.actors_panel import LEGEND as ACTORS_HINT
from reader.tui.widgets.actors_panel import ActorsPanel
from reader.tui.widgets.article_header import ArticleHeader
from reader.tui.widgets.article_view import ArticleView, StyleLookup
from reader.tui.widgets.fitting_footer import FittingFooter
from reader.tui.widgets.legend import Legend
from reader.tui.widgets.notes_panel import NotesPanel
from reader.tui.widgets.search_box import SearchBox
from reader.tui.widgets.statements_panel import StatementsPanel
from reader.tui.widgets.status_line import StatusLine

#: Below this many columns the side panel folds away (``s`` shows it as an overlay).
NARROW_WIDTH = 100
#: How often the status line picks up the worker's progress.
PROGRESS_INTERVAL = 0.2
#: How often a moved reading position is written while reading (seconds).
POSITION_SAVE_INTERVAL = 3.0

LAYER_NAMES = {layer.name.lower(): layer for layer in Layer}


@dataclass(slots=True)
class Progress:
    """Written by the worker thread, read by a UI timer: no cross-thread calls that could block.

    ``partial`` is the latest partial analysis of a long text (entities and dates so far),
    drawn until the final one arrives; the keys keep waiting for the final one.
    """

    done: int = 0
    total: int = 0
    partial: Analysis | None = None


class ReaderScreen(ReaderStatements, PanelScreen):
    """Reads one article (Statements tab, copying, ``o``, jump history: :class:`ReaderStatements`;
    the side panel's width and list keys: :class:`PanelScreen`)."""

    #: The command palette also searches the article's actors, statements and dates.
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {ContentProvider}

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
        Binding("escape", "close_overlay", "Close panel or search", id="reader.dismiss", show=False),
        Binding("tab", "app.focus_next", "Next pane", id="focus.next", show=False),
        Binding("shift+tab", "app.focus_previous", "Previous pane", id="focus.previous", show=False),
        *NOTES_BINDINGS,
        *LEGEND_BINDINGS,
        *TAG_BINDINGS,
        *CORRECTIONS_BINDINGS,
        *STATEMENTS_BINDINGS,
        *PANEL_BINDINGS,
    ]

    #: Where the reader is and what is filtered; replaced whole by every key (see the module docstring).
    state: var[ReaderState] = var(ReaderState, init=False)
    #: The status line's two parts (bound to :class:`StatusLine`), derived from the state and the analysis.
    location: var[str] = var("")
    filters: var[str] = var("")

    def __init__(self, article: Article, *, analysis: Analysis | None, model: str | None,
                 style_lookup: StyleLookup) -> None:
        super().__init__()
        self.article = article
        self.analysis: Analysis | None = None
        # The analysis as computed, before the reader's corrections (self.analysis has them applied).
        self.raw_analysis: Analysis | None = None
        self._given_analysis = analysis
        self.model = model
        self.style_lookup = style_lookup
        self.decorations = Decorations()
        self.progress = Progress()
        self.analysis_error: str | None = None
        # The latest partial analysis while the worker runs: its quotations (found without the
        # parse) let ] and [ work before the speakers are known.
        self.partial_analysis: Analysis | None = None
        self._saved_offset = 0
        self._progress_timer: Timer | None = None
        # Kept as attributes, not queried: the position is saved on unmount, after the children left.
        self._view = ArticleView(article.text, paragraphs=article.structure.paragraphs, id="article")
        self._notes_panel = NotesPanel(id="notes")
        self.undo_stack = UndoStack()  # u: highlight removals and corrections, newest first
        self.notes = ReaderNotes(article, view=self._view, panel=self._notes_panel,
                                 decorations=self.decorations, host=self, style_lookup=style_lookup,
                                 undo_stack=self.undo_stack)
        self.corrections = ReaderCorrections(self, self.undo_stack)
        self.notes.correction_report = lambda: self.corrections.report
        if analysis is None:
            analysis_runner.start_early()

    # -- composition ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield ArticleHeader(self.article, id="header")
        with Horizontal(id="body"):
            yield self._view
            with TabbedContent(id="side-panel"):
                with TabPane("Actors", id="actors-tab"):
                    # Above the tree, not a row of it: a row is one line and was cut at 120x40.
                    yield Static(Text(ACTORS_HINT), id="actors-hint")
                    yield ActorsPanel(id="actors")
                with TabPane("Notes", id="notes-tab"):
                    yield self._notes_panel
                with TabPane("Statements", id="statements-tab"):
                    yield StatementsPanel(id="statements")
                with TabPane("Legend", id=LEGEND_TAB):
                    yield Legend(id="legend")
        yield SearchBox(self._find, self.action_close_overlay,
                        placeholder="Search the article (enter to find, escape to cancel)", id="search")
        yield StatusLine(id="status").data_bind(ReaderScreen.location, ReaderScreen.filters)
        yield FittingFooter()

    @property
    def article_view(self) -> ArticleView:
        return self._view

    @property
    def actors_panel(self) -> ActorsPanel:
        return self.query_one("#actors", ActorsPanel)

    @property
    def status_line(self) -> StatusLine:
        return self.query_one("#status", StatusLine)

    @property
    def notes_panel(self) -> NotesPanel:
        return self._notes_panel

    def on_mount(self) -> None:
        view = self.article_view
        view.style_lookup = self.style_lookup
        view.decorations = self.decorations
        self._saved_offset = load_position(self.article.text)
        self.panel_width = load_panel_width()
        view.restore_offset(self._saved_offset)
        self.set_interval(POSITION_SAVE_INTERVAL, self.remember_position)
        view.focus()
        self.notes.open()
        self.statements_mounted()
        if self._given_analysis is not None:
            self.show_analysis(self._given_analysis)
        else:
            self.actors_panel.show_analysis(None, self.style_lookup)
            self._progress_timer = self.set_interval(PROGRESS_INTERVAL, self._poll_analysis)
            mark("reader-mounted")
            self.run_analysis()
        self.refresh_status()

    def on_resize(self) -> None:
        narrow = self.size.width < NARROW_WIDTH
        if narrow != self.has_class("-narrow"):
            self.set_class(narrow, "-narrow")
            self.remove_class("-panel-overlay")
        self.apply_panel_width()

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
        """Analyse in the analysis process (:mod:`reader.tui.analysis_runner`), waited for in a
        thread; progress lands in ``self.progress`` for the UI timer to show. Closing the reader
        cancels the worker, which stops the analysis."""
        worker = get_current_worker()

        def report(done: int, total: int) -> None:
            self.progress.done, self.progress.total = done, total

        def partial(analysis: Analysis) -> None:
            self.progress.partial = analysis  # one reference assignment: safe to hand across threads

        return analysis_runner.run_analysis(self.article, model=self.model, progress=report,
                                            on_partial=partial, cancelled=lambda: worker.is_cancelled)

    def _poll_analysis(self) -> None:
        """Runs on the UI timer while the worker works: progress, and highlights so far."""
        partial, self.progress.partial = self.progress.partial, None
        if partial is not None and self.analysis is None:
            self.partial_analysis = partial
            self.decorations.layers = Decorations.from_analysis(partial).layers
            self.article_view.restyle()
            mark("partial-shown")
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
        """Switch on the highlights and the panel: called with a cached analysis or the worker's (and
        again after a correction); the reader's stored corrections are applied on top of it."""
        self.raw_analysis = analysis
        analysis = self.corrections.corrected(analysis)
        self.analysis = analysis
        self.partial_analysis = None
        self.decorations.layers = Decorations.from_analysis(analysis).layers
        self.actors_panel.show_analysis(analysis, self.style_lookup)
        self.refresh_statements()
        if self._progress_timer is not None:
            self._progress_timer.stop()
        # Stay on the quote the reader was at in the partial analysis (the watcher redraws it).
        self.state = navigation.keep_current_quote(self.state, analysis)
        self.article_view.restyle()
        self.refresh_status()
        mark("shown")

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
        return progress_text(self.progress.done, self.progress.total)

    # -- state: applying jumps, redrawing ---------------------------------------------------------

    def say(self, message: str) -> None:
        """A short notice at the start of the status line, until the next jump replaces the location.
        Beside the actors panel's row only when the row's own key said it (see :meth:`_leave_row`)."""
        if self.is_mounted:
            self._leave_row()
            self.status_line.notice = message

    def _leave_row(self) -> None:
        """A key about something else than the actors panel's row (``]``, ``h``...) takes the row out
        of the status line: what it says is about the text, not that row. The row's own keys (enter
        on it) run inside :meth:`about_the_row`."""
        if not self._about_row:
            self.status_line.row = ""

    def apply(self, jump: Jump) -> None:
        """Show what a key did: the new state (the watcher redraws), the scroll, then the notice.
        A jump that scrolls remembers the reading position it left (``ctrl+o`` goes back to it)."""
        state = jump.state
        if jump.offset is not None:
            state = navigation.record_jump(state, self._top)
        if self.is_mounted:
            self._leave_row()
            self.status_line.notice = ""
        self.state = state
        if jump.offset is not None:
            self.article_view.scroll_to_offset(jump.offset)
        if jump.notice is not None:
            notice = jump.notice
            self.notify(notice.text, severity=notice.severity, timeout=notice.timeout)

    def watch_state(self, old: ReaderState, new: ReaderState) -> None:
        """Redraw what depends on the state: the actor marks, search matches, layers, current targets
        and the status line."""
        decorations = self.decorations
        if new.actor_id != old.actor_id:
            decorations.mark_actor(self.analysis, new.actor_id)
        if new.matches != old.matches:
            decorations.set_search(list(new.matches))
        if new.statement_filter != old.statement_filter:
            self.statements_filter_changed()
        decorations.enabled = new.enabled_layers
        decorations.set_focus(focus_of(new, self.analysis))
        self.article_view.restyle()
        self.refresh_status()

    def refresh_status(self) -> None:
        """Recompute the status line's two parts (the bound :class:`StatusLine` shows them)."""
        state = self.state
        filters = status_filters(state, self.analysis, encoding=self.article.encoding,
                                 analysis_error=self.analysis_error, progress=self._progress_text())
        corrected = self.corrections.status(state.current_quote if self.analysis else None)
        self.filters = " · ".join(part for part in (filters, corrected, self.reading_progress_text()) if part)
        self.location = state.location or default_location(self.analysis)

    @property
    def _top(self) -> int:
        return self.article_view.top_offset

    @property
    def _here(self) -> ReaderState:
        """The state a key starts from: as it is, unless the reader scrolled the last target out of
        sight, in which case keys start from the top of the pane (see navigation.origin)."""
        state = self.state
        if state.jump_offset is not None and state.target is not None and self.article_view.laid_out \
                and not self.article_view.is_visible(state.jump_offset):
            return replace(state, target=None)
        return state

    # -- quotes, statements, entities, dates ------------------------------------------------------

    def action_navigate_quote(self, delta: int) -> None:
        # While the analysis runs, the quotations found so far can be walked already.
        partial = self.partial_analysis
        if self.analysis is None and partial is not None and navigation.quote_order(
            partial.statements, self.state.include_reported
        ):
            self.apply(navigation.navigate_quote(self._here, partial, delta, self._top, speakers_known=False))
            return
        if (analysis := self._need_analysis()) is not None:
            self.apply(navigation.navigate_quote(self._here, analysis, delta, self._top))

    def action_toggle_reported(self) -> None:
        self.apply(navigation.toggle_reported(self.state, self.analysis))

    def action_navigate_statement(self, delta: int) -> None:
        if (analysis := self._need_analysis()) is not None:
            self.apply(navigation.navigate_statement(self._here, analysis, delta, self._top))

    def action_navigate_entity(self, delta: int) -> None:
        if (analysis := self._need_analysis()) is not None:
            self.apply(navigation.navigate_entity(self._here, analysis, delta, self._top))

    def action_navigate_date(self, delta: int) -> None:
        if (analysis := self._need_analysis()) is not None:
            self.apply(navigation.navigate_date(self._here, analysis, delta, self._top))

    def choose_actor(self, actor_id: str) -> None:
        """Mark an actor's mentions and statements; ``}``/``{`` then walk the statements."""
        if self.analysis is not None:
            self.apply(navigation.choose_actor(self.state, self.analysis, actor_id))

    def action_focus_actors(self) -> None:
        if self.has_class("-narrow") and not self.has_class("-panel-overlay"):
            self.add_class("-panel-overlay")
        self.remove_class("-panel-hidden")
        self.query_one("#side-panel", TabbedContent).active = "actors-tab"
        self.actors_panel.focus()
        self.actors_panel.cursor_to_first_actor()

    @on(ActorsPanel.ActorChosen)
    def select_actor(self, event: ActorsPanel.ActorChosen) -> None:
        with self.about_the_row():
            self.choose_actor(event.actor_id)

    @on(ActorsPanel.StatementChosen)
    def jump_to_statement(self, event: ActorsPanel.StatementChosen) -> None:
        with self.about_the_row():
            self._jump_to_statement(event)

    def _jump_to_statement(self, event: ActorsPanel.StatementChosen) -> None:
        if self.state.actor_id != event.actor_id:
            self.choose_actor(event.actor_id)
        analysis = self.analysis
        actor = analysis.actor(event.actor_id) if analysis else None
        if analysis is not None and actor is not None and event.quote_index in actor.statements:
            position = actor.statements.index(event.quote_index)
            self.apply(navigation.show_statement(self.state, analysis, actor, position))

    # -- search -----------------------------------------------------------------------------------

    def action_open_search(self) -> None:
        focused = self.app.focused
        if focused is not None and focused.check_consume_key("slash", "/"):
            # "/" is a priority binding (see BINDINGS); in a text box it is just a character.
            raise SkipAction
        search = self.query_one("#search", Input)
        search.value = self.state.search_term
        self.add_class("-searching")
        # Shown and focused now, not on the next refresh: keys typed right after "/" (or pasted)
        # are already queued, and must reach the box rather than run as reader keys.
        search.display = True
        self.app.set_focus(search)

    def search(self, term: str) -> None:
        """Find every case-insensitive occurrence of ``term`` and go to the first on screen or after."""
        self.apply(navigation.search(self._here, self.article.text, term, self._top))

    @on(Input.Changed, "#search")
    def count_while_typing(self, event: Input.Changed) -> None:
        """The number of matches of what is typed so far, in the status line (found as enter finds them)."""
        term = event.value.strip()
        if not self.has_class("-searching") or not term:
            return
        count = len(navigation.find_matches(self.article.text, term))
        matches = f"{count} match{'es' if count != 1 else ''}"
        self.location = f"Search {term!r}: {matches} · enter goes to the first"

    def _find(self, term: str) -> None:
        """``enter`` in the search box."""
        self._close_search()
        self.search(term)

    def action_navigate_match(self, delta: int) -> None:
        self.apply(navigation.navigate_match(self._here, delta, self._top))

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
        self.apply(navigation.toggle_layer(self.state, LAYER_NAMES[name]))

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

    def has_something_to_close(self) -> bool:
        """Whether ``escape`` has work here: the search box, the search's marks or the overlaid panel."""
        searching = self.has_class("-searching") or bool(self.state.search_term)
        return searching or self.has_class("-panel-overlay")

    def action_close_overlay(self) -> None:
        """``escape``: close the search box (and clear the search's marks) or the overlaid panel, and go
        back to the text; with the box closed, clear the marks of the last search.

        (Not ``action_dismiss``: that is Textual's own, which pops the screen with a result.)
        """
        if self.has_class("-searching"):
            self._close_search()
            self.apply(navigation.clear_search(self.state))
            self.refresh_status()  # the count shown while typing goes
        elif self.state.search_term:
            self.apply(navigation.clear_search(self.state))
        elif self.has_class("-panel-overlay"):
            self.remove_class("-panel-overlay")
        self.article_view.focus()

    def _close_search(self) -> None:
        """Hide the box and give the text focus now (not on the next refresh; see open_search)."""
        self.remove_class("-searching")
        self.query_one("#search", Input).display = False
        self.app.set_focus(self.article_view)

    # -- highlights and notes (the work is ReaderNotes') ------------------------------------------

    def action_highlight(self) -> None:
        self.notes.highlight(self.state, self.analysis)

    def action_edit_note(self) -> None:
        self.notes.edit_note(self.state)

    def action_remove_highlight(self) -> None:
        self.notes.remove(self.state)

    def action_undo_remove(self) -> None:
        undo_last(self.undo_stack, self.notify)  # highlight removals and corrections, newest first

    def action_highlight_all_quotes(self) -> None:
        self.notes.highlight_all_quotes(self.analysis)

    def action_extend_selection(self, delta: int) -> None:
        self.notes.extend_selection(delta, self.state, self.analysis)

    def action_cycle_tag(self) -> None:
        cycle_tag(self.notes, self.state)

    def action_export_notes(self) -> None:
        self.notes.open_export_dialog(lambda: self.analysis)

    def export_notes(self, request: ExportRequest) -> None:
        """Write an export as the export dialog would (a failure is a notification)."""
        self.notes.export(request, self.analysis)

    def on_notes_panel_jump(self, event: NotesPanel.Jump) -> None:
        offset = self.notes.chosen_in_panel(event.highlight_id)
        if offset is None:
            return
        self.state = replace(navigation.record_jump(self.state, self._top), jump_offset=offset)
        self.article_view.scroll_to_offset(offset)
        self.article_view.focus()

    # -- corrections of the analysis (the work is ReaderCorrections') ---------------------------------

    def action_correct(self) -> None:
        if (analysis := self._need_analysis()) is not None:
            self.corrections.open_menu(analysis)

    def action_rename_actor(self) -> None:
        if (analysis := self._need_analysis()) is not None:
            self.corrections.rename_target(analysis)

    def action_merge_actor(self) -> None:
        if (analysis := self._need_analysis()) is not None:
            self.corrections.merge_target(analysis)

    # -- theme ------------------------------------------------------------------------------------

    def restyle(self, style_lookup: StyleLookup) -> None:
        """Redraw the highlights and the panel with another theme."""
        self.style_lookup = style_lookup
        self.article_view.style_lookup = style_lookup
        self.article_view.restyle()
        self.actors_panel.restyle(style_lookup)
        self.notes.restyle(style_lookup)
        self.refresh_statements()
        # After the refresh: the legend's samples sit on the article's background, which the new
        # theme's CSS has set by then.
        legend = self.query_one("#legend", Legend)
        self.call_after_refresh(draw_legend, legend, self.article_view, style_lookup)

    def action_toggle_legend(self) -> None:
        """``i``: the side panel's Legend tab, or back to the tab before (see ``reader_legend``)."""
        toggle_legend(self, self.query_one("#legend", Legend), self.article_view, self.style_lookup)
