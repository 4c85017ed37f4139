"""Where ``o`` (the article's source) and ``O`` (a link in it) go, and the two launchers.

:func:`source_target` is pure: a web article opens in the browser; an article read from a file
opens in ``$VISUAL`` (else ``$EDITOR``) at the line of the paragraph being read (``+N``, which vi,
vim, nano, emacs, micro and helix understand); standard input has nowhere to go.
:func:`safe_link` decides whether a link's address may be opened at all: only ``http``,
``https`` and ``mailto``, and nothing with a control or invisible character in it, so an article
can never make the reader run a program or open a local file.

The launchers (:func:`open_in_browser`, :func:`run_editor`) are module functions so the tests
replace them; the reading screen suspends the app around the editor.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import webbrowser
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from reader.sources.article import Article
from reader.sources.loader import article_source_map

#: The schemes ``O`` opens; anything else (``javascript:``, ``file:``, ``data:``, ...) is inert.
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
#: Controls, space, soft hyphen and invisible or direction-changing characters: never in a link opened.
_UNSAFE_CHARACTER = re.compile(
    r"[\x00-\x20\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]"
)


@dataclass(frozen=True, slots=True)
class OpenTarget:
    """``kind`` ``"url"`` (``where`` is the address) or ``"file"`` (``where`` the path and ``line``
    the 1-based line in it, ``None`` when unknown)."""

    kind: str
    where: str
    line: int | None = None


def safe_link(href: str) -> str | None:
    """``href`` when it may be opened (an absolute http/https/mailto address without control,
    space or invisible characters), else ``None``."""
    if not href or _UNSAFE_CHARACTER.search(href):
        return None
    parts = urlsplit(href)
    if parts.scheme.lower() not in SAFE_SCHEMES:
        return None
    if parts.scheme.lower() != "mailto" and not parts.netloc:
        return None
    return href


def _web_address(article: Article) -> str | None:
    for candidate in (article.source, str(article.metadata.get("url") or "")):
        if candidate and urlsplit(candidate).scheme.lower() in ("http", "https") and safe_link(candidate):
            return candidate
    return None


def source_line(article: Article, offset: int, file_text: str | None) -> int | None:
    """The 1-based line of the source file where the paragraph holding ``offset`` begins.

    ``file_text`` is the decoded source file; ``None`` when it could not be read. Uses the loader's
    source map (text and Markdown); a source without one (HTML) has no line."""
    span = article.structure.span_of(offset)
    start = span[0] if span else 0
    source_map = article_source_map(article)
    if source_map is None or file_text is None:
        return None
    position = min(source_map.to_source(start), len(file_text))
    return len(_LINE_BREAK.findall(file_text, 0, position)) + 1


def source_target(article: Article, offset: int, file_text: str | None = None) -> OpenTarget | None:
    """Where ``o`` opens the article (see the module docstring), or ``None`` (standard input)."""
    source = article.source
    if source and source != "-" and "://" not in source:
        path = Path(source)
        if path.is_file():
            return OpenTarget("file", str(path.resolve()), source_line(article, offset, file_text))
    if (url := _web_address(article)) is not None:
        return OpenTarget("url", url)
    return None


def read_source_text(article: Article) -> str | None:
    """The source file decoded as it was read (``None`` when it cannot be read now)."""
    try:
        data = Path(article.source).read_bytes()
    except OSError:
        return None
    encoding = article.encoding or "utf-8"
    try:
        return data.decode(encoding, errors="replace").removeprefix("\ufeff")
    except LookupError:
        return data.decode("utf-8", errors="replace")


def editor_command(environ: dict[str, str] | None = None) -> list[str] | None:
    """``$VISUAL``, else ``$EDITOR``, split as a shell would (``"code -w"``), or ``None``."""
    env = os.environ if environ is None else environ
    for name in ("VISUAL", "EDITOR"):
        value = env.get(name, "").strip()
        if value:
            try:
                words = shlex.split(value)
            except ValueError:
                continue
            if words:
                return words
    return None


def editor_argv(command: list[str], target: OpenTarget) -> list[str]:
    """The editor's argument list: ``[*command, "+LINE", PATH]`` (no ``+LINE`` when unknown). The
    path is absolute, so a file named ``-x`` is never read as an option."""
    line = [f"+{target.line}"] if target.line is not None else []
    return [*command, *line, target.where]


def open_in_browser(url: str) -> bool:
    """Open ``url`` in the user's browser (``webbrowser``); False when no browser could be started."""
    return webbrowser.open(url)


def run_editor(argv: list[str]) -> int:
    """Run the editor in the foreground (the app is suspended around it); its exit status."""
    return subprocess.run(argv, check=False).returncode
