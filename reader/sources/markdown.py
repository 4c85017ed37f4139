"""Markdown -> the readable plain text Byline shows, with a map back to the Markdown source.

markdown-it-py parses the file (CommonMark plus ~~strikethrough~~); we walk its
tokens and emit only what a reader would see: the words of paragraphs,
headings, list items (with a bullet), block quotes and code. Emphasis, link
and image syntax, raw HTML and reference definitions disappear. The parser
gives block positions only by line, so every emitted piece of inline text is
found again in the source, left to right from a cursor; that is what lets a
:class:`~reader.sources.offsets.SourceMap` send every shown offset back to
the Markdown source.

Layout: one paragraph or list item per line (as in Byline's plain-text
articles); a heading after the first starts a new section, with a blank line
before it. The first heading, when nothing comes before it, is the title and
is not repeated in the text. YAML front matter (``---`` ... ``---``) supplies
title, date and author when present.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from reader.sources.header import parse_date
from reader.sources.offsets import ShownTextBuilder, SourceMap

if TYPE_CHECKING:
    from markdown_it.token import Token

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?P<body>.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_LINE_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_ESCAPABLE = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_INLINE_MARKUP = "*_~`[]!<>"
_MAX_CHAR_SKIP = 16
"""How far ahead a single character is looked for when a text piece is not verbatim in the source
(an entity such as ``&amp;`` or an escape such as ``\\*``): far enough for the longest entity."""


def _only_markup(text: str, start: int, end: int) -> bool:
    """True if ``text[start:end]`` is inline markup only (emphasis, code ticks, brackets), nothing shown."""
    return not text[start:end].strip(_INLINE_MARKUP)


@dataclass(slots=True)
class RenderedMarkdown:
    text: str
    source_map: SourceMap
    title: str | None = None
    published: str | None = None
    author: str | None = None
    front_matter: dict[str, Any] = field(default_factory=dict)
    links: list[tuple[int, int, str]] = field(default_factory=list)
    """``(start, end, href)`` of every link in the shown text, in text order."""


def _line_starts(source: str) -> list[int]:
    """Offsets where each line starts (markdown-it maps blocks to line numbers), plus the end."""
    return [0, *(match.end() for match in re.finditer("\n", source)), len(source)]


def _blank_front_matter(source: str) -> tuple[str, dict[str, Any]]:
    """Parse YAML front matter and blank it out (same length, so source offsets stay put)."""
    match = _FRONT_MATTER.match(source)
    if not match:
        return source, {}
    import yaml

    from reader.safe_yaml import load_yaml

    try:
        data = load_yaml(match.group("body"), max_chars=64 * 1024, max_nodes=10_000)
    except yaml.YAMLError:
        return source, {}
    if not isinstance(data, dict):
        return source, {}
    blanked = re.sub(r"[^\r\n]", " ", match.group(0))
    return blanked + source[match.end():], data


def _front_matter_text(data: dict[str, Any], *keys: str) -> str | None:
    for key in keys:
        value = data.get(key)
        if isinstance(value, list):
            value = ", ".join(str(item) for item in value)
        if value not in (None, ""):
            return str(value)
    return None


@dataclass(slots=True)
class _OpenList:
    ordered: bool
    next_number: int


@dataclass(slots=True)
class _Renderer:
    """Walk markdown-it tokens, copying the visible text out of the source."""

    source: str
    builder: ShownTextBuilder
    line_starts: list[int]
    title: str | None = None
    pending_break: str = ""
    list_stack: list[_OpenList] = field(default_factory=list)
    pending_prefix: str = ""
    heading_level: int = 0
    block_started: bool = True
    links: list[tuple[int, int, str]] = field(default_factory=list)
    open_links: list[tuple[int, str]] = field(default_factory=list)

    def block_range(self, token: Token) -> tuple[int, int]:
        first, last = token.map or (0, len(self.line_starts) - 1)
        last = min(last, len(self.line_starts) - 1)
        return self.line_starts[first], self.line_starts[last]

    def start_block(self) -> None:
        """Emit the break before a block (and its list bullet) when its first visible text arrives,
        so that a block with nothing visible (an image alone) leaves no empty line behind."""
        if self.block_started:
            return
        self.block_started = True
        if self.builder.length:
            self.builder.insert(self.pending_break or "\n")
        self.pending_break = ""
        if self.pending_prefix:
            self.builder.insert(self.pending_prefix)
            self.pending_prefix = ""

    def render(self, tokens: list[Token]) -> None:
        for index, token in enumerate(tokens):
            kind = token.type
            if kind == "heading_open":
                self.heading_level = int(token.tag[1:])
            elif kind == "heading_close":
                self.heading_level = 0
                self.pending_break = "\n"
            elif kind == "inline":
                self.render_inline_block(token)
            elif kind in ("bullet_list_open", "ordered_list_open"):
                start = int(token.attrs.get("start", 1) or 1)
                self.list_stack.append(_OpenList(ordered=kind == "ordered_list_open", next_number=start))
            elif kind in ("bullet_list_close", "ordered_list_close"):
                self.list_stack.pop()
            elif kind == "list_item_open":
                self.pending_prefix = self.next_bullet(tokens, index)
            elif kind in ("fence", "code_block"):
                self.render_code(token)
            elif kind == "hr":
                self.pending_break = "\n\n"

    def next_bullet(self, tokens: list[Token], index: int) -> str:
        """The marker Byline writes before a list item: a bullet, or the item's number."""
        if not self.list_stack:
            return "• "
        current = self.list_stack[-1]
        depth = "  " * (len(self.list_stack) - 1)
        if current.ordered:
            number = current.next_number
            current.next_number += 1
            return f"{depth}{number}{tokens[index].markup or '.'} "
        return f"{depth}• "

    def render_inline_block(self, token: Token) -> None:
        if self.heading_level and self.title is None and not self.builder.length:
            # The first heading, before any text, is the title: recorded, not shown.
            self.title = self.plain_inline(token) or None
            if self.title:
                return
        if self.heading_level and self.builder.length:
            self.pending_break = "\n\n"
        start, end = self.block_range(token)
        self.block_started = False
        self.copy_inline(token, start, end)

    def plain_inline(self, token: Token) -> str:
        pieces: list[str] = []
        for child in token.children or []:
            if child.type in ("text", "code_inline"):
                pieces.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                pieces.append(" ")
        return " ".join("".join(pieces).split())

    def copy_inline(self, token: Token, start: int, end: int) -> None:
        # The inline's raw content is its source lines without their block markers ("> ", "1. ",
        # indentation): finding each line in the source puts the cursor past those markers, so a
        # list number or a quote marker is never mistaken for the text that follows it.
        lines = token.content.split("\n")
        cursor = self.line_cursor(lines[0], start, end)
        line_index = 0
        for child in token.children or []:
            kind = child.type
            if kind in ("text", "code_inline"):
                cursor = self.copy_text(child.content, cursor, end)
            elif kind in ("softbreak", "hardbreak"):
                newline = self.source.find("\n", cursor, end)
                shown = " " if kind == "softbreak" else "\n"
                self.start_block()
                if newline >= 0:
                    self.builder.replace(shown, newline)
                    cursor = newline + 1
                else:
                    self.builder.insert(shown)
                line_index += 1
                if line_index < len(lines):
                    cursor = self.line_cursor(lines[line_index], cursor, end)
            elif kind == "link_open":
                self.open_links.append((self.builder.length, str(child.attrs.get("href") or "")))
            elif kind == "link_close":
                cursor = self.skip_link_tail(cursor, end)
                if self.open_links:
                    start, href = self.open_links.pop()
                    self.links.append((start, self.builder.length, href))
            elif kind == "image":
                cursor = self.skip_image(cursor, end)
            elif kind == "html_inline":
                found = self.source.find(child.content, cursor, end)
                if found >= 0:
                    if _LINE_BREAK_TAG.match(child.content):
                        self.start_block()
                        self.builder.replace(" ", found)
                    cursor = found + len(child.content)

    def line_cursor(self, line: str, cursor: int, end: int) -> int:
        """Where inline content ``line`` starts in the source, searching its source line from ``cursor``."""
        line_end = self.source.find("\n", cursor, end)
        line_end = end if line_end < 0 else line_end
        found = self.source.find(line.strip(), cursor, line_end) if line.strip() else -1
        return found if found >= 0 else cursor

    def copy_text(self, text: str, cursor: int, end: int) -> int:
        """Append ``text`` as found in the source at or after ``cursor``; return the new cursor.

        Usually the text is verbatim in the source, at the cursor or just past
        some markup (``**``, ``[``). Otherwise (entities such as ``&amp;``,
        backslash escapes, code spans whose newlines became spaces) it is lined
        up character by character; a character with no counterpart nearby is
        inserted unmapped rather than matched somewhere far away.
        """
        if not text:
            return cursor
        self.start_block()
        found = self.source.find(text, cursor, end)
        if found >= 0 and _only_markup(self.source, cursor, found):
            self.builder.copy(found, found + len(text))
            return found + len(text)
        index = 0
        while index < len(text):
            cursor, index = self.align_one(text, index, cursor, end)
        return cursor

    def align_one(self, text: str, index: int, cursor: int, end: int) -> tuple[int, int]:
        """Line up ``text[index]`` (or a run that one entity stands for) with the source near ``cursor``."""
        char = text[index]
        source = self.source
        for position in range(cursor, min(end, cursor + _MAX_CHAR_SKIP)):
            found = source[position]
            if found == char:
                self.builder.copy(position, position + 1)
                return position + 1, index + 1
            if found == "\\" and source.startswith(char, position + 1) and char in _ESCAPABLE:
                self.builder.copy(position + 1, position + 2)
                return position + 2, index + 1
            if found == "&" and (entity := _ENTITY.match(source, position, end)):
                decoded = html.unescape(entity.group())
                if decoded and text.startswith(decoded, index) and len(decoded) <= len(entity.group()):
                    self.builder.replace(decoded, position)
                    return entity.end(), index + len(decoded)
            if char.isspace() and found.isspace():
                self.builder.replace(char, position)
                return position + 1, index + 1
        self.builder.insert(char)
        return cursor, index + 1

    def skip_link_tail(self, cursor: int, end: int) -> int:
        """Move past ``](destination "title")`` or ``][ref]`` so a URL is never taken for text."""
        if cursor < end and self.source[cursor] == "]":
            cursor += 1
        if cursor < end and self.source[cursor] == "(":
            depth = 0
            while cursor < end:
                char = self.source[cursor]
                if char == "\\":
                    cursor += 2
                    continue
                if char == "(":
                    depth += 1
                elif char == ")":
                    depth -= 1
                    if depth == 0:
                        return cursor + 1
                cursor += 1
            return end
        if cursor < end and self.source[cursor] == "[":
            close = self.source.find("]", cursor, end)
            return close + 1 if close >= 0 else cursor
        return cursor

    def skip_image(self, cursor: int, end: int) -> int:
        opening = self.source.find("![", cursor, end)
        if opening < 0:
            return cursor
        depth = 0
        position = opening + 1
        while position < end:
            char = self.source[position]
            if char == "[":
                depth += 1
            elif char == "]":
                depth -= 1
                if depth == 0:
                    return self.skip_link_tail(position, end)
            position += 1
        return end

    def render_code(self, token: Token) -> None:
        start, end = self.block_range(token)
        if token.type == "fence":
            first_newline = self.source.find("\n", start, end)
            start = first_newline + 1 if first_newline >= 0 else start
        content = token.content.rstrip("\n")
        if not content:
            return
        self.block_started = False
        self.copy_text(content, start, end)


