"""Stack the styles of overlapping layers into one, keeping the text readable on what it is drawn on.

The article pane draws up to seven layers over one character: a statement (direct or reported, maybe
dimmed), an entity or date, the marked actor, a highlight, a search match, the selection, and the
current target. Each theme style is readable on the page by itself, but two layers that each set one
colour can meet badly (a light speaker colour on a light actor mark). :func:`compose` stacks them the
way Rich would (later layers over earlier ones; ``reverse`` swaps the colours below; ``dim`` fades the
text), then makes sure the result reaches WCAG AA (4.5:1): when it does not, the text colour is moved
towards black or white just far enough (:func:`reader.theming.contrast.readable_on`), so it keeps its
hue as far as it can. The result always sets both colours and never ``reverse`` or ``dim``, so what
is checked is what the terminal shows.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.color import Color, ColorSystem
from rich.style import Style

from reader.theming.contrast import (
    BLACK,
    RGB,
    WCAG_AA,
    WHITE,
    contrast_ratio,
    grey,
    mix,
    readable_on,
    rgb,
    rich_colour,
)

DIM_AMOUNT = 0.35
"""How far ``dim`` moves the text colour towards its background (then contrast is restored if needed)."""

_PLAIN = Style(reverse=False, dim=False)


def compose(layers: Sequence[Style], *, text: Style, ground: RGB, minimum: float = WCAG_AA,
            monochrome: bool = False, system: ColorSystem = ColorSystem.TRUECOLOR) -> Style:
    """The one style that ``layers`` (in drawing order, over the ``text`` style on ``ground``) amount to.

    ``monochrome`` turns every colour into the grey Textual's ``NO_COLOR`` filter would show before
    stacking, so the contrast is guaranteed for what a ``NO_COLOR`` terminal shows too. The returned
    style has a foreground with at least ``minimum`` contrast on its background (for ``minimum`` up to
    4.58, which black or white always reach), keeps the layers' bold/italic/underline/strike, and sets
    neither ``reverse`` nor ``dim``.

    ``system`` ``EIGHT_BIT`` (a 256-colour terminal) returns both colours as the palette colours Rich
    would downsample them to, with the contrast checked, and restored if needed, after downsampling
    (a colour just above 4.5:1 can fall below it on the nearest palette colours). With fewer colours
    (16) the terminal decides what the colours look like, so nothing can be guaranteed: they are
    returned in truecolour, checked as such.
    """

    def colour(value: RGB) -> RGB:
        return grey(value) if monochrome else value

    back = colour(ground)
    if text.color is not None:
        fore = colour(rgb(text.color))
    else:
        fore = BLACK if contrast_ratio(BLACK, back) >= contrast_ratio(WHITE, back) else WHITE
    attributes = text.without_color
    dim = bool(text.dim)
    for layer in layers:
        if layer.color is not None:
            fore = colour(rgb(layer.color))
        if layer.bgcolor is not None:
            back = colour(rgb(layer.bgcolor))
        if layer.reverse:
            fore, back = back, fore
        dim = dim or bool(layer.dim)
        attributes += layer.without_color
    if dim:
        fore = mix(fore, back, DIM_AMOUNT)
    fore = readable_on(fore, back, minimum)
    if system == ColorSystem.EIGHT_BIT:
        back_colour = rich_colour(back).downgrade(system)
        return attributes + _PLAIN + Style(color=readable_in_palette(fore, rgb(back_colour), minimum),
                                           bgcolor=back_colour)
    return attributes + _PLAIN + Style(color=rich_colour(fore), bgcolor=rich_colour(back))


def readable_in_palette(colour: RGB, ground: RGB, minimum: float = WCAG_AA) -> Color:
    """The 256-colour palette colour Rich turns ``colour`` into, moved towards black or white in steps
    until it reaches ``minimum`` on ``ground`` (a palette colour); black or white at worst."""
    target = BLACK if contrast_ratio(BLACK, ground) >= contrast_ratio(WHITE, ground) else WHITE
    for step in range(33):
        candidate = rich_colour(mix(colour, target, step / 32)).downgrade(ColorSystem.EIGHT_BIT)
        if contrast_ratio(rgb(candidate), ground) >= minimum:
            return candidate
    return rich_colour(target).downgrade(ColorSystem.EIGHT_BIT)


def style_contrast(style: Style) -> float:
    """The contrast ratio between a composed style's two colours (both must be set)."""
    assert style.color is not None and style.bgcolor is not None, "a composed style sets both colours"
    return contrast_ratio(rgb(style.color), rgb(style.bgcolor))
