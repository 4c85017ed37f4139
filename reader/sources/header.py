"""Title and metadata lines at the top of a plain-text article.

Text copied out of a browser or a newsroom system usually starts with a
headline, a byline and a date before the first paragraph. Byline reads them
as metadata and leaves them out of the shown text, so the analysis does not
take the headline for a sentence or the byline for an actor. The rules
(also in the README's "Input formats" section):

- Blank lines at the top are skipped.
- The first line is the **title** when it looks like a headline: at most
  150 characters and 20 words, and not ending like a sentence (``.``, ``,``,
  ``;``, ``:``, or a closing quotation mark after one). ``Title: ...`` is
  always the title.
- Then any of these lines, in any order, each on its own line:
  ``Published:``/``Date:``/``Posted:`` *date* (the publication date, which
  anchors relative dates such as "on Monday"), ``Updated:`` *date*,
  ``By`` *Name[, Name and Name]* or ``Author:`` *name*, ``Source:``/``URL:``
  *value*.
- The body starts at the first line that is none of these. When nothing
  would be left for the body, there is no header: the whole text is the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

HEADLINE_MAX_CHARS = 150
HEADLINE_MAX_WORDS = 20
_SENTENCE_END = re.compile(r"""[.,;:]["'”’»)]*$""")
_FIELD = re.compile(r"^(?P<key>title|published|date|posted|updated|author|source|url)\s*:\s*(?P<value>\S.*)$",
                    re.IGNORECASE)
_BYLINE = re.compile(r"^[Bb][Yy]\s+(?P<names>[A-ZÀ-Þ][^\d:;!?()\[\]{}<>]*)$")
_BYLINE_MAX_WORDS = 12
_YEAR = re.compile(r"\b\d{4}\b")


@dataclass(slots=True)
class Header:
    """What the top lines of a text said, and where its body starts."""

    body_start: int = 0
    title: str | None = None
    published: str | None = None
    author: str | None = None
    fields: dict[str, str] = field(default_factory=dict)


def parse_date(value: str) -> str | None:
    """An ISO ``YYYY-MM-DD`` date from a dateline such as ``August 19, 2024 10:32 GMT``, or ``None``.

    A value without a four-digit year is not trusted: dateutil would fill in
    the current year and invent a publication date.
    """
    if not _YEAR.search(value):
        return None
    from dateutil import parser

    default = datetime(1900, 1, 1)
    for fuzzy in (False, True):
        try:
            parsed = parser.parse(value, default=default, fuzzy=fuzzy)
        except (ValueError, OverflowError):
            continue
        return parsed.date().isoformat()
    return None


def looks_like_headline(line: str) -> bool:
    stripped = line.strip()
    if not stripped or len(stripped) > HEADLINE_MAX_CHARS:
        return False
    if len(stripped.split()) > HEADLINE_MAX_WORDS:
        return False
    if not any(char.isalpha() for char in stripped):
        return False
    return not _SENTENCE_END.search(stripped)


def _byline_names(line: str) -> str | None:
    if len(line.split()) > _BYLINE_MAX_WORDS or _SENTENCE_END.search(line.strip()):
        return None
    match = _BYLINE.match(line.strip())
    if not match:
        return None
    return match.group("names").strip()


def _apply_field(header: Header, key: str, value: str) -> None:
    key = key.lower()
    if key == "title":
        header.title = value
    elif key in ("published", "date", "posted"):
        header.fields["published_text"] = value
        header.published = parse_date(value)
    elif key == "author":
        header.author = value
    elif key == "updated":
        header.fields["updated"] = value
    else:
        header.fields[key] = value


def parse_header(text: str, *, detect_title: bool = True) -> Header:
    """Read the title and metadata lines at the top of ``text`` (see the module docstring)."""
    header = Header()
    offset = 0
    consumed_any = False
    title_allowed = detect_title
    for raw_line in text.splitlines(keepends=True):
        line = raw_line.strip()
        line_start = offset
        offset += len(raw_line)
        if not line:
            continue
        field_match = _FIELD.match(line)
        names = None if field_match else _byline_names(line)
        if field_match:
            _apply_field(header, field_match.group("key"), field_match.group("value").strip())
        elif names:
            header.author = names
        elif title_allowed and header.title is None and looks_like_headline(line):
            header.title = line
        else:
            header.body_start = line_start
            break
        consumed_any = True
        title_allowed = False
    else:
        # Everything looked like a header: then it is not one, it is a very short article.
        return Header()
    return header if consumed_any else Header()
