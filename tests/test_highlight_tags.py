"""Highlight tags (issue 16, "Highlights that organise"): stored, cycled with t, drawn in the tag's
theme colour, filtered in the Notes tab with f, exported alone with byline export --tag."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from conftest import KURSK
from rich.style import Style
from textual.widgets import OptionList
from tui_sample import record_notifications, sample_analysis, sample_article

from reader.cli import main
from reader.notes import DEFAULT_TAG, HIGHLIGHT_TAGS, STORE_SCHEMA, Highlight, NoteStore, next_tag
from reader.sources import load_article
from reader.sources.article import Article
from reader.themes import list_themes, load_theme
from reader.tui.app import BylineApp

SIZE = (120, 40)


def test_the_tags_are_a_fixed_set_of_colours_and_cycle_in_order() -> None:
    assert HIGHLIGHT_TAGS == ("green", "yellow", "blue", "pink") and DEFAULT_TAG == "green"
    assert [next_tag(tag) for tag in HIGHLIGHT_TAGS] == ["yellow", "blue", "pink", "green"]
    assert next_tag("purple") == "green"  # a tag from elsewhere starts the cycle again


def test_a_store_written_before_tags_loads_with_the_default_tag_and_keeps_it(tmp_path: Path) -> None:
    article = Article(text="One sentence here. Another one there.\n", source=str(tmp_path / "a.txt"))
    store = NoteStore.open(article)
    highlight = store.add(0, 18)
    data = json.loads(store.file.read_text(encoding="utf-8"))
    for entry in data["highlights"]:
        del entry["tag"]  # as an older Byline wrote it
    store.file.write_text(json.dumps(data), encoding="utf-8")
    reopened = NoteStore.open(article)
    assert [(h.id, h.tag) for h in reopened.highlights] == [(highlight.id, "green")]
    assert reopened.problems == []
    reopened.set_tag(highlight.id, "pink")
    saved = json.loads(reopened.file.read_text(encoding="utf-8"))
    assert saved["schema"] == STORE_SCHEMA and saved["highlights"][0]["tag"] == "pink"
    assert NoteStore.open(article).highlights[0].tag == "pink"
    with pytest.raises(ValueError, match="unknown tag 'purple'"):
        reopened.set_tag(highlight.id, "purple")


def test_a_bad_tag_in_a_store_is_rejected_alone_and_an_unknown_name_is_kept() -> None:
    good = Highlight.from_text("abc def", 0, 3).to_dict()
    assert Highlight.validated({**good, "tag": "mauve"}).tag == "mauve"  # a later version's tag survives
    assert Highlight.validated({**good, "tag": None}).tag == "green"
    with pytest.raises(ValueError, match="'tag' is not text"):
        Highlight.validated({**good, "tag": 3})


def test_two_windows_tagging_one_highlight_keep_the_later_tag(tmp_path: Path) -> None:
    article = Article(text="One sentence here. Another one there.\n", source=str(tmp_path / "a.txt"))
    first = NoteStore.open(article)
    highlight = first.add(0, 18)
    second = NoteStore.open(article)
    first.set_tag(highlight.id, "blue")
    second.set_note(highlight.id, "a note")  # merges the tag saved by the first window
    assert NoteStore.open(article).highlights[0].tag == "blue"
    assert NoteStore.open(article).highlights[0].note == "a note"


def test_every_bundled_theme_gives_each_tag_its_own_readable_background() -> None:
    from reader.theming.keys import tag_style

    for info in list_themes():
        if info.origin != "bundled":
            continue
        theme = load_theme(info.name)
        backgrounds = {tag: theme.style(tag_style(tag)).bgcolor for tag in HIGHLIGHT_TAGS}
        distinct = {colour.triplet for colour in backgrounds.values() if colour}
        assert len(distinct) == len(HIGHLIGHT_TAGS), info.name


def make_app() -> BylineApp:
    article = sample_article()
    return BylineApp(article, analysis=sample_analysis(article))


def listed(app: BylineApp) -> list[str | None]:
    options = app.reader.query_one("#notes-list", OptionList)
    return [options.get_option_at_index(i).id for i in range(options.option_count)]


async def test_t_cycles_the_tag_of_the_highlight_you_are_on_and_draws_it() -> None:
    app = make_app()
    notes = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        await pilot.pause()
        assert notes[-1] == "No highlight here to tag: press h to highlight first"
        await pilot.press("h", "t")  # nothing current: the first sentence on screen, then its tag
        await pilot.pause()
        store = app.reader.notes.store
        [highlight] = store.highlights
        assert highlight.exact.startswith("The Kremlin has firmly ruled out")
        assert highlight.tag == "yellow" and notes[-1] == "Tag: yellow (t for the next one)"
        assert NoteStore.open(app.reader.article).highlights[0].tag == "yellow"  # on disk at once
        runs = app.reader.decorations.runs_for(highlight.start, highlight.end)
        assert {run.key for run in runs if run.key.startswith("highlight")} == {"highlight.yellow"}
        # drawn (the last character carries no note marker) on the theme's highlight.yellow background
        drawn = app.reader.article_view.style_at(highlight.start + 1)
        assert drawn.bgcolor == app.reader_theme.style("highlight.yellow").bgcolor
        await pilot.press("t", "t", "t")
        await pilot.pause()
        assert store.highlights[0].tag == "green"  # yellow -> blue -> pink -> green


async def test_the_notes_tab_filters_by_tag_with_f() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        # three highlights: the first two quotes tagged yellow, the third left green
        await pilot.press("right_square_bracket", "h", "t", "right_square_bracket", "h", "t",
                          "right_square_bracket", "h")
        await pilot.pause()
        store = app.reader.notes.store
        assert [h.tag for h in store.highlights] == ["yellow", "yellow", "green"]
        every = [h.id for h in store.highlights]
        app.reader.query_one("#side-panel").active = "notes-tab"
        app.reader.query_one("#notes-list", OptionList).focus()
        await pilot.pause()
        summary = app.reader.query_one("#notes-summary")
        await pilot.press("f")  # green
        await pilot.pause()
        assert listed(app) == [every[2]]
        assert str(summary.content) == "tag green: 1 of 3 highlights · f: next tag"
        await pilot.press("f")  # yellow
        await pilot.pause()
        assert listed(app) == every[:2]
        # t on the highlight under the list's cursor retags it; the filter drops it from the list
        await pilot.press("home", "t")
        await pilot.pause()
        assert store.highlights[0].tag == "blue" and listed(app) == [every[1]]
        await pilot.press("f", "f", "f")  # blue, pink, all
        await pilot.pause()
        assert listed(app) == every and str(summary.content).startswith("3 highlights")


def test_the_notes_label_draws_the_words_in_the_tag_colour() -> None:
    from reader.tui.widgets.notes_panel import note_label

    styles = {"muted": Style(color="grey50"), "highlight.pink": Style(bgcolor="#f5a3c7")}
    highlight = Highlight.from_text("Some words", 0, 10)
    highlight.tag = "pink"
    label = note_label(highlight, 3, lambda key: styles.get(key, Style.null()))
    assert label.plain == "¶3  Some words"
    last = label.spans[-1]
    assert (last.start, last.end, last.style) == (4, 14, styles["highlight.pink"])


@pytest.fixture
def tagged(tmp_path: Path) -> Path:
    copy = tmp_path / "kursk.txt"
    shutil.copyfile(KURSK, copy)
    article = load_article(copy)
    store = NoteStore.open(article)
    for needle, tag in [("At this stage", "yellow"), ("The Ukrainian offensive", "blue"), ("Moscow", "green"),
                        ("We are seeing", "yellow")]:
        start = article.text.index(needle)
        highlight = store.add(start, start + len(needle))
        store.set_tag(highlight.id, tag)
    return copy


def test_byline_export_tag_exports_only_those_highlights(
    tagged: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("reader.commands.export.analyse_article", lambda article, model: None)
    assert main(["export", str(tagged), "--format", "csv", "--tag", "yellow"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(row["Highlight"], row["Tag"]) for row in rows] == [
        ("“At this stage…”", "yellow"), ("“We are seeing…”", "yellow")
    ]
    assert main(["export", str(tagged), "--tag", "blue", "--tag", "green", "--all-quotes"]) == 0
    markdown = capsys.readouterr().out
    headings = [line for line in markdown.splitlines() if line.startswith("### ")]
    assert headings == ["### ¶2", "### ¶7 · tag blue"]
    with pytest.raises(SystemExit) as exit_status:  # argparse: one usage line and status 2
        main(["export", str(tagged), "--tag", "purple"])
    assert exit_status.value.code == 2
    assert "argument --tag: invalid choice: 'purple' (choose from" in capsys.readouterr().err
