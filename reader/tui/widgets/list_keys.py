"""``j`` / ``k`` / ``g`` / ``G`` in the side panel's lists, as in the library and the article.

The list widgets (the actors tree, the notes list) both have ``cursor_down``,
``cursor_up`` and a first/last action, under different names; this builds the
bindings with ids under the list's own prefix (``actors.down``, ``notes.last``,
...), so a keymap can change them and the help screen lists them.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

#: The first/last actions of each list widget: Tree has ``scroll_home``/``scroll_end``,
#: OptionList ``first``/``last``.
EDGE_ACTIONS = {"actors": ("scroll_home", "scroll_end"), "notes": ("first", "last")}


def list_bindings(prefix: str) -> list[BindingType]:
    """``j`` down, ``k`` up, ``g`` first, ``G`` last, with ids ``<prefix>.down/up/first/last``."""
    first, last = EDGE_ACTIONS[prefix]
    return [
        Binding("j", "cursor_down", "Down the list", id=f"{prefix}.down", show=False),
        Binding("k", "cursor_up", "Up the list", id=f"{prefix}.up", show=False),
        Binding("g", first, "First in the list", id=f"{prefix}.first", show=False),
        Binding("G", last, "Last in the list", id=f"{prefix}.last", show=False),
    ]
