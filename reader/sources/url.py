"""Fetch an article over http(s), with a timeout and one-line errors.

The standard library's urllib is enough for one GET, and keeps Byline free of
an HTTP client dependency. Redirects are followed (to http and https only); anything but a final
``200 OK`` is an error that names the status, and being offline, a refused
connection or a timeout each get their own message.
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any

from reader import __version__
from reader.errors import BylineError
from reader.sources.raw import too_large

DEFAULT_TIMEOUT = 15.0
"""Seconds to wait for a server to connect and to answer each read."""
DEFAULT_DEADLINE = 60.0
"""Seconds the whole fetch may take, redirects and body included (a trickled body cannot hang)."""
CHUNK = 64 * 1024


@dataclass(slots=True)
class Fetched:
    url: str
    data: bytes
    content_type: str
    charset: str | None


def is_url(spec: str) -> bool:
    return spec.lower().startswith(("http://", "https://"))


def _reason(error: BaseException) -> str:
    reason = getattr(error, "reason", error)
    if isinstance(reason, socket.timeout | TimeoutError):
        return "timed out"
    if isinstance(reason, socket.gaierror):
        return "cannot resolve the host name (are you offline?)"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    text = getattr(reason, "strerror", None) or str(reason) or type(reason).__name__
    return " ".join(str(text).split())


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects only to http(s): never to ``ftp:``, ``file:`` or anything else."""

    def http_error_302(self, req: urllib.request.Request, fp: Any, code: int, msg: str, headers: Any) -> Any:
        location = headers.get("location") or headers.get("uri")
        if location:
            scheme = urllib.parse.urlsplit(urllib.parse.urljoin(req.full_url, location)).scheme.lower()
            if scheme not in ("http", "https"):
                raise BylineError(f"{req.full_url}: the server redirects to a {scheme}: URL; "
                                  "only http and https are followed")
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


class _Watchdog:
    """Shuts down every connection of one fetch at its deadline, wherever the fetch is waiting.

    A per-read timeout cannot stop a server that sends its status line or headers one byte at a
    time; shutting the socket down makes the blocked read return at once.
    """

    def __init__(self, deadline: float) -> None:
        self.deadline = deadline
        self.fired = False
        self._timers: list[threading.Timer] = []

    def arm(self, sock: socket.socket) -> None:
        timer = threading.Timer(max(0.0, self.deadline - time.monotonic()), self._shut, [sock])
        timer.daemon = True
        self._timers.append(timer)
        timer.start()

    def _shut(self, sock: socket.socket) -> None:
        self.fired = True
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)

    def cancel(self) -> None:
        for timer in self._timers:
            timer.cancel()


def _watched(base: type[http.client.HTTPConnection], watchdog: _Watchdog) -> Any:
    """An ``http.client`` connection class whose socket ``watchdog`` shuts down at the deadline."""

    class WatchedConnection(base):  # type: ignore[valid-type,misc]
        def connect(self) -> None:
            super().connect()
            watchdog.arm(self.sock)

    return WatchedConnection


class _DeadlineHTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, watchdog: _Watchdog) -> None:
        super().__init__()
        self._connection = _watched(http.client.HTTPConnection, watchdog)

    def http_open(self, req: urllib.request.Request) -> Any:
        return self.do_open(self._connection, req)


class _DeadlineHTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, watchdog: _Watchdog) -> None:
        super().__init__()
        self._connection = _watched(http.client.HTTPSConnection, watchdog)

    def https_open(self, req: urllib.request.Request) -> Any:
        return self.do_open(self._connection, req, context=self._context)  # type: ignore[attr-defined]


def _read_body(response: Any, url: str, limit: int, deadline: float, budget: float) -> bytes:
    """The body, read in chunks with the overall deadline checked between them.

    ``read1`` returns what has arrived, so a server trickling one byte at a time cannot hold the
    fetch past ``deadline`` (a :func:`time.monotonic` value). A body shorter than its
    Content-Length is an error (a cut connection), not a shorter article.
    """
    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > deadline:
            raise BylineError(f"{url}: the answer did not arrive within {budget:g} s (too slow)")
        chunk = response.read1(CHUNK)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            raise too_large(url, None, limit)
    if time.monotonic() >= deadline:  # the watchdog shut the connection: that is not the body's end
        raise BylineError(f"{url}: the answer did not arrive within {budget:g} s (too slow)")
    announced = response.headers.get("Content-Length")
    if announced is not None and announced.strip().isdigit() and int(announced) != size:
        raise BylineError(
            f"{url}: the server sent {size:,} of the {int(announced):,} bytes it announced (connection cut?)"
        )
    return b"".join(chunks)


def fetch(
    url: str, *, timeout: float = DEFAULT_TIMEOUT, limit: int, deadline: float = DEFAULT_DEADLINE
) -> Fetched:
    """GET ``url`` and return its body, or raise a one-line :class:`BylineError`.

    ``timeout`` bounds the connection and each read (seconds), ``deadline`` the whole fetch,
    ``limit`` the body's size in bytes. Redirects are followed to http(s) only.
    """
    give_up = time.monotonic() + deadline
    watchdog = _Watchdog(give_up)
    opener = urllib.request.build_opener(
        _HttpOnlyRedirects, _DeadlineHTTPHandler(watchdog), _DeadlineHTTPSHandler(watchdog)
    )
    too_slow = BylineError(f"{url}: the answer did not arrive within {deadline:g} s (too slow)")
    try:
        request = urllib.request.Request(url, headers={"User-Agent": f"byline/{__version__}"})
        with opener.open(request, timeout=min(timeout, deadline)) as response:
            if response.status != 200:
                raise BylineError(f"{url}: the server answered {response.status} {response.reason}")
            data = _read_body(response, url, limit, give_up, deadline)
            content_type = response.headers.get_content_type()
            charset = response.headers.get_content_charset()
            final_url = response.geturl()
    except urllib.error.HTTPError as error:
        raise BylineError(f"{url}: the server answered {error.code} {error.reason}") from None
    except (urllib.error.URLError, OSError) as error:
        if watchdog.fired:
            raise too_slow from None
        if isinstance(error, socket.timeout | TimeoutError) or "timed out" in _reason(error):
            raise BylineError(f"{url}: no answer within {timeout:g} s (timed out)") from None
        raise BylineError(f"{url}: cannot fetch it: {_reason(error)}") from None
    except http.client.HTTPException as error:
        if watchdog.fired:
            raise too_slow from None
        raise BylineError(f"{url}: the server's answer was not valid HTTP ({type(error).__name__})") from None
    except ValueError as error:
        raise BylineError(f"{url}: not a valid URL ({error})") from None
    finally:
        watchdog.cancel()
    return Fetched(final_url, data, content_type, charset)
