"""Analyse articles in a child process, so that an interactive program never shares its
interpreter with spaCy.

The reader's UI thread and a parse in a thread of the same process compete for one interpreter
lock: a 100,000-word article took 2.5x as long inside the reader as headless. An
:class:`AnalysisProcess` is one child process (started on first use) that loads the model once
and analyses one article at a time; it sends progress and partial results back through a pipe
and the final :class:`Analysis` at the end. A long article is parsed there by worker processes
(:mod:`reader.analysis.parallel`), since the child runs nothing else.

What crosses the pipe is kept small, since the reader's UI process unpickles and draws it on the
cores the parse workers need: partial results at most every :data:`PARTIAL_INTERVAL` seconds, and
no analysis carries the article's text (the parent has it and puts it back). A fresh analysis is
sent before it is written to the cache (a parent that exits at once may leave it unwritten: the
next reader then analyses again). ``BYLINE_TIMING`` marks each phase (:mod:`reader.analysis.phases`).

Stopping: :meth:`AnalysisProcess.analyse` polls ``cancelled()``; when it turns true the child is
told to stop at its next progress point (it keeps its loaded model for the next article), and is
killed if it does not answer within :data:`CANCEL_GRACE` seconds. The child exits when its
parent does, even on SIGKILL, and so do its parse workers: nothing is left behind.
"""

from __future__ import annotations

import atexit
import dataclasses
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.reduction import ForkingPickler
from typing import Any

from reader.analysis.model import Analysis
from reader.analysis.phases import mark
from reader.errors import BylineError
from reader.sources.article import Article

#: How often the parent looks at the pipe and at ``cancelled()`` (seconds).
POLL = 0.05
#: How long a cancelled analysis may take to reach its next progress point before the child is killed.
CANCEL_GRACE = 3.0
#: The child sends progress at most this often (seconds); the last one always.
PROGRESS_INTERVAL = 0.1
#: The child sends a partial analysis at most this often (seconds), the first one at once. Each is
#: unpickled and drawn by the reader's UI process, whose CPU time the parse workers need: the
#: pipeline's own interval (every 0.5 s) made 41 partials of 56 MB in all for a 100,000-word article.
PARTIAL_INTERVAL = 2.0
#: An idle child checks this often that its parent is alive.
IDLE_CHECK = 0.5


class AnalysisCancelled(Exception):
    """The analysis was stopped because ``cancelled()`` said so."""


class _Stop(Exception):
    """Raised in the child's progress callback when the parent asked it to stop."""


def _serve(conn: Connection, parent_pid: int) -> None:
    """The child's loop: one request at a time, until the pipe closes or the parent dies."""
    mark("child-started")
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C in the terminal is the parent's to handle
    # The parent may be drawing on this terminal: nothing the child (or spaCy) prints may reach it.
    # Results and errors go through the pipe.
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    from reader.analysis.pipeline import analyze, cached, remember

    mark("child-ready")

    def parent_gone() -> bool:
        return os.getppid() != parent_pid

    while True:
        try:
            while not conn.poll(IDLE_CHECK):
                if parent_gone():
                    os._exit(0)
            request = conn.recv()
        except (EOFError, OSError):
            return
        if request[0] != "analyse":
            if request[0] == "cancel":  # arrived after the analysis it meant had finished
                conn.send(("cancelled",))
            continue
        _, article, model, want_partials, jobs = request
        mark("child-request")
        progress, partial = _reporters(conn, parent_gone)
        try:
            fresh = cached(article, model) is None
            # A fresh analysis goes to the parent first and to the cache after (writing it takes
            # a few tenths of a second for a long article, which the reader need not wait for).
            result = analyze(article, model=model, progress=progress, use_cache=not fresh,
                             on_partial=partial if want_partials else None, jobs=jobs,
                             partial_interval=PARTIAL_INTERVAL)
            mark("child-analysed")
        except _Stop:
            conn.send(("cancelled",))
        except BylineError as error:
            conn.send(("error", True, str(error)))
        except Exception as error:
            conn.send(("error", False, f"{type(error).__name__}: {error}"))
        else:
            _send(conn, ("done", _without_text(result)))
            mark("child-sent")
            if fresh:
                remember(article, result, model)
                mark("child-stored")


def _without_text(analysis: Analysis) -> Analysis:
    """``analysis`` without the article's text, which the parent has (it sent the article): the
    text is most of a partial analysis' bytes, and :meth:`AnalysisProcess.analyse` puts it back."""
    return dataclasses.replace(analysis, text="")


