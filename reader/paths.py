"""Where Byline keeps its files.

The user's config, data and cache directories come from platformdirs; setting
``BYLINE_HOME`` puts all three under one folder, which the tests use to stay
out of the real home directory.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "byline"
_PACKAGE_DIR = Path(__file__).resolve().parent


def _home_override() -> Path | None:
    home = os.environ.get("BYLINE_HOME")
    return Path(home).expanduser() if home else None


def config_dir() -> Path:
    home = _home_override()
    return home / "config" if home else Path(platformdirs.user_config_dir(APP_NAME))


def data_dir() -> Path:
    home = _home_override()
    return home / "data" if home else Path(platformdirs.user_data_dir(APP_NAME))


def cache_dir() -> Path:
    home = _home_override()
    return home / "cache" if home else Path(platformdirs.user_cache_dir(APP_NAME))


def exports_dir() -> Path:
    """Where exports go when no path is given: ``~/Documents/Byline`` (the user's documents folder,
    from platformdirs), or ``$BYLINE_HOME/exports``.

    Never beside the article: the article may be a bundled sample inside the installed package,
    a read-only folder, or a folder of articles that the library would list.
    """
    home = _home_override()
    return home / "exports" if home else Path(platformdirs.user_documents_dir()) / "Byline"


def bundled_dir(name: str) -> Path:
    """A folder shipped with Byline (``themes`` or ``sample_articles``).

    An installed wheel carries them inside the package as ``reader/_bundled``;
    a source checkout (or an editable install) has them at the top level.
    """
    inside = _PACKAGE_DIR / "_bundled" / name
    if inside.is_dir():
        return inside
    return _PACKAGE_DIR.parent / name


def sample_article() -> Path:
    """The article Byline opens when it is started without one."""
    return bundled_dir("sample_articles") / "kremlin-rules-out-talks-kursk.txt"
