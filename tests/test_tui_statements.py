"""The Statements tab, copying, opening the source, the palette's content search and the jump
history through the Pilot, with the real keys."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList, TabbedContent
from tui_sample import record_notifications, sample_analysis, sample_article, wait_until

from reader.analysis.model import Analysis
from reader.sources.article import Article
from reader.tui import open_source
from reader.tui.app import BylineApp
from reader.tui.state import StatementFilter
from reader.tui.widgets.statements_panel import StatementsPanel


def analysis_with_guesses(article: Article) -> Analysis:
    """The sample analysis with frames and confidences: Syrskyi's quote is a low-confidence guess,
    and Zelensky's direct quote lies inside his reported statement (a partial quote)."""
    data = sample_analysis(article)
    for statement in data.statements:
        statement.frame = "speech"
        statement.confidence = 0.95
    data.statements[4].confidence = 0.6
    return data


def make_app(article: Article | None = None, analysis: Analysis | None = None) -> BylineApp:
    article = article or sample_article()
    return BylineApp(article, analysis=analysis or analysis_with_guesses(article))


def listed(app: BylineApp) -> list[int]:
    return [index for index, _depth in app.reader.statements_panel.rows]


async def test_s_shows_every_statement_in_text_order_and_enter_jumps() -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("S")
        reader = app.reader
        assert reader.query_one("#side-panel", TabbedContent).active == "statements-tab"
        panel = reader.statements_panel
        assert panel.option_list.has_focus
        statements = reader.analysis.statements
        assert listed(app) == sorted(range(len(statements)), key=lambda i: statements[i].start)
        first = str(panel.option_list.get_option_at_index(0).prompt)
        assert (
            first.startswith("¶")
            and "Yuri Ushakov, Kremlin adviser · reported · speech (says) · 0.95" in first
        )
        await pilot.press("down", "down", "enter")
        target = statements[listed(app)[2]]
        assert reader.state.current_quote is target
        assert reader.article_view.is_visible(target.start)


async def test_f_cycles_the_filter_and_brackets_follow_it() -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        reader = app.reader
        await pilot.press("F")
        assert reader.state.statement_filter == StatementFilter(low_confidence=True)
        assert listed(app) == [4]
        assert "statements: low confidence" in reader.status_line.filters
        await pilot.press("right_square_bracket")
        assert reader.state.current_quote is reader.analysis.statements[4]
        assert "filter" not in reader.status_line.location  # the right part says it once
        assert "statements: low confidence" in reader.status_line.filters
        await pilot.press("F", "F")  # direct, reported
        assert reader.state.statement_filter == StatementFilter(kind="reported")
        await pilot.press("right_square_bracket")
        assert reader.state.current_quote.kind == "reported"
        await pilot.press("right_square_bracket")
        assert reader.state.current_quote.kind == "reported"
        summary = str(reader.query_one("#statements-summary").render())
        assert summary.startswith("2 of 5 statements · reported statements")


async def test_a_partial_quote_is_listed_once_under_its_reported_statement() -> None:
    article = sample_article()
    data = analysis_with_guesses(article)
    data.statements[3].within = 2
    app = make_app(article, data)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("S")
        rows = app.reader.statements_panel.rows
        assert rows.count((3, 1)) == 1 and rows[rows.index((2, 0)) + 1] == (3, 1)
        assert [index for index, _ in rows].count(3) == 1
        labels = [
            str(app.reader.statements_panel.option_list.get_option_at_index(i).prompt)
            for i in range(len(rows))
        ]
        assert labels[rows.index((3, 1))].startswith("  ↳ ¶")


async def test_c_and_shift_c_copy_the_statement_with_its_attribution() -> None:
    article = sample_article()
    article.metadata["outlet"] = "Meridian"
    article.source = "https://news.example/kursk"
    data = analysis_with_guesses(article)
    data.metadata = {"outlet": "Meridian"}
    data.source = article.source
    app = make_app(article, data)
    copied: list[str] = []
    async with app.run_test(size=(140, 40)) as pilot:
        app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
        seen = record_notifications(app)
        await pilot.press("c")
        assert copied == [] and seen[-1].startswith("Go to a statement first")
        await pilot.press("right_square_bracket", "c")
        words = data.statements[1].parts[0].text
        assert copied[-1] == f"“{words}” — Yuri Ushakov, Kremlin adviser (Meridian, 2024-08-19)"
        assert app.reader.status_line.location.startswith("Copied to the clipboard (OSC 52): “")
        await pilot.press("C")
        assert copied[-1].startswith(
            f"“{words}” — Yuri Ushakov, Kremlin adviser ([Meridian, 2024-08-19]"
            "(https://news.example/kursk#:~:text="
        )
        assert app.reader.status_line.location.startswith("Copied as Markdown to the clipboard (OSC 52)")
        drawn = app.reader.status_line.render().plain
        assert drawn.count("Copied") == 1  # said once (a toast used to repeat it in the status line)


