"""Issue 17 §3: resource exhaustion. Each bomb runs in a subprocess under a memory limit and a timeout.

The URL cases use a server on 127.0.0.1 only.
"""

from __future__ import annotations

import itertools
import os
import resource
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml

from reader.analysis.pipeline import MAX_BATCH_CHARS, MAX_CHUNK_CHARS, _batches, chunk_spans
from reader.errors import BylineError
from reader.safe_yaml import YamlLimitError, load_yaml
from reader.sources.url import fetch

# 9 levels of 9 aliases: 9**9 = 387 million strings once expanded, in 371 bytes.
ALIAS_BOMB = "\n".join(
    ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]" for i in range(8)]
) + "\n"


def run_limited(args: list[str], tmp_path: Path, *, limit_mb: int, timeout: float = 120,
                stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """``python -m reader ARGS`` with its address space capped at ``limit_mb``."""

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit_mb << 20, limit_mb << 20))

    return subprocess.run(
        [sys.executable, "-m", "reader", *args], capture_output=True, timeout=timeout, input=stdin,
        preexec_fn=cap, env={**os.environ, "BYLINE_HOME": str(tmp_path / "home")},
    )


# -- YAML -----------------------------------------------------------------------------------------


def test_the_alias_bomb_is_small() -> None:
    assert len(ALIAS_BOMB.encode()) < 400


def test_yaml_loader_refuses_bombs_and_keeps_ordinary_aliases() -> None:
    with pytest.raises(YamlLimitError, match="more than 100,000 values once its aliases are expanded"):
        load_yaml(ALIAS_BOMB)
    with pytest.raises(YamlLimitError, match="recursive alias"):
        load_yaml("a: &a [*a]")
    with pytest.raises(YamlLimitError, match="nested too deeply"):
        load_yaml("[" * 20_000 + "]" * 20_000)
    with pytest.raises(YamlLimitError, match="too large"):
        load_yaml("a: b\n" * 300_000)
    assert load_yaml("base: &b {x: 1}\nother: *b\n") == {"base": {"x": 1}, "other": {"x": 1}}
    assert isinstance(YamlLimitError("x"), yaml.YAMLError)


def test_theme_bomb_is_one_line(tmp_path: Path) -> None:
    theme = tmp_path / "bomb.yaml"
    theme.write_text(ALIAS_BOMB, encoding="utf-8")
    result = run_limited(["themes", "--check", str(theme)], tmp_path, limit_mb=512, timeout=60)
    assert result.returncode == 2
    assert result.stderr.decode() == (
        f"byline: {theme}: refused: more than 100,000 values once its aliases are expanded (an alias bomb?); "
        "allowed: a theme of a few KiB\n"
    )


def test_theme_bomb_in_the_user_folder_is_listed_with_its_error(tmp_path: Path) -> None:
    themes = tmp_path / "home" / "config" / "themes"
    themes.mkdir(parents=True)
    (themes / "bomb.yaml").write_text(ALIAS_BOMB, encoding="utf-8")
    result = run_limited(["themes"], tmp_path, limit_mb=512, timeout=60)
    assert result.returncode == 0
    assert b"an alias bomb?" in result.stdout and len(result.stdout) < 4000


def test_config_bomb_is_reported_not_expanded(tmp_path: Path, byline_home: Path) -> None:
    from reader.config import load_config

    (byline_home / "config").mkdir(parents=True)
    (byline_home / "config" / "config.yaml").write_text(ALIAS_BOMB, encoding="utf-8")
    config = load_config()
    assert config.problem is not None and "an alias bomb?" in config.problem


def test_front_matter_bomb_costs_nothing(tmp_path: Path) -> None:
    article = tmp_path / "bomb.md"
    article.write_text(f"---\n{ALIAS_BOMB}title: *i\n---\n\nThe minister said “no” on Monday.\n",
                       encoding="utf-8")
    result = run_limited(["analyze", str(article), "--format", "json"], tmp_path, limit_mb=1500, timeout=300)
    assert result.returncode == 0, result.stderr
    assert len(result.stdout) < 10_000  # the bomb printed 226 MB


# -- one long line --------------------------------------------------------------------------------


def test_a_two_megabyte_line_is_parsed_in_small_batches() -> None:
    line = " ".join(["The minister said that the talks would resume soon."] * 40_000)
    assert len(line) > 2_000_000 and "\n" not in line
    chunks = chunk_spans(line)
    assert max(end - start for start, end in chunks) <= MAX_CHUNK_CHARS
    assert all(line[end - 2 : end] == ". " for _start, end in chunks[:-1])  # cut after a sentence
    assert chunks[0][0] == 0 and chunks[-1][1] == len(line)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(chunks))  # nothing lost
    for batch in _batches(chunks):
        assert sum(end - start for start, end in batch) <= MAX_BATCH_CHARS


