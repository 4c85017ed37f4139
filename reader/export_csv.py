"""The CSV export: one row per highlight (and, with ``--all-quotes``, per detected statement).

The first seven columns are Readwise's CSV import (``Highlight, Title, Author, URL, Note,
Location, Date``; only ``Highlight`` is required, extra columns are ignored by it), so the file
imports there as it is; the columns after them are Byline's, for spreadsheets: ``Tag``,
``Paragraph``, ``Start``, ``End``, ``Speaker``, ``Role``, ``Kind``, ``Position``, ``Orphaned``.

``Highlight`` is the excerpt with balanced quotation marks; ``Location`` is the paragraph number
(``¶N``, Readwise wants a whole number; empty for an orphaned highlight); ``Date`` is when the
highlight was made (``YYYY-MM-DD HH:MM:SS`` UTC, Readwise's form), empty for a detected
statement. A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a
leading ``'`` so that a spreadsheet shows it as text instead of running it as a formula
(OWASP's advice against CSV injection).
"""

from __future__ import annotations

import csv
import io

from reader.analysis.model import position_group
from reader.export import ExportDocument, ExportItem, article_uri, kind_name, web_url

COLUMNS: tuple[str, ...] = (
    "Highlight", "Title", "Author", "URL", "Note", "Location", "Date",
    "Tag", "Paragraph", "Start", "End", "Speaker", "Role", "Kind", "Position", "Orphaned",
)
"""Readwise's seven columns, then Byline's."""

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def inert_cell(value: str) -> str:
    """``value`` as a spreadsheet shows it: a leading ``'`` before a formula's first character."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def readwise_date(iso: str) -> str:
    """``2024-08-19T10:30:00Z`` as ``2024-08-19 10:30:00`` (Readwise's date form)."""
    return iso.replace("T", " ").removesuffix("Z")[:19]


def _row(item: ExportItem, document: ExportDocument) -> list[str]:
    article = document.article
    quote = item.quote
    return [
        item.excerpt or item.text,
        document.title,
        article.author or "",
        web_url(article) or article_uri(article),
        item.note,
        str(item.paragraph) if item.paragraph else "",
        readwise_date(item.highlight.created) if item.highlight else "",
        item.tag or "",
        str(item.paragraph) if item.paragraph else "",
        str(item.start),
        str(item.end),
        item.speaker or "",
        item.role or "",
        kind_name(quote) if quote else "",
        position_group(quote) if quote else "",
        "yes" if item.orphaned else "",
    ]


def to_csv(document: ExportDocument) -> str:
    """The rows of ``document`` (anchored in text order, then orphans) under the header row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for item in document.items:
        writer.writerow([inert_cell(cell) for cell in _row(item, document)])
    return buffer.getvalue()
