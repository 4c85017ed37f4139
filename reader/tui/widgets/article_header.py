"""The header: the article's title (or file name), where it came from and when."""

from __future__ import annotations

from pathlib import Path

from textual.content import Content
from textual.widgets import Static

from reader.paths import bundled_dir
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


#: The longest source label (characters) before its middle folders give way to "…": with the date,
#: author and dateline it keeps the header's second line readable at 80 columns.
SOURCE_WIDTH = 48
_INSTALLED = ("site-packages", "dist-packages")


def source_label(source: str, *, home: Path | None = None, width: int = SOURCE_WIDTH) -> str:
    """A short, useful name for where an article came from: ``standard input``; a web address
    without its scheme (``example.org/news/1``); Byline's bundled sample or any file inside an
    installed package by its file name (``bundled sample kursk.txt``), never the site-packages
    path; a file under the home folder ``~``-relative; and a path longer than ``width`` characters
    with its middle folders as "…" (``~/…/2024/may/article.txt``), the file name always whole."""
    if source in ("", "-"):
        return "standard input"
    if "://" in source:
        address = source.split("://", 1)[1].removeprefix("www.")
        return address if len(address) <= width else address[: width - 1] + "…"
    path = Path(source)
    if _is_bundled(path):
        return f"bundled sample {path.name}"
    if any(part in _INSTALLED for part in path.parts):
        return path.name
    if home is None:
        try:
            home = Path.home()
        except RuntimeError:  # no home folder to be relative to
            home = Path("/nonexistent-home")
    if path.is_absolute() and path.is_relative_to(home) and path != home:
        parts = ["~", *path.relative_to(home).parts]
    else:
        parts = list(path.parts)
    return _shorten_middle(parts, width)


def _is_bundled(path: Path) -> bool:
    try:
        bundled = bundled_dir("sample_articles").resolve()
        return path.is_absolute() and path.resolve().is_relative_to(bundled)
    except (OSError, ValueError):  # a source with a NUL byte, a loop of links: not the sample
        return False


def _shorten_middle(parts: list[str], width: int) -> str:
    """``parts`` joined as a path, its middle folders replaced by "…" until it fits ``width`` (the
    first part, "~" or "/", and the file name stay)."""
    joined = str(Path(*parts)) if parts else ""
    if len(joined) <= width or len(parts) <= 2:
        return joined
    head, tail = parts[0], list(parts[1:])
    while len(tail) > 1:
        tail.pop(0)
        candidate = str(Path(head, "…", *tail))
        if len(candidate) <= width:
            return candidate
    return str(Path(head, "…", *tail))


def header_parts(article: Article) -> tuple[str, str]:
    """The title line and the "source · date" line for an article, inert for the terminal."""
    title = article.title or (Path(article.source).name if article.source not in ("", "-") else "Untitled")
    label = source_label(article.source)
    if not article.title and "://" not in article.source and article.source not in ("", "-"):
        # The file name is the title line already: the second line says where the file is.
        path = Path(article.source)
        if _is_bundled(path):
            label = "bundled sample"
        elif any(part in _INSTALLED for part in path.parts) or path.parent == Path("."):
            label = ""
        else:
            label = source_label(str(path.parent))
    details = [label] if label else []
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
