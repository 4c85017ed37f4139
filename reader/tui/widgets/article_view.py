"""The article pane: a Line API widget that styles only the lines on screen.

A 100,000-word article is about 12,000 display lines. Building a Rich ``Text``
for all of it would cost seconds; instead the text is wrapped once per width
into offset lists (:mod:`reader.tui.layout`) and ``render_line`` builds the
segments of one visible line from the article string and the highlight runs
that touch it. Segments carry plain text, so nothing in the article is ever
read as markup.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.cells import cell_len
from rich.color import ColorSystem
from rich.segment import Segment
from rich.style import Style
from textual.cache import LRUCache
from textual.geometry import Offset, Size
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip

from reader.sources.structure import TextSpan, detect_structure
from reader.theming.contrast import rgb
from reader.tui.highlights import Decorations, composed_style, style_boundaries
from reader.tui.layout import WrappedText, display_text, reading_width, wrap_text

StyleLookup = Callable[[str], Style]


def _no_style(_key: str) -> Style:
    return Style.null()


class ArticleView(ScrollView, can_focus=True):
    """Shows the article text wrapped in a centred reading column, with highlight layers."""

    DEFAULT_CSS = """
    ArticleView {
        overflow-x: hidden;
    }
    """

    def __init__(
        self,
        text: str,
        *,
        paragraphs: Sequence[TextSpan] | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.text = text
        # The article's paragraphs (``Article.structure``); the pane shows each as one flowing block.
        self._paragraphs = detect_structure(text).paragraphs if paragraphs is None else paragraphs
        self._shown = display_text(text)
        self.decorations = Decorations()
        self.style_lookup: StyleLookup = _no_style
        # Wrapped on the first resize, when the real width is known (wrapping twice costs a long text).
        self.layout_text = WrappedText(self._shown, 0, [], [], [])
        self._left_margin = 0
        self._line_cache: LRUCache[tuple[int, int], Strip] = LRUCache(512)
        self._style_cache: dict[tuple[str, ...], Style] = {}
        self._generation = 0
        self._pending_anchor: int | None = None
        self._laid_out = False

    # -- layout -----------------------------------------------------------------------------------

    @property
    def laid_out(self) -> bool:
        """True once the text has been wrapped at the pane's real width (the first paint can follow)."""
        return self._laid_out

    def on_resize(self) -> None:
        self._relayout()

    def _relayout(self) -> None:
        width = self.scrollable_content_region.width or self.size.width
        if width <= 0:
            return
        column = reading_width(width)
        rewrap = column != self.layout_text.width or not self._laid_out
        anchor = self._pending_anchor if self._pending_anchor is not None else self.top_offset
        if rewrap:
            self.layout_text = wrap_text(self._shown, column, self._paragraphs)
        self._left_margin = max(0, (width - column) // 2)
        self.virtual_size = Size(width, self.layout_text.line_count)
        self._laid_out = True
        self._pending_anchor = None
        self._invalidate()
        if rewrap or anchor != self.top_offset:
            # Same text at the top after a re-wrap; an unchanged wrap keeps the exact scroll position.
            self.scroll_to(y=self.layout_text.line_of(anchor), animate=False, immediate=True, force=True)

    # -- positions --------------------------------------------------------------------------------

    @property
    def top_offset(self) -> int:
        """The text offset at the top of the pane: what the reading position remembers."""
        if self._pending_anchor is not None:
            return self._pending_anchor
        return self.layout_text.first_offset(round(self.scroll_y))

    def restore_offset(self, offset: int) -> None:
        """Put ``offset`` at the top of the pane, now or as soon as the pane has a size."""
        if self._laid_out:
            self.scroll_to(y=self.layout_text.line_of(offset), animate=False, immediate=True, force=True)
        else:
            self._pending_anchor = offset

    def scroll_to_offset(self, offset: int, *, centre: bool = True) -> None:
        """Scroll so that the line with ``offset`` is in the middle of the pane (O(log n))."""
        line = self.layout_text.line_of(offset)
        if centre:
            line -= self.scrollable_content_region.height // 2
        self.scroll_to(y=max(0, line), animate=False, immediate=True, force=True)

    def is_visible(self, offset: int) -> bool:
        line = self.layout_text.line_of(offset)
        top = round(self.scroll_y)
        return top <= line < top + self.scrollable_content_region.height

    # -- styling ----------------------------------------------------------------------------------

    def restyle(self) -> None:
        """Forget every drawn line, e.g. after a layer toggle, a new focus or a theme change."""
        self._style_cache.clear()
        self._invalidate()

    def _invalidate(self) -> None:
        self._generation += 1
        self._line_cache.clear()
        self.refresh()

    def _style_of(self, keys: tuple[str, ...]) -> Style:
        """The layers ``keys`` composed so the text stays readable (see
        :func:`~reader.tui.highlights.composed_style`)."""
        style = self._style_cache.get(keys)
        if style is None:
            ground = self.rich_style.bgcolor
            style = composed_style(keys, self.style_lookup, ground=rgb(ground) if ground else (0.0, 0.0, 0.0),
                                   monochrome=self.monochrome, system=self.colour_system)
            self._style_cache[keys] = style
        return style

    @property
    def monochrome(self) -> bool:
        """``NO_COLOR`` is set: the app shows greys (Textual's monochrome filter)."""
        return bool(self.is_attached and self.app.no_color)

    @property
    def colour_system(self) -> ColorSystem:
        """``EIGHT_BIT`` in a 256-colour terminal (styles are composed on its palette), else ``TRUECOLOR``."""
        if self.is_attached and self.app.console.color_system == "256":
            return ColorSystem.EIGHT_BIT
        return ColorSystem.TRUECOLOR

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = round(self.scroll_y) + y
        base = self.rich_style
        if index >= self.layout_text.line_count or self.layout_text.blank[index]:
            return Strip.blank(width, base)
        key = (index, self._generation)
        strip = self._line_cache.get(key)
        if strip is None:
            strip = self._build_line(index, width, base)
            self._line_cache[key] = strip
        return strip

    def _build_line(self, index: int, width: int, base: Style) -> Strip:
        lo = self.layout_text.starts[index]
        hi = self.layout_text.ends[index]
        shown = self._shown
        segments = [Segment(" " * self._left_margin, base)] if self._left_margin else []
        runs = self.decorations.runs_for(lo, hi, self.selected_span())
        for start, end, keys in style_boundaries(lo, hi, runs):
            # The offset meta lets Textual map a mouse position to (column, display line) for selection.
            where = Style.from_meta({"offset": (start - lo, index)})
            segments.append(Segment(shown[start:end], base + self._style_of(keys) + where))
        return Strip(segments).crop_extend(0, width, base)

    # -- mouse selection --------------------------------------------------------------------------

    def _text_offset(self, point: Offset | None, default: int) -> int:
        """A (column, display line) selection point as an offset into the text."""
        layout = self.layout_text
        if point is None or layout.line_count == 0:
            return default
        line = min(max(point.y, 0), layout.line_count - 1)
        return min(layout.starts[line] + max(point.x, 0), layout.ends[line])

    def span_of(self, selection: Selection) -> tuple[int, int] | None:
        start = self._text_offset(selection.start, 0)
        end = self._text_offset(selection.end, len(self.text))
        return (start, end) if end > start else None

    def selected_span(self) -> tuple[int, int] | None:
        """The mouse selection as text offsets ``(start, end)``: what ``h`` highlights first."""
        if not self.is_attached:
            return None
        selection = self.text_selection
        return self.span_of(selection) if selection is not None else None

    def select_span(self, start: int, end: int) -> None:
        """Select ``start``..``end`` exactly as a mouse drag would (the keyboard's way to select)."""
        layout = self.layout_text
        first, last = layout.line_of(start), layout.line_of(end)
        begin = Offset(start - layout.starts[first], first)
        self.screen.selections = {self: Selection(begin, Offset(end - layout.starts[last], last))}

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        span = self.span_of(selection)
        return (self.text[span[0] : span[1]], "\n") if span else None

    def selection_updated(self, selection: Selection | None) -> None:
        self._invalidate()

    # -- inspection -------------------------------------------------------------------------------

    def rendered_line(self, index: int) -> Strip:
        """Display line ``index`` exactly as drawn (whether or not it is on screen)."""
        width = self.scrollable_content_region.width
        if index >= self.layout_text.line_count or self.layout_text.blank[index]:
            return Strip.blank(width, self.rich_style)
        return self._build_line(index, width, self.rich_style)

    def style_at(self, offset: int) -> Style:
        """The style character ``offset`` is drawn with: what the highlight layers amount to there."""
        index = self.layout_text.line_of(offset)
        column = self._left_margin + cell_len(self._shown[self.layout_text.starts[index] : offset])
        position = 0
        for segment in self.rendered_line(index):
            if position <= column < position + segment.cell_length:
                return segment.style or Style.null()
            position += segment.cell_length
        return Style.null()
