"""A footer that never overlaps itself: the keys that do not fit are left out, not drawn over.

Textual's footer lays its keys out in a row and docks the command palette key
on the right, over whatever is there: at 60 columns ``^e Export`` became
``^e Exp▏^p palette``. This footer measures each key (``key description`` plus
its margin) and keeps, in order, the ones that fit, always keeping ``? Help``
(which lists every key) and the palette key while there is room for them; a
key that is left out is still bound and still in the help screen.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

#: Kept before the others when the row is too narrow for every key.
ALWAYS_SHOWN = ("app.help", "help")
#: The palette key's border and padding, around ``^p palette``.
PALETTE_EXTRA = 2


def key_width(key: FooterKey) -> int:
    """Cells a compact footer key takes: ``^e Export`` and the one-cell margin after it."""
    if key.description:
        return len(key.key_display) + 1 + len(key.description) + 1
    return len(key.key_display) + 1


class FittingFooter(Footer):
    """A compact :class:`Footer` whose keys are chosen to fit its width (recomposed on resize)."""

    def __init__(self) -> None:
        super().__init__(compact=True)
        self._composed_width = 0

    def compose(self) -> ComposeResult:
        width = self.size.width or self.app.size.width
        self._composed_width = width
        widgets: list[Widget] = list(super().compose())
        keys = [w for w in widgets if isinstance(w, FooterKey) and not w.has_class("-command-palette")]
        palette = [w for w in widgets if isinstance(w, FooterKey) and w.has_class("-command-palette")]
        budget = width
        kept: set[int] = set()
        for key in sorted(keys, key=lambda k: k.action not in ALWAYS_SHOWN):
            needed = key_width(key)
            if needed <= budget:
                kept.add(id(key))
                budget -= needed
        if len(kept) == len(keys):
            # Every key fits: the palette key goes on the right when there is room for it.
            yield from (key for key in keys)
            for key in palette:
                if key_width(key) + PALETTE_EXTRA <= budget:
                    yield key
            return
        yield from (key for key in keys if id(key) in kept)

    def on_resize(self) -> None:
        if self.size.width != self._composed_width:
            self.call_after_refresh(self.recompose)
