"""Fetching articles over http from a server on 127.0.0.1 (the only network the tests touch)."""

from __future__ import annotations

import socket
import struct
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from reader.errors import BylineError
from reader.sources import load_article

NEWS_PAGE = (Path(__file__).parent / "fixtures" / "sources" / "news-page.html").read_bytes()
LEGACY_TEXT = "Zürich’s mayor said “no” — café talks are off.\n"
SLOW_SECONDS = 3.0

ROUTES: dict[str, tuple[int, str, bytes]] = {
    "/story.html": (200, "text/html; charset=utf-8", NEWS_PAGE),
    "/story": (200, "text/html", NEWS_PAGE),
    "/plain": (200, "text/plain; charset=windows-1252", LEGACY_TEXT.encode("cp1252")),
    "/notes.md": (200, "text/markdown", b"# Talks\n\nThe *Kremlin* said [no](http://x.example).\n"),
    "/image.png": (200, "image/png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
    "/big": (200, "text/plain", b"word " * 400),
    # More than a socket's buffers hold: a client that goes away at once breaks the server's write.
    "/huge": (200, "text/plain", b"word " * 2_000_000),
}
#: Set when the server has finished answering "/huge" (however the write ended).
HUGE_ANSWERED = threading.Event()


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/slow":
            time.sleep(SLOW_SECONDS)
        if self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/story.html")
            self.end_headers()
            return
        if self.path not in ROUTES:
            self.send_error(404 if self.path != "/broken" else 500)
            return
        status, content_type, body = ROUTES[self.path]
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        finally:
            if self.path == "/huge":
                HUGE_ANSWERED.set()

    def log_message(self, format: str, *args: object) -> None:  # keep the test output clean
        return


class QuietServer(ThreadingHTTPServer):
    """The test server, quiet about a client that goes away before the answer is written (the size
    limit stops reading, the timeout gives up on the slow route): socketserver printed a
    ``BrokenPipeError`` traceback into the test run for it. Any other error is still printed."""

    def handle_error(self, request: object, client_address: object) -> None:
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = QuietServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_html_page_over_http(server: str) -> None:
    article = load_article(f"{server}/story.html")
    assert article.source == f"{server}/story.html"
    assert article.metadata["format"] == "html"
    assert article.metadata["url"] == f"{server}/story.html"
    assert article.title == "Kremlin rules out talks as Ukraine presses Kursk push"
    assert article.published == "2024-08-19"
    assert "Yuri Ushakov stated" in article.text
    assert "SuperLoans" not in article.text


def test_redirect_is_followed(server: str) -> None:
    article = load_article(f"{server}/moved")
    assert article.metadata["url"] == f"{server}/story.html"
    assert article.source == f"{server}/moved"


def test_content_type_charset_is_used(server: str) -> None:
    article = load_article(f"{server}/plain")
    assert article.text == LEGACY_TEXT
    assert article.encoding == "cp1252"
    assert article.metadata["format"] == "text"


def test_markdown_content_type(server: str) -> None:
    article = load_article(f"{server}/notes.md")
    assert (article.title, article.text) == ("Talks", "The Kremlin said no.")


@pytest.mark.parametrize(("path", "status"), [("/missing", "404 Not Found"), ("/broken", "500")])
def test_non_200_is_a_one_line_error(server: str, path: str, status: str) -> None:
    with pytest.raises(BylineError, match=f"the server answered {status}") as caught:
        load_article(f"{server}{path}")
    assert "\n" not in str(caught.value)


def test_binary_download_is_named(server: str) -> None:
    with pytest.raises(BylineError, match="looks like a PNG image"):
        load_article(f"{server}/image.png")


def test_size_limit_applies_to_downloads(server: str) -> None:
    with pytest.raises(BylineError, match="too large"):
        load_article(f"{server}/big", max_bytes=1000)


def test_timeout(server: str) -> None:
    # The slow route answers after SLOW_SECONDS; an error (rather than an article) shows the
    # timeout cut the wait short, whatever the machine's load.
    with pytest.raises(BylineError, match=r"no answer within 0.5 s \(timed out\)"):
        load_article(f"{server}/slow", timeout=0.5)


def test_a_client_that_goes_away_early_prints_no_traceback(
    server: str, capfd: pytest.CaptureFixture[str]
) -> None:
    port = int(server.rsplit(":", 1)[1])
    HUGE_ANSWERED.clear()
    with socket.create_connection(("127.0.0.1", port)) as client:
        client.sendall(b"GET /huge HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        client.recv(1)  # the answer has started
        # Close with a reset, not reading the rest: the server's write fails.
        client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    assert HUGE_ANSWERED.wait(10)
    time.sleep(0.3)  # the server reports a failed answer after the handler returns
    assert capfd.readouterr().err == ""


def test_nothing_listening_is_a_one_line_error() -> None:
    with socket.socket() as probe:  # a port that was free a moment ago: nothing answers on it
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(BylineError, match="cannot fetch it: connection refused"):
        load_article(f"http://127.0.0.1:{port}/story.html", timeout=2)


def test_offline_name_lookup_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: object, **kwargs: object) -> list[object]:
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")

    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    with pytest.raises(BylineError, match=r"cannot resolve the host name \(are you offline\?\)"):
        load_article("https://news.invalid/story.html", timeout=2)