def _send(conn: Connection, message: tuple[Any, ...]) -> None:
    """``conn.send(message)``, marking the pickled size (see :mod:`reader.analysis.phases`)."""
    data = ForkingPickler.dumps(message)
    mark(f"child-send-{message[0]}", str(len(data)))
    conn.send_bytes(data)


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker with a real standard error: under a TUI,
    ``sys.stderr`` is a capture whose ``fileno()`` is -1, and passing it on makes every spawn
    fail ("bad value(s) in fds_to_keep")."""
    from multiprocessing import resource_tracker

    stderr = sys.stderr
    try:
        usable = stderr is not None and stderr.fileno() >= 0
    except (OSError, ValueError, AttributeError):
        usable = False
    if not usable:
        sys.stderr = sys.__stderr__
    try:
        resource_tracker.ensure_running()
    finally:
        sys.stderr = stderr


def _reporters(
    conn: Connection, parent_gone: Callable[[], bool]
) -> tuple[Callable[[int, int], None], Callable[[Analysis], None]]:
    """The child's progress and partial-result callbacks for one request: each is a point where
    a cancel from the parent (or the parent's death) stops the analysis."""
    last = [0.0]
    last_partial = [-PARTIAL_INTERVAL]
    parsed = [False]

    def check() -> None:
        if parent_gone():
            os._exit(0)
        while conn.poll():
            if conn.recv()[0] == "cancel":
                raise _Stop

    def progress(done: int, total: int) -> None:
        check()
        if done >= total and not parsed[0]:
            parsed[0] = True
            mark("child-parsed")
        now = time.monotonic()
        if now - last[0] >= PROGRESS_INTERVAL or done >= total:
            last[0] = now
            conn.send(("progress", done, total))

    def partial(analysis: Analysis) -> None:
        check()
        now = time.monotonic()
        if now - last_partial[0] >= PARTIAL_INTERVAL:
            last_partial[0] = now
            _send(conn, ("partial", _without_text(analysis)))

    return progress, partial


class AnalysisProcess:
    """One child process that analyses articles on request (see the module docstring).

    Thread-safe: callers take turns (a second caller waits until the first one's analysis ends
    or is cancelled). :meth:`close` ends the child; it is also called at interpreter exit."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._process: multiprocessing.process.BaseProcess | None = None
        self._conn: Connection | None = None
        self._box: list[Any] = [None, None]  # (process, connection), for close() at exit
        atexit.register(self.close)

    @property
    def pid(self) -> int | None:
        """The child's process id while it runs (for tests and diagnostics)."""
        process = self._process
        return process.pid if process is not None and process.is_alive() else None

    def start(self) -> None:
        """Start the child now if it is not running, without waiting for it: its start (a new
        interpreter and the analysis code's imports, a few tenths of a second) then overlaps the
        caller's own start-up (the reader's UI) instead of delaying the first analysis. Never
        blocks: while another caller's analysis runs, the child is running already."""
        if self._lock.acquire(blocking=False):
            try:
                self._ensure()
            finally:
                self._lock.release()

    def _ensure(self) -> Connection:
        if self._process is None or not self._process.is_alive():
            # spawn: the parent runs threads (a TUI), and forking a process with threads can copy a
            # lock one of them holds. The child itself is single-threaded and forks its parse workers.
            context = multiprocessing.get_context("spawn")
            _start_resource_tracker()
            ours, theirs = context.Pipe()
            process = context.Process(target=_serve, args=(theirs, os.getpid()), name="byline-analysis")
            process.start()
            theirs.close()
            self._process, self._conn = process, ours
            self._box[:] = [process, ours]
        assert self._conn is not None
        return self._conn

    def analyse(
        self,
        article: Article,
        *,
        model: str | None = None,
        progress: Callable[[int, int], None] | None = None,
        on_partial: Callable[[Analysis], None] | None = None,
        cancelled: Callable[[], bool] = lambda: False,
        jobs: int | None = None,
    ) -> Analysis:
        """Analyse ``article`` in the child (through the cache, as :func:`analyze` does).

        ``progress(done, total)`` and ``on_partial(analysis)`` are called in the calling thread.
        Raises :class:`AnalysisCancelled` once ``cancelled()`` is true, :class:`BylineError` for
        a failed analysis (with the child's message), or when the child died."""
        with self._lock:
            if cancelled():
                raise AnalysisCancelled
            mark("request")
            conn = self._ensure()
            conn.send(("analyse", article, model, on_partial is not None, jobs))
            while True:
                if cancelled():
                    self._cancel(conn)
                    raise AnalysisCancelled
                message = self._receive(conn)
                if message is None:
                    continue
                kind = message[0]
                if kind == "progress" and progress is not None:
                    progress(message[1], message[2])
                elif kind == "partial" and on_partial is not None:
                    mark("partial-received")
                    partial: Analysis = message[1]
                    partial.text = article.text
                    on_partial(partial)
                elif kind == "done":
                    mark("received")
                    result: Analysis = message[1]
                    result.text = article.text
                    return result
                elif kind == "error":
                    _, expected, text = message
                    raise BylineError(text) if expected else RuntimeError(text)

    def _receive(self, conn: Connection) -> tuple[Any, ...] | None:
        try:
            if not conn.poll(POLL):
                if self._process is not None and not self._process.is_alive():
                    raise EOFError
                return None
            message: tuple[Any, ...] = conn.recv()
            return message
        except (EOFError, OSError):
            self.close()
            raise BylineError("the analysis process ended unexpectedly (out of memory?)") from None

    def _cancel(self, conn: Connection) -> None:
        """Ask the child to stop; kill it when it does not within :data:`CANCEL_GRACE`."""
        try:
            conn.send(("cancel",))
            deadline = time.monotonic() + CANCEL_GRACE
            while time.monotonic() < deadline:
                if conn.poll(POLL) and conn.recv()[0] in ("cancelled", "done", "error"):
                    return
        except (EOFError, OSError):
            pass
        self.close()

    def close(self) -> None:
        """End the child (and with it its parse workers) now; the next analysis starts another."""
        AnalysisProcess._stop_child(self._box)
        self._process = self._conn = None

    @staticmethod
    def _stop_child(box: list[Any]) -> None:
        process, conn = box
        box[:] = [None, None]
        if conn is not None:
            conn.close()
        if process is not None and process.is_alive():
            process.kill()
        if process is not None:
            process.join(timeout=5)
