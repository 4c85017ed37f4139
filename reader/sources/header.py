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
  *value*, a byline of the form *Name, Senior Reporter*; right after a ``By``
  line, a desk line (``Business Reporters``) or ``For`` *outlet*.
- The body starts at the first line that is none of these. When nothing
  would be left for the body, there is no header: the whole text is the body.

Inside the body, :func:`find_furniture` finds the article's furniture: a
dateline (``KYIV, Ukraine (AP) —``) and credit lines (``Photo: AP``,
``Reporting by ...``, ``Editing by ...``, ``Related: ...``). They stay in the
shown text, become metadata, and their names never become actors.
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


def _split_desk(names: str) -> tuple[str, str | None]:
    """ "Jane Doe, Senior Reporter" -> ("Jane Doe", "Senior Reporter"); other bylines unchanged."""
    match = _NAME_AND_DESK.match(names)
    return (match.group("name"), match.group("desk")) if match else (names, None)


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
    after_byline = False
    for raw_line in text.splitlines(keepends=True):
        line = raw_line.strip()
        line_start = offset
        offset += len(raw_line)
        if not line:
            continue
        field_match = _FIELD.match(line)
        names = None if field_match else _byline_names(line)
        name_and_desk = None if field_match or names else _NAME_AND_DESK.match(line)
        if field_match:
            _apply_field(header, field_match.group("key"), field_match.group("value").strip())
        elif names:
            header.author, desk = _split_desk(names)
            if desk:
                header.fields["desk"] = desk
            after_byline = True
            consumed_any, title_allowed = True, False
            continue
        elif name_and_desk:
            header.author = name_and_desk.group("name")
            header.fields["desk"] = name_and_desk.group("desk")
        elif after_byline and _DESK_LINE.match(line) and len(line.split()) <= 5:
            header.fields["desk"] = line  # "Business Reporters" under "By A and B"
        elif after_byline and (outlet := _FOR_OUTLET.match(line)):
            header.fields["outlet"] = outlet.group("outlet")  # "By A" / "For The Guardian"
        elif title_allowed and header.title is None and looks_like_headline(line):
            header.title = line
        else:
            header.body_start = line_start
            break
        consumed_any = True
        title_allowed = False
        after_byline = False
    else:
        # Everything looked like a header: then it is not one, it is a very short article.
        return Header()
    return header if consumed_any else Header()


# --- Article furniture: datelines, desk lines and credit lines -------------------------------------

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
# "KYIV, Ukraine (AP) —", "LISBON, March 5 (Meridian) -", "SEOUL, Jan. 8 (Yonhap) --", "BEIJING —".
_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z.'’-]*(?:[ -][A-Z][A-Z.'’-]*){0,3})"
    r"(?:,\s*(?P<date>" + _MONTH + r"\s+\d{1,2}(?:,\s*\d{4})?)"
    r"|,\s*(?P<region>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}))?"
    r"(?:,\s*(?P<date2>" + _MONTH + r"\s+\d{1,2}(?:,\s*\d{4})?))?"
    r"\s*(?:\((?P<agency>[A-Z][\w .&'’-]{0,30})\))?"
    r"\s*(?:—|–|--|-|:)\s+(?=\S)"
)
# "Zhang Wei, Senior Reporter", "Business Reporters", "Political Correspondent", "Staff Writer".
_DESK_WORDS = r"(?:reporters?|correspondents?|editors?|writers?|staff|desk|columnist|journalists?|team)"
_DESK_LINE = re.compile(r"^(?:[A-Z][\w-]*\s+){0,4}" + _DESK_WORDS + r"$", re.IGNORECASE)
_NAME_AND_DESK = re.compile(
    r"^(?P<name>[A-ZÀ-Þ][\w'’.-]*(?:\s+[A-ZÀ-Þ][\w'’.-]*){1,4}),\s*(?P<desk>(?:[A-Z][\w-]*\s+){0,4}"
    + _DESK_WORDS + r")$",
    re.IGNORECASE,
)
_FOR_OUTLET = re.compile(r"^[Ff]or\s+(?P<outlet>(?:[Tt]he\s+)?[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,5})$")
# Credit and furniture lines: "Photo: AP", "Additional reporting by ...", "Editing by ...",
# "Related: ...", "Our Standards: ...", "(Reporting by ...; Editing by ...)".
_CREDIT_LINE = re.compile(
    r"^\(?(?:(?:additional\s+)?reporting\s+by|(?:writing|editing|compiled|produced|translated)\s+by"
    r"|(?:photo(?:graph)?s?|images?|pictures?|video|graphics?|illustration|credit)\s*:"
    r"|related\s*:|read\s+more\s*:|see\s+also\s*:|our\s+standards\s*:|sign\s+up\b)",
    re.IGNORECASE,
)


