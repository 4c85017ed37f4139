"""The legend: which colour or style means person, organisation, place, date, quote, speaker, cue.

Each row is a sample drawn exactly as the article pane draws that mark (the same composition of the
same theme styles, :func:`reader.tui.highlights.composed_style`), then its meaning in words. The side
panel shows it in its Legend tab (``i``), and the help screen (``?``) under the keys.
"""

from __future__ import annotations

from rich.color import ColorSystem
from rich.text import Text
from textual.widgets import Static

from reader.theming.contrast import RGB
from reader.theming.legend import LEGEND
from reader.tui.highlights import composed_style
from reader.tui.widgets.article_view import StyleLookup


def legend_text(lookup: StyleLookup, *, ground: RGB, monochrome: bool = False,
                system: ColorSystem = ColorSystem.TRUECOLOR) -> Text:
    """The legend as Rich text: one line per mark, ``sample  meaning``, samples padded to one width."""
    width = max(len(sample) for _, sample, _ in LEGEND)
    text = Text()
    for number, (keys, sample, meaning) in enumerate(LEGEND):
        if number:
            text.append("\n")
        text.append(sample, composed_style(keys, lookup, ground=ground, monochrome=monochrome, system=system))
        text.append(" " * (width - len(sample) + 2) + meaning)
    return text


class Legend(Static):
    """The legend in the side panel; :meth:`show` draws it for the current theme. ``previous_tab`` is
    the panel tab ``i`` goes back to."""

    DEFAULT_CSS = """
    Legend {
        background: $panel;
        padding: 1 1;
    }
    """

    previous_tab: str = "actors-tab"

    #: The legend as last drawn (what the tests read).
    text: Text = Text()

    def show(self, lookup: StyleLookup, *, ground: RGB, monochrome: bool = False,
             system: ColorSystem = ColorSystem.TRUECOLOR) -> None:
        self.text = legend_text(lookup, ground=ground, monochrome=monochrome, system=system)
        self.update(self.text)
