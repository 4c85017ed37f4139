"""The reader's highlights and notes: ``h``, ``m``, ``x``, ``u``, ``H``, ``shift+up/down``, ``ctrl+e``.

:class:`ReaderNotes` owns the article's :class:`reader.notes.NoteStore` and the
little state the notes keys keep between presses (removed highlights for undo,
the highlight last acted on, the keyboard selection's steps). It is given what
it works on when it is made (the article, the pane, the Notes tab, the
decorations, and the screen it notifies on and opens dialogs over) and is told
where the reader is with each key (:class:`~reader.tui.state.ReaderState`), so
it relies on nothing it was not handed. The reading screen's ``action_*``
methods call it, which keeps the bindings (and their ids) on the screen.

Every write goes through the store, which saves it before returning, so a
reader killed right after a note is saved loses nothing. Storage problems are
notifications, never crashes: the reader keeps working without saving.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.binding import Binding, BindingType
from textual.screen import Screen

from reader.analysis.model import Analysis
from reader.corrections import CorrectionReport
from reader.errors import BylineError
from reader.export import article_file, build_export, default_export_path, render, write_export
from reader.notes import Highlight, NoteStore
from reader.sources.article import Article
from reader.theming.keys import tag_style
from reader.tui.highlights import Decorations
from reader.tui.note_targets import Span, grow_selection, highlight_target, note_marker, visible_sentence
from reader.tui.screens.export_dialog import ExportDialog, ExportRequest, shown_path
from reader.tui.state import ReaderState
from reader.tui.undo import UndoStack
from reader.tui.widgets.article_view import ArticleView, StyleLookup
from reader.tui.widgets.note_editor import NoteEditor
from reader.tui.widgets.notes_panel import NotesPanel

NOTES_BINDINGS: list[BindingType] = [
    Binding("h", "highlight", "Highlight", id="notes.highlight"),
    Binding("m,enter", "edit_note", "Note on highlight", id="notes.edit", show=False),
    Binding("x", "remove_highlight", "Remove highlight", id="notes.remove", show=False),
    Binding("u", "undo_remove", "Undo (highlight removal or correction)", id="notes.undo", show=False),
    Binding("H", "highlight_all_quotes", "Highlight all quotes", id="notes.highlight_all", show=False),
    Binding("shift+down", "extend_selection(1)", "Select a sentence more", id="notes.select.more",
            show=False),
    Binding("shift+up", "extend_selection(-1)", "Select a sentence less", id="notes.select.less",
            show=False),
    Binding("ctrl+e", "export_notes", "Export", id="notes.export", tooltip="Export highlights and notes"),
]
"""Spliced into the reading screen's ``BINDINGS`` so they appear in help, palette and keymap."""


