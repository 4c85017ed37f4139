"""The header: the article's title (or file name), where it came from and when."""

from __future__ import annotations

from pathlib import Path

from textual.content import Content
from textual.widgets import Static

from reader.safe_text import terminal_safe
from reader.sources.article import Article


def dateline_text(metadata: dict[str, object]) -> str | None:
    """The article's dateline as the source wrote its parts (``KYIV, Ukraine (AP)``), or ``None``."""
    place = metadata.get("dateline_place")
    if not place:
        return None
    parts = [str(place)]
    parts += [str(metadata[key]) for key in ("dateline_region", "dateline_date") if metadata.get(key)]
    agency = metadata.get("agency")
    return ", ".join(parts) + (f" ({agency})" if agency else "")


def header_parts(article: Article) -> tuple[str, str]:
    """The title line and the "source · date" line for an article, inert for the terminal."""
    title = article.title or (Path(article.source).name if article.source not in ("", "-") else "Untitled")
    details = [article.source if article.source != "-" else "standard input"]
    if article.published:
        details.append(article.published)
    if article.author:
        details.append(article.author)
    dateline = dateline_text(article.metadata)
    if dateline:
        details.append(dateline)
    return terminal_safe(" ".join(title.split())), terminal_safe(" · ".join(details))


class ArticleHeader(Static):
    """Two lines above the article; text from the article is shown as data, never markup."""

    DEFAULT_CSS = """
    ArticleHeader {
        height: 2;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def __init__(self, article: Article, *, id: str | None = None) -> None:
        title, details = header_parts(article)
        content = Content.assemble((title, "bold"), "\n", (details, "dim"))
        super().__init__(content, id=id)
