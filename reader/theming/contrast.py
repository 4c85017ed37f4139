"""Colour maths for themes: WCAG contrast, CIEDE2000 colour difference, colour-vision simulation.

Used by the reader to keep layered text readable (:mod:`reader.theming.compose`), by
``byline themes --check`` to warn about styles below WCAG AA, and by the tests. Colours are
sRGB triples of floats 0..255 (:data:`RGB`); CIELAB triples are (L 0..100, a, b).

References: WCAG 2.x relative luminance and contrast ratio; Sharma, Wu & Dalal (2005) for
CIEDE2000; Machado, Oliveira & Fernandes (2009) for colour-vision deficiency (severity 1.0).
"""

from __future__ import annotations

import math
from functools import lru_cache

from rich.color import Color

RGB = tuple[float, float, float]
LAB = tuple[float, float, float]

WCAG_AA = 4.5
"""The smallest contrast ratio WCAG 2.x level AA allows for body text."""
WCAG_AAA = 7.0

BLACK: RGB = (0.0, 0.0, 0.0)
WHITE: RGB = (255.0, 255.0, 255.0)


def rgb(colour: Color) -> RGB:
    """A Rich colour as an sRGB triple (terminal colour names use Rich's default palette)."""
    red, green, blue = colour.get_truecolor()
    return (float(red), float(green), float(blue))


def hex_rgb(value: str) -> RGB:
    """``"#e69f00"`` (or any colour Rich parses) as an sRGB triple."""
    return rgb(Color.parse(value))


@lru_cache(maxsize=4096)
def rich_colour(colour: RGB) -> Color:
    """An sRGB triple as a Rich truecolour (channels rounded and clamped to 0..255)."""
    red, green, blue = (min(255, max(0, round(c))) for c in colour)
    return Color.from_rgb(red, green, blue)


def to_linear(channel: float) -> float:
    """One sRGB channel (0..255) as linear light (0..1)."""
    channel /= 255
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def from_linear(channel: float) -> float:
    """Linear light (clamped to 0..1) as one sRGB channel (0..255)."""
    channel = min(max(channel, 0.0), 1.0)
    return 255 * (12.92 * channel if channel <= 0.0031308 else 1.055 * channel ** (1 / 2.4) - 0.055)


@lru_cache(maxsize=4096)
def relative_luminance(colour: RGB) -> float:
    """WCAG 2.x relative luminance of an sRGB colour, 0 (black) to 1 (white)."""
    red, green, blue = (to_linear(c) for c in colour)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: RGB, second: RGB) -> float:
    """WCAG contrast ratio of two colours, 1.0 (same luminance) to 21.0 (black on white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def mix(first: RGB, second: RGB, amount: float) -> RGB:
    """``first`` moved ``amount`` (0..1) of the way to ``second``, in sRGB."""
    red, green, blue = (a + (b - a) * amount for a, b in zip(first, second, strict=True))
    return (red, green, blue)


def readable_on(colour: RGB, ground: RGB, minimum: float = WCAG_AA) -> RGB:
    """``colour`` (rounded to whole channels) when it reaches ``minimum`` contrast on ``ground``, else
    the least change that does: ``colour`` mixed towards black or white (whichever can go further), so
    the text keeps its hue as far as it can. Either black or white always reaches 4.58:1, so for any
    ``minimum`` up to that the result meets it; above it, the better of black and white is returned."""
    colour = rgb(rich_colour(colour))  # judged as drawn: whole channels
    if contrast_ratio(colour, ground) >= minimum:
        return colour
    target = BLACK if contrast_ratio(BLACK, ground) >= contrast_ratio(WHITE, ground) else WHITE
    if contrast_ratio(target, ground) < minimum:
        return target
    low, high = 0.0, 1.0
    for _ in range(20):  # bisection: 2**-20 of the way is far below one 8-bit step
        middle = (low + high) / 2
        if contrast_ratio(mix(colour, target, middle), ground) >= minimum:
            high = middle
        else:
            low = middle
    candidate = mix(colour, target, high)
    # Rounding to whole channels may cost a hair of contrast: step on until the rounded colour passes.
    while contrast_ratio(rgb(rich_colour(candidate)), ground) < minimum and high < 1.0:
        high = min(1.0, high + 1 / 256)
        candidate = mix(colour, target, high)
    return rgb(rich_colour(candidate))


def grey(colour: RGB) -> RGB:
    """The grey Textual's ``NO_COLOR`` filter turns ``colour`` into (``textual.color.Color.monochrome``)."""
    red, green, blue = colour
    level = float(round(red * 0.2125 + green * 0.7154 + blue * 0.0721))
    return (level, level, level)


