"""The reader in a real pseudo-terminal, killed with SIGKILL right after a note is saved.

Every change to the highlight store is written atomically before the key
press that made it returns; this test holds the reader to that from the
outside: no clean shutdown, no flush at exit, the process is simply gone.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from reader.notes import NoteStore
from reader.sources import load_article

ARTICLE = (
    "The mayor opened the new bridge on Tuesday. Traffic was light in the morning.\n"
    "“It will change how this city moves,” the mayor said.\n"
)
NOTE = "written just before the kill"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")


class Terminal:
    """A child process on a pty, with everything it printed kept for waiting on."""

    def __init__(self, argv: list[str], env: dict[str, str], columns: int = 120, rows: int = 36) -> None:
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        self.process = subprocess.Popen(
            argv, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True, close_fds=True
        )
        os.close(slave)
        self.output = b""

    def read_for(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while (remaining := deadline - time.monotonic()) > 0:
            ready, _, _ = select.select([self.master], [], [], min(remaining, 0.1))
            if ready:
                try:
                    chunk = os.read(self.master, 65536)
                except OSError:
                    return
                if not chunk:
                    return
                self.output += chunk

    def wait_for(self, needle: bytes, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if needle in self.output:
                return True
            if self.process.poll() is not None:
                self.read_for(0.2)
                return needle in self.output
            self.read_for(0.2)
        return needle in self.output

    def send(self, keys: str | bytes, pause: float = 0.3) -> None:
        os.write(self.master, keys.encode() if isinstance(keys, str) else keys)
        self.read_for(pause)

    def kill(self) -> None:
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)
        os.close(self.master)


def test_a_note_survives_sigkill_right_after_it_is_saved(tmp_path: Path, byline_home: Path) -> None:
    article = tmp_path / "bridge.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    env = {**os.environ, "BYLINE_HOME": str(byline_home), "TERM": "xterm-256color", "COLUMNS": "120",
           "LINES": "36"}
    terminal = Terminal([sys.executable, "-m", "reader", str(article)], env)
    try:
        assert terminal.wait_for(b"mayor", timeout=60), terminal.output[-2000:]
        terminal.read_for(1.0)
        terminal.send("h")  # highlight the first sentence on screen
        assert terminal.wait_for(b"Highlighted", timeout=15), terminal.output[-2000:]
        terminal.send("m")  # open the note editor on it
        # its Save button; typing before the editor is up would send the letters to the reader as keys
        assert terminal.wait_for(b"ctrl+s", timeout=15), terminal.output[-2000:]
        terminal.send(NOTE, pause=0.5)
        terminal.send(b"\x13", pause=0)  # ctrl+s saves the note
        saved = terminal.wait_for(b"Note saved", timeout=15)
    finally:
        terminal.kill()  # SIGKILL: no shutdown code runs
    assert terminal.process.returncode == -signal.SIGKILL
    assert saved, terminal.output[-2000:]

    store = NoteStore.open(load_article(article))
    assert [(h.exact, h.note) for h in store.highlights] == [
        ("The mayor opened the new bridge on Tuesday.", NOTE)
    ]
    assert store.problems == []
    # the atomic writer leaves no temporary files behind, even when killed
    assert [p.name for p in store.file.parent.iterdir()] == [store.file.name]
