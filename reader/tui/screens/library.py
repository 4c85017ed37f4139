"""``byline DIR``: the articles of a folder in a table, analysed in the background.

The table fills in as the articles load (title, date, word count), then a
worker thread has them analysed one by one (cache first, else in the analysis
process of :mod:`reader.tui.analysis_runner`), so a folder opened before costs
a file read per article and no spaCy. A progress
bar counts characters across the whole folder. ``enter`` opens the article
under the cursor in the reader (with its analysis when it is ready) and
``escape`` in the reader comes back here. While a reader is open the folder's
analysis pauses (the one in progress is stopped and redone later): the article
being read gets the CPU, and the analysis process serves one article at a
time.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Footer, ProgressBar, Static, TabbedContent, TabPane
from textual.worker import Worker, WorkerState, get_current_worker

from reader.analysis.model import Analysis
from reader.corrections.stored import NotesIndex, with_stored_corrections
from reader.errors import BylineError
from reader.notes.model import content_hash
from reader.notes.store import notes_dir
from reader.safe_text import terminal_safe
from reader.sources.article import Article
from reader.tui import navigation
from reader.tui.analysis_runner import AnalysisCancelled, run_analysis
from reader.tui.screens.library_actors import ActorsPane, ActorStatementsScreen, FolderActors, StatementRef
from reader.tui.screens.reader import ReaderScreen
from reader.tui.state import Jump
from reader.tui.widgets.article_view import StyleLookup

#: How often the progress bar picks up the worker's progress.
PROGRESS_INTERVAL = 0.2
COLUMNS = (("Title", "title"), ("Date", "date"), ("Words", "words"), ("Quotes", "quotes"),
           ("Actors", "actors"), ("Notes", "notes"), ("File", "file"))
#: Fixed widths; the title takes what is left of the screen (and the file name up to FILE_MAX_WIDTH).
FIXED_WIDTHS = {"date": 10, "words": 7, "quotes": 6, "actors": 6, "notes": 5}
FILE_MAX_WIDTH = 32
TITLE_MIN_WIDTH = 16
CELL_PADDING = 2
PENDING = "…"
#: While the folder is being analysed, the shown Actors tab is rebuilt at most this often (seconds).
ACTORS_REFRESH_INTERVAL = 2.0
#: How often a paused worker looks whether the reader was closed.
PAUSE_POLL = 0.1


def highlight_count(article: Article) -> int:
    """How many highlights are saved for this article's text, read without opening its store (which
    may carry notes over or move a file aside): 0 when there is no readable store."""
    file = notes_dir() / f"{content_hash(article.text)}.json"
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return 0
    highlights = data.get("highlights") if isinstance(data, dict) else None
    return len(highlights) if isinstance(highlights, list) else 0


@dataclass(slots=True)
class LibraryEntry:
    """One row: an article file, and what is known about it so far."""

    path: Path
    article: Article | None = None
    error: str | None = None
    analysis: Analysis | None = None
    analysis_error: str | None = None
    #: Highlights saved for this article's text (0: none).
    notes: int = 0

    @property
    def words(self) -> int:
        return len(self.article.text[self.article.body_start :].split()) if self.article else 0

    def cells(self) -> tuple[Text, ...]:
        """The row's cells as Text objects: titles are article data, never markup."""
        if self.article is None:
            problem = self.error or "loading…"
            blank = Text("")
            return (Text(terminal_safe(problem), style="italic"), blank, blank, blank, blank, blank,
                    Text(terminal_safe(self.path.name)))
        article = self.article
        title = article.title or self.path.stem.replace("-", " ").replace("_", " ")
        if self.analysis is not None:
            quotes, actors = str(len(self.analysis.statements)), str(len(self.analysis.actors))
        elif self.analysis_error:
            quotes, actors = "!", "!"
        else:
            quotes, actors = PENDING, PENDING
        return (
            Text(terminal_safe(" ".join(title.split())), no_wrap=True, overflow="ellipsis"),
            Text(terminal_safe(article.published or "")),
            Text(f"{self.words:,}", justify="right"),
            Text(quotes, justify="right"),
            Text(actors, justify="right"),
            Text(str(self.notes) if self.notes else "", justify="right"),
            Text(terminal_safe(self.path.name), style="dim", no_wrap=True, overflow="ellipsis"),
        )


