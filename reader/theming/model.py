"""The resolved theme the reader draws with, and the errors theme files raise."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rich.style import Style
from textual.theme import Theme

from reader.errors import BylineError
from reader.theming.keys import fallback_key


class ThemeError(BylineError):
    """A theme file that cannot be used, as one line: file, key or line, and what is allowed."""


@dataclass(frozen=True, slots=True)
class ReaderTheme:
    """A theme after ``extends`` and fallbacks: every style key is present.

    ``styles`` keeps the Rich style strings (what the user wrote, for display
    and export); :meth:`style` parses them once, because the article view asks
    for the same few styles for every span it draws.
    """

    name: str
    description: str
    dark: bool
    source: Path | None
    textual_theme: Theme
    styles: dict[str, str]
    _parsed: dict[str, Style] = field(default_factory=dict, repr=False, compare=False)

    def style(self, key: str) -> Style:
        """The Rich style for ``key``; ``entity.<LABEL>`` falls back to ``entity``.

        Raises ``KeyError`` for a key that is not a style key at all, since
        that is a programming mistake, not a user one.
        """
        cached = self._parsed.get(key)
        if cached is not None:
            return cached
        definition = self.styles.get(key)
        if definition is None:
            definition = self.styles[fallback_key(key)]
        parsed = Style.parse(definition)
        self._parsed[key] = parsed
        return parsed


@dataclass(frozen=True, slots=True)
class ThemeInfo:
    """One row of ``byline themes``: a theme that was found, usable or not.

    ``origin`` is ``bundled`` or ``user``; ``error`` holds the one-line
    message when the file is broken (``dark`` is then ``None``), so a broken
    user theme is listed instead of hiding the others.
    """

    name: str
    dark: bool | None
    source: Path
    origin: str
    description: str = ""
    error: str | None = None
    overrides: Path | None = None
