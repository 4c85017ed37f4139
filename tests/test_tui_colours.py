"""Text that never disappears: every overlap of highlight layers keeps WCAG AA, in every bundled theme.

The four cases the issue found are each pressed through the real keys; the mechanism behind them
(:func:`reader.tui.highlights.composed_style`) is checked for every combination of layers that can
cover one character.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest
from rich.color import ColorSystem, ColorType
from rich.style import Style
from tui_sample import sample_analysis, sample_article, wait_until

from reader.highlight_tags import DEFAULT_TAG
from reader.themes import ENTITY_LABELS, ReaderTheme, load_theme
from reader.theming.compose import compose, style_contrast
from reader.theming.contrast import WCAG_AA, contrast_ratio, grey, hex_rgb, rgb
from reader.theming.keys import tag_style
from reader.tui.app import BylineApp
from reader.tui.highlights import DIM_KEY, FOCUS_KEY, OPERATIONS, Decorations, Focus, composed_style

BUNDLED = ("default", "light", "high-contrast", "okabe-ito")
SIZE = (120, 40)


def make_app(theme: str = "default") -> BylineApp:
    article = sample_article()
    return BylineApp(article, analysis=sample_analysis(article), theme=theme)


def contrast_at(app: BylineApp, offset: int) -> float:
    return style_contrast(app.reader.article_view.style_at(offset))


# ---- every combination of layers, every bundled theme -------------------------------------------

# One slot per layer that can cover a character, lowest first, as Decorations.runs_for orders them;
# () is "this layer is not there".
STATEMENT = [(), ("quote.direct",), ("quote.indirect",), ("quote.direct", DIM_KEY),
             ("quote.indirect", DIM_KEY), ("statement.speaker",), ("statement.cue",)]
ENTITY = [(), ("date",)] + [(f"entity.{label}",) for label in ENTITY_LABELS]
ACTOR = [(), ("actor.mark",)]
CURRENT = [(), ("quote.current",), ("speaker",), ("cue",)]
HIGHLIGHT = [(), ("highlight",), ("note.marker",)]
SEARCH = [(), ("search.match",)]
SELECTION = [(), ("selection",)]
TARGET = [(), ("date.current",), (FOCUS_KEY,), ("search.current",)]
SLOTS = (STATEMENT, ENTITY, ACTOR, CURRENT, HIGHLIGHT, SEARCH, SELECTION, TARGET)


def combinations(theme: ReaderTheme | None = None) -> Iterator[tuple[str, ...]]:
    """Every stack of one option per slot. With ``theme``, options of a slot that look the same as far
    as contrast goes (same colours, reverse and dim; bold or underline cannot change a ratio) are
    tried once: ENTITY.PERCENT when it is drawn like ENTITY.MONEY, say."""
    slots = SLOTS if theme is None else tuple(_distinct(slot, theme) for slot in SLOTS)
    for parts in itertools.product(*slots):
        yield tuple(key for part in parts for key in part)


def _distinct(slot: list[tuple[str, ...]], theme: ReaderTheme) -> list[tuple[str, ...]]:
    seen: dict[object, tuple[str, ...]] = {}
    for option in slot:
        styles = [OPERATIONS.get(key) or theme.style(key) for key in option]
        signature = tuple((s.color, s.bgcolor, s.reverse, s.dim) for s in styles)
        seen.setdefault(signature, option)
    return list(seen.values())


def ground_of(name: str) -> tuple[float, float, float]:
    theme = load_theme(name)
    return hex_rgb(theme.textual_theme.to_color_system().generate()["background"])


@pytest.mark.parametrize("mode", ["truecolor", "256", "NO_COLOR"])
@pytest.mark.parametrize("name", BUNDLED)
def test_every_overlap_of_layers_keeps_wcag_aa(name: str, mode: str) -> None:
    """Statement x entity x actor mark x current statement x highlight x search x selection x current
    target (18,000 to 37,000 distinct stacks per theme): the composed text colour is at least 4.5:1 on
    the colour under it, in truecolour, on the 256-colour palette a 256-colour terminal shows, and in
    NO_COLOR greys."""
    theme = load_theme(name)
    ground = ground_of(name)
    system = ColorSystem.EIGHT_BIT if mode == "256" else ColorSystem.TRUECOLOR
    checked = 0
    failures = []
    for keys in combinations(theme):
        style = composed_style(keys, theme.style, ground=ground, monochrome=mode == "NO_COLOR", system=system)
        assert style.color is not None and style.bgcolor is not None
        if mode == "NO_COLOR":
            # What Textual's NO_COLOR filter leaves on screen: greys, unchanged by the filter.
            assert rgb(style.color) == grey(rgb(style.color))
        if mode == "256":
            # Palette colours already: nothing is left for the terminal to round.
            assert style.color.type == style.bgcolor.type == ColorType.EIGHT_BIT
        ratio = style_contrast(style)
        if ratio < WCAG_AA:
            failures.append(f"{' + '.join(keys)}: {ratio:.2f}")
        checked += 1
    assert checked >= 15_000  # okabe-ito draws several labels alike but for bold or italic
    assert not failures, failures[:10]


def test_in_256_colours_the_contrast_is_checked_after_downsampling() -> None:
    """A colour just above 4.5:1 in truecolour can fall below it on the nearest palette colours."""
    ground = hex_rgb("#16181d")
    text = Style.parse("#d8dee9")
    near = [Style.parse("bold #16181d on #7dcfff"), Style.parse("bold #8cc8ff")]
    truecolour = compose(near, text=text, ground=ground)
    downsampled = truecolour.color.downgrade(ColorSystem.EIGHT_BIT)  # type: ignore[union-attr]
    background = truecolour.bgcolor.downgrade(ColorSystem.EIGHT_BIT)  # type: ignore[union-attr]
    assert contrast_ratio(rgb(downsampled), rgb(background)) < WCAG_AA  # what Rich alone would show
    palette = compose(near, text=text, ground=ground, system=ColorSystem.EIGHT_BIT)
    assert style_contrast(palette) >= WCAG_AA


def test_compose_keeps_a_readable_colour_and_fixes_an_unreadable_one() -> None:
    ground = hex_rgb("#16181d")
    text = Style.parse("#d8dee9")
    # The example: the speaker #8cc8ff on the actor mark #7dcfff is 1.04:1.
    assert contrast_ratio(hex_rgb("#8cc8ff"), hex_rgb("#7dcfff")) == pytest.approx(1.04, abs=0.01)
    mark, speaker = Style.parse("bold #16181d on #7dcfff"), Style.parse("bold #8cc8ff")
    fixed = compose([mark, speaker], text=text, ground=ground)
    assert style_contrast(fixed) >= WCAG_AA
    assert fixed.bgcolor is not None and fixed.bgcolor.triplet is not None
    assert fixed.bgcolor.triplet.hex == "#7dcfff"
    red, green, blue = rgb(fixed.color)  # type: ignore[arg-type]
    assert blue > red and blue > green  # still a blue, darkened until it reads
    assert fixed.bold
    # A colour that reads already is left exactly as the theme has it.
    fine = compose([Style.parse("#8fd18f")], text=text, ground=ground)
    assert fine.color is not None and fine.color.triplet is not None
    assert fine.color.triplet.hex == "#8fd18f"
    # reverse swaps what is below; dim fades the text but not below 4.5:1; neither is left to the terminal.
    inverted = compose([Style.parse("#8fd18f"), Style(reverse=True)], text=text, ground=ground)
    assert (inverted.color.triplet.hex, inverted.bgcolor.triplet.hex) == ("#16181d", "#8fd18f")  # type: ignore[union-attr]
    dimmed = compose([Style(dim=True)], text=text, ground=ground)
    assert WCAG_AA <= style_contrast(dimmed) < contrast_ratio(hex_rgb("#d8dee9"), ground)
    assert not (inverted.reverse or dimmed.dim)


@pytest.mark.parametrize("name", BUNDLED)
async def test_all_layers_stacked_on_one_span_render_readable(name: str) -> None:
    """The pane itself: one sentence under every layer at once (and each prefix of the stack)."""
    app = make_app(name)
    async with app.run_test(size=SIZE) as pilot:
        reader = app.reader
        view = reader.article_view
        text = reader.article.text
        start = text.index("Kursk")
        statement = reader.analysis.statements[1]
        decorations: Decorations = reader.decorations
        decorations.set_notes([(start, start + 5, start + 2, tag_style(DEFAULT_TAG))])
        decorations.set_search([(start, start + 5)])
        decorations.set_focus(Focus(quote=statement, entity=(start, start + 5)))
        view.select_span(start + 1, start + 4)
        view.restyle()
        await pilot.pause()
        for offset in range(start, start + 5):
            assert contrast_at(app, offset) >= WCAG_AA
        for offset in range(statement.start, statement.end):
            assert contrast_at(app, offset) >= WCAG_AA
        assert view.rich_style.bgcolor is not None
        assert rgb(view.rich_style.bgcolor) == ground_of(name)  # what the composition assumes


# ---- the four cases from the issue, through the real keys ---------------------------------------

async def follow_ushakov(pilot, app: BylineApp) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("a")
    assert app.reader.actors_panel.select_actor("ushakov")
    await pilot.press("enter")
    await wait_until(pilot, lambda: app.reader.state.actor_id == "ushakov")
    await pilot.press("escape", "right_curly_bracket")


@pytest.mark.parametrize("name", BUNDLED)
async def test_following_an_actor_keeps_the_speaker_readable(name: str) -> None:
    """enter in the panel, then ``}``: the current speaker's name sits on the actor mark and must read."""
    app = make_app(name)
    async with app.run_test(size=SIZE) as pilot:
        await follow_ushakov(pilot, app)
        reader = app.reader
        quote = reader.state.current_quote
        assert quote is not None and quote.speaker_mention is not None
        mention = quote.speaker_mention
        style = reader.article_view.style_at(mention.start)
        assert style.bgcolor == app.style_for("actor.mark").bgcolor  # drawn on the actor mark
        assert style.bold  # still marked as the speaker
        assert style_contrast(style) >= WCAG_AA
        before = contrast_ratio(rgb(app.style_for("speaker").color), rgb(app.style_for("actor.mark").bgcolor))
        if name == "default":
            assert before == pytest.approx(1.04, abs=0.01)  # what the issue saw: the name vanished


