"""The ``Article``: text plus what is known about where it came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reader.sources.structure import TextStructure, detect_structure

BODY_START_KEY = "body_start"
"""The ``Article.metadata`` key for where the article's body starts in ``text``: a plain-text file
keeps its headline and byline lines in the text, and the analysis starts after them."""

FURNITURE_KEY = "furniture"
"""The ``Article.metadata`` key for ``[start, end]`` spans of the text that are article furniture (a
dateline's place and agency, credit lines): the analysis makes no actor of a name inside one."""

INTERNAL_METADATA_KEYS = frozenset({BODY_START_KEY, FURNITURE_KEY, "source_map", "source_length", "bom"})
"""``Article.metadata`` keys that are Byline's bookkeeping, not facts about the article."""


@dataclass(frozen=True, slots=True)
class ArticleLink:
    """A link kept from an HTML or Markdown source: ``text[start:end]`` are the linked words, ``href``
    the address exactly as written (never trusted: see ``reader.tui.open_source.safe_link``)."""

    start: int
    end: int
    href: str


@dataclass(slots=True)
class Article:
    """An article as Byline reads it.

    ``text`` is exactly what is shown and analysed; every offset in the
    analysis points into it. ``source`` names where it came from (a path,
    ``-`` for standard input, or a URL). ``published`` is an ISO date
    (``YYYY-MM-DD``) when the source states one: it anchors relative dates.
    ``structure`` is decided from ``text`` when the article is made: its
    layout and paragraph spans, which every part of Byline uses (the text
    itself is never rewritten). ``links`` are the links of an HTML or Markdown source, in text order.
    """

    text: str
    source: str
    title: str | None = None
    published: str | None = None
    author: str | None = None
    encoding: str = "utf-8"
    metadata: dict[str, Any] = field(default_factory=dict)
    links: list[ArticleLink] = field(default_factory=list)
    structure: TextStructure = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.structure = detect_structure(self.text)

    def descriptive_metadata(self) -> dict[str, str]:
        """What the source says about the article (outlet, url, modified date, ...), as strings.

        Byline's own bookkeeping (source maps, body start, BOM) is left out: this is what a record
        of the article carries for the people who read it."""
        return {
            key: str(value)
            for key, value in self.metadata.items()
            if key not in INTERNAL_METADATA_KEYS and isinstance(value, str | int | float) and value != ""
        }

    @property
    def furniture(self) -> list[tuple[int, int]]:
        """Spans of ``text`` that are furniture, not story (see ``FURNITURE_KEY``)."""
        return [(int(start), int(end)) for start, end in self.metadata.get(FURNITURE_KEY, [])]

    @property
    def body_start(self) -> int:
        """Where the article's own text begins (after any headline and byline lines)."""
        return int(self.metadata.get(BODY_START_KEY, 0))
