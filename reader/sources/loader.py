"""``load_article``: any supported input -> an :class:`Article`, or one line saying why not.

What a spec means:

- ``-``: standard input (``pbpaste | byline -``); HTML is recognised by its content.
- ``http://`` / ``https://``: fetched (see :mod:`reader.sources.url`); the
  Content-Type header (or the content) says whether it is HTML, Markdown or text.
- a path: by suffix, ``.txt``, ``.md``/``.markdown``, ``.html``/``.htm``/``.xhtml``;
  any other file is read as text unless its content is an HTML document.

Whatever the format, ``Article.text`` is the text shown and analysed, and
``Article.metadata`` says how it was made: ``format`` (``text``, ``markdown``
or ``html``) and, for text and Markdown, ``source_map`` (see
:mod:`reader.sources.offsets`), which maps every shown offset back into the
decoded source file.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, BinaryIO

from reader.errors import BylineError
from reader.sources import raw
from reader.sources.article import BODY_START_KEY, FURNITURE_KEY, Article, ArticleLink
from reader.sources.header import find_furniture, parse_header
from reader.sources.offsets import SOURCE_LENGTH_KEY, SOURCE_MAP_KEY, SourceMap, normalise_newlines
from reader.sources.url import DEFAULT_TIMEOUT, fetch, is_url

STDIN_SPEC = "-"
_MARKDOWN_SUFFIXES = (".md", ".markdown")
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_MARKDOWN_TYPES = ("text/markdown", "text/x-markdown")


def _format_for_suffix(name: str) -> str | None:
    lowered = name.lower()
    if lowered.endswith(_MARKDOWN_SUFFIXES):
        return "markdown"
    if lowered.endswith(_HTML_SUFFIXES):
        return "html"
    if lowered.endswith(".txt"):
        return "text"
    return None


def _decode_checked(data: bytes, origin: str, declared: str | None = None) -> tuple[str, str, bool]:
    """Decode, refusing empty input; returns text, encoding and whether a byte-order mark was there."""
    if not data:
        raise BylineError(f"{origin}: is empty (nothing to read)")
    text, encoding = raw.decode_text(data, origin, declared)
    if not text.strip():
        raise BylineError(f"{origin}: contains only whitespace (nothing to read)")
    has_bom = encoding == "utf-8-sig"
    return text, ("utf-8" if has_bom else encoding), has_bom


def _from_text(text: str) -> tuple[str, SourceMap, dict[str, Any]]:
    """A text file is shown as it is (line ends aside): its header lines stay in the text, and
    ``body_start`` tells the analysis where the article itself begins."""
    header = parse_header(text)
    shown, source_map = normalise_newlines(text)
    info: dict[str, Any] = {"title": header.title, "published": header.published, "author": header.author}
    if header.body_start:
        info[BODY_START_KEY] = len(normalise_newlines(text, 0, header.body_start)[0])
    if header.fields:
        info["header"] = dict(header.fields)
    return shown, source_map, info


def _from_markdown(text: str) -> tuple[str, SourceMap, dict[str, Any]]:
    from reader.sources.markdown import render_markdown

    rendered = render_markdown(text)
    header = parse_header(rendered.text, detect_title=rendered.title is None)
    shown = rendered.text[header.body_start:]
    source_map = rendered.source_map.without_prefix(header.body_start)
    info: dict[str, Any] = {
        "title": rendered.title or header.title,
        "published": rendered.published or header.published,
        "author": rendered.author or header.author,
    }
    if rendered.front_matter:
        info["front_matter"] = {key: str(value) for key, value in rendered.front_matter.items()}
    if header.fields:
        info["header"] = dict(header.fields)
    info["links"] = [ArticleLink(start - header.body_start, end - header.body_start, href)
                     for start, end, href in rendered.links if start >= header.body_start]
    return shown, source_map, info


def article_from_bytes(
    data: bytes,
    *,
    source: str,
    origin: str,
    fmt: str | None = None,
    declared_charset: str | None = None,
    url: str | None = None,
) -> Article:
    """Build an :class:`Article` from raw bytes; ``fmt`` None means "tell HTML from text by content"."""
    from reader.sources.html import declared_charset as html_charset
    from reader.sources.html import extract_article, looks_like_html

    if fmt in (None, "html") and not declared_charset:
        declared_charset = html_charset(data)
    text, encoding, has_bom = _decode_checked(data, origin, declared_charset if fmt != "text" else None)
    if fmt is None:
        fmt = "html" if looks_like_html(text) else "text"
    metadata: dict[str, Any] = {"format": fmt}
    if has_bom:
        metadata["bom"] = True
    if url:
        metadata["url"] = url
    if fmt == "html":
        page = extract_article(text, origin, url)
        metadata.update(page.metadata)
        _add_furniture(page.text, 0, metadata)
        return Article(text=page.text, source=source, title=page.title, published=page.published,
                       author=page.author, encoding=encoding, metadata=metadata,
                       links=[ArticleLink(*link) for link in page.links])
    shown, source_map, info = _from_markdown(text) if fmt == "markdown" else _from_text(text)
    if not shown.strip():
        raise BylineError(f"{origin}: has a title but no article text")
    metadata[SOURCE_MAP_KEY] = source_map.to_list()
    metadata[SOURCE_LENGTH_KEY] = source_map.source_length
    metadata.update({key: value for key, value in info.items()
                     if key not in ("title", "published", "author", "links")})
    header_fields = metadata.get("header") or {}
    for key in ("desk", "outlet"):
        if header_fields.get(key):
            metadata.setdefault(key, header_fields[key])
    _add_furniture(shown, int(metadata.get(BODY_START_KEY, 0)), metadata)
    return Article(text=shown, source=source, title=info["title"], published=info["published"],
                   author=info["author"], encoding=encoding, metadata=metadata,
                   links=info.get("links", []))


def _add_furniture(text: str, body_start: int, metadata: dict[str, Any]) -> None:
    """The dateline and credit lines as metadata (``dateline_place``, ``agency``, ``credits`` ...),
    and their spans under ``FURNITURE_KEY`` so that the analysis makes no actor of them."""
    furniture = find_furniture(text, body_start)
    for key, value in furniture.fields.items():
        metadata.setdefault(key, value)
    if furniture.spans:
        metadata[FURNITURE_KEY] = [list(span) for span in furniture.spans]


def _read_stdin(stream: BinaryIO | None, limit: int) -> bytes:
    if stream is None:
        if sys.stdin is None or sys.stdin.isatty():
            raise BylineError("standard input: nothing piped in (try: pbpaste | byline -)")
        stream = sys.stdin.buffer
    return raw.read_stream(stream, "standard input", limit)


def _url_format(content_type: str, url: str) -> str | None:
    if content_type in _HTML_TYPES:
        return "html"
    if content_type in _MARKDOWN_TYPES:
        return "markdown"
    return _format_for_suffix(url.split("?", 1)[0].split("#", 1)[0]) if content_type != "text/plain" else None


def load_article(
    spec: str | Path,
    *,
    max_bytes: int | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    stdin: BinaryIO | None = None,
) -> Article:
    """Load an article from a path, ``-`` (standard input) or an http(s) URL.

    ``max_bytes`` overrides the size limit (default 20 MiB, or
    ``$BYLINE_MAX_BYTES``); ``timeout`` bounds a URL fetch; ``stdin`` replaces
    the process's standard input (tests). Every failure is a one-line
    :class:`BylineError`.
    """
    limit = raw.max_bytes(max_bytes)
    if isinstance(spec, str) and spec == STDIN_SPEC:
        data = _read_stdin(stdin, limit)
        return article_from_bytes(data, source=STDIN_SPEC, origin="standard input")
    if isinstance(spec, str) and is_url(spec):
        fetched = fetch(spec, timeout=timeout, limit=limit)
        return article_from_bytes(
            fetched.data,
            source=spec,
            origin=spec,
            fmt=_url_format(fetched.content_type, fetched.url),
            declared_charset=fetched.charset,
            url=fetched.url,
        )
    path = Path(spec)
    data = raw.read_file(path, limit)
    return article_from_bytes(data, source=str(path), origin=str(path), fmt=_format_for_suffix(path.name))


def article_source_map(article: Article) -> SourceMap | None:
    """The map from ``article.text`` offsets back to its source file, when the loader kept one."""
    segments = article.metadata.get(SOURCE_MAP_KEY)
    if segments is None:
        return None
    return SourceMap.from_list(segments, int(article.metadata.get(SOURCE_LENGTH_KEY, 0)))
