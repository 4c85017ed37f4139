"""Colour checks on the bundled themes: WCAG contrast everywhere, and okabe-ito's colour-blind safety.

The colour maths is written out here rather than imported, so the thresholds
are checked by code that the tests themselves verify against published values
(WCAG's definition of relative luminance; Sharma, Wu & Dalal 2005 for
CIEDE2000; Machado, Oliveira & Fernandes 2009 for colour-vision deficiency).
"""

from __future__ import annotations

import itertools
import math

import pytest
from rich.color import Color
from rich.style import Style

from reader.themes import ENTITY_LABELS, STYLE_KEYS, ReaderTheme, load_theme

BUNDLED = ("default", "light", "high-contrast", "okabe-ito")
WCAG_AA = 4.5
WCAG_AAA = 7.0
MIN_CONTRAST = {"default": WCAG_AA, "light": WCAG_AA, "okabe-ito": WCAG_AA, "high-contrast": WCAG_AAA}

RGB = tuple[float, float, float]
LAB = tuple[float, float, float]


def rgb(colour: Color) -> RGB:
    red, green, blue = colour.get_truecolor()
    return (red, green, blue)


def hex_rgb(value: str) -> RGB:
    return rgb(Color.parse(value))


def to_linear(channel: float) -> float:
    channel /= 255
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def from_linear(channel: float) -> float:
    channel = min(max(channel, 0.0), 1.0)
    return 255 * (12.92 * channel if channel <= 0.0031308 else 1.055 * channel ** (1 / 2.4) - 0.055)


def relative_luminance(colour: RGB) -> float:
    """WCAG 2.x relative luminance of an sRGB colour."""
    red, green, blue = (to_linear(c) for c in colour)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: RGB, second: RGB) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


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
    """CIEDE2000 colour difference (kL = kC = kH = 1)."""
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


# Machado, Oliveira & Fernandes (2009), severity 1.0, applied to linear RGB.
CVD_MATRICES: dict[str, tuple[tuple[float, float, float], ...] | None] = {
    "normal vision": None,
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602),
                   (0.004733, 0.691367, 0.303900)),
}


def simulate(colour: RGB, vision: str) -> RGB:
    matrix = CVD_MATRICES[vision]
    if matrix is None:
        return colour
    linear = [to_linear(c) for c in colour]
    red, green, blue = (from_linear(sum(row[i] * linear[i] for i in range(3))) for row in matrix)
    return (red, green, blue)


# ---- the colour maths itself, against published values ----------------------------------------

def test_contrast_ratio_matches_wcag_reference_values() -> None:
    assert contrast_ratio((255, 255, 255), (0, 0, 0)) == pytest.approx(21.0)
    assert contrast_ratio((0, 0, 0), (0, 0, 0)) == pytest.approx(1.0)
    assert contrast_ratio(hex_rgb("#767676"), (255, 255, 255)) == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio(hex_rgb("#777777"), (255, 255, 255)) < WCAG_AA


@pytest.mark.parametrize(("first", "second", "expected"), [
    ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
    ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
    ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
    ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
    ((22.7233, 20.0904, -46.6940), (23.0331, 14.9730, -42.5619), 2.0373),
])
def test_ciede2000_matches_sharma_test_data(first: LAB, second: LAB, expected: float) -> None:
    assert delta_e_2000(first, second) == pytest.approx(expected, abs=1e-4)


def test_cvd_simulation_merges_red_and_green_for_deuteranopia_only() -> None:
    red, green = hex_rgb("#d00000"), hex_rgb("#00a000")
    normal = delta_e_2000(to_lab(red), to_lab(green))
    deutan = delta_e_2000(to_lab(simulate(red, "deuteranopia")), to_lab(simulate(green, "deuteranopia")))
    assert normal > 60
    assert deutan < normal / 2


# ---- WCAG contrast of every style in every bundled theme --------------------------------------

def grounds(theme: ReaderTheme) -> dict[str, RGB]:
    """The colours text can be drawn on: the article on background/surface, the side panel on panel."""
    colours = theme.textual_theme.to_color_system().generate()
    return {name: hex_rgb(colours[name]) for name in ("background", "surface", "panel")}


def foreground(theme: ReaderTheme, style: Style) -> RGB:
    return rgb(style.color) if style.color else rgb(theme.style("text").color)  # type: ignore[arg-type]