class ReaderNotes:
    """Highlights and notes of one article in the reader (see the module docstring)."""

    def __init__(self, article: Article, *, view: ArticleView, panel: NotesPanel,
                 decorations: Decorations, host: Screen[Any], style_lookup: StyleLookup,
                 undo_stack: UndoStack | None = None) -> None:
        self.article = article
        self.view = view
        self.panel = panel
        self.decorations = decorations
        self.host = host  # notifies, and opens the note editor and the export dialog
        self.style_lookup = style_lookup
        self._store: NoteStore | None = None
        self._removed: list[Highlight] = []
        # Shared with the corrections, so that u undoes whichever came last.
        self.undo_stack = undo_stack if undo_stack is not None else UndoStack()
        # What the reader's corrections did to the analysis exports are given (the screen sets it).
        self.correction_report: Callable[[], CorrectionReport | None] = lambda: None
        self._current_highlight: str | None = None
        self._selection_steps: list[Span] = []

    @property
    def store(self) -> NoteStore:
        """The article's highlight store; :meth:`open` must have run (the screen calls it on mount)."""
        if self._store is None:
            raise RuntimeError("ReaderNotes.open() has not run yet")
        return self._store

    def _notify_error(self, message: str) -> None:
        self.host.notify(message, severity="error", timeout=10)

    # -- set-up, drawing --------------------------------------------------------------------------

    def open(self) -> None:
        """Load this article's highlights (re-anchored if the file changed) and report any problem."""
        self._store = NoteStore.open(self.article)
        for problem in self._store.problems:
            self.host.notify(problem, severity="warning", timeout=10)
        self.refresh()

    @property
    def unsaved(self) -> bool:
        """Whether the last save of highlights or notes failed (a full disk): quitting asks first."""
        return self.store.unsaved

    def refresh(self) -> None:
        """Redraw the highlights in the article and the Notes tab from the store."""
        self.decorations.set_notes(
            (h.start, h.end, note_marker(h), tag_style(h.tag)) for h in self.store.anchored
        )
        self.view.restyle()
        self.panel.show(self.store.highlights, self.article.text, self.style_lookup, self.article.structure)

    def restyle(self, style_lookup: StyleLookup) -> None:
        """Redraw the Notes tab with another theme's styles."""
        self.style_lookup = style_lookup
        self.panel.show(self.store.highlights, self.article.text, style_lookup, self.article.structure)

    # -- where the reader is ----------------------------------------------------------------------

    def target(self, state: ReaderState, analysis: Analysis | None) -> Span | None:
        """What ``h`` highlights (:func:`reader.tui.note_targets.highlight_target`): the selection, the
        statement or sentence the reader stepped to while it is on screen, or the sentence on screen."""
        view = self.view
        text = self.article.text
        structure = self.article.structure
        offset = state.jump_offset
        if offset is not None and not view.is_visible(offset):
            offset = None  # scrolling away leaves the target
        return highlight_target(
            text,
            selection=view.selected_span(),
            focus_offset=offset,
            # While only a partial analysis exists nothing is current (as drawn: see focus_of).
            current_quote=state.current_quote if analysis is not None else None,
            statements=analysis.statements if analysis else [],
            sentence_on_screen=lambda: visible_sentence(text, view.top_offset, view.is_visible, structure),
            structure=structure,
        )

    def current_highlight(self, state: ReaderState) -> Highlight | None:
        """The highlight the reader is on: the one chosen in the Notes tab while it has focus, else
        the one under the target stepped to, else the last one acted on."""
        chosen = self.panel.chosen
        if chosen is not None:
            try:
                return self.store.get(chosen)
            except KeyError:
                return None
        offset = state.jump_offset
        if offset is not None and self.view.is_visible(offset):
            found = self.store.at(offset)
            if found is not None:
                return found
        if self._current_highlight is not None:
            try:
                highlight = self.store.get(self._current_highlight)
            except KeyError:
                return None
            if not highlight.orphaned:
                return highlight
        return None

    def _select(self, highlight: Highlight) -> None:
        self._current_highlight = highlight.id
        self.panel.select(highlight.id)

    def select(self, highlight: Highlight) -> None:
        """Make ``highlight`` the one the reader is on (the Notes tab's cursor follows)."""
        self._select(highlight)

    # -- the keys ---------------------------------------------------------------------------------

    def extend_selection(self, delta: int, state: ReaderState, analysis: Analysis | None) -> None:
        """Keyboard selection: ``delta`` 1 selects the current quote or sentence, then one sentence
        more each time; -1 takes the last step back. ``h`` highlights what is selected."""
        view = self.view
        current = view.selected_span()
        if current is None or not self._selection_steps or self._selection_steps[-1] != current:
            self._selection_steps = [current] if current is not None else []
        if delta < 0:
            if self._selection_steps:
                self._selection_steps.pop()
            if self._selection_steps:
                view.select_span(*self._selection_steps[-1])
            else:
                self.host.clear_selection()
            return
        if current is None:
            target = self.target(state, analysis)
            if target is None:
                return
        else:
            grown = grow_selection(self.article.text, current, self.article.structure)
            if grown is None:
                self.host.notify("The selection reaches the end of the article", timeout=2)
                return
            target = grown
        self._selection_steps.append(target)
        view.select_span(*target)
        if not view.is_visible(target[1]):
            view.scroll_to_offset(target[1])

    def highlight(self, state: ReaderState, analysis: Analysis | None) -> None:
        target = self.target(state, analysis)
        if target is None:
            self.host.notify("Nothing to highlight here", severity="warning")
            return
        existing = self.store.find(*target)
        if existing is not None:
            self._select(existing)
            self.host.notify("Already highlighted: m writes a note, x removes it", timeout=3)
            return
        if self.view.selected_span() is not None:
            self.host.clear_selection()
        try:
            highlight = self.store.add(*target)
        except BylineError as error:
            self._notify_error(str(error))
            return
        finally:
            self.refresh()
        self._select(highlight)
        self.host.notify("Highlighted: m to write a note", timeout=3)

    def edit_note(self, state: ReaderState) -> None:
        highlight = self.current_highlight(state)
        if highlight is None:
            self.host.notify("No highlight here: press h to highlight, or pick one in the Notes tab",
                             severity="warning")
            return
        self._select(highlight)
        where = f"¶{self.article.structure.number_of(highlight.start)}"

        # Start from the store's version: another window may have saved this note meanwhile.
        self.store.refresh()
        try:
            highlight = self.store.get(highlight.id)
        except KeyError:
            self.refresh()
            self.host.notify("That highlight was removed in another window", severity="warning")
            return
        opened_with = highlight.note
        highlight_id = highlight.id

        def store(note: str) -> str | None:
            """Save from inside the editor; the editor stays open with the text when this fails."""
            try:
                self.store.set_note(highlight_id, note, opened_with=opened_with)
            except BylineError as error:
                return str(error)
            except KeyError:
                return "the highlight is gone from this article"
            return None

        def saved(note: str | None) -> None:
            if note is None:
                return
            self.refresh()
            if highlight_id in self.store.conflicts:
                self.store.conflicts.remove(highlight_id)
                self.host.notify("This note was also changed in another window: both versions are kept in it",
                                 severity="warning", timeout=8)
            else:
                self.host.notify("Note saved" if note.strip() else "Note cleared", timeout=2)

        self.host.app.push_screen(
            NoteEditor(highlight.exact, highlight.note, where=where, on_save=store), saved
        )

    def remove(self, state: ReaderState) -> None:
        highlight = self.current_highlight(state)
        if highlight is None:
            self.host.notify("No highlight here to remove", severity="warning")
            return
        try:
            removed = self.store.remove(highlight.id)
        except BylineError as error:
            self._notify_error(str(error))
            return
        finally:
            self.refresh()
        self._removed.append(removed)
        self.undo_stack.push("highlight removal", self.undo_remove)
        self._current_highlight = None
        self.host.notify("Highlight removed: u to undo", timeout=3)

    def undo_remove(self) -> None:
        if not self._removed:
            self.host.notify("Nothing to undo", severity="warning")
            return
        highlight = self._removed.pop()
        try:
            self.store.restore(highlight)
        except BylineError as error:
            self._notify_error(str(error))
        finally:
            self.refresh()
        self._select(highlight)
        self.host.notify("Highlight restored", timeout=2)

    def highlight_all_quotes(self, analysis: Analysis | None) -> None:
        if analysis is None:
            self.host.notify("The quotes are not known until the analysis is done", severity="warning")
            return
        try:
            added = self.store.add_many([(quote.start, quote.end) for quote in analysis.statements])
        except BylineError as error:
            self._notify_error(str(error))
            return
        finally:
            self.refresh()
        already = len(analysis.statements) - len(added)
        extra = f" ({already} already highlighted)" if already else ""
        self.host.notify(f"Highlighted {len(added)} quote{'s' if len(added) != 1 else ''}{extra}",
                         timeout=3)

    def open_export_dialog(self, analysis: Callable[[], Analysis | None]) -> None:
        """``ctrl+e``: ask for a format and a path, then :meth:`export` with ``analysis()`` as it is
        when the dialog closes (it may have finished meanwhile)."""

        def export(request: ExportRequest | None) -> None:
            if request is not None:
                self.export(request, analysis())

        self.host.app.push_screen(
            ExportDialog(default_export_path(self.article), protected=article_file(self.article)), export
        )

    def export(self, request: ExportRequest, analysis: Analysis | None) -> None:
        """Write the export; a failure is a notification and leaves the stored highlights alone."""
        document = build_export(self.article, analysis, self.store.highlights, all_quotes=request.all_quotes,
                                corrections=self.correction_report())
        theme = getattr(self.host.app, "reader_theme", None)  # the HTML page takes the reader's colours
        try:
            source = article_file(self.article)
            write_export(render(document, request.format, theme=theme), request.path,
                         protected=[source] if source else [], force=request.overwrite)
        except BylineError as error:
            self._notify_error(f"Export failed: {error}")
            return
        count = len(self.store.highlights)
        missing = "" if analysis is not None else " (analysis not ready: no speakers)"
        self.host.notify(f"Exported {count} highlight{'s' if count != 1 else ''} to "
                         f"{shown_path(request.path)}{missing}")

    def chosen_in_panel(self, highlight_id: str) -> int | None:
        """A highlight chosen in the Notes tab: its start offset to go to, or ``None`` (with a notice)
        when it is gone or orphaned (its text is no longer in the article)."""
        try:
            highlight = self.store.get(highlight_id)
        except KeyError:
            return None
        if highlight.orphaned:
            self.host.notify("Orphaned: its text is no longer in the article. m edits the note, x removes it",
                             timeout=4)
            return None
        self._current_highlight = highlight.id
        return highlight.start