def to_lab(colour: RGB) -> LAB:
    """sRGB (D65) to CIELAB."""
    red, green, blue = (to_linear(c) for c in colour)
    x = (0.4124 * red + 0.3576 * green + 0.1805 * blue) / 0.95047
    y = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    z = (0.0193 * red + 0.1192 * green + 0.9505 * blue) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    fx, fy, fz = f(x), f(y), f(z)
    return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz))


def delta_e_2000(first: LAB, second: LAB) -> float:
    """CIEDE2000 colour difference (kL = kC = kH = 1): about 1 to 2.3 is just noticeable, 10 plain."""
    l1, a1, b1 = first
    l2, a2, b2 = second
    c_mean = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_mean**7 / (c_mean**7 + 25**7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360
    h2p = math.degrees(math.atan2(b2, a2p)) % 360
    dlp, dcp = l2 - l1, c2p - c1p
    if c1p * c2p == 0:
        dhp = 0.0
    else:
        dhp = h2p - h1p
        dhp -= 360 if dhp > 180 else 0
        dhp += 360 if dhp < -180 else 0
    big_dhp = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dhp / 2))
    lp_mean, cp_mean = (l1 + l2) / 2, (c1p + c2p) / 2
    if c1p * c2p == 0:
        hp_mean = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        hp_mean = (h1p + h2p) / 2
    else:
        hp_mean = (h1p + h2p + 360) / 2 if h1p + h2p < 360 else (h1p + h2p - 360) / 2
    t = (1 - 0.17 * math.cos(math.radians(hp_mean - 30)) + 0.24 * math.cos(math.radians(2 * hp_mean))
         + 0.32 * math.cos(math.radians(3 * hp_mean + 6)) - 0.20 * math.cos(math.radians(4 * hp_mean - 63)))
    d_theta = 30 * math.exp(-(((hp_mean - 275) / 25) ** 2))
    r_c = 2 * math.sqrt(cp_mean**7 / (cp_mean**7 + 25**7))
    s_l = 1 + 0.015 * (lp_mean - 50) ** 2 / math.sqrt(20 + (lp_mean - 50) ** 2)
    s_c = 1 + 0.045 * cp_mean
    s_h = 1 + 0.015 * cp_mean * t
    r_t = -math.sin(math.radians(2 * d_theta)) * r_c
    return math.sqrt((dlp / s_l) ** 2 + (dcp / s_c) ** 2 + (big_dhp / s_h) ** 2
                     + r_t * (dcp / s_c) * (big_dhp / s_h))


def colour_difference(first: RGB, second: RGB) -> float:
    """CIEDE2000 between two sRGB colours."""
    return delta_e_2000(to_lab(first), to_lab(second))


CVD_MATRICES: dict[str, tuple[tuple[float, float, float], ...] | None] = {
    "normal vision": None,
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602),
                   (0.004733, 0.691367, 0.303900)),
}
"""Machado, Oliveira & Fernandes (2009), severity 1.0, applied to linear RGB."""


def simulate(colour: RGB, vision: str) -> RGB:
    """How ``colour`` looks with ``vision`` (a key of :data:`CVD_MATRICES`)."""
    matrix = CVD_MATRICES[vision]
    if matrix is None:
        return colour
    linear = [to_linear(c) for c in colour]
    red, green, blue = (from_linear(sum(row[i] * linear[i] for i in range(3))) for row in matrix)
    return (red, green, blue)
