"""The same per-article function over a Dask bag: ``byline analyze ... --dask [SCHEDULER]``.

Dask (``pip install "byline[dask]"``: ``dask[distributed]``, BSD-3-Clause) does the scheduling;
Byline only maps :func:`reader.analysis.batch.analyse_item` over a bag of corpus items (in
partitions of :data:`PARTITION_SIZE`, each worker's first of :data:`FIRST_PARTITION_SIZE`), so a
cluster gives exactly the records that one process gives. Each Dask worker is a process with one
thread, which loads the spaCy model on its first article and keeps it (``load_model`` is cached
per process). With no scheduler address a local cluster of ``workers`` processes is started and
stopped with the run, with :data:`LOCAL_CLUSTER_CONFIG` (worker CPU per article as in a plain
process).

Two ways out: :func:`dask_results` brings each partition's results back to the caller as the
partition finishes (the caller writes one output), and :func:`write_partitions` has every worker
write its own partition (``part-00000.jsonl.gz``, ...) into a folder that all workers can reach,
so that nothing large passes through the client.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import logging
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from reader.analysis.batch import BatchResult, BatchSettings, analyse_item
from reader.errors import BylineError
from reader.sources.corpus import CorpusItem

LOCAL_CLUSTER_CONFIG: dict[str, Any] = {
    # Dask's nanny starts each worker with MALLOC_TRIM_THRESHOLD_=65536 (to hand freed memory back
    # to the OS). Setting it switches off glibc's adaptive mmap threshold, so every array spaCy
    # allocates over 128 KiB is a fresh mmap: about 7,000 page faults per article, and 40-45 % more
    # CPU per article than the same analysis in a plain process (benchmarks/README.md, issue 18).
    # None unsets it (an explicit MALLOC_TRIM_THRESHOLD_ in the environment still wins).
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
    # The statistical profiler samples the worker's stack every 10 ms for a dashboard that a local
    # run does not start: about 6 % of a worker's CPU.
    "distributed.worker.profile.enabled": False,
    # Timers that wake each process's event loop (and take the GIL from the analysis): the loop
    # blockage check every 20 ms, the memory monitor every 100 ms, system statistics every 500 ms.
    # At 1 s, 1 s and 2 s an idle worker uses 0.27 % of a core instead of 1.6 %, and the parent
    # (scheduler, nannies, client) 0.75 % instead of 3.2 %.
    "distributed.admin.tick.interval": "1s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
}
"""Dask settings for the local cluster of ``--dask`` with no address: worker CPU per article
equal to a plain process's. A real cluster is configured by whoever starts its workers (see the
README's Dask recipe)."""

PARTITION_SIZE = 20
"""Articles per partition: small enough to balance the workers and bring the first records back
soon, large enough to amortise a task (milliseconds of scheduling against seconds of analysis)."""

FIRST_PARTITION_SIZE = 4
"""Articles in each worker's first partition, so that the first records come back after a few
articles rather than after 20 (results return a partition at a time)."""


def _dask() -> Any:
    try:
        import dask.bag
        import distributed
    except ImportError:
        raise BylineError('--dask needs the dask extra: pip install "byline[dask]"') from None
    return dask.bag, distributed


@contextlib.contextmanager
def dask_client(scheduler: str | None, workers: int) -> Iterator[Any]:
    """A ``distributed.Client`` on ``scheduler`` (``tcp://host:8786``), or on a local cluster of
    ``workers`` one-thread processes started here and closed on exit."""
    _, distributed = _dask()
    if scheduler:
        try:
            client = distributed.Client(scheduler, timeout="30s")
        except (OSError, TimeoutError) as error:
            raise BylineError(f"--dask {scheduler}: cannot reach the scheduler ({error})") from None
        with client:
            yield client
        return
    import dask

    # The nannies read the settings when they are made, and start (or restart) workers with them.
    with dask.config.set(LOCAL_CLUSTER_CONFIG):
        cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                           dashboard_address=None, silence_logs=logging.ERROR)
    with cluster, distributed.Client(cluster) as client:
        yield client


