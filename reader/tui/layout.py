"""Wrap an article into display lines, with maps between text offsets and lines.

The article pane draws only the lines that are visible, so everything it needs
to find a line must be cheap: the wrapped layout is computed once per width as
two flat lists of offsets (``starts``/``ends``), and going from a character
offset to its line is a binary search. Every displayed character is exactly one
character of the article text, so a highlight span maps onto columns without
any re-measuring, and no text is ever parsed as markup.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len, get_character_cell_size

from reader.sources.structure import TextSpan, detect_structure

#: The reading column is never wider than this; wider terminals centre it.
MAX_READING_WIDTH = 88
#: Below this the reading column simply takes the whole pane.
MIN_READING_WIDTH = 20
#: Columns kept free on each side of the reading column when there is room.
GUTTER = 2

# Control characters would move the terminal's cursor; each is shown as one space
# so that columns and text offsets stay one-to-one. ``visible_text`` keeps newlines (paragraphs are
# found from them); ``display_text`` turns them into spaces too, for drawing.
_CONTROL = {code: " " for code in [*range(0, 32), *range(127, 160)] if code != ord("\n")}
_CONTROL_CHARS = frozenset(chr(code) for code in _CONTROL)


def reading_width(pane_width: int) -> int:
    """The width of the reading column for a pane ``pane_width`` cells wide."""
    usable = pane_width - 2 * GUTTER
    if usable < MIN_READING_WIDTH:
        return max(1, pane_width)
    return min(MAX_READING_WIDTH, usable)


def visible_text(raw: str) -> str:
    """``raw`` with control characters replaced one-for-one by spaces (newlines are kept)."""
    return raw.translate(_CONTROL)


def display_text(raw: str) -> str:
    """``raw`` as the article pane draws it: control characters and newlines replaced one-for-one
    by spaces, so that a hard-wrapped paragraph flows as one and offsets stay the text's own."""
    return visible_text(raw).replace("\n", " ")


def _fits_by_chars(paragraph: str) -> bool:
    return paragraph.isascii() or cell_len(paragraph) == len(paragraph)


def _cell_size(character: str) -> int:
    """Cells one character takes on screen, counting a control character as its stand-in space."""
    if character in _CONTROL_CHARS:
        return 1
    return get_character_cell_size(character)


def _wrap_narrow(text: str, start: int, end: int, width: int, out: list[tuple[int, int]]) -> None:
    """Greedy word wrap where one character is one cell (the common, fast case)."""
    pos = start
    while pos < end:
        if end - pos <= width:
            out.append((pos, end))
            return
        limit = pos + width
        # A space at ``limit`` means the first ``width`` characters end on a word boundary.
        brk = text.rfind(" ", pos + 1, limit + 1)
        if brk == -1:
            out.append((pos, limit))
            pos = limit
            continue
        line_end = brk
        while line_end > pos and text[line_end - 1] == " ":
            line_end -= 1
        out.append((pos, line_end))
        pos = brk + 1
        while pos < end and text[pos] == " ":
            pos += 1


def _wrap_cells(text: str, start: int, end: int, width: int, out: list[tuple[int, int]]) -> None:
    """Word wrap measuring each character's cells (wide CJK characters take two)."""
    pos = start
    while pos < end:
        cells = 0
        index = pos
        last_space = -1
        while index < end:
            size = _cell_size(text[index])
            if cells + size > width:
                break
            if text[index] == " " and index > pos:
                last_space = index
            cells += size
            index += 1
        if index >= end:
            out.append((pos, end))
            return
        if text[index] == " ":
            last_space = index
        if last_space == -1:
            index = max(index, pos + 1)  # a character wider than the column still advances
            out.append((pos, index))
            pos = index
            continue
        line_end = last_space
        while line_end > pos and text[line_end - 1] == " ":
            line_end -= 1
        out.append((pos, line_end))
        pos = last_space + 1
        while pos < end and text[pos] == " ":
            pos += 1


@dataclass(frozen=True, slots=True)
class WrappedText:
    """The article laid out at one width.

    ``starts[i]``/``ends[i]`` are the text offsets shown on display line ``i``;
    a blank line between paragraphs has ``starts[i] == ends[i]`` and ``blank[i]``.
    ``starts`` never decreases, which is what makes :meth:`line_of` a bisection.
    """

    text: str
    width: int
    starts: list[int]
    ends: list[int]
    blank: list[bool]

    @property
    def line_count(self) -> int:
        return len(self.starts)

    def line_of(self, offset: int) -> int:
        """The display line that shows character ``offset`` (O(log n))."""
        if not self.starts:
            return 0
        index = bisect_right(self.starts, offset) - 1
        index = max(0, min(index, len(self.starts) - 1))
        # A blank separator line shares its start with the paragraph's end: prefer the text line.
        while index > 0 and self.blank[index]:
            index -= 1
        return index

    def line_text(self, index: int) -> str:
        return self.text[self.starts[index] : self.ends[index]]

    def first_offset(self, index: int) -> int:
        """The text offset at the beginning of display line ``index`` (clamped)."""
        if not self.starts:
            return 0
        index = max(0, min(index, len(self.starts) - 1))
        if self.blank[index] and index + 1 < len(self.starts):
            index += 1  # a blank line's own offset is the newline that ends the paragraph above
        return self.starts[index]


def wrap_text(text: str, width: int, paragraphs: Sequence[TextSpan] | None = None) -> WrappedText:
    """Lay out ``text`` at ``width`` cells: each paragraph flows, with a blank line between paragraphs.

    ``paragraphs`` are the article's paragraph spans (``Article.structure``);
    without them they are detected from ``text``, which must then still have its
    newlines. A hard-wrapped paragraph is one flowing paragraph: its inner line
    breaks are shown as spaces. Trailing spaces are not shown.
    """
    width = max(1, width)
    if paragraphs is None:
        paragraphs = detect_structure(text).paragraphs
    shown = text.replace("\n", " ")
    spans: list[tuple[int, int]] = []
    starts: list[int] = []
    ends: list[int] = []
    blank: list[bool] = []
    for start, end in paragraphs:
        if start >= end:
            continue
        if starts:
            starts.append(ends[-1])
            ends.append(ends[-1])
            blank.append(True)
        paragraph = shown[start:end]
        spans.clear()
        if _fits_by_chars(paragraph):
            _wrap_narrow(shown, start, end, width, spans)
        else:
            _wrap_cells(shown, start, end, width, spans)
        for line_start, line_end in spans:
            starts.append(line_start)
            ends.append(line_end)
            blank.append(False)
    return WrappedText(text=shown, width=width, starts=starts, ends=ends, blank=blank)
