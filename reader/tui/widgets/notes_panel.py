"""The "Notes" side panel: the reader's highlights and notes in text order.

Each entry shows where the highlight is (paragraph), the highlighted words
shortened to one line, and the first line of its note behind the theme's
``note.marker``. Selecting an entry posts :class:`NotesPanel.Jump`; the app
scrolls there. Orphaned highlights (their text is no longer in the article)
are listed last: there is nowhere to jump to, but their notes can still be
read, edited or removed, and nothing the reader wrote disappears silently.
Labels are ``rich.text.Text`` built from plain strings, so article text and
notes are never read as markup. Each highlight's words are drawn in its tag's
colour; ``f`` in the list shows only one tag (green, yellow, blue, pink, then
all again).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reader.notes import HIGHLIGHT_TAGS, Highlight
from reader.sources.structure import TextStructure, detect_structure
from reader.theming.keys import tag_style
from reader.tui.preview import one_line as preview_line
from reader.tui.widgets.list_keys import list_bindings

PREVIEW = 60
NOTE_MARK = "✎"


def _no_style(_key: str) -> Style:
    return Style.null()


def one_line(text: str, limit: int = PREVIEW) -> str:
    """``text`` flattened to one line of at most ``limit`` characters, cut at a word."""
    return preview_line(text, limit)


def note_label(highlight: Highlight, paragraph: int | None, style_lookup: Callable[[str], Style]) -> Text:
    """Two lines: ``¶N  highlighted words`` and, when there is a note, ``✎ its first line``."""
    where = f"¶{paragraph}" if paragraph is not None else "orphaned"
    label = Text(f"{where}  ", style=style_lookup("muted"))
    label.append(one_line(highlight.exact), style=style_lookup(tag_style(highlight.tag)))
    if highlight.note.strip():
        first_line = highlight.note.strip().splitlines()[0]
        label.append("\n")
        label.append(f"{NOTE_MARK} ", style=style_lookup("note.marker"))
        label.append(one_line(first_line, PREVIEW - 2), style=style_lookup("text"))
    return label


class NotesList(OptionList):
    """The list of highlights, with ``j`` / ``k`` / ``g`` / ``G`` as well as the arrows."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # OptionList's own enter, given an id so that the help lists it under the list.
        Binding("enter", "select", "Go to the highlight", id="notes.go", show=False),
        *list_bindings("notes"),
    ]
    #: The help screen lists this widget's keys under this heading.
    HELP_SECTION = "Notes list"
    #: The reading screen's keys that act on the entry under the list's cursor while it has focus
    #: (``ReaderNotes.current_highlight``), listed under :data:`HELP_SECTION` with these words.
    HELP_ALSO: ClassVar[dict[str, str]] = {
        "notes.edit": "Note on this highlight",
        "notes.remove": "Remove this highlight",
        "notes.tag": "Next tag for this highlight",
    }


class NotesPanel(Vertical):
    """A summary line and a list of highlights; choosing one posts :class:`Jump`."""

    DEFAULT_CSS = (Path(__file__).parent.parent / "styles" / "notes_panel.tcss").read_text(encoding="utf-8")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f", "cycle_filter", "Filter by tag", id="notes.filter"),
    ]

    class Jump(Message):
        """The reader chose a highlight in the list: show it in the article."""

        def __init__(self, highlight_id: str) -> None:
            super().__init__()
            self.highlight_id = highlight_id

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.style_lookup: Callable[[str], Style] = _no_style
        self._highlights: list[Highlight] = []
        self._all: list[Highlight] = []
        self._text = ""
        self._structure: TextStructure | None = None
        self.tag_filter: str | None = None
        """Only highlights with this tag are listed (``None``: all)."""

    def compose(self) -> ComposeResult:
        yield Static(id="notes-summary")
        yield NotesList(id="notes-list", markup=False)

    def show(
        self,
        highlights: list[Highlight],
        text: str,
        style_lookup: Callable[[str], Style] | None = None,
        structure: TextStructure | None = None,
    ) -> None:
        """List ``highlights`` (anchored in text order, then orphans), keeping the cursor on the same one.

        ``structure`` is the article's (``Article.structure``): the ``¶N`` shown is its paragraph
        number, the same the export writes. Only the tag of :attr:`tag_filter` is listed, if set.
        """
        if style_lookup is not None:
            self.style_lookup = style_lookup
        if structure is not None:
            self._structure = structure
        elif self._structure is None or text != self._text:
            self._structure = detect_structure(text)
        self._text = text
        self._all = sorted(highlights, key=lambda h: (h.orphaned, h.start, h.end))
        self._highlights = [h for h in self._all if self.tag_filter in (None, h.tag)]
        option_list = self.query_one("#notes-list", OptionList)
        kept = option_list.highlighted_option.id if option_list.highlighted_option else None
        options = []
        for highlight in self._highlights:
            paragraph = None if highlight.orphaned else self._structure.number_of(highlight.start)
            options.append(Option(note_label(highlight, paragraph, self.style_lookup), id=highlight.id))
        option_list.set_options(options)
        ids = [h.id for h in self._highlights]
        if kept in ids:
            option_list.highlighted = ids.index(kept)
        self.query_one("#notes-summary", Static).update(self._summary())

    def action_cycle_filter(self) -> None:
        """``f``: list only the next tag's highlights (all, green, yellow, blue, pink, all ...)."""
        order: list[str | None] = [None, *HIGHLIGHT_TAGS]
        self.tag_filter = order[(order.index(self.tag_filter) + 1) % len(order)]
        self.show(self._all, self._text)

    @property
    def chosen(self) -> str | None:
        """The id of the highlight under the list's cursor while the list has focus, else ``None``."""
        option_list = self.query_one("#notes-list", OptionList)
        if not option_list.has_focus or option_list.highlighted_option is None:
            return None
        return option_list.highlighted_option.id

    def select(self, highlight_id: str) -> None:
        """Move the list's cursor to ``highlight_id`` (when the reader acts on it in the article)."""
        ids = [h.id for h in self._highlights]
        if highlight_id in ids:
            self.query_one("#notes-list", OptionList).highlighted = ids.index(highlight_id)

    def _summary(self) -> Text:
        count = len(self._highlights)
        notes = sum(1 for h in self._highlights if h.note.strip())
        orphans = sum(1 for h in self._highlights if h.orphaned)
        muted = self.style_lookup("muted")
        if self.tag_filter is not None:
            summary = Text("tag ", style=muted)
            summary.append(self.tag_filter, style=self.style_lookup(tag_style(self.tag_filter)))
            summary.append(f": {count} of {len(self._all)} highlights · f: next tag", style=muted)
            return summary
        if count == 0:
            return Text("No highlights yet: press h to highlight the current quote or sentence.", style=muted)
        parts = [f"{count} highlight{'s' if count != 1 else ''}", f"{notes} note{'s' if notes != 1 else ''}"]
        if orphans:
            parts.append(f"{orphans} orphaned")
        return Text(" · ".join(parts), style=muted)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Jump(event.option.id))
