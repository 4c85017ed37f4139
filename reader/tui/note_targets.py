"""What the highlight keys act on, as pure functions of the text and the reader's focus.

``h`` highlights the selection, else the current quote, else the sentence the
reader is at; ``shift+down`` grows a keyboard selection one sentence at a time.
These rules need only offsets into the article text (no Textual), so they are
unit-tested directly; :mod:`reader.tui.reader_notes` applies them to the pane.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reader.analysis.model import Statement
from reader.notes import Highlight, sentence_span
from reader.sources.structure import TextStructure

Span = tuple[int, int]
"""``(start, end)`` character offsets into the article text, ``end`` exclusive."""


def note_marker(highlight: Highlight) -> int | None:
    """Where a highlight shows that it carries a note: its last visible character (``None``: no note)."""
    if not highlight.note.strip():
        return None
    visible = highlight.exact.rstrip()
    return highlight.start + len(visible) - 1 if visible else None


def trim_span(text: str, span: Span) -> Span | None:
    """``span`` without leading and trailing whitespace (a selection dragged past a word usually takes
    the space after it too); ``None`` when nothing but whitespace is left."""
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def next_non_space(text: str, offset: int) -> int:
    """The first offset at or after ``offset`` that is not whitespace (``len(text)`` when none is)."""
    while offset < len(text) and text[offset].isspace():
        offset += 1
    return offset


def visible_sentence(
    text: str, top: int, is_visible: Callable[[int], bool], structure: TextStructure | None = None
) -> Span:
    """The first sentence that starts on screen (or the one running through the top line).

    ``top`` is the offset at the top of the pane and ``is_visible(offset)`` says whether an offset is
    on screen; ``structure`` is the article's paragraphs (detected when not given).
    """
    start, end = sentence_span(text, top, structure)
    if start < top and end < len(text):
        following = next_non_space(text, end)
        if following < len(text) and is_visible(following):
            return sentence_span(text, following, structure)
    return start, end


def highlight_target(text: str, *, selection: Span | None, focus_offset: int | None,
                     current_quote: Statement | None, statements: Sequence[Statement],
                     sentence_on_screen: Callable[[], Span],
                     structure: TextStructure | None = None) -> Span | None:
    """What ``h`` highlights: the ``selection`` (trimmed), else the statement at ``focus_offset``
    (the target the reader stepped to, while it is on screen), else the sentence there, else
    ``sentence_on_screen()``. ``None``: nothing to highlight.

    The statement is ``current_quote`` when the focus is inside it, otherwise the one of
    ``statements`` that starts exactly there (a statement reached from the actors panel).
    """
    if selection is not None:
        return trim_span(text, selection)
    if focus_offset is None:
        span = sentence_on_screen()
        return span if span[1] > span[0] else None
    quote = current_quote
    if quote is None or not quote.start <= focus_offset < quote.end:
        quote = next((q for q in statements if q.start == focus_offset), None)
    if quote is not None:
        return quote.start, quote.end
    return sentence_span(text, focus_offset, structure)


def grow_selection(text: str, current: Span, structure: TextStructure | None = None) -> Span | None:
    """``current`` extended to the end of the next sentence; ``None`` at the end of the text."""
    following = next_non_space(text, current[1])
    if following >= len(text):
        return None
    return current[0], sentence_span(text, following, structure)[1]
