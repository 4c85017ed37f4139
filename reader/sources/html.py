"""A saved web page -> the article in it, via trafilatura.

trafilatura finds the main text of a page and leaves out navigation, ads,
share bars and (as asked here) the comment section; it also reads the title,
author and publication date from the page's metadata (``<meta>``, JSON-LD,
``<time>``). The text comes back one paragraph per line, the layout of
Byline's plain-text articles. There is no offset map back into the HTML: the
markup is not something a reader would jump to. The links of the article text
are kept: trafilatura writes them as ``[words](href)``, and :func:`strip_links`
takes the address out, leaving the words and an ``(start, end, href)`` span.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from reader.errors import BylineError

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_HTML_START = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                         re.IGNORECASE | re.DOTALL)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MIN_PARAGRAPH_WORDS = 8
"""A page is an article when at least one extracted paragraph has this many words: a sentence,
not a menu item, a caption or a cookie button."""

for _name in ("trafilatura", "htmldate", "courlan", "justext"):
    # These libraries log extraction trouble as warnings; with no handler configured Python would
    # print them to stderr, in the middle of Byline's one-line error or the TUI.
    logging.getLogger(_name).addHandler(logging.NullHandler())


@dataclass(slots=True)
class ExtractedPage:
    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)
    links: list[tuple[int, int, str]] = field(default_factory=list)


_MARKDOWN_LINK = re.compile(
    r"\[(?P<words>[^\[\]\n]*)\]\((?:<(?P<angled>[^<>\n]*)>|(?P<bare>[^()\s]*(?:\([^()\s]*\)[^()\s]*)*))\)"
)


def strip_links(line: str) -> tuple[str, list[tuple[int, int, str]]]:
    """``line`` with each ``[words](href)`` trafilatura wrote replaced by its words, and the links as
    ``(start, end, href)`` offsets into the returned text (a link without words is dropped)."""
    pieces: list[str] = []
    links: list[tuple[int, int, str]] = []
    length = 0
    cursor = 0
    for match in _MARKDOWN_LINK.finditer(line):
        before = line[cursor:match.start()]
        pieces.append(before)
        length += len(before)
        words = match.group("words")
        href = match.group("angled") if match.group("angled") is not None else match.group("bare")
        pieces.append(words)
        if words.strip():
            lead = len(words) - len(words.lstrip())
            links.append((length + lead, length + len(words.rstrip()), href or ""))
        length += len(words)
        cursor = match.end()
    pieces.append(line[cursor:])
    return "".join(pieces), links


def looks_like_html(text: str) -> bool:
    """True when text that arrived without a file name (stdin, a URL) is an HTML document."""
    return bool(_HTML_START.match(text[:4096]))


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in ``<meta charset>`` / ``http-equiv``, from its first 4 KiB."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", "replace") if match else None


def _first_line(error: BaseException) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


def _same_words(first: str, second: str) -> bool:
    return first.split() == second.split()


def extract_article(html: str, origin: str, url: str | None = None) -> ExtractedPage:
    """Extract the article from ``html`` or raise a one-line :class:`BylineError`.

    A missing or broken extractor (trafilatura, or the lxml HTML cleaner its jusText imports on first
    use) is reported the same way, as ``ORIGIN: cannot read HTML: REASON``, never as a traceback.
    """
    try:
        import trafilatura

        document = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=True,
        )
    except ImportError as error:
        raise BylineError(f"{origin}: cannot read HTML: {_first_line(error)} (reinstall byline)") from None
    except Exception as error:  # trafilatura surfaces lxml's and its own errors on odd markup.
        raise BylineError(f"{origin}: cannot read HTML: {type(error).__name__}") from None
    text = (getattr(document, "text", None) or "").strip() if document is not None else ""
    if not text:
        raise BylineError(f"{origin}: no article text found in this HTML page (is it an article page?)")
    title = getattr(document, "title", None) or None
    stripped = [_stripped_paragraph(line) for line in text.splitlines()]
    paragraphs_with_links = [(line, links) for line, links in stripped if line]
    if title and paragraphs_with_links and _same_words(paragraphs_with_links[0][0], title):
        # trafilatura keeps the page's <h1> in the body; the reader shows the title on its own.
        paragraphs_with_links = paragraphs_with_links[1:]
    paragraphs = [line for line, _links in paragraphs_with_links]
    page_links: list[tuple[int, int, str]] = []
    offset = 0
    for line, links in paragraphs_with_links:
        page_links += [(offset + start, offset + end, href) for start, end, href in links]
        offset += len(line) + 1
    if not any(len(paragraph.split()) >= MIN_PARAGRAPH_WORDS for paragraph in paragraphs):
        # trafilatura falls back to whatever text a page has; menus and ad captions are not an article.
        raise BylineError(f"{origin}: no article text found in this HTML page (is it an article page?)")
    published = getattr(document, "date", None)
    metadata = {
        key: str(value)
        for key in ("sitename", "hostname", "url", "description")
        if (value := getattr(document, key, None))
    }
    return ExtractedPage(
        text="\n".join(paragraphs),
        title=title,
        author=getattr(document, "author", None) or None,
        published=published if published and _ISO_DATE.match(published) else None,
        metadata=metadata,
        links=page_links,
    )


def _stripped_paragraph(line: str) -> tuple[str, list[tuple[int, int, str]]]:
    """One extracted line without its link syntax and surrounding spaces, with its links."""
    plain, links = strip_links(line)
    lead = len(plain) - len(plain.lstrip())
    shown = plain.strip()
    return shown, [(start - lead, end - lead, href) for start, end, href in links
                   if start - lead >= 0 and end - lead <= len(shown)]
