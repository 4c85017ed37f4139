"""Highlight tags in the reader: ``t`` gives the highlight you are on the next tag (colour).

Tags are a small fixed set named by colour (:data:`reader.notes.HIGHLIGHT_TAGS`: green, yellow,
blue, pink), as KOReader's highlight colours; the theme says what each looks like
(``highlight.<tag>``). A tag is stored with the highlight in the notes store, drawn in the
article and the Notes tab, filtered on in the Notes tab (``f`` there) and picked out by
``byline export --tag``. ``h`` then ``t`` tags a new highlight.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

from reader.errors import BylineError
from reader.notes import next_tag
from reader.tui.reader_notes import ReaderNotes
from reader.tui.state import ReaderState

TAG_BINDINGS: list[BindingType] = [
    Binding("t", "cycle_tag", "Highlight tag", id="notes.tag", show=False),
]
"""Spliced into the reading screen's ``BINDINGS`` (help, palette and keymap list it)."""


def cycle_tag(notes: ReaderNotes, state: ReaderState) -> str | None:
    """Give the highlight the reader is on (``ReaderNotes.current_highlight``) the next tag, save it,
    redraw, and say so. Returns the new tag, or ``None`` when there is no highlight here or the
    save failed (then the tag is unchanged and the reader is told why)."""
    highlight = notes.current_highlight(state)
    if highlight is None:
        notes.host.notify("No highlight here to tag: press h to highlight first", severity="warning")
        return None
    tag = next_tag(highlight.tag)
    try:
        notes.store.set_tag(highlight.id, tag)
    except BylineError as error:
        notes.host.notify(str(error), severity="error", timeout=10)
        return None
    finally:
        notes.refresh()
    notes.select(highlight)
    notes.host.notify(f"Tag: {tag} (t for the next one)", timeout=2)
    return tag