def render_markdown(source: str) -> RenderedMarkdown:
    """Render Markdown ``source`` to shown text, title and metadata, with the source map."""
    from markdown_it import MarkdownIt

    parse_source, front_matter = _blank_front_matter(source)
    parser = MarkdownIt("commonmark").enable("strikethrough")
    # markdown-it leaves a javascript:/file:/data: link as literal "[words](href)" text; every link is
    # kept as a link instead (its words shown, its address data): the reader draws one it will not
    # open struck through and never opens it (reader.tui.open_source.safe_link).
    parser.validateLink = lambda url: True  # type: ignore[method-assign,assignment]
    tokens = parser.parse(parse_source)
    renderer = _Renderer(parse_source, ShownTextBuilder(source), _line_starts(parse_source))
    renderer.render(tokens)
    text, source_map = renderer.builder.build()
    links = [trimmed for start, end, href in renderer.links
             if (trimmed := _trim_link(text, start, end, href)) is not None]
    published_text = _front_matter_text(front_matter, "date", "published", "pubDate")
    return RenderedMarkdown(
        text=text,
        source_map=source_map,
        title=_front_matter_text(front_matter, "title") or renderer.title,
        published=parse_date(published_text) if published_text else None,
        author=_front_matter_text(front_matter, "author", "authors", "byline"),
        front_matter={str(k): v for k, v in front_matter.items()},
        links=links,
    )


def _trim_link(text: str, start: int, end: int, href: str) -> tuple[int, int, str] | None:
    """The link without the line break or spaces a block start put before its words; ``None`` when it
    shows no words (an image alone)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end, href) if start < end else None
