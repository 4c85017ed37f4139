"""Find the articles in a folder, for ``byline DIR`` and ``byline analyze DIR``."""

from __future__ import annotations

from pathlib import Path

from reader.errors import BylineError

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})
NOTES_EXPORT_SUFFIXES = (".notes.md", ".notes.markdown", ".notes.json", ".notes.yaml", ".notes.yml",
                         ".notes.csv", ".notes.html", ".notes.htm")
"""The endings of Byline's own exports (``byline export``, ``ctrl+e``), wherever they are written:
they are never articles themselves."""


def is_notes_export(path: Path) -> bool:
    """Whether ``path`` is one of Byline's highlight-and-note exports (``story.notes.md``)."""
    return path.name.lower().endswith(NOTES_EXPORT_SUFFIXES)


def is_article_file(path: Path) -> bool:
    """An article file Byline can open: a known suffix, not hidden (editor backups, ``.DS_Store``),
    not one of Byline's own exports."""
    return (
        path.suffix.lower() in ARTICLE_SUFFIXES
        and not path.name.startswith(".")
        and not is_notes_export(path)
        and path.is_file()
    )


def discover(path: str | Path) -> list[Path]:
    """The article files directly inside folder ``path``, sorted by name (case-insensitively).

    Subfolders are not searched: a folder is one collection, and a deep tree
    (a saved page's ``_files`` folder of scripts and images) would drown it.
    An empty list means the folder holds no articles; a path that is not a
    readable folder is a :class:`BylineError`.
    """
    folder = Path(path)
    if not folder.exists():
        raise BylineError(f"{folder}: no such folder")
    if not folder.is_dir():
        raise BylineError(f"{folder}: not a folder")
    try:
        entries = list(folder.iterdir())
    except PermissionError:
        raise BylineError(f"{folder}: permission denied (cannot list it)") from None
    except OSError as error:
        raise BylineError(f"{folder}: cannot list it ({error.strerror or type(error).__name__})") from None
    return sorted((entry for entry in entries if is_article_file(entry)),
                  key=lambda entry: (entry.name.casefold(), entry.name))
