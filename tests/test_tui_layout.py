"""The reader's pure parts: wrapping and offset maps, highlight runs, stepping, remembered positions."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st
from tui_sample import sample_analysis

from reader.tui.highlights import Decorations, Focus, Layer, RunIndex, StyledRun, style_boundaries
from reader.tui.layout import MAX_READING_WIDTH, reading_width, visible_text, wrap_text
from reader.tui.navigation import step
from reader.tui.position import load_position, position_path, save_position


def test_wrap_keeps_words_and_width(kursk_text: str) -> None:
    layout = wrap_text(kursk_text, 60)
    lines = [layout.line_text(i) for i in range(layout.line_count)]
    assert all(len(line) <= 60 for line in lines)
    assert " ".join(line for line in lines if line).split() == kursk_text.split()
    # one blank line between paragraphs, none at either end
    paragraphs = [p for p in kursk_text.split("\n") if p.strip()]
    assert sum(layout.blank) == len(paragraphs) - 1
    assert not layout.blank[0] and not layout.blank[-1]


def test_line_of_maps_every_offset_to_the_line_showing_it(kursk_text: str) -> None:
    layout = wrap_text(kursk_text, 47)
    for offset, char in enumerate(kursk_text):
        if char in " \n":
            continue
        line = layout.line_of(offset)
        assert layout.starts[line] <= offset < layout.ends[line], offset


def test_first_offset_of_a_blank_line_is_the_next_paragraph(kursk_text: str) -> None:
    layout = wrap_text(kursk_text, 70)
    blank = layout.blank.index(True)
    assert layout.first_offset(blank) == layout.starts[blank + 1]
    assert layout.line_of(layout.first_offset(blank)) == blank + 1


def test_long_words_are_broken_and_empty_lines_collapse() -> None:
    text = "x" * 25 + " tail\n\n\n\n  second paragraph  \n"
    layout = wrap_text(text, 10)
    lines = [layout.line_text(i) for i in range(layout.line_count)]
    assert lines == ["x" * 10, "x" * 10, "xxxxx tail", "", "second", "paragraph"]


def test_wide_characters_are_measured_in_cells() -> None:
    text = "漢字漢字漢字 漢字漢字"
    layout = wrap_text(text, 8)
    assert [layout.line_text(i) for i in range(layout.line_count)] == ["漢字漢字", "漢字", "漢字漢字"]


@given(st.text(alphabet=st.sampled_from("ab c\n\t漢"), max_size=200), st.integers(1, 30))
def test_wrapping_never_loses_or_reorders_text(text: str, width: int) -> None:
    layout = wrap_text(visible_text(text), width)
    shown = "".join(layout.line_text(i) for i in range(layout.line_count))
    assert shown.replace(" ", "") == visible_text(text).replace(" ", "").replace("\n", "")
    assert layout.starts == sorted(layout.starts)


def test_reading_width_is_bounded_and_control_characters_are_one_cell() -> None:
    assert reading_width(200) == MAX_READING_WIDTH
    assert 70 <= reading_width(80) <= 80
    assert reading_width(10) == 10
    assert visible_text("a\x1b[31mb\tc\nd") == "a [31mb c\nd"


def test_run_index_finds_overlapping_runs_including_long_ones() -> None:
    runs = [StyledRun(0, 1000, "quote.direct"), StyledRun(10, 20, "entity.GPE"), StyledRun(500, 510, "date")]
    index = RunIndex(runs)
    assert [run.key for run in index.overlapping(15, 18)] == ["quote.direct", "entity.GPE"]
    assert [run.key for run in index.overlapping(505, 600)] == ["quote.direct", "date"]
    assert list(index.overlapping(1000, 1100)) == []
    rng = random.Random(7)
    many = [StyledRun(s, s + rng.randint(1, 80), "x") for s in (rng.randint(0, 5000) for _ in range(400))]
    big = RunIndex(many)
    for lo in range(0, 5100, 37):
        expected = sorted((r.start, r.end) for r in many if r.start < lo + 50 and r.end > lo)
        assert sorted((r.start, r.end) for r in big.overlapping(lo, lo + 50)) == expected


def test_style_boundaries_tile_the_line_in_drawing_order() -> None:
    runs = [StyledRun(0, 30, "quote.direct"), StyledRun(5, 10, "entity.PERSON")]
    pieces = style_boundaries(2, 12, runs)
    assert pieces == [
        (2, 5, ("quote.direct",)),
        (5, 10, ("quote.direct", "entity.PERSON")),
        (10, 12, ("quote.direct",)),
    ]
    assert style_boundaries(40, 45, runs) == [(40, 45, ())]


def test_decorations_layers_focus_and_actor_marks() -> None:
    analysis = sample_analysis()
    decorations = Decorations.from_analysis(analysis)
    quote = analysis.statements[1]
    keys = {run.key for run in decorations.runs_for(quote.start, quote.end)}
    assert "quote.direct" in keys
    decorations.enabled.discard(Layer.QUOTES)
    assert "quote.direct" not in {run.key for run in decorations.runs_for(quote.start, quote.end)}
    decorations.set_focus(Focus(quote=quote))
    focus_keys = [run.key for run in decorations.runs_for(quote.start, quote.cue.end)]
    assert focus_keys[-3:] == ["quote.current", "speaker", "cue"]
    decorations.mark_actor(analysis, "ushakov")
    marked = [run for run in decorations.layers[Layer.ACTOR].overlapping(0, len(analysis.text))]
    assert len(marked) == analysis.actor("ushakov").mentions + len(analysis.actor("ushakov").statements)
    decorations.mark_actor(analysis, None)
    assert Layer.ACTOR not in decorations.layers


def test_step_starts_on_screen_moves_and_wraps() -> None:
    starts = [10, 50, 90]
    assert step(starts, None, 1, 0).index == 0
    assert step(starts, None, 1, 60).index == 2
    assert step(starts, None, -1, 60).index == 1
    assert step(starts, 2, 1, 0) == step(starts, 2, 1, 999)
    assert step(starts, 2, 1, 0).wrapped and step(starts, 2, 1, 0).index == 0
    assert step(starts, 0, -1, 0).wrapped and step(starts, 0, -1, 0).index == 2
    assert not step(starts, 0, 1, 0).wrapped
    assert step([], None, 1, 0) is None


def test_position_round_trip_and_bad_files() -> None:
    text = "An article.\n" * 50
    assert load_position(text) == 0
    save_position(text, 120, "a.txt")
    assert load_position(text) == 120
    assert load_position(text + "changed") == 0
    position_path(text).write_text("{not json")
    assert load_position(text) == 0
    save_position(text, 10**9, "a.txt")
    assert load_position(text) == 0  # beyond the end: start at the top