@dataclass(slots=True)
class FolderProgress:
    """Written by the worker thread, read by a UI timer (no cross-thread calls that could block)."""

    done_chars: int = 0
    total_chars: int = 0
    analysed: int = 0
    current: str = ""
    finished: bool = False
    counts: dict[str, int] = field(default_factory=dict)


class LibraryReaderScreen(ReaderScreen):
    """The reader, opened from the library: ``escape`` with nothing else to close goes back."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *(binding for binding in ReaderScreen.BINDINGS
          if not (isinstance(binding, Binding) and binding.id == "reader.dismiss")),
        Binding("escape", "close_overlay", "Close panel or search; back to the library", id="reader.dismiss",
                show=False),
    ]

    def __init__(self, article: Article, *, analysis: Analysis | None, model: str | None,
                 style_lookup: StyleLookup, statement: int | None = None) -> None:
        super().__init__(article, analysis=analysis, model=model, style_lookup=style_lookup)
        self.start_statement = statement

    def on_mount(self) -> None:
        super().on_mount()
        if self.start_statement is not None:
            self.call_after_refresh(self.go_to_statement, self.start_statement)

    def go_to_statement(self, number: int) -> None:
        """Make statement ``number`` current and scroll to it (opened from an actor's statements)."""
        analysis = self.analysis
        if analysis is None or not 0 <= number < len(analysis.statements):
            return
        statement = analysis.statements[number]
        actor = analysis.actor(statement.actor) if statement.actor else None
        if actor is not None and number in actor.statements:
            self.choose_actor(actor.id)
            self.apply(navigation.show_statement(self.state, analysis, actor, actor.statements.index(number)))
        else:
            order = navigation.quote_order(analysis.statements, self.state.include_reported)
            self.apply(Jump(replace(self.state, current_quote=statement, jump_offset=statement.start,
                                    quote_index=order.index(number) if number in order else None),
                            statement.start))

    def action_close_overlay(self) -> None:
        if self.has_something_to_close():
            super().action_close_overlay()
        else:
            self.app.pop_screen()


class LibraryTable(DataTable[Text]):
    """The articles table; its ``enter`` (select the row) is the library's "Open", with an id for keymaps."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Open", id="library.open"),
    ]


class LibraryScreen(Screen[None]):
    """Every article in a folder; ``enter`` opens one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor(1)", "Down", id="library.down", show=False),
        Binding("k", "cursor(-1)", "Up", id="library.up", show=False),
        Binding("A", "toggle_actors", "Actors", id="library.actors"),
    ]

    DEFAULT_CSS = """
    LibraryScreen { layout: vertical; background: $background; }
    LibraryScreen #library-header { background: $panel; color: $foreground; padding: 0 2; height: 1; }
    LibraryScreen #library-tabs { height: 1fr; }
    LibraryScreen #library-tabs > ContentSwitcher { height: 1fr; }
    LibraryScreen TabPane { height: 1fr; padding: 0; }
    LibraryScreen #library-table { height: 1fr; background: $background; }
    LibraryScreen #library-progress-row { height: 1; padding: 0 2; background: $panel; }
    LibraryScreen #library-progress { width: 40; }
    LibraryScreen #library-status { width: 1fr; color: $text-muted; padding: 0 0 0 2; }
    """

    def __init__(self, paths: Sequence[Path], *, folder: Path, model: str | None,
                 style_lookup: StyleLookup) -> None:
        super().__init__()
        self.folder = folder
        self.model = model
        self.style_lookup = style_lookup
        self.entries = [LibraryEntry(Path(path)) for path in paths]
        self.progress = FolderProgress()
        self._paused = threading.Event()
        self._open_reader: tuple[int, ReaderScreen] | None = None
        #: Row index -> (the analysis as computed, with the stored corrections applied), see refresh_actors.
        self._corrected: dict[int, tuple[Analysis, Analysis]] = {}
        #: The notes folder indexed once for this library (re-read only where a notes file changed).
        self._notes = NotesIndex()
        # New analyses since the Actors tab was last drawn (it is rebuilt only when shown).
        self._actors_stale = True
        self._actors_drawn = 0.0
        # Rows opened in the reader since the library was last shown: their notes may have changed.
        self._opened: set[int] = set()

    def compose(self) -> ComposeResult:
        count = f"{len(self.entries)} article{'s' if len(self.entries) != 1 else ''}"
        header = terminal_safe(f"{self.folder} · {count} · enter opens, escape comes back, A actors")
        yield Static(Text(header), id="library-header")
        with TabbedContent(id="library-tabs", initial="tab-articles"):
            with TabPane("Articles", id="tab-articles"):
                yield LibraryTable(id="library-table", cursor_type="row", zebra_stripes=True)
            with TabPane("Actors", id="tab-actors"):
                yield ActorsPane(self.style_lookup, self.statement_dates, id="library-actors")
        with Horizontal(id="library-progress-row"):
            yield ProgressBar(id="library-progress", show_eta=False)
            yield Static("", id="library-status")
        yield Footer()

    @property
    def table(self) -> DataTable[Text]:
        return self.query_one("#library-table", DataTable)

    def on_mount(self) -> None:
        self.build_table()
        self.table.focus()
        self._timer = self.set_interval(PROGRESS_INTERVAL, self.refresh_progress)
        self.load_and_analyse()
        self.refresh_progress()

    # -- the worker -------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="library", exit_on_error=False)
    def load_and_analyse(self) -> None:
        """Load every article, then analyse each (cache first); rows update as results arrive."""
        from reader.sources import load_article

        worker = get_current_worker()
        for index, entry in enumerate(self.entries):
            if worker.is_cancelled:
                return
            try:
                entry.article = load_article(entry.path)
                entry.notes = highlight_count(entry.article)
            except BylineError as error:
                entry.error = str(error).removeprefix(f"{entry.path}: ")
            self.progress.total_chars += len(entry.article.text) if entry.article else 0
            self._update_row_from_thread(index)
        self._analyse_all(worker)

    def _analyse_all(self, worker: Worker[None]) -> None:
        pending = [index for index, entry in enumerate(self.entries) if entry.article is not None]
        finished_chars = 0
        while pending and not worker.is_cancelled:
            while self._paused.is_set() and not worker.is_cancelled:
                time.sleep(PAUSE_POLL)
            if worker.is_cancelled:
                return
            index = pending[0]
            entry = self.entries[index]
            if entry.analysis is not None:  # the reader analysed it meanwhile
                pending.pop(0)
                finished_chars += len(entry.article.text) if entry.article else 0
                self.progress.done_chars = finished_chars
                self.progress.analysed += 1
                continue
            article = entry.article
            assert article is not None
            self.progress.current = entry.path.name

            def report(done: int, total: int, base: int = finished_chars) -> None:
                self.progress.done_chars = base + done

            try:
                entry.analysis = run_analysis(
                    article, model=self.model, progress=report,
                    cancelled=lambda: worker.is_cancelled or self._paused.is_set())
            except AnalysisCancelled:
                continue  # redo this article when the reader is closed
            except BylineError as error:
                entry.analysis_error = str(error)
            except Exception as error:  # one bad article must not stop the folder
                entry.analysis_error = f"{type(error).__name__}: {error}"
            pending.pop(0)
            finished_chars += len(article.text)
            self.progress.done_chars = finished_chars
            self.progress.analysed += 1
            self._update_row_from_thread(index)
        self.progress.current = ""
        self.progress.finished = not pending

    def _update_row_from_thread(self, index: int) -> None:
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.update_row, index)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "library" and event.state == WorkerState.ERROR:
            self.notify(f"Library analysis stopped: {event.worker.error}", severity="error", timeout=8)

    # -- the table --------------------------------------------------------------------------------

    def column_widths(self, width: int) -> dict[str, int]:
        """Fixed widths for the numbers; the title gets the rest of ``width``."""
        longest_name = max((len(entry.path.name) for entry in self.entries), default=4)
        widths = {**FIXED_WIDTHS, "file": min(FILE_MAX_WIDTH, max(4, longest_name))}
        used = sum(widths.values()) + CELL_PADDING * len(COLUMNS) + 2  # + the scrollbar
        widths["title"] = max(TITLE_MIN_WIDTH, width - used)
        return widths

    def build_table(self) -> None:
        """(Re)build the table for the screen's width, keeping the cursor on the same row."""
        table = self.table
        cursor = table.cursor_row
        widths = self.column_widths(self.size.width or 80)
        table.clear(columns=True)
        for label, key in COLUMNS:
            table.add_column(label, key=key, width=widths[key])
        for index, entry in enumerate(self.entries):
            table.add_row(*entry.cells(), key=str(index))
        if self.entries:
            table.move_cursor(row=min(cursor, len(self.entries) - 1))
        self._built_width = self.size.width

    def on_resize(self) -> None:
        if self.is_mounted and getattr(self, "_built_width", None) != self.size.width:
            self.build_table()

    def update_row(self, index: int) -> None:
        """Redraw one row from its entry (the worker calls this on the UI thread)."""
        if self.entries[index].analysis is not None:
            self._actors_stale = True
        table = self.table
        for (_, key), cell in zip(COLUMNS, self.entries[index].cells(), strict=True):
            table.update_cell(str(index), key, cell)

    def refresh_progress(self) -> None:
        if (self._actors_stale and self.actors_shown
                and time.monotonic() - self._actors_drawn >= ACTORS_REFRESH_INTERVAL):
            self.refresh_actors()
        progress = self.progress
        bar = self.query_one("#library-progress", ProgressBar)
        bar.update(total=max(progress.total_chars, 1), progress=progress.done_chars)
        loaded = sum(1 for entry in self.entries if entry.article is not None)
        failed = sum(1 for entry in self.entries if entry.error)
        parts = [f"{progress.analysed}/{loaded} analysed"]
        if failed:
            parts.append(f"{failed} could not be read")
        if self._paused.is_set() and not progress.finished:
            parts.append("paused while reading")
        elif progress.current:
            parts.append(f"analysing {progress.current}")
        elif progress.finished:
            parts.append("done")
        self.query_one("#library-status", Static).update(Text(" · ".join(parts)))

    def action_cursor(self, step: int) -> None:
        table = self.table
        table.move_cursor(row=max(0, min(table.row_count - 1, table.cursor_row + step)))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.open_entry(int(str(event.row_key.value)))

    def open_entry(self, index: int, statement: int | None = None) -> None:
        """Open the article of row ``index`` in the reader, with its analysis when it is ready (at
        ``statement``, an index into its analysis's statements, when given)."""
        entry = self.entries[index]
        if entry.article is None:
            self.notify(f"{entry.path.name}: {entry.error or 'still loading'}", severity="warning")
            return
        reader = LibraryReaderScreen(entry.article, analysis=entry.analysis, model=self.model,
                                     style_lookup=self.style_lookup, statement=statement)
        self._open_reader = (index, reader)
        self._opened.add(index)
        self._paused.set()  # the article being read gets the CPU
        self.app.push_screen(reader)

    # -- the Actors tab ---------------------------------------------------------------------------

    @property
    def actors_pane(self) -> ActorsPane:
        return self.query_one("#library-actors", ActorsPane)

    @property
    def actors_shown(self) -> bool:
        return self.query_one("#library-tabs", TabbedContent).active == "tab-actors"

    def action_toggle_actors(self) -> None:
        """``A``: the Actors tab, or back to the articles."""
        tabs = self.query_one("#library-tabs", TabbedContent)
        tabs.active = "tab-articles" if self.actors_shown else "tab-actors"

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        if event.pane.id == "tab-actors":
            if self._actors_stale:
                self.refresh_actors()
            self.actors_pane.table.focus()
        else:
            self.table.focus()

    def refresh_actors(self) -> None:
        """Rebuild the Actors tab from the analyses the library has now."""
        self._actors_stale = False
        self._actors_drawn = time.monotonic()
        analysed = [(i, self._with_corrections(i, e.analysis))
                    for i, e in enumerate(self.entries) if e.analysis is not None]
        self.actors_pane.show(FolderActors.of(analysed))

    def _with_corrections(self, index: int, analysis: Analysis) -> Analysis:
        """The analysis of row ``index`` with the reader's stored corrections applied, as ``byline
        actors`` counts it; kept per row until the reader is opened on that article again."""
        cached = self._corrected.get(index)
        if cached is not None and cached[0] is analysis:
            return cached[1]
        corrected, _ = with_stored_corrections(analysis, index=self._notes)
        self._corrected[index] = (analysis, corrected)
        return corrected

    def statement_dates(self, refs: list[StatementRef]) -> list[str]:
        """The publication day of each statement's article (undated ones left out)."""
        found = []
        for ref in refs:
            analysis = self.entries[ref.entry].analysis
            if analysis is not None and analysis.published:
                found.append(analysis.published)
        return found

    def on_actors_pane_chosen(self, event: ActorsPane.Chosen) -> None:
        """``enter`` on an actor: the list of their statements across the folder."""
        pane = self.actors_pane
        actor = pane.actors.collection.actors.get(event.key)
        if actor is None:
            return
        rows = [(ref, self._statement_cells(ref)) for ref in pane.actors.statements.get(event.key, [])]
        rows.sort(key=lambda row: (row[1][0].plain or "9999", row[0].entry, row[0].statement))
        self.app.push_screen(ActorStatementsScreen(actor.name, rows, self.open_statement,
                                                   self._paused.clear))

    def _statement_cells(self, ref: StatementRef) -> tuple[Text, ...]:
        entry = self.entries[ref.entry]
        analysis = entry.analysis
        assert analysis is not None and entry.article is not None
        statement = analysis.statements[ref.statement]
        title = entry.article.title or entry.path.stem
        words = " ".join(statement.text.split())
        return (
            Text(analysis.published or ""),
            Text(terminal_safe(analysis.metadata.get("outlet", "")), no_wrap=True, overflow="ellipsis"),
            Text(terminal_safe(" ".join(title.split())), no_wrap=True, overflow="ellipsis"),
            Text(statement.kind if not statement.frame or statement.kind == "direct"
                 else f"{statement.kind} {statement.frame}"),
            Text(terminal_safe(words[:200]), no_wrap=True, overflow="ellipsis"),
        )

    def open_statement(self, ref: StatementRef) -> None:
        """Open the article of ``ref`` with the reader scrolled to the statement, which is current."""
        self.open_entry(ref.entry, statement=ref.statement)

    # -- pausing while a reader is open -----------------------------------------------------------

    def on_screen_resume(self) -> None:
        self._paused.clear()
        if self._open_reader is not None:
            index, reader = self._open_reader
            self._open_reader = None
            if self.entries[index].analysis is None and reader.raw_analysis is not None:
                # The reader finished it: keep it as computed (the reader applies corrections on top).
                self.entries[index].analysis = reader.raw_analysis
                self.update_row(index)
        for index in self._opened:
            self._corrected.pop(index, None)  # the reader may have corrected it
            self._actors_stale = True
            article = self.entries[index].article
            if article is not None:
                self.entries[index].notes = highlight_count(article)
                self.update_row(index)
        self._opened.clear()
        if self.actors_shown:
            self.actors_pane.table.focus()
        else:
            self.table.focus()

    def restyle(self, style_lookup: StyleLookup) -> None:
        self.style_lookup = style_lookup
        self.actors_pane.style_lookup = style_lookup  # the bars' outlet colours come from the theme
        self._actors_stale = True
        self._actors_drawn = 0.0
