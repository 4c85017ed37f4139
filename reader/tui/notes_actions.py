"""The reader's highlight and note keys: ``h``, ``m``/``enter``, ``x``, ``u``, ``ctrl+e``, ``H``.

:class:`NotesActions` is mixed into the reading screen, which owns what is
being read (the article, the analysis, the focused quote, the article pane).
Keeping the keys here keeps the screen about reading, and keeps every write
to the highlight store in one place: each change goes through
:class:`reader.notes.NoteStore`, which saves it before returning, so a reader
killed right after a note is saved loses nothing. Storage problems are
notifications, never crashes: the reader keeps working without saving.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding, BindingType

from reader.errors import BylineError
from reader.export import (
    article_file,
    build_export,
    default_export_path,
    paragraph_number,
    paragraph_starts,
    render,
    write_export,
)
from reader.notes import Highlight, NoteStore, sentence_span
from reader.tui.screens.export_dialog import ExportDialog, ExportRequest
from reader.tui.widgets.note_editor import NoteEditor
from reader.tui.widgets.notes_panel import NotesPanel

if TYPE_CHECKING:
    from reader.analysis.model import Analysis, Statement
    from reader.sources.article import Article
    from reader.tui.highlights import Decorations
    from reader.tui.widgets.article_view import ArticleView, StyleLookup

NOTES_BINDINGS: list[BindingType] = [
    Binding("h", "highlight", "Highlight", id="notes.highlight"),
    Binding("m,enter", "edit_note", "Note on highlight", id="notes.edit", show=False),
    Binding("x", "remove_highlight", "Remove highlight", id="notes.remove", show=False),
    Binding("u", "undo_remove", "Undo remove highlight", id="notes.undo", show=False),
    Binding("H", "highlight_all_quotes", "Highlight all quotes", id="notes.highlight_all", show=False),
    Binding("shift+down", "extend_selection(1)", "Select a sentence more", id="notes.select.more",
            show=False),
    Binding("shift+up", "extend_selection(-1)", "Select a sentence less", id="notes.select.less",
            show=False),
    Binding("ctrl+e", "export_notes", "Export", id="notes.export", tooltip="Export highlights and notes"),
]
"""Spliced into the reading screen's ``BINDINGS`` so they appear in help, palette and keymap."""


def note_marker(highlight: Highlight) -> int | None:
    """Where a highlight shows that it carries a note: its last visible character (``None``: no note)."""
    if not highlight.note.strip():
        return None
    visible = highlight.exact.rstrip()
    return highlight.start + len(visible) - 1 if visible else None


