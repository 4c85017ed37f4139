"""The search box: an ``Input`` that finishes on ``enter``/``escape`` in the order keys were typed.

Textual delivers each key to the widget that had focus when the key arrived, and
runs bindings only after a key has bubbled up to the app. With a plain ``Input``
a fast ``/Kursk<enter>n`` goes wrong: the ``n`` is typed into the box before the
``enter`` binding runs. This box acts on ``enter`` and ``escape`` itself, as it
reads them, and passes on any key that reaches it after it closed, so typing
ahead behaves exactly like typing slowly.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.widgets import Input


class SearchBox(Input):
    """One-line search entry; ``on_find(term)`` on enter, ``on_cancel()`` on escape."""

    def __init__(
        self, on_find: Callable[[str], None], on_cancel: Callable[[], None], *, placeholder: str, id: str
    ) -> None:
        super().__init__(placeholder=placeholder, id=id)
        self._on_find = on_find
        self._on_cancel = on_cancel

    async def _on_key(self, event: events.Key) -> None:
        if self.screen.focused is not self:  # (has_focus lags: it waits for the Blur event)
            # Typed ahead of an enter or escape that already closed the box: it is a reader key.
            event.stop()
            event.prevent_default()
            if (target := self.app.focused) is not None:
                target.post_message(events.Key(event.key, event.character))
            return
        if event.key in ("enter", "escape"):
            event.stop()
            event.prevent_default()
            if event.key == "enter":
                self._on_find(self.value)
            else:
                self._on_cancel()
            return
        await super()._on_key(event)
