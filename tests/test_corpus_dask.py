"""One process, a process pool and a local 2-worker Dask cluster give the same records."""

from __future__ import annotations

import gzip
import json
import random
from pathlib import Path

import pytest
from conftest import SAMPLES

from reader.cli import main

pytest.importorskip("distributed")

ARTICLES = 50


def _small_corpus(path: Path) -> Path:
    """50 short articles (two or three sample paragraphs each, fixed seed) as one JSONL file."""
    paragraphs = [line.strip() for sample in sorted(SAMPLES.glob("*.txt"))
                  for line in sample.read_text(encoding="utf-8").splitlines() if len(line.split()) > 12]
    rng = random.Random(18)
    outlets = ("Wire Daily", "The Herald", "Morning Post")
    with path.open("w", encoding="utf-8") as handle:
        for number in range(ARTICLES):
            text = "\n".join(rng.sample(paragraphs, rng.randint(2, 3))) + "\n"
            row = {"id": f"n{number}", "text": text, "outlet": outlets[number % 3],
                   "date": f"2024-08-{number % 28 + 1:02d}"}
            handle.write(json.dumps(row) + "\n")
    return path


def _records(lines: list[str]) -> list[dict]:
    return sorted((json.loads(line) for line in lines), key=lambda record: record["index"])


def test_jobs_and_dask_give_the_single_process_records(capsys, tmp_path: Path) -> None:
    corpus = str(_small_corpus(tmp_path / "corpus.jsonl"))
    runs = {}
    for name, extra in (("one", []), ("two", ["--jobs", "2"]), ("dask", ["--dask", "--jobs", "2"])):
        code = main(["analyze", corpus, "--format", "jsonl", "--no-cache", "--no-text", *extra])
        out, err = capsys.readouterr()
        assert code == 0, err + out[:600]
        runs[name] = _records(out.splitlines())
    assert [record["index"] for record in runs["one"]] == list(range(ARTICLES))
    assert runs["two"] == runs["one"]
    assert runs["dask"] == runs["one"]


def test_dask_writes_partitions(capsys, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"n{i}", "text": "Talks are off, the Kremlin said."}) + "\n"
                              for i in range(3)) + "not json\n", encoding="utf-8")
    partitions = f"{tmp_path}/out/"
    code = main(["analyze", str(corpus), "--format", "jsonl", "--dask", "--jobs", "2", "-o", partitions])
    _, err = capsys.readouterr()
    lines = []
    for part in sorted((tmp_path / "out").glob("part-*.jsonl.gz")):
        with gzip.open(part, "rt", encoding="utf-8") as handle:
            lines += handle.read().splitlines()
    records = _records(lines)
    assert code == 3
    assert [(r["index"], r["source"].rsplit("/", 1)[-1], "error" in r) for r in records] == [
        (0, "corpus.jsonl#n0", False), (1, "corpus.jsonl#n1", False), (2, "corpus.jsonl#n2", False),
        (3, "corpus.jsonl:4", True),
    ]
    assert err.startswith("byline: 4 inputs: 3 analysed, 1 failed in ")


def _worker_settings() -> tuple[str | None, bool, str]:
    import os

    import dask

    return (os.environ.get("MALLOC_TRIM_THRESHOLD_"), dask.config.get("distributed.worker.profile.enabled"),
            dask.config.get("distributed.admin.tick.interval"))


def test_local_cluster_workers_run_like_a_plain_process(monkeypatch) -> None:
    """The local cluster's workers run without the nanny's MALLOC_TRIM_THRESHOLD_ (which costs
    40-45 % more CPU per article), without the statistical profiler and with the event loop's
    blockage check every second instead of every 20 ms, and the caller's own Dask
    configuration is left as it was."""
    import dask

    from reader.analysis.on_dask import dask_client

    monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_", raising=False)
    assert dask.config.get("distributed.nanny.pre-spawn-environ")["MALLOC_TRIM_THRESHOLD_"] == 65536
    with dask_client(None, 1) as client:
        assert list(client.run(_worker_settings).values()) == [(None, False, "1s")]
    assert dask.config.get("distributed.nanny.pre-spawn-environ")["MALLOC_TRIM_THRESHOLD_"] == 65536
    assert dask.config.get("distributed.worker.profile.enabled") is True
    assert dask.config.get("distributed.admin.tick.interval") == "20ms"


def test_partitions_start_small_then_take_twenty() -> None:
    """Each worker's first partition holds 4 articles (the first records come back sooner), the
    rest 20, the last what is left; every article is in exactly one partition."""
    from reader.analysis.on_dask import partition_sizes

    assert partition_sizes(50, 2) == [4, 4, 20, 20, 2]
    assert partition_sizes(48, 2) == [4, 4, 20, 20]
    assert partition_sizes(30, 1) == [4, 20, 6]
    assert partition_sizes(9, 2) == [4, 4, 1]
    assert partition_sizes(3, 2) == [3]
    assert partition_sizes(0, 2) == []
    assert sum(partition_sizes(2000, 8)) == 2000
