"""The ``Article``: text plus what is known about where it came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


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
