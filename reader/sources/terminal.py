"""Give the terminal back to the reader after an article was piped in.

``pbpaste | byline -`` reads the article from standard input, but Textual
reads keys from file descriptor 0 too: left pointing at the exhausted pipe,
the reader would see end-of-file and no keys. Pointing descriptor 0 at the
controlling terminal (``/dev/tty``) is what ``less`` and ``vim -`` do.
"""

from __future__ import annotations

import os
import sys

from reader.errors import BylineError

TERMINAL_DEVICE = "/dev/tty"


def reconnect_stdin_to_terminal(device: str = TERMINAL_DEVICE) -> bool:
    """Make file descriptor 0 the terminal again; False when it already was.

    Raises a :class:`BylineError` when there is no terminal to read keys from
    (a cron job, a CI run): then only the headless commands can read stdin.
    """
    if sys.__stdin__ is not None and sys.__stdin__.isatty():
        return False
    try:
        terminal = os.open(device, os.O_RDWR)
    except OSError:
        raise BylineError(
            "standard input was the article and there is no terminal to read keys from "
            "(run it in a terminal, or use 'byline analyze -')"
        ) from None
    try:
        os.dup2(terminal, 0)
    finally:
        os.close(terminal)
    return True
