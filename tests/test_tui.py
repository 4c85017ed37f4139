"""The reader through the Pilot: navigation, the actors panel, search, help, layers, safety, sizes."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from rich.style import Style
from textual.widgets import Input, TabbedContent
from tui_sample import palette_has_results, record_notifications, sample_analysis, sample_article, wait_until

import reader.analysis
from reader.analysis.model import Analysis
from reader.sources.article import Article
from reader.themes import list_themes
from reader.theming.legend import label_words
from reader.tui.app import BylineApp
from reader.tui.highlights import Layer
from reader.tui.screens.help import HelpScreen
from reader.tui.screens.reader import ReaderScreen
from reader.tui.widgets.article_view import ArticleView


def make_app(article: Article | None = None, analysis: Analysis | None = None, **kwargs: object) -> BylineApp:
    article = article or sample_article()
    if analysis is None and article.text == sample_article().text:
        analysis = sample_analysis(article)
    return BylineApp(article, analysis=analysis, **kwargs)  # type: ignore[arg-type]


def shows(app: BylineApp, style: Style, key: str) -> bool:
    """Whether the theme style ``key`` is part of ``style`` (drawing it again changes nothing)."""
    return style + app.style_for(key) == style


def look(view: ArticleView, offset: int) -> Style:
    """How character ``offset`` looks: its drawn style without the selection bookkeeping (meta)."""
    return view.style_at(offset).clear_meta_and_links()


def quote_start(analysis: Analysis, opening: str) -> int:
    return next(q.start for q in analysis.statements if q.text.lstrip("“").startswith(opening))


async def test_quote_navigation_reaches_syrskyi_and_back_to_zelensky() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(3):
            await pilot.press("right_square_bracket")
        reader = app.reader
        where = "Quote 3/3 · Oleksandr Syrskyi, senior commander · reported"
        assert reader.status_line.location == where
        syrskyi = quote_start(reader.analysis, "We are seeing")
        assert reader.article_view.is_visible(syrskyi)
        assert shows(app, reader.article_view.style_at(syrskyi + 2), "quote.current")
        other = quote_start(reader.analysis, "At this stage")
        assert not shows(app, reader.article_view.style_at(other + 2), "quote.current")

        await pilot.press("left_square_bracket")
        where = "Quote 2/3 · Volodymyr Zelensky, Ukrainian President · said"
        assert reader.status_line.location == where
        zelensky = quote_start(reader.analysis, "The operation is designed")
        view = reader.article_view
        assert view.is_visible(zelensky)
        # The jump centres the quote: its line sits in the middle of the pane.
        middle = round(view.scroll_y) + view.scrollable_content_region.height // 2
        assert abs(view.layout_text.line_of(zelensky) - middle) <= 1


async def test_current_quote_marks_speaker_and_cue() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("right_square_bracket")
        reader = app.reader
        quote = reader.analysis.statements[1]
        view = reader.article_view
        assert shows(app, view.style_at(quote.speaker_mention.start), "speaker")
        assert shows(app, view.style_at(quote.cue.start), "cue")
        later = reader.analysis.statements[3]
        assert not shows(app, view.style_at(later.speaker_mention.start), "speaker")


async def test_quote_navigation_wraps_with_a_notice() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        seen = record_notifications(app)
        for _ in range(4):
            await pilot.press("right_square_bracket")
        assert app.reader.status_line.location.startswith("Quote 1/3 · Yuri Ushakov")
        assert "Wrapped to the first quote" in seen


async def test_reported_speech_toggle_includes_indirect_statements() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("r", "right_square_bracket")
        assert app.reader.status_line.location.startswith("Statement 1/5 (reported) · Yuri Ushakov")


async def test_selecting_ushakov_marks_his_statements_and_braces_walk_them() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        reader = app.reader
        await pilot.press("a")
        assert app.focused is reader.actors_panel
        assert reader.actors_panel.select_actor("ushakov")
        await pilot.press("enter")
        await pilot.pause()
        assert reader.state.actor_id == "ushakov"
        analysis = reader.analysis
        ushakov = analysis.actor("ushakov")
        view = reader.article_view
        for index in ushakov.statements:
            assert shows(app, view.style_at(analysis.statements[index].start + 3), "actor.mark")
        for mention in ushakov.mention_spans:
            assert shows(app, view.style_at(mention.start), "actor.mark")
        zelensky_quote = analysis.statements[analysis.actor("zelensky").statements[0]]
        assert not shows(app, view.style_at(zelensky_quote.start + 3), "actor.mark")

        await pilot.press("escape", "right_curly_bracket")
        assert "statement 1/2 (reported) · emphasized" in reader.status_line.location
        reported = analysis.statements[ushakov.statements[0]]
        assert reported.kind == "reported"
        assert shows(app, view.style_at(reported.start + 3), "quote.current")
        await pilot.press("right_curly_bracket")
        assert "statement 2/2 (quote) · stated" in reader.status_line.location
        assert view.is_visible(analysis.statements[ushakov.statements[1]].start)
        await pilot.press("left_curly_bracket")
        assert "statement 1/2" in reader.status_line.location


async def test_selecting_a_statement_in_the_panel_jumps_to_it() -> None:
    article = Article(text="\n".join(["Filler paragraph."] * 120) + "\n" + sample_article().text,
                      source="long.txt")
    shifted = sample_analysis(article)
    app = make_app(article, shifted)
    async with app.run_test(size=(120, 30)) as pilot:
        reader = app.reader
        await pilot.press("a")
        panel = reader.actors_panel
        assert panel.select_actor("syrskyi")
        await pilot.press("right")  # expand
        await pilot.press("down", "enter")
        await pilot.pause()
        syrskyi = shifted.statements[shifted.actor("syrskyi").statements[0]]
        assert reader.article_view.is_visible(syrskyi.start)
        assert "Oleksandr Syrskyi" in reader.status_line.location


async def test_statement_keys_without_an_actor_say_what_to_do() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        seen = record_notifications(app)
        await pilot.press("right_curly_bracket")
        assert any("Select an actor" in message for message in seen)


async def test_search_counts_and_moves_between_matches() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        reader = app.reader
        await pilot.press("slash")
        await pilot.press(*"Kursk", "enter")
        expected = len(re.findall("kursk", reader.article.text, re.IGNORECASE))
        assert expected > 3
        assert reader.status_line.location == f"Match 1/{expected} for 'Kursk'"
        assert f"search: 'Kursk' ({expected})" in reader.status_line.filters
        first = reader.state.matches[0][0]
        await pilot.press("n")
        assert reader.status_line.location == f"Match 2/{expected} for 'Kursk'"
        second = reader.state.matches[1][0]
        view = reader.article_view
        assert look(view, second) != look(view, first)  # current vs other match
        await pilot.press("N", "N")
        assert reader.status_line.location == f"Match {expected}/{expected} for 'Kursk'"


async def test_help_lists_every_binding_by_id() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        ids = {row.binding_id for row in app.screen.rows}
        declared = {b.id for b in [*ReaderScreen.BINDINGS, *BylineApp.BINDINGS]}
        assert declared <= ids
        keys = {row.binding_id: row.keys for row in app.screen.rows}
        assert keys["quote.next"] == "]"
        assert keys["scroll.page_down"].startswith("space")
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)


async def test_keymap_from_the_config_rebinds_and_help_follows(byline_home: Path) -> None:
    (byline_home / "config").mkdir(parents=True)
    (byline_home / "config" / "config.yaml").write_text(yaml.safe_dump({"keymap": {"quote.next": "w"}}))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("w")
        assert app.reader.status_line.location.startswith("Quote 1/3")
        await pilot.press("question_mark")
        assert {row.binding_id: row.keys for row in app.screen.rows}["quote.next"] == "w"


async def test_layer_toggles_change_what_is_styled() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        reader = app.reader
        view = reader.article_view
        analysis = reader.analysis
        kursk = next(e for e in analysis.entities if e.text == "Kursk")
        quote = analysis.statements[1]
        date = analysis.dates[0]
        plain = look(view, reader.article.text.index("firmly"))
        assert look(view, kursk.start) != plain
        await pilot.press("1")
        assert look(view, kursk.start) == plain
        assert Layer.ENTITIES.value in reader.status_line.filters
        assert look(view, quote.start + 3) != plain
        await pilot.press("2")
        assert look(view, quote.start + 3) == plain
        assert look(view, date.start) != plain
        await pilot.press("3")
        assert look(view, date.start) == plain
        await pilot.press("1", "2", "3")
        assert look(view, kursk.start) != plain
        assert look(view, quote.start + 3) != plain
        assert "hidden" not in reader.status_line.filters


async def test_markup_in_the_article_shows_literally() -> None:
    text = (
        "[bold red]Not bold[/bold red] and [@click=app.quit]not a link[/] and [link=https://example.com]x[/link]\n"
        "A second paragraph with [reverse]brackets[/reverse] and a \x1b[31m escape."
    )
    article = Article(text=text, source="[bold]evil[/bold].txt", title="[@click=app.quit]Title[/]")
    app = make_app(article)
    async with app.run_test(size=(120, 30)) as pilot:
        view = app.reader.article_view
        layout = view.layout_text
        blank = layout.blank.index(True)
        paragraphs = [
            " ".join(view.rendered_line(i).text.strip() for i in lines)
            for lines in (range(blank), range(blank + 1, layout.line_count))
        ]
        assert paragraphs == [text.splitlines()[0], text.splitlines()[1].replace("\x1b", " ")]
        for offset in (1, text.index("Not"), text.index("not a link")):
            style = view.style_at(offset)
            assert not style.bold and not style.link and "@click" not in (style.meta or {})
        header = app.reader.query_one("#header")
        assert "[@click=app.quit]Title[/]" in str(header.content)
        await pilot.click("#article", offset=(10, 0))
        await pilot.press("slash", *"[bold]", "enter")
        assert app.is_running
        assert app.reader.status_line.location == "No matches for '[bold]'"


async def test_narrow_terminal_folds_the_panel_and_s_brings_it_back() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        reader = app.reader
        panel = reader.query_one("#side-panel", TabbedContent)
        assert reader.has_class("-narrow")
        assert not panel.display
        await pilot.press("s")
        assert panel.display
        assert app.focused is reader.actors_panel
        assert reader.article_view.size.width == 80  # an overlay: the text keeps its width
        await pilot.press("escape")
        assert not panel.display
        await pilot.resize_terminal(200, 60)
        await pilot.pause()
        assert panel.display and not reader.has_class("-narrow")
        view = reader.article_view
        assert view.layout_text.width == 88
        assert view.rendered_line(0).text.startswith(" " * 4)  # centred in a wide pane
        await pilot.press("s")
        assert not panel.display
        for size in [(40, 10), (80, 24), (20, 5), (160, 48)]:
            await pilot.resize_terminal(*size)
            await pilot.press("right_square_bracket", "j", "G", "g")
        assert app.is_running


async def test_reading_movement_keys() -> None:
    article = Article(text="\n".join(f"Paragraph {i} of a long article." for i in range(200)), source="p.txt")
    app = make_app(article, Analysis(text=article.text, source="p.txt"))
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.reader.article_view
        await pilot.press("j", "j")
        assert view.scroll_y == 2
        await pilot.press("k")
        assert view.scroll_y == 1
        await pilot.press("space")
        assert view.scroll_y > 10
        await pilot.press("b")
        assert view.scroll_y == 1
        await pilot.press("G")
        assert view.scroll_y == view.max_scroll_y > 0
        await pilot.press("g")
        assert view.scroll_y == 0


async def test_reading_position_is_restored() -> None:
    article = Article(text="\n".join(f"Paragraph {i} of a long article." for i in range(200)), source="p.txt")
    empty = Analysis(text=article.text, source="p.txt")
    app = make_app(article, empty)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("space", "space")
        top = app.reader.article_view.top_offset
        assert top > 0
    again = make_app(article, empty)
    async with again.run_test(size=(60, 20)):
        assert again.reader.article_view.top_offset == top


def hold_analysis(
    monkeypatch: pytest.MonkeyPatch, trim_partial: Callable[[Analysis], None], halfway: bool = False
) -> threading.Event:
    """Replace ``analyze`` with one that hands over a partial result (the sample analysis trimmed by
    ``trim_partial``), then waits until the returned event is set before returning the full one."""
    release = threading.Event()

    def held_analyze(article: Article, *, model: str | None = None, progress=None, on_partial=None,
                     **kwargs: object) -> Analysis:
        if halfway:
            progress(len(article.text) // 2, len(article.text))
        partial = sample_analysis(article)
        trim_partial(partial)
        on_partial(partial)
        assert release.wait(10)
        return sample_analysis(article)

    monkeypatch.setattr(reader.analysis, "analyze", held_analyze, raising=False)
    return release


async def test_analysis_runs_in_a_worker_and_keys_wait_for_it(monkeypatch: pytest.MonkeyPatch) -> None:
    article = sample_article()

    def no_quotes_yet(partial: Analysis) -> None:
        partial.statements, partial.actors = [], []

    release = hold_analysis(monkeypatch, no_quotes_yet, halfway=True)
    app = BylineApp(article)
    async with app.run_test(size=(120, 40)) as pilot:
        seen = record_notifications(app)
        view = app.reader.article_view
        assert view.rendered_line(0).text.strip().startswith("The Kremlin has firmly")
        await wait_until(pilot, lambda: "analysing… 50%" in app.reader.status_line.filters)
        await wait_until(pilot, lambda: bool(app.reader.decorations.layers))
        kursk = app.reader.article.text.index("Kursk")
        assert look(view, kursk) != look(view, app.reader.article.text.index("firmly"))  # partial highlights
        await pilot.press("right_square_bracket")
        assert seen == ["Analysis still running (50%)"]
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.reader.analysis is not None
        await pilot.press("right_square_bracket")
        assert app.reader.status_line.location.startswith("Quote 1/3 · Yuri Ushakov")


async def test_quotes_can_be_walked_while_the_analysis_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """The quotations need no parse, so ] works from the first partial result; the final analysis
    then names the speakers and the reader stays on the same quote."""
    article = sample_article()

    def quotations_only(partial: Analysis) -> None:
        partial.statements = [q for q in partial.statements if q.kind == "direct"]
        for quote in partial.statements:
            quote.speaker = quote.actor = quote.speaker_mention = quote.cue = None
        partial.actors = []

    release = hold_analysis(monkeypatch, quotations_only)
    app = BylineApp(article)
    async with app.run_test(size=(120, 40)) as pilot:
        seen = record_notifications(app)
        await wait_until(pilot, lambda: app.reader.partial_analysis is not None)
        await pilot.press("right_square_bracket")
        assert seen == []
        assert app.reader.status_line.location == "Quote 1/3 · speakers still being analysed"
        first = app.reader.state.current_quote
        assert first is not None and first.text.startswith("“At this stage")
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        kept = app.reader.state.current_quote
        assert kept is not None and kept.start == first.start
        assert kept.speaker == "Yuri Ushakov"
        await pilot.press("right_square_bracket")
        assert app.reader.status_line.location.startswith("Quote 2/3 · Volodymyr Zelensky")


async def test_a_failed_analysis_is_reported_and_the_text_stays(monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.errors import BylineError

    def broken(article: Article, **kwargs: object) -> Analysis:
        raise BylineError("no English spaCy model is installed")

    monkeypatch.setattr(reader.analysis, "analyze", broken, raising=False)
    app = BylineApp(sample_article())
    async with app.run_test(size=(120, 40)) as pilot:
        seen = record_notifications(app)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "analysis failed" in app.reader.status_line.filters
        await pilot.press("right_square_bracket")
        assert seen[-1] == "No analysis: no English spaCy model is installed"
        assert app.reader.article_view.layout_text.line_count > 10


async def test_theme_cycles_and_is_remembered(byline_home: Path) -> None:
    app = make_app()
    names = [info.name for info in list_themes() if info.error is None]
    async with app.run_test(size=(120, 40)) as pilot:
        before = look(app.reader.article_view, app.reader.analysis.statements[1].start + 3)
        await pilot.press("T")
        assert app.reader_theme.name == names[(names.index("default") + 1) % len(names)]
        assert app.theme == app.reader_theme.textual_theme.name
        after = look(app.reader.article_view, app.reader.analysis.statements[1].start + 3)
        assert after != before
    saved = yaml.safe_load((byline_home / "config" / "config.yaml").read_text())
    assert saved["theme"] == app.reader_theme.name


async def test_a_broken_theme_falls_back_to_default(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("name: broken\ndark: maybe\n")
    app = make_app(theme=str(broken))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.reader_theme.name == "default"
        assert app.is_running


async def test_every_reader_action_is_in_the_command_palette() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Change theme" in titles and "Theme" not in titles
        for binding in ReaderScreen.BINDINGS:
            if not binding.action.startswith("app."):
                assert binding.description in titles
        command = next(c for c in app.get_system_commands(app.screen) if c.title == "Next quote")
        await command.callback()
        await pilot.pause()
        assert app.reader.status_line.location.startswith("Quote 1/3")


async def test_a_non_utf8_encoding_is_shown_in_the_status_line() -> None:
    article = Article(text="Caf\u00e9 society, said nobody.", source="old.txt", encoding="cp1252")
    app = make_app(article, Analysis(text=article.text, source="old.txt"))
    async with app.run_test(size=(100, 20)):
        assert "encoding: cp1252" in app.reader.status_line.filters


async def test_the_command_palette_runs_reader_actions_and_changes_theme(byline_home: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p", *"Next quote")
        await wait_until(pilot, lambda: palette_has_results(app))
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.reader.status_line.location.startswith("Quote 1/3"))
        assert app.reader.status_line.location.startswith("Quote 1/3 · Yuri Ushakov")
        await pilot.press("ctrl+p", *"Change theme")
        await wait_until(pilot, lambda: palette_has_results(app))
        await pilot.press("enter")
        await pilot.pause(0.3)
        await pilot.press(*"light")
        await wait_until(pilot, lambda: palette_has_results(app))
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.theme == "light")
        assert app.reader_theme.name == "light" and app.theme == "light"
        assert app.reader_theme.dark is False
    assert yaml.safe_load((byline_home / "config" / "config.yaml").read_text())["theme"] == "light"


async def test_the_position_is_saved_while_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.tui.position import load_position
    from reader.tui.screens import reader as reader_screen

    monkeypatch.setattr(reader_screen, "POSITION_SAVE_INTERVAL", 0.05)
    article = Article(text="\n".join(f"Paragraph {i} of a long article." for i in range(200)), source="p.txt")
    app = make_app(article, Analysis(text=article.text, source="p.txt"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("space")
        await wait_until(pilot, lambda: load_position(article.text) == app.reader.article_view.top_offset > 0)


async def test_dates_show_their_value_and_entities_are_walked() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        reader = app.reader
        view = reader.article_view
        await pilot.press("d")
        assert reader.status_line.location == "Date 1/3 · August 6 → 6 August 2024 · 2024-08-06"
        august = reader.article.text.index("August 6")
        assert shows(app, view.style_at(august), "date.current")
        await pilot.press("d")
        assert reader.status_line.location == "Date 2/3 · February 2022 → February 2022 · 2022-02"
        assert not shows(app, view.style_at(august), "date.current")
        await pilot.press("D", "D")
        assert reader.status_line.location.startswith("Date 3/3 · Monday")

        # e goes on from the reading position (the date "Monday"), not from the top of the pane.
        entities = reader.analysis.entities
        monday = reader.analysis.dates[2].start
        after = next(i for i, entity in enumerate(entities) if entity.start > monday)
        await pilot.press("e")
        first = entities[after]
        total = len(entities)
        location = reader.status_line.location
        assert location == f"Entity {after + 1}/{total} · {first.text} · {label_words(first.label)}"
        await pilot.press("e")
        second = entities[after + 1]
        location = reader.status_line.location
        assert location == f"Entity {after + 2}/{total} · {second.text} · {label_words(second.label)}"
        # The current entity is shown inverted: its own colour becomes the background.
        assert view.style_at(second.start).bgcolor == app.style_for(f"entity.{second.label}").color
        await pilot.press("E", "E")
        assert reader.status_line.location.startswith(f"Entity {after}/{len(entities)}")


async def test_keys_typed_in_a_burst_after_slash_reach_the_search_box() -> None:
    from textual import events

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        burst = [("slash", "/"), *((c, c) for c in "Kursk"), ("enter", None), ("n", "n")]
        for key, character in burst:
            app.post_message(events.Key(key, character))  # all queued at once, as fast typing does
        reader = app.reader
        for _ in range(100):  # until the queued keys are handled (a busy machine takes longer)
            await pilot.pause(0.05)
            if reader.status_line.location.startswith("Match 2/"):
                break
        assert reader.state.search_term == "Kursk"
        assert reader.status_line.location.startswith("Match 2/")  # the "n" after enter moved on
        assert not reader.state.include_reported  # "r" was typed into the box, not run as a key
        await pilot.press("slash", "slash")  # the second "/" is typed into the box
        assert "/" in app.query_one("#search", Input).value


async def test_a_then_enter_marks_the_first_actor() -> None:
    """`a` puts the cursor on the first actor (the one with most statements), so enter marks it."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a", "enter")
        assert app.reader.state.actor_id is not None
        first = max(app.reader.analysis.actors, key=lambda a: (len(a.statements), a.mentions))
        assert app.reader.state.actor_id == first.id
        await pilot.press("right_curly_bracket")
        assert app.reader.status_line.location.startswith(f"{first.name}")
        assert "statement 1/" in app.reader.status_line.location


async def test_the_state_reactive_alone_redraws_marks_and_status_line() -> None:
    """Assigning a new ReaderState (no key) is enough: the watcher updates decorations and status line."""
    from dataclasses import replace

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        reader = app.reader
        quote = reader.analysis.statements[1]
        reader.state = replace(reader.state, current_quote=quote, location="Somewhere",
                               hidden_layers=frozenset({Layer.DATES}), actor_id="ushakov")
        await pilot.pause()
        assert reader.status_line.location == "Somewhere"
        assert reader.status_line.filters.startswith("hidden: dates · actor: Yuri Ushakov")
        assert reader.decorations.enabled == {Layer.ENTITIES, Layer.QUOTES, Layer.ACTOR}
        assert Layer.ACTOR in reader.decorations.layers
        assert shows(app, look(reader.article_view, quote.start + 3), "quote.current")
        reader.state = replace(reader.state, location="", current_quote=None)
        await pilot.pause()
        assert reader.status_line.location.endswith("actors · ] next quote · ? help")
        assert not shows(app, look(reader.article_view, quote.start + 3), "quote.current")
