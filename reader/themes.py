"""Byline's themes: YAML files that set every colour and style of the reader.

This module is the import surface; the work is done in :mod:`reader.theming`.
The TUI, the exporters and the ``byline themes`` command import from here.
"""

from __future__ import annotations

from reader.theming.keys import BASE_COLOURS, ENTITY_LABELS, REQUIRED_STYLES, STYLE_KEYS
from reader.theming.loader import (
    DEFAULT_THEME,
    bundled_themes_dir,
    list_themes,
    load_theme,
    load_theme_file,
    load_theme_or_default,
    user_themes_dir,
)
from reader.theming.model import ReaderTheme, ThemeError, ThemeInfo

__all__ = [
    "BASE_COLOURS",
    "DEFAULT_THEME",
    "ENTITY_LABELS",
    "REQUIRED_STYLES",
    "STYLE_KEYS",
    "ReaderTheme",
    "ThemeError",
    "ThemeInfo",
    "bundled_themes_dir",
    "list_themes",
    "load_theme",
    "load_theme_file",
    "load_theme_or_default",
    "user_themes_dir",
]
