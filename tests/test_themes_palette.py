"""Colour checks on the bundled themes: WCAG contrast everywhere, entity families told apart in
truecolour and in 256 colours, and okabe-ito's colour-blind safety.

The colour maths lives in :mod:`reader.theming.contrast` (``byline themes --check`` and the reader use
it too); the first tests here check it against published values (WCAG's definition of relative
luminance; Sharma, Wu & Dalal 2005 for CIEDE2000; Machado, Oliveira & Fernandes 2009 for
colour-vision deficiency).
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from rich.color import ColorSystem
from rich.style import Style

from reader.cli import main
from reader.themes import ENTITY_LABELS, STYLE_KEYS, ReaderTheme, load_theme, load_theme_file
from reader.theming.check import contrast_warnings
from reader.theming.contrast import (
    CVD_MATRICES,
    LAB,
    RGB,
    WCAG_AA,
    WCAG_AAA,
    colour_difference,
    contrast_ratio,
    delta_e_2000,
    hex_rgb,
    rgb,
    simulate,
    to_lab,
)
from reader.theming.legend import ENTITY_FAMILIES

BUNDLED = ("default", "light", "high-contrast", "okabe-ito")
MIN_CONTRAST = {"default": WCAG_AA, "light": WCAG_AA, "okabe-ito": WCAG_AA, "high-contrast": WCAG_AAA}


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

@pytest.mark.parametrize("name", BUNDLED)
def test_every_style_meets_wcag_on_what_it_is_drawn_on(name: str) -> None:
    """Each style's text colour has a contrast of at least 4.5:1 (WCAG AA; 7:1, AAA, for high-contrast)
    against the background it is drawn on: its own ``on`` colour if it sets one, else each of the
    theme's background, surface and panel (what ``byline themes --check`` warns about)."""
    theme = load_theme(name)
    assert theme.style("text").color is not None, "the text style must set a colour"
    warnings = contrast_warnings(theme, MIN_CONTRAST[name])
    assert not warnings, [str(warning) for warning in warnings]


def test_contrast_warnings_name_the_pair_and_the_ratio(tmp_path: Path) -> None:
    path = tmp_path / "pale.yaml"
    path.write_text('extends: default\nstyles:\n  search.match: "#c0c0c0 on #d7ba7d"\n', encoding="utf-8")
    [warning] = contrast_warnings(load_theme_file(path))
    assert (warning.key, warning.colour, warning.ground, warning.ground_colour) == (
        "search.match", "#c0c0c0", "its own background", "#d7ba7d")
    assert warning.ratio == pytest.approx(contrast_ratio(hex_rgb("#c0c0c0"), hex_rgb("#d7ba7d")))
    assert str(warning) == ("styles.search.match: #c0c0c0 on its own background #d7ba7d has a contrast of "
                            "1.03:1, below 4.5:1 (WCAG AA)")


def test_themes_check_warns_with_the_pair_and_the_ratio(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "dim.yaml"
    path.write_text('extends: default\nstyles:\n  speaker: "bold #30343c"\n', encoding="utf-8")
    assert main(["themes", "--check", str(path)]) == 0
    captured = capsys.readouterr()
    assert "ok: theme 'dim' (dark), " in captured.out and "3 contrast warnings" in captured.out
    lines = captured.err.splitlines()
    assert lines[0] == (f"byline: {path}: warning: styles.speaker: #30343c on background #16181d has a "
                        "contrast of 1.42:1, below 4.5:1 (WCAG AA)")
    assert [line.split(" on ")[1].split()[0] for line in lines] == ["background", "surface", "panel"]


@pytest.mark.parametrize("name", BUNDLED)
def test_themes_check_by_name_passes_the_bundled_themes(name: str,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["themes", "--check", name]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith(f"{name}: ok: theme {name!r}") and "warning" not in captured.out
    assert captured.err == ""


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


# ---- entity families told apart, in every bundled theme, in truecolour and in 256 colours -----

MIN_FAMILY_DELTA_E = 10.0


def family_colours(theme: ReaderTheme, system: ColorSystem) -> dict[str, dict[str, RGB]]:
    """Each family's labels and their text colours, as the terminal shows them with ``system``
    (Rich downsamples a truecolour to the nearest of the 256 xterm colours for EIGHT_BIT)."""
    families: dict[str, dict[str, RGB]] = {}
    for family, labels in ENTITY_FAMILIES.items():
        for label in labels:
            colour = theme.style(f"entity.{label}").color
            assert colour is not None, f"entity.{label} sets no colour"
            families.setdefault(family, {})[label] = rgb(colour.downgrade(system))
    return families


@pytest.mark.parametrize("system", [ColorSystem.TRUECOLOR, ColorSystem.EIGHT_BIT], ids=["truecolor", "256"])
@pytest.mark.parametrize("name", BUNDLED)
def test_entity_families_are_told_apart(name: str, system: ColorSystem) -> None:
    """People, organisations, places, groups, time and numbers: every label of one family differs from
    every label of another by CIEDE2000 >= 10 (plainly visible side by side), also after Rich turns the
    colours into the 256-colour palette; in 256 colours no two families share a palette index."""
    families = family_colours(load_theme(name), system)
    too_close = []
    for (first, a), (second, b) in itertools.combinations(families.items(), 2):
        for (label_a, colour_a), (label_b, colour_b) in itertools.product(a.items(), b.items()):
            difference = colour_difference(colour_a, colour_b)
            if difference < MIN_FAMILY_DELTA_E:
                too_close.append(f"{label_a} ({first}) / {label_b} ({second}): {difference:.1f}")
    assert not too_close, f"{name} in {system.name}: {too_close}"


def test_org_and_date_were_one_orange_and_are_not_any_more() -> None:
    """The issue's example: ORG #f0a35e and DATE #ffb86c in ``default`` were 1.22:1 apart and the same
    256-colour index; DATE now has its own colour."""
    old_org, old_date = Style.parse("#f0a35e").color, Style.parse("#ffb86c").color
    assert old_org is not None and old_date is not None
    assert old_org.downgrade(ColorSystem.EIGHT_BIT).number == old_date.downgrade(ColorSystem.EIGHT_BIT).number
    theme = load_theme("default")
    org, date = theme.style("entity.ORG").color, theme.style("entity.DATE").color
    assert org is not None and date is not None
    assert org.downgrade(ColorSystem.EIGHT_BIT).number != date.downgrade(ColorSystem.EIGHT_BIT).number
    assert colour_difference(rgb(org), rgb(date)) >= MIN_FAMILY_DELTA_E