@pytest.mark.parametrize("name", BUNDLED)
def test_every_style_meets_wcag_on_what_it_is_drawn_on(name: str) -> None:
    """Each style's text colour has a contrast of at least 4.5:1 (WCAG AA; 7:1, AAA, for high-contrast)
    against the background it is drawn on: its own ``on`` colour if it sets one, else each of the
    theme's background, surface and panel."""
    theme = load_theme(name)
    minimum = MIN_CONTRAST[name]
    assert theme.style("text").color is not None, "the text style must set a colour"
    failures = []
    for key in STYLE_KEYS:
        style = theme.style(key)
        behind = {"its own background": rgb(style.bgcolor)} if style.bgcolor else grounds(theme)
        for where, ground in behind.items():
            ratio = contrast_ratio(foreground(theme, style), ground)
            if ratio < minimum:
                failures.append(f"{key} on {where}: {ratio:.2f}")
    assert not failures, f"{name}: contrast below {minimum}: {failures}"


@pytest.mark.parametrize("name", BUNDLED)
def test_styles_with_a_background_set_their_own_text_colour(name: str) -> None:
    """Styles are layered in the article view; a background over inherited text colour could be unreadable."""
    theme = load_theme(name)
    lacking = [key for key in STYLE_KEYS if theme.style(key).bgcolor and not theme.style(key).color]
    assert not lacking


@pytest.mark.parametrize("name", BUNDLED)
def test_the_current_item_stands_out_from_its_kind(name: str) -> None:
    """The quote, date and search result under the cursor look different from the others."""
    theme = load_theme(name)
    for plain, current in (("quote.direct", "quote.current"), ("date", "date.current"),
                           ("search.match", "search.current")):
        assert theme.style(plain) != theme.style(current)
        assert theme.style(current).bgcolor is not None


# ---- okabe-ito: entity colours that stay apart for colour-blind readers -------------------------

OKABE_ITO = {"#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00", "#cc79a7", "#000000"}
MIN_DELTA_E = 10.0


def entity_colours(theme: ReaderTheme) -> dict[str, RGB]:
    """Each distinct entity text colour, keyed by hex, plus the text colour entities must stand out from."""
    styles = [theme.style(f"entity.{label}") for label in ENTITY_LABELS] + [theme.style("text")]
    return {style.color.triplet.hex: rgb(style.color) for style in styles if style.color}  # type: ignore[union-attr]


@pytest.mark.parametrize("vision", CVD_MATRICES)
def test_okabe_ito_entity_colours_are_pairwise_distinguishable(vision: str) -> None:
    """Every pair of entity colours (and the text colour) differs by CIEDE2000 delta-E >= 10, a difference
    plainly visible side by side (a just-noticeable difference is about 1 to 2.3), for normal vision and
    for protanopia, deuteranopia and tritanopia simulated with the Machado et al. (2009) matrices."""
    colours = entity_colours(load_theme("okabe-ito"))
    assert len(colours) >= 7
    too_close = []
    for (first, a), (second, b) in itertools.combinations(colours.items(), 2):
        difference = delta_e_2000(to_lab(simulate(a, vision)), to_lab(simulate(b, vision)))
        if difference < MIN_DELTA_E:
            too_close.append(f"{first}/{second}: {difference:.1f}")
    assert not too_close, f"{vision}: entity colours closer than delta-E {MIN_DELTA_E}: {too_close}"


def test_okabe_ito_labels_sharing_a_colour_differ_by_attributes() -> None:
    """Seven colours cannot cover eighteen labels: labels sharing one differ in bold, italic or underline."""
    theme = load_theme("okabe-ito")
    looks = {label: theme.style(f"entity.{label}") for label in ENTITY_LABELS}
    same = [(a, b) for a, b in itertools.combinations(ENTITY_LABELS, 2) if looks[a] == looks[b]]
    assert not same


def test_okabe_ito_is_built_on_the_okabe_ito_palette() -> None:
    theme = load_theme("okabe-ito")
    chromatic = {hex_value for hex_value, colour in entity_colours(theme).items()
                 if max(colour) - min(colour) > 16}
    assert chromatic <= OKABE_ITO
    assert len(chromatic) == 6
