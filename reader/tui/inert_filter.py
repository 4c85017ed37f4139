"""The reader's last line of defence: no line it draws carries a raw control character.

Every widget's lines pass through the app's line filters (Textual applies them
in its styles cache, after rendering and before the terminal), so this one
filter covers every widget, present and future. Widgets show outside text
through :func:`reader.safe_text.terminal_safe`, which makes such characters
visible; this filter only removes any that slipped through, without changing a
line's width (every character it removes takes no cell).
"""

from __future__ import annotations

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
            cleaned.append(segment if text is segment.text else Segment(text, segment.style))
        return cleaned
