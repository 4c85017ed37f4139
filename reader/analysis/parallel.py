"""Parse one long document's paragraph batches in worker processes.

The parse is the slow part of an analysis and each paragraph batch is parsed on its own
(:mod:`reader.analysis.parse` reduces each Doc to small, picklable :class:`ParagraphFacts`), so
the batches of a long document can go to ``jobs`` processes, each with the model loaded once;
the facts come back in document order and the document-wide steps (one label per name, speakers
across paragraphs, actors) stay in the calling process. The batches are exactly the ones the
serial path parses, so the analysis is identical.

A worker dies with the process that started it (:func:`die_with_parent`): a killed reader or
``byline analyze`` leaves no process behind.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TYPE_CHECKING

from reader.analysis.facts import ParagraphFacts
from reader.analysis.phases import mark

if TYPE_CHECKING:
    from spacy.language import Language

#: Below this many characters a document is parsed in the calling process by default: starting
#: workers and loading the model in each (about 2 s) costs more than it saves.
PARALLEL_MIN_CHARS = 150_000
#: Batches in flight per worker: enough to keep each busy, few enough to bound memory.
AHEAD_PER_JOB = 2
#: How often a waiting parent checks that it has not been cancelled (seconds).
POLL = 0.2

#: One piece to parse: its start offset in the article and its text (line ends made spaces).
Piece = tuple[int, str]
#: A parsed piece: its facts, and whether the parser set sentence starts (else the caller does).
Parsed = tuple[ParagraphFacts, bool]


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def resolve_jobs(jobs: int | None, text_chars: int) -> int:
    """How many processes parse a document of ``text_chars`` characters: ``jobs`` when given (at
    least 1), else every core for a document of :data:`PARALLEL_MIN_CHARS` or more, else 1."""
    if jobs is not None:
        return max(1, jobs)
    return cores() if text_chars >= PARALLEL_MIN_CHARS else 1


def parse_pieces(nlp: Language, pieces: Sequence[Piece]) -> Iterator[Parsed]:
    """Parse one batch of pieces, in order (the one function the serial and parallel paths share)."""
    from reader.analysis.parse import read_paragraph

    docs = nlp.pipe((piece for _, piece in pieces), batch_size=len(pieces))
    for (start, _), doc in zip(pieces, docs, strict=True):
        facts = read_paragraph(doc, start)
        has_sentences = doc.has_annotation("SENT_START")
        if has_sentences:
            facts.sentence_starts = [start + sentence.start_char for sentence in doc.sents]
        yield facts, has_sentences


# -- the worker processes ---------------------------------------------------------------------------

_worker_model: str | None = None
_worker_loaded = False


def die_with_parent(parent_pid: int) -> None:
    """End this process when ``parent_pid`` ends (SIGKILL included), so that no worker is orphaned.

    On Linux the kernel sends SIGKILL (``PR_SET_PDEATHSIG``); elsewhere a daemon thread polls the
    parent's id."""
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            libc = ctypes.CDLL(None, use_errno=True)
            pr_set_pdeathsig = 1
            if libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0) == 0:
                if os.getppid() != parent_pid:  # the parent died before prctl took effect
                    os._exit(1)
                return
        except (OSError, AttributeError):
            pass

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="byline-lifeline", daemon=True).start()


def _start_worker(model: str, parent_pid: int) -> None:
    global _worker_model
    die_with_parent(parent_pid)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _worker_model = model


def _parse_in_worker(pieces: list[Piece]) -> list[Parsed]:
    from reader.analysis.nlp import load_model

    global _worker_loaded
    nlp = load_model(_worker_model)
    if not _worker_loaded:
        _worker_loaded = True
        mark("worker-model-loaded")
    return list(parse_pieces(nlp, pieces))


def _context() -> multiprocessing.context.BaseContext:
    # fork starts a worker in milliseconds, but forking a process with other threads (a TUI) can
    # copy a lock some thread holds: then spawn.
    single_threaded = threading.active_count() == 1
    fork = sys.platform.startswith("linux") and single_threaded
    return multiprocessing.get_context("fork" if fork else "spawn")


def parse_in_processes(
    model: str,
    batches: Sequence[Sequence[Piece]],
    jobs: int,
    on_batch: Callable[[int], None] | None = None,
) -> Iterator[Parsed]:
    """Parse ``batches`` in ``jobs`` worker processes that load ``model`` once; yields in order.

    ``on_batch(i)`` is called after batch ``i`` is yielded (and while waiting, every :data:`POLL`
    seconds, with the last finished index), and may raise to stop: the workers are then killed at
    once, so a closed reader does not keep the cores busy."""
    pool = ProcessPoolExecutor(jobs, mp_context=_context(), initializer=_start_worker,
                               initargs=(model, os.getpid()))
    pending: deque[Future[list[Parsed]]] = deque()
    finished = True
    try:
        upcoming = iter(batches)
        for batch in upcoming:
            pending.append(pool.submit(_parse_in_worker, list(batch)))
            if len(pending) >= jobs * AHEAD_PER_JOB:
                break
        done = -1
        while pending:
            future = pending.popleft()
            while True:
                try:
                    parsed = future.result(timeout=POLL)
                    break
                except TimeoutError:
                    if on_batch is not None:
                        on_batch(done)
            yield from parsed
            done += 1
            if on_batch is not None:
                on_batch(done)
            following = next(upcoming, None)
            if following is not None:
                pending.append(pool.submit(_parse_in_worker, list(following)))
    except BaseException:
        finished = False
        raise
    finally:
        if finished:
            pool.shutdown()
        else:
            _kill(pool)


def _kill(pool: ProcessPoolExecutor) -> None:
    """Stop a pool without waiting for the batches in flight."""
    processes = list((pool._processes or {}).values())  # the executor offers no public handle
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.kill()
    for process in processes:
        process.join(timeout=5)
