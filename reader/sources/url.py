"""Fetch an article over http(s), with a timeout and one-line errors.

The standard library's urllib is enough for one GET, and keeps Byline free of
an HTTP client dependency. Redirects are followed; anything but a final
``200 OK`` is an error that names the status, and being offline, a refused
connection or a timeout each get their own message.
"""

from __future__ import annotations

import http.client
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass

from reader import __version__
from reader.errors import BylineError
from reader.sources.raw import read_stream

DEFAULT_TIMEOUT = 15.0
"""Seconds to wait for a server to connect and to answer each read."""


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


def fetch(url: str, *, timeout: float = DEFAULT_TIMEOUT, limit: int) -> Fetched:
    """GET ``url`` and return its body, or raise a one-line :class:`BylineError`."""
    request = urllib.request.Request(url, headers={"User-Agent": f"byline/{__version__}"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            if response.status != 200:
                raise BylineError(f"{url}: the server answered {response.status} {response.reason}")
            data = read_stream(response, url, limit)
            content_type = response.headers.get_content_type()
            charset = response.headers.get_content_charset()
            final_url = response.geturl()
    except urllib.error.HTTPError as error:
        raise BylineError(f"{url}: the server answered {error.code} {error.reason}") from None
    except (urllib.error.URLError, OSError) as error:
        if isinstance(error, socket.timeout | TimeoutError) or "timed out" in _reason(error):
            raise BylineError(f"{url}: no answer within {timeout:g} s (timed out)") from None
        raise BylineError(f"{url}: cannot fetch it: {_reason(error)}") from None
    except http.client.HTTPException as error:
        raise BylineError(f"{url}: the server's answer was not valid HTTP ({type(error).__name__})") from None
    except ValueError as error:
        raise BylineError(f"{url}: not a valid URL ({error})") from None
    return Fetched(final_url, data, content_type, charset)