class NotesActions:
    """Highlight and note actions for the reading screen (a mixin: see the module docstring)."""

    # Provided by the reading screen this is mixed into (with Textual's notify, query_one and app).
    article: Article
    analysis: Analysis | None
    decorations: Decorations
    style_lookup: StyleLookup
    article_view: ArticleView

    #: The offset of the last quote, statement, entity, date or match the reader stepped to
    #: (set by the screen's ``_jump``), or of the highlight chosen in the Notes tab.
    jump_offset: int | None = None

    notes: NoteStore
    _removed: list[Highlight]
    _current_highlight: str | None
    _selection_steps: list[tuple[int, int]]

    # -- set-up, drawing --------------------------------------------------------------------------

    def open_notes(self) -> None:
        """Load this article's highlights (re-anchored if the file changed) and report any problem."""
        self._removed = []
        self._current_highlight = None
        self._selection_steps = []
        self.notes = NoteStore.open(self.article)
        for problem in self.notes.problems:
            self.notify(problem, severity="warning", timeout=10)
        self.refresh_notes()

    @property
    def notes_panel(self) -> NotesPanel:
        return self.query_one("#notes", NotesPanel)

    def refresh_notes(self) -> None:
        """Redraw the highlights in the article and the Notes tab from the store."""
        self.decorations.set_notes((h.start, h.end, note_marker(h)) for h in self.notes.anchored)
        self.article_view.restyle()
        self.notes_panel.show(self.notes.highlights, self.article.text, self.style_lookup)

    def restyle_notes(self, style_lookup: StyleLookup) -> None:
        self.notes_panel.show(self.notes.highlights, self.article.text, style_lookup)

    # -- where the reader is ----------------------------------------------------------------------

    def _focus_offset(self) -> int | None:
        """Where the reader stepped to last, while it is still on screen (scrolling away leaves it)."""
        offset = self.jump_offset
        if offset is None or not self.article_view.is_visible(offset):
            return None
        return offset

    def _visible_sentence(self) -> tuple[int, int]:
        """The first sentence that starts on screen (or the one running through the top line)."""
        text = self.article.text
        top = self.article_view.top_offset
        start, end = sentence_span(text, top)
        if start < top and end < len(text):
            following = end
            while following < len(text) and text[following].isspace():
                following += 1
            if following < len(text) and self.article_view.is_visible(following):
                return sentence_span(text, following)
        return start, end

    def highlight_target(self) -> tuple[int, int] | None:
        """What ``h`` highlights: the selection, else the current quote, else the current sentence."""
        selection = self.article_view.selected_span()
        if selection is not None:
            start, end = selection
            # A selection dragged past a word usually takes the space after it too.
            text = self.article.text
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            return (start, end) if end > start else None
        offset = self._focus_offset()
        if offset is None:
            span = self._visible_sentence()
            return span if span[1] > span[0] else None
        quote: Statement | None = self._current_focus().quote
        if quote is None or not quote.start <= offset < quote.end:
            # A statement reached from the actors panel is not "the current quote" of ] and [.
            quotes = self.analysis.statements if self.analysis else []
            quote = next((q for q in quotes if q.start == offset), None)
        if quote is not None:
            return quote.start, quote.end
        return sentence_span(self.article.text, offset)

    def current_highlight(self) -> Highlight | None:
        """The highlight the reader is on: the one chosen in the Notes tab while it has focus, else
        the one under the current quote or match, else the last one acted on."""
        chosen = self.notes_panel.chosen
        if chosen is not None:
            try:
                return self.notes.get(chosen)
            except KeyError:
                return None
        offset = self._focus_offset()
        if offset is not None and (found := self.notes.at(offset)) is not None:
            return found
        if self._current_highlight is not None:
            try:
                highlight = self.notes.get(self._current_highlight)
            except KeyError:
                return None
            if not highlight.orphaned:
                return highlight
        return None

    def _select(self, highlight: Highlight) -> None:
        self._current_highlight = highlight.id
        self.notes_panel.select(highlight.id)

    # -- the keys ---------------------------------------------------------------------------------

    def action_extend_selection(self, delta: int) -> None:
        """Keyboard selection: shift+down selects the current quote or sentence, then one sentence
        more each time; shift+up takes the last step back. ``h`` highlights what is selected."""
        view = self.article_view
        current = view.selected_span()
        if current is None or not self._selection_steps or self._selection_steps[-1] != current:
            self._selection_steps = [current] if current is not None else []
        if delta < 0:
            if self._selection_steps:
                self._selection_steps.pop()
            if self._selection_steps:
                view.select_span(*self._selection_steps[-1])
            else:
                self.clear_selection()
            return
        text = self.article.text
        if current is None:
            target = self.highlight_target()
            if target is None:
                return
        else:
            following = current[1]
            while following < len(text) and text[following].isspace():
                following += 1
            if following >= len(text):
                self.notify("The selection reaches the end of the article", timeout=2)
                return
            target = (current[0], sentence_span(text, following)[1])
        self._selection_steps.append(target)
        view.select_span(*target)
        if not view.is_visible(target[1]):
            view.scroll_to_offset(target[1])

    def action_highlight(self) -> None:
        target = self.highlight_target()
        if target is None:
            self.notify("Nothing to highlight here", severity="warning")
            return
        existing = self.notes.find(*target)
        if existing is not None:
            self._select(existing)
            self.notify("Already highlighted: m writes a note, x removes it", timeout=3)
            return
        if self.article_view.selected_span() is not None:
            self.clear_selection()
        try:
            highlight = self.notes.add(*target)
        except BylineError as error:
            self.notify(str(error), severity="error", timeout=10)
            return
        finally:
            self.refresh_notes()
        self._select(highlight)
        self.notify("Highlighted: m to write a note", timeout=3)

    def action_edit_note(self) -> None:
        highlight = self.current_highlight()
        if highlight is None:
            self.notify("No highlight here: press h to highlight, or pick one in the Notes tab",
                        severity="warning")
            return
        self._select(highlight)
        where = f"¶{paragraph_number(paragraph_starts(self.article.text), highlight.start)}"
        # Start from the store's version: another window may have saved this note meanwhile.
        self.notes.refresh()
        try:
            highlight = self.notes.get(highlight.id)
        except KeyError:
            self.refresh_notes()
            self.notify("That highlight was removed in another window", severity="warning")
            return
        opened_with = highlight.note

        def store(note: str) -> str | None:
            """Save from inside the editor; the editor stays open with the text when this fails."""
            try:
                self.notes.set_note(highlight.id, note, opened_with=opened_with)
            except BylineError as error:
                return str(error)
            except KeyError:
                return "the highlight is gone from this article"
            return None

        def saved(note: str | None) -> None:
            if note is None:
                return
            self.refresh_notes()
            if highlight.id in self.notes.conflicts:
                self.notes.conflicts.remove(highlight.id)
                self.notify("This note was also changed in another window: both versions are kept in it",
                            severity="warning", timeout=8)
            else:
                self.notify("Note saved" if note.strip() else "Note cleared", timeout=2)

        self.app.push_screen(NoteEditor(highlight.exact, highlight.note, where=where, on_save=store), saved)

    def action_remove_highlight(self) -> None:
        highlight = self.current_highlight()
        if highlight is None:
            self.notify("No highlight here to remove", severity="warning")
            return
        try:
            removed = self.notes.remove(highlight.id)
        except BylineError as error:
            self.notify(str(error), severity="error", timeout=10)
            return
        finally:
            self.refresh_notes()
        self._removed.append(removed)
        self._current_highlight = None
        self.notify("Highlight removed: u to undo", timeout=3)

    def action_undo_remove(self) -> None:
        if not self._removed:
            self.notify("Nothing to undo", severity="warning")
            return
        highlight = self._removed.pop()
        try:
            self.notes.restore(highlight)
        except BylineError as error:
            self.notify(str(error), severity="error", timeout=10)
        finally:
            self.refresh_notes()
        self._select(highlight)
        self.notify("Highlight restored", timeout=2)

    def action_highlight_all_quotes(self) -> None:
        analysis = self.analysis
        if analysis is None:
            self.notify("The quotes are not known until the analysis is done", severity="warning")
            return
        try:
            added = self.notes.add_many([(quote.start, quote.end) for quote in analysis.statements])
        except BylineError as error:
            self.notify(str(error), severity="error", timeout=10)
            return
        finally:
            self.refresh_notes()
        already = len(analysis.statements) - len(added)
        extra = f" ({already} already highlighted)" if already else ""
        self.notify(f"Highlighted {len(added)} quote{'s' if len(added) != 1 else ''}{extra}", timeout=3)

    def action_export_notes(self) -> None:
        def export(request: ExportRequest | None) -> None:
            if request is not None:
                self.export_notes(request)

        self.app.push_screen(
            ExportDialog(default_export_path(self.article), protected=article_file(self.article)), export
        )

    def export_notes(self, request: ExportRequest) -> None:
        """Write the export; a failure is a notification and leaves the stored highlights alone."""
        document = build_export(
            self.article, self.analysis, self.notes.highlights, all_quotes=request.all_quotes
        )
        try:
            source = article_file(self.article)
            write_export(render(document, request.format), request.path,
                         protected=[source] if source else [], force=request.overwrite)
        except BylineError as error:
            self.notify(f"Export failed: {error}", severity="error", timeout=10)
            return
        count = len(self.notes.highlights)
        missing = "" if self.analysis is not None else " (analysis not ready: no speakers)"
        self.notify(f"Exported {count} highlight{'s' if count != 1 else ''} to {request.path}{missing}")

    def on_notes_panel_jump(self, event: NotesPanel.Jump) -> None:
        try:
            highlight = self.notes.get(event.highlight_id)
        except KeyError:
            return
        if highlight.orphaned:
            self.notify("Orphaned: its text is no longer in the article. m edits the note, x removes it",
                        timeout=4)
            return
        self._current_highlight = highlight.id
        self.jump_offset = highlight.start
        self.article_view.scroll_to_offset(highlight.start)
        self.article_view.focus()
