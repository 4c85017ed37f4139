"""Timestamps of an analysis' phases, for benchmarks and diagnostics (off unless asked for).

``BYLINE_TIMING=/some/file`` makes :func:`mark` append one line per phase to that file:
``<seconds> <pid> <process CPU seconds> <event> [detail]``, where ``seconds`` is
:func:`time.monotonic` (one clock for every process of the machine, so the reader, its analysis
process and a benchmark can be put on one time line) and the CPU seconds are the marking
process's own (:func:`time.process_time`). The analysis process inherits the variable, so both
sides of the pipe write to the same file; each line is one ``write`` of an append-mode file, so
lines of the two processes do not mix. ``benchmarks/long_document.py`` reads it to print the
reader's phase breakdown.

Without the variable :func:`mark` costs one dictionary look-up.
"""

from __future__ import annotations

import os
import time

#: The environment variable naming the file the phases are appended to.
TIMING_ENV = "BYLINE_TIMING"


def mark(event: str, detail: str = "") -> None:
    """Append ``event`` (one word) with the time, the process id and its CPU time, when
    :data:`TIMING_ENV` names a file; a file that cannot be written is ignored (timing is never
    worth failing an analysis for)."""
    path = os.environ.get(TIMING_ENV)
    if not path:
        return
    line = f"{time.monotonic():.4f} {os.getpid()} {time.process_time():.3f} {event} {detail}".rstrip()
    try:
        with open(path, "a", encoding="utf-8") as log:
            log.write(line + "\n")
    except OSError:
        pass


def read(path: str) -> list[tuple[float, int, float, str, str]]:
    """The marks in ``path``: ``(seconds, pid, cpu_seconds, event, detail)`` in file order."""
    marks: list[tuple[float, int, float, str, str]] = []
    with open(path, encoding="utf-8") as log:
        for line in log:
            fields = line.rstrip("\n").split(" ", 4)
            if len(fields) < 4:
                continue
            marks.append((float(fields[0]), int(fields[1]), float(fields[2]), fields[3],
                          fields[4] if len(fields) > 4 else ""))
    return marks