def partition_sizes(count: int, workers: int) -> list[int]:
    """Sizes of the partitions for ``count`` articles on ``workers`` workers: one partition of
    :data:`FIRST_PARTITION_SIZE` for each worker, then :data:`PARTITION_SIZE` each (the last one
    holds what is left). ``[4, 4, 20, 20, 2]`` for 50 articles on 2 workers."""
    sizes: list[int] = []
    while count > 0:
        size = min(count, FIRST_PARTITION_SIZE if len(sizes) < workers else PARTITION_SIZE)
        sizes.append(size)
        count -= size
    return sizes


def _analyse_partition(chunks: list[list[CorpusItem]], settings: BatchSettings) -> list[BatchResult]:
    return [analyse_item(item, settings) for chunk in chunks for item in chunk]


def _bag(items: list[CorpusItem], settings: BatchSettings, client: Any) -> Any:
    """A bag with one partition per chunk of :func:`partition_sizes`, each a list of results."""
    bag, _ = _dask()
    workers = max(1, sum(client.nthreads().values()))
    chunks: list[list[CorpusItem]] = []
    start = 0
    for size in partition_sizes(len(items), workers):
        chunks.append(items[start:start + size])
        start += size
    return bag.from_sequence(chunks, partition_size=1).map_partitions(_analyse_partition, settings)


def _ready(items: Iterable[CorpusItem]) -> tuple[list[CorpusItem], list[BatchResult]]:
    """Items to analyse, and the results of those that are already errors (no worker needed)."""
    todo: list[CorpusItem] = []
    failed: list[BatchResult] = []
    for item in items:
        if item.error is not None:
            failed.append(BatchResult(item.index, item.source, error=item.error))
        else:
            todo.append(item)
    return todo, failed


def dask_results(items: Iterable[CorpusItem], settings: BatchSettings, client: Any) -> Iterator[BatchResult]:
    """Results partition by partition, in the order the partitions finish."""
    _, distributed = _dask()
    todo, failed = _ready(items)
    yield from failed
    if not todo:
        return
    futures = client.compute(_bag(todo, settings, client).to_delayed())
    for future in distributed.as_completed(futures):
        yield from future.result()
        future.release()


def write_partitions(items: Iterable[CorpusItem], settings: BatchSettings, client: Any, folder: Path,
                     *, text: bool = True) -> Iterator[BatchResult]:
    """Have each worker write its partition's records to ``folder/part-NNNNN.jsonl.gz``.

    Yields, per finished partition, results stripped of their analyses (index, source, error,
    warning, language) for the caller's summary. Records of inputs that failed before analysis
    are written by the client to ``part-errors.jsonl.gz``."""
    import dask

    _, distributed = _dask()
    folder.mkdir(parents=True, exist_ok=True)
    todo, failed = _ready(items)
    if failed:
        _write_records(folder / "part-errors.jsonl.gz", failed, text)
        yield from failed
    parts = _bag(todo, settings, client).to_delayed() if todo else []
    writes = [dask.delayed(_write_partition)(part, str(folder / f"part-{n:05d}.jsonl.gz"), text)
              for n, part in enumerate(parts)]
    for future in distributed.as_completed(client.compute(writes)):
        yield from future.result()
        future.release()


def _write_partition(results: list[BatchResult], path: str, text: bool) -> list[BatchResult]:
    _write_records(Path(path), results, text)
    return [BatchResult(r.index, r.source, error=r.error, warning=r.warning, language=r.language)
            for r in results]


def _write_records(path: Path, results: list[BatchResult], text: bool) -> None:
    from reader.analysis.records import result_record

    with gzip.open(path, "wt", encoding="utf-8") as out:
        for result in results:
            out.write(json.dumps(result_record(result, text=text), ensure_ascii=False, separators=(",", ":")))
            out.write("\n")
