"""What the command line prints, and how a failing standard output is reported.

Every line meant for a person goes through :func:`say` (standard output) or
:func:`warn` (standard error), which make outside text inert for the terminal
(:func:`reader.safe_text.terminal_safe`): file names, titles, theme names and
error messages quote data from outside. Exact machine formats (JSON, YAML)
are already escaped and are written unchanged with :func:`write_stdout`.

:class:`GuardedStdout` turns a failure to write standard output (a full disk,
``> /dev/full``, an I/O error) into one :class:`StdoutError` line instead of a
traceback; a closed pipe (``| head``) is left to the caller, which ends quietly.
"""

from __future__ import annotations

import errno
import os
import sys
from typing import Any, TextIO

from reader.errors import BylineError
from reader.safe_text import terminal_safe


class StdoutError(BylineError):
    """Standard output cannot be written (exit status 1: the input was fine)."""

    exit_code = 1


def _describe(error: OSError) -> str:
    return error.strerror or str(error) or type(error).__name__


class GuardedStdout:
    """A proxy for a text stream whose write and flush failures become :class:`StdoutError`."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def _guard(self, action: str, *args: Any) -> Any:
        try:
            return getattr(self._stream, action)(*args)
        except BrokenPipeError:
            raise
        except OSError as error:
            if error.errno == errno.EPIPE:
                raise
            raise StdoutError(f"cannot write to standard output: {_describe(error)}") from None

    def write(self, text: str) -> int:
        return int(self._guard("write", text))

    def flush(self) -> None:
        self._guard("flush")

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def silence_stdout() -> None:
    """Point file descriptor 1 at /dev/null, so Python's flush at exit cannot fail a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.__stdout__.fileno() if sys.__stdout__ else 1)
        os.close(devnull)
    except (OSError, ValueError):
        pass


def write_stdout(text: str) -> None:
    """Write exact, already inert text (JSON, YAML) to standard output and flush it."""
    sys.stdout.write(text)
    sys.stdout.flush()


def say(text: str) -> None:
    """Print a line for a person on standard output, with outside text made inert."""
    write_stdout(terminal_safe(text, multiline=True) + "\n")


def warn(message: str) -> None:
    """``byline: <message>`` on standard error, inert; the message is one line."""
    print(f"byline: {terminal_safe(message)}", file=sys.stderr, flush=True)
