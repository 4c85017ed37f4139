"""The ``Article``: text plus what is known about where it came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

BODY_START_KEY = "body_start"
"""The ``Article.metadata`` key for where the article's body starts in ``text``: a plain-text file
keeps its headline and byline lines in the text, and the analysis starts after them."""


@dataclass(slots=True)
class Article:
    """An article as Byline reads it.

    ``text`` is exactly what is shown and analysed; every offset in the
    analysis points into it. ``source`` names where it came from (a path,
    ``-`` for standard input, or a URL). ``published`` is an ISO date
    (``YYYY-MM-DD``) when the source states one: it anchors relative dates.
    """

    text: str
    source: str
    title: str | None = None
    published: str | None = None
    author: str | None = None
    encoding: str = "utf-8"
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def body_start(self) -> int:
        """Where the article's own text begins (after any headline and byline lines)."""
        return int(self.metadata.get(BODY_START_KEY, 0))