async def test_following_an_actor_in_a_256_colour_terminal() -> None:
    """The same case in 256 colours: the pane composes on the palette, so rounding cannot undo it."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.console._color_system = ColorSystem.EIGHT_BIT  # what a TERM=xterm-256color terminal gets
        assert app.reader.article_view.colour_system == ColorSystem.EIGHT_BIT
        app.reader.article_view.restyle()
        await follow_ushakov(pilot, app)
        quote = app.reader.state.current_quote
        assert quote is not None and quote.speaker_mention is not None
        style = app.reader.article_view.style_at(quote.speaker_mention.start)
        assert style.color is not None and style.color.type == ColorType.EIGHT_BIT
        assert style_contrast(style) >= WCAG_AA


@pytest.mark.parametrize("name", BUNDLED)
async def test_a_keyboard_selection_is_readable(name: str) -> None:
    """shift+down: the selected words are drawn in the theme's selection style, readable."""
    app = make_app(name)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("shift+down")
        view = app.reader.article_view
        span = view.selected_span()
        assert span is not None
        selection = app.style_for("selection")
        for offset in range(span[0], span[1]):
            style = view.style_at(offset)
            if offset < span[0] + 20:
                assert style.bgcolor == selection.bgcolor
            if not app.reader.article.text[offset].isspace():
                assert style.color != style.bgcolor
                assert style_contrast(style) >= WCAG_AA