async def test_c_in_the_statements_list_copies_the_statement_under_the_cursor() -> None:
    app = make_app()
    copied: list[str] = []
    async with app.run_test(size=(140, 40)) as pilot:
        app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
        await pilot.press("S", "c")
        first = app.reader.analysis.statements[0]
        assert copied == [f"{first.text} — Yuri Ushakov, Kremlin adviser (2024-08-19)"]


async def test_o_opens_a_file_in_the_editor_at_the_paragraph_line(tmp_path: Path, monkeypatch) -> None:
    from reader.sources import load_article

    path = tmp_path / "story.txt"
    path.write_text(
        "Title line\n\nOne paragraph here.\n\nTwo: the bridge is late, she said.\n", encoding="utf-8"
    )
    article = load_article(str(path))
    runs: list[list[str]] = []
    monkeypatch.setenv("VISUAL", "myeditor --wait")
    monkeypatch.setattr(open_source, "run_editor", lambda argv: runs.append(argv) or 0)
    app = BylineApp(article, analysis=Analysis(text=article.text, source=article.source))
    async with app.run_test(size=(140, 40)) as pilot:
        from contextlib import nullcontext

        app.suspend = nullcontext  # type: ignore[assignment,method-assign]  # headless: no terminal to hand over
        app.reader.state = app.reader.state.__class__(jump_offset=article.text.index("Two"))
        await pilot.press("o")
        assert runs == [["myeditor", "--wait", "+5", str(path.resolve())]]


async def test_o_opens_a_web_article_in_the_browser(monkeypatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(open_source, "open_in_browser", lambda url: opened.append(url) or True)
    article = Article(text=sample_article().text, source="https://news.example/kursk")
    app = make_app(article, analysis_with_guesses(article))
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("o")
        assert opened == ["https://news.example/kursk"]


async def test_ctrl_o_goes_back_and_ctrl_n_forward_between_jumps() -> None:
    app = make_app()
    async with app.run_test(size=(140, 20)) as pilot:
        view = app.reader.article_view
        start = view.top_offset
        await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket")
        third = view.top_offset
        assert third != start
        await pilot.press("ctrl+o")
        second = view.top_offset
        await pilot.press("ctrl+o", "ctrl+o")
        assert view.top_offset == start
        await pilot.press("ctrl+n", "ctrl+n")
        assert view.top_offset == second
        await pilot.press("ctrl+n")
        assert view.top_offset == third


async def test_reading_progress_in_the_status_line() -> None:
    app = make_app()
    async with app.run_test(size=(140, 15)) as pilot:
        reader = app.reader
        await pilot.pause()
        assert reader.status_line.filters.endswith("0%")
        await pilot.press("G")
        await wait_until(pilot, lambda: reader.status_line.filters.endswith("100%"), what="100%")


async def test_the_command_palette_finds_actors_statements_and_dates() -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        reader = app.reader
        await pilot.press("ctrl+p")
        await pilot.press(*"Syrskyi")
        await wait_until(
            pilot, lambda: _palette_first(app).startswith("Actor: Oleksandr Syrskyi"), what="hit"
        )
        await pilot.press("enter")
        await wait_until(pilot, lambda: reader.state.actor_id == "syrskyi", what="actor chosen")
        assert reader.state.current_quote is reader.analysis.statements[4]
        await pilot.press("ctrl+p")
        await pilot.press(*"2022-02")
        await wait_until(
            pilot, lambda: _palette_first(app).startswith("Date: February 2022"), what="date hit"
        )
        await pilot.press("enter")
        await wait_until(pilot, lambda: reader.state.date_index is not None, what="date chosen")
        assert reader.analysis.dates[reader.state.date_index].text == "February 2022"


def _palette_first(app: BylineApp) -> str:
    from textual.command import CommandList, CommandPalette

    screen = app.screen
    if not isinstance(screen, CommandPalette):
        return ""
    commands = screen.query_one(CommandList)
    if commands.option_count == 0:
        return ""
    return str(commands.get_option_at_index(0).prompt)


async def test_statements_panel_is_a_tab_beside_actors_and_notes() -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)):
        tabs = app.reader.query_one("#side-panel", TabbedContent)
        panes = [pane.id for pane in tabs.query("TabPane")]
        assert panes == ["actors-tab", "notes-tab", "statements-tab", "legend-tab"]
        assert isinstance(app.reader.query_one("#statements"), StatementsPanel)
        assert isinstance(app.reader.statements_panel.option_list, OptionList)
