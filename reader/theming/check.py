"""Readability checks on a resolved theme: each style's text colour against what it is drawn on.

``byline themes --check`` prints these as warnings, and the tests require none for a bundled theme.
The reader itself never shows text below 4.5:1 where layers overlap (:mod:`reader.theming.compose`
adjusts it), but a style that is unreadable on its own is a mistake worth telling the author about.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.theming.contrast import RGB, WCAG_AA, contrast_ratio, hex_rgb, rgb
from reader.theming.keys import STYLE_KEYS
from reader.theming.model import ReaderTheme

GROUNDS: tuple[str, ...] = ("background", "surface", "panel")
"""The theme colours text is drawn on: the article on background (and surface), the side panel on panel."""


@dataclass(frozen=True, slots=True)
class ContrastWarning:
    """Style ``key`` draws text ``colour`` on ``ground`` (a name: ``background``, or ``its own
    background``) of colour ``ground_colour`` at ``ratio``:1, below ``minimum``:1. Colours are ``#rrggbb``."""

    key: str
    colour: str
    ground: str
    ground_colour: str
    ratio: float
    minimum: float

    def __str__(self) -> str:
        return (f"styles.{self.key}: {self.colour} on {self.ground} {self.ground_colour} has a contrast of "
                f"{self.ratio:.2f}:1, below {self.minimum:g}:1 (WCAG AA)")


def _hex(colour: RGB) -> str:
    return "#{:02x}{:02x}{:02x}".format(*(round(c) for c in colour))


def theme_grounds(theme: ReaderTheme) -> dict[str, RGB]:
    """The colours of :data:`GROUNDS` as Textual derives them from the theme's base colours."""
    colours = theme.textual_theme.to_color_system().generate()
    return {name: hex_rgb(colours[name]) for name in GROUNDS}


def text_colour(theme: ReaderTheme, key: str) -> RGB | None:
    """The colour style ``key`` draws text in: its own, else the ``text`` style's (``None``: neither
    sets one)."""
    style = theme.style(key)
    colour = style.color or theme.style("text").color
    return rgb(colour) if colour is not None else None


def contrast_warnings(theme: ReaderTheme, minimum: float = WCAG_AA) -> list[ContrastWarning]:
    """Every style (in :data:`STYLE_KEYS` order) whose text falls below ``minimum`` contrast on what it
    is drawn on: its own ``on`` colour if it sets one, else each of background, surface and panel."""
    grounds = theme_grounds(theme)
    warnings: list[ContrastWarning] = []
    for key in STYLE_KEYS:
        colour = text_colour(theme, key)
        if colour is None:
            continue
        style = theme.style(key)
        behind = {"its own background": rgb(style.bgcolor)} if style.bgcolor else grounds
        for where, ground in behind.items():
            ratio = contrast_ratio(colour, ground)
            if ratio < minimum:
                warnings.append(ContrastWarning(key, _hex(colour), where, _hex(ground), ratio, minimum))
    return warnings
