"""Run the README's install-and-open command in a pseudo-terminal, as a newcomer would, and quit.

Passes when the reader draws the bundled sample's text and exits with status 0 after ``q``.
Usage: python3 .ci/try_reader.py "COMMAND"   (the command runs in bash, in the repository root)
"""

import fcntl
import os
import pty
import select
import struct
import sys
import termios
import time

EXPECTED = b"Kremlin"  # a word from the bundled sample, drawn once the reader is up
DEADLINE_S = 600  # the install is part of the command


def main(command: str) -> int:
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.update(TERM="xterm-256color", COLUMNS="120", LINES="40")
        os.execvp("bash", ["bash", "-c", command])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    seen, sent_quit, started = b"", False, time.monotonic()
    while time.monotonic() - started < DEADLINE_S:
        ready, _, _ = select.select([fd], [], [], 1.0)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen = (seen + chunk)[-200_000:]
        if not sent_quit and EXPECTED in seen:
            time.sleep(1.0)
            os.write(fd, b"q")
            sent_quit = True
    else:
        os.kill(pid, 9)
        print("try_reader: the reader did not show the sample article in time", file=sys.stderr)
        return 1
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if not sent_quit:
        print("try_reader: the command ended before the reader showed the sample article", file=sys.stderr)
        print(seen[-2000:].decode("utf-8", "replace"), file=sys.stderr)
        return 1
    print(f"try_reader: the reader opened the sample and quit with status {code}")
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