def test_a_long_line_stays_within_memory(tmp_path: Path) -> None:
    """The same words on one line cost what they cost in paragraphs (a bounded size keeps it quick)."""
    sentence = "The minister said that talks with Kyiv would resume soon, officials said."
    article = tmp_path / "line.txt"
    article.write_text(" ".join([sentence] * 1_600) + "\n", encoding="utf-8")  # 120 KB, one line
    result = run_limited(["analyze", str(article), "--format", "jsonl", "--no-cache"], tmp_path,
                         limit_mb=900, timeout=600)
    assert result.returncode == 0, result.stderr[-500:]


# -- URLs -----------------------------------------------------------------------------------------

BODY = b"The minister said the talks were over. " * 20


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/trickle":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", "100")
            self.end_headers()
            for _ in range(100):
                try:
                    self.wfile.write(b"x")
                    self.wfile.flush()
                except OSError:
                    return
                time.sleep(0.3)
            return
        if self.path == "/slow-headers":
            self.wfile.write(b"HTTP/1.0 200 OK\r\n")
            for _ in range(100):
                try:
                    self.wfile.write(b"X-Slow: y\r\n")
                    self.wfile.flush()
                except OSError:
                    return
                time.sleep(0.3)
            return
        if self.path == "/short":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(BODY) * 2))
            self.end_headers()
            self.wfile.write(BODY)
            self.wfile.flush()
            self.close_connection = True
            return
        if self.path == "/big":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            try:
                for _ in range(64):
                    self.wfile.write(b"y" * 65536)
            except OSError:  # the client stopped reading at its size cap
                pass
            return
        if self.path.startswith("/to-"):
            self.send_response(302)
            self.send_header("Location", self.path.removeprefix("/to-").replace("|", "/"))
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(BODY)))
        self.end_headers()
        self.wfile.write(BODY)

    def log_message(self, format: str, *args: object) -> None:
        return


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()


def test_a_trickled_body_hits_the_overall_deadline(server: str) -> None:
    with pytest.raises(BylineError) as caught:
        fetch(f"{server}/trickle", timeout=5, deadline=1.5, limit=1 << 20)
    assert str(caught.value) == f"{server}/trickle: the answer did not arrive within 1.5 s (too slow)"


def test_headers_trickled_one_line_at_a_time_hit_the_deadline(server: str) -> None:
    with pytest.raises(BylineError) as caught:
        fetch(f"{server}/slow-headers", timeout=5, deadline=1.5, limit=1 << 20)
    assert str(caught.value) == f"{server}/slow-headers: the answer did not arrive within 1.5 s (too slow)"


def test_a_body_shorter_than_its_content_length_is_an_error(server: str) -> None:
    with pytest.raises(BylineError) as caught:
        fetch(f"{server}/short", limit=1 << 20)
    assert str(caught.value) == (
        f"{server}/short: the server sent {len(BODY):,} of the {2 * len(BODY):,} bytes it announced "
        "(connection cut?)"
    )


def test_a_body_over_the_size_cap_is_refused(server: str) -> None:
    with pytest.raises(BylineError, match="too large"):
        fetch(f"{server}/big", limit=1 << 20)


def test_redirects_only_to_http(server: str) -> None:
    assert fetch(f"{server}/to-|ok", limit=1 << 20).data == BODY
    for target in ("ftp:||127.0.0.1|x", "file:|||etc|passwd"):
        with pytest.raises(BylineError) as caught:
            fetch(f"{server}/to-{target}", limit=1 << 20)
        scheme = target.split(":")[0]
        assert str(caught.value) == (
            f"{server}/to-{target}: the server redirects to a {scheme}: URL; only http and https are followed"
        )


def test_a_malformed_url_is_one_line(tmp_path: Path) -> None:
    result = run_limited(["analyze", "http://[::1"], tmp_path, limit_mb=512, timeout=60)
    assert result.returncode == 2
    assert result.stderr.decode() == "byline: http://[::1: not a valid URL (Invalid IPv6 URL)\n"



def test_quitting_does_not_wait_for_a_running_analysis(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`q` during a long analysis: the app ends while the analysis thread is still busy (it used to
    keep the process until the analysis reached its next progress callback)."""
    import threading

    import reader.analysis
    from reader.sources import load_article
    from reader.tui.app import BylineApp

    gate = threading.Event()

    def endless(article: object, **_options: object) -> None:
        gate.wait(20)
        raise BylineError("stopped by the test")

    monkeypatch.setattr(reader.analysis, "analyze", endless)
    path = tmp_path / "story.txt"
    path.write_text("The minister said the talks were over.\n", encoding="utf-8")
    app = BylineApp(load_article(path))

    async def press_q(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.pause(0.3)
        await pilot.press("q")

    try:
        app.run(headless=True, auto_pilot=press_q)
        busy = [t for t in threading.enumerate() if t.name.startswith("byline-worker") and t.is_alive()]
        assert busy and not gate.is_set()  # returned while the analysis still runs
    finally:
        gate.set()