# A live blog's time stamp leading an entry: "14:05 BST — ...", "9.30am: ...".
_TIMESTAMP_LEAD = re.compile(
    r"\s*(\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)\s*(?:—|–|--|-|:)\s+(?=\S)", re.IGNORECASE
)


@dataclass(slots=True)
class Furniture:
    """What in an article's text is its furniture rather than its story.

    ``spans`` are ``(start, end)`` character offsets of text whose names are never actors (the
    dateline's place and agency, credit lines); ``fields`` are the facts they state, for the
    article's metadata: ``dateline_place``, ``dateline_region``, ``dateline_date``, ``agency``,
    ``credits``."""

    spans: list[tuple[int, int]] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)


def _dateline(text: str, start: int, furniture: Furniture) -> None:
    match = _DATELINE.match(text, start)
    if match is None or not any(ch.isalpha() for ch in match.group("place")):
        return
    place = match.group("place").strip()
    dated = match.group("date") or match.group("date2")
    long_dash = match.group(0).rstrip().endswith(("—", "–", "--"))
    if len(place) < 3 or not (dated or match.group("agency") or long_dash):
        return  # "US - " in a sentence is not a dateline: one needs a long dash, a date or an agency
    furniture.fields["dateline_place"] = place
    if match.group("region"):
        furniture.fields["dateline_region"] = match.group("region")
    if dated:
        furniture.fields["dateline_date"] = dated
    if match.group("agency"):
        furniture.fields["agency"] = match.group("agency").strip()
    furniture.spans.append((match.start(), match.end()))


def find_furniture(text: str, body_start: int = 0) -> Furniture:
    """The dateline at the start of the body and the credit lines anywhere after it.

    A dateline is an upper-case place, optionally a region or a date, optionally an agency in
    brackets, then a dash (``KYIV, Ukraine (AP) —``); a credit line is a line of its own that starts
    like ``Photo:``, ``Reporting by``, ``Editing by``, ``Related:`` or ``Our Standards:``; a live
    blog's entry time stamp (``14:05 BST —``) is furniture too (it stays a time, never a name).
    """
    furniture = Furniture()
    first = re.compile(r"\s*").match(text, body_start)
    _dateline(text, first.end() if first else body_start, furniture)
    credits: list[str] = []
    offset = 0
    for raw_line in text.splitlines(keepends=True):
        line_start, offset = offset, offset + len(raw_line)
        line = raw_line.strip()
        stamp = _TIMESTAMP_LEAD.match(raw_line)
        if line_start >= body_start and stamp is not None:
            furniture.spans.append((line_start + stamp.start(1), line_start + stamp.end()))
        if line_start < body_start or not line or not _CREDIT_LINE.match(line):
            continue
        lead = len(raw_line) - len(raw_line.lstrip())
        furniture.spans.append((line_start + lead, line_start + lead + len(line)))
        credits.append(line.strip("()"))
    if credits:
        furniture.fields["credits"] = "; ".join(credits)
    return furniture
