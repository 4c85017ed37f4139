"""The reader's last line of defence: no line it draws carries a raw control character.

Every widget's lines pass through the app's line filters (Textual applies them
in its styles cache, after rendering and before the terminal), so this one
filter covers every widget, present and future. Widgets show outside text
through :func:`reader.safe_text.terminal_safe`, which makes such characters
visible; this filter only removes any that slipped through, without changing a
line's width (the characters it removes take no cell; where Rich counted one as
part of a wider cluster, the segment is padded or cut back to its width).
"""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter

from reader.safe_text import strip_invisible_controls


class InertTextFilter(LineFilter):
    """Drop ESC, C0/C1 controls, bidi controls and zero-width characters from drawn segments."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        cleaned: list[Segment] = []
        for segment in segments:
            if segment.control:
                cleaned.append(segment)
                continue
            text = strip_invisible_controls(segment.text)
            if text is segment.text:
                cleaned.append(segment)
                continue
            width = cell_len(segment.text)
            if cell_len(text) != width:  # a joiner Rich counted as part of a cluster: keep the width
                text = set_cell_size(text, width)
            cleaned.append(Segment(text, segment.style))
        return cleaned
