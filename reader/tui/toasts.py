"""Where the reader's notices go: the status line, or a short toast that never covers it.

A notice that only says what the key just did (``Wrapped to the first quote``,
``Entities hidden``, ``Theme: light``) belongs beside the location in the status
line, where the reader is already looking; it stays there until the next key.
Warnings and errors are toasts, kept above the status line (the ``ToastRack``
margin in ``reader.tcss``, raised by :func:`keep_toasts_above` when the status line
grows), and at most :data:`MAX_TOASTS` are shown: a burst of
keys never stacks a wall of toasts over the text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from textual.app import App
from textual.screen import Screen

#: Toasts shown at once; an older one is taken away when a newer one comes.
MAX_TOASTS = 2


def route_notice(screen_stack: Sequence[Screen[Any]], message: str, severity: str) -> bool:
    """Show an information ``message`` in the status line of the reader on top, if it is on top.

    Returns whether it was shown there (else the caller shows a toast).
    """
    from reader.tui.screens.reader import ReaderScreen

    if severity != "information" or not screen_stack:
        return False
    screen = screen_stack[-1]
    if not isinstance(screen, ReaderScreen) or not screen.is_mounted:
        return False
    screen.say(message)
    return True


def keep_latest_toasts(app: App[Any]) -> None:
    """Take away the oldest toasts until at most :data:`MAX_TOASTS` remain."""
    notifications = list(app._notifications)
    for notification in notifications[:-MAX_TOASTS]:
        app._unnotify(notification, refresh=False)
    if len(notifications) > MAX_TOASTS:
        app._refresh_notifications()


def keep_toasts_above(screen: Screen[Any], top: int) -> None:
    """Toasts of ``screen`` sit above row ``top`` (the status line's first row), whatever its height:
    a status line grown to two lines (a long notice, the actors panel's row) had a toast over it."""
    below = screen.size.height - top
    if below > 0:
        for rack in screen.query("ToastRack"):
            # A toast's last row is drawn one row below the rack's margin: one more keeps it above.
            rack.styles.margin = (0, 0, below + 1, 0)