@pytest.mark.parametrize("name", BUNDLED)
async def test_a_new_highlight_shows_on_the_current_quote(name: str) -> None:
    """``]`` then ``h``: the highlight is drawn over the current quote, not hidden under it."""
    app = make_app(name)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right_square_bracket")
        reader = app.reader
        quote = reader.state.current_quote
        assert quote is not None
        before = reader.article_view.style_at(quote.start + 3)
        assert before.bgcolor == app.style_for("quote.current").bgcolor
        await pilot.press("h")
        await wait_until(pilot, lambda: bool(reader.notes.store.highlights), what="the highlight")
        after = reader.article_view.style_at(quote.start + 3)
        assert after.bgcolor == app.style_for(tag_style(DEFAULT_TAG)).bgcolor
        assert after.bgcolor != before.bgcolor
        assert style_contrast(after) >= WCAG_AA


async def test_only_the_latest_target_is_marked() -> None:
    """``e``, ``d``, then a search: each step unmarks the one before; ``e`` again unmarks the match."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        reader = app.reader
        view = reader.article_view
        analysis = reader.analysis
        await pilot.press("e")
        entity = analysis.entities[0]
        entity_colour = app.style_for(f"entity.{entity.label}").color
        assert view.style_at(entity.start).bgcolor == entity_colour  # inverted: the current entity
        await pilot.press("d")
        date = analysis.dates[0]
        assert view.style_at(date.start).bgcolor == app.style_for("date.current").bgcolor
        assert view.style_at(entity.start).bgcolor != entity_colour
        await pilot.press("slash", *"Monday", "enter")
        match = reader.state.matches[reader.state.match_index]
        assert view.style_at(match[0]).bgcolor == app.style_for("search.current").bgcolor
        assert view.style_at(date.start).bgcolor != app.style_for("date.current").bgcolor
        await pilot.press("e")
        assert view.style_at(match[0]).bgcolor != app.style_for("search.current").bgcolor
        current = analysis.entities[reader.state.entity_index]
        assert view.style_at(current.start).bgcolor == app.style_for(f"entity.{current.label}").color
        # The other matches stay drawn as matches: only the *current* marker moves.
        assert view.style_at(match[0]).bgcolor == app.style_for("search.match").bgcolor


# ---- speakers and cues of every statement, entities inside quotes ----------------------------------

async def test_every_statement_shows_its_speaker_and_cue_and_entities_keep_their_colour() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        reader = app.reader
        view = reader.article_view
        assert reader.state.current_quote is None
        for statement in reader.analysis.statements:
            assert statement.speaker_mention is not None and statement.cue is not None
            assert view.style_at(statement.speaker_mention.start).underline
            assert view.style_at(statement.cue.start).italic
        # "Kyiv" inside Zelensky's quote keeps the place colour, not the quote's.
        quote = next(q for q in reader.analysis.statements if "Kyiv" in q.text or "Ukraine" in q.text[1:])
        inner = next(e for e in reader.analysis.entities if quote.start < e.start < quote.end)
        assert view.style_at(inner.start).color == app.style_for(f"entity.{inner.label}").color
        await pilot.press("2")  # the statements layer off: no speaker underline either
        mention = reader.analysis.statements[0].speaker_mention
        assert mention is not None
        assert not view.style_at(mention.start).underline


# ---- NO_COLOR ---------------------------------------------------------------------------------

async def test_no_color_gives_readable_greys(monkeypatch: pytest.MonkeyPatch) -> None:
    """With NO_COLOR the pane draws greys (what Textual's filter shows), each stack at least 4.5:1."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app()
    assert app.no_color
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right_square_bracket", "h", "e")
        await pilot.pause()
        reader = app.reader
        view = reader.article_view
        text = reader.article.text
        for offset in range(0, len(text), 7):
            if text[offset].isspace():
                continue
            style = view.style_at(offset)
            assert style.color is not None and style.bgcolor is not None
            assert rgb(style.color) == grey(rgb(style.color))
            assert rgb(style.bgcolor) == grey(rgb(style.bgcolor))
            assert style_contrast(style) >= WCAG_AA, (offset, text[offset - 5 : offset + 5])


# ---- the legend ---------------------------------------------------------------------------------

def legend_lines(text) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """The legend's rows by meaning: the style its sample is drawn in."""
    rows = {}
    for line in text.split("\n"):
        sample_style = next((span.style for span in line.spans if span.start == 0), None)
        meaning = line.plain.split("  ")[-1].strip()
        rows[meaning] = sample_style
    return rows


async def test_i_shows_the_legend_in_the_panel_and_i_again_goes_back() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        reader = app.reader
        tabs = reader.query_one("#side-panel")
        assert tabs.active == "actors-tab"
        await pilot.press("s")  # hide the panel: i opens it again
        assert reader.has_class("-panel-hidden")
        await pilot.press("escape", "i")
        assert not reader.has_class("-panel-hidden")
        assert tabs.active == "legend-tab"
        rows = legend_lines(reader.query_one("#legend").text)
        for meaning in ("person", "organisation", "place", "group (nation, party)", "date or time",
                        "direct quote", "reported statement", "speaker (who says it)", "cue (said, told)"):
            assert meaning in rows
        ground = rgb(reader.article_view.rich_style.bgcolor)
        assert rows["place"] == composed_style(("entity.GPE",), app.style_for, ground=ground)
        assert rows["organisation"] != rows["date or time"]
        assert rows["direct quote"] == composed_style(("quote.direct",), app.style_for, ground=ground)
        # The dimmed row is the pane's own dimming (DIM_KEY), not a theme key.
        assert rows["speaker is a guess"] == composed_style(("quote.direct", DIM_KEY), app.style_for,
                                                            ground=ground)
        assert rows["speaker is a guess"] != rows["direct quote"]
        await pilot.press("i")
        assert tabs.active == "actors-tab"


async def test_the_legend_follows_the_theme() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i")
        reader = app.reader
        before = legend_lines(reader.query_one("#legend").text)["person"]
        await pilot.press("T")
        await pilot.pause()
        await pilot.pause()
        after = legend_lines(reader.query_one("#legend").text)["person"]
        assert after != before
        ground = rgb(reader.article_view.rich_style.bgcolor)
        assert after == composed_style(("entity.PERSON",), app.style_for, ground=ground)
        # The article is recomposed on the new theme's background too.
        assert ground == ground_of(app.reader_theme.name)
        plain = reader.article.text.index("The operation, now")
        assert rgb(reader.article_view.style_at(plain).bgcolor) == ground


async def test_help_shows_the_legend_under_the_keys() -> None:
    from textual.widgets import Static

    from reader.tui.screens.help import HelpScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert app.screen.query_one("#help-legend", Static).visual is not None
        rows = legend_lines(app.screen.legend)
        assert {"person", "organisation", "place", "date or time", "direct quote", "reported statement",
                "speaker (who says it)", "cue (said, told)"} <= set(rows)
        assert any(row.binding_id == "panel.legend" and row.keys == "i" for row in app.screen.rows)
