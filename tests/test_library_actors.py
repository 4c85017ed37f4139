"""The library's Actors tab (``byline DIR``, key ``A``): who is quoted across the folder, the
statements of one actor, the article opened at a statement, and the notes column."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from textual.widgets import DataTable, Sparkline, Static

import reader.analysis
from reader.analysis.model import Actor, Analysis, Span, Statement
from reader.notes import NoteStore
from reader.sources import Article, discover, load_article
from reader.tui.app import BylineApp
from reader.tui.screens.library import LibraryReaderScreen, LibraryScreen
from reader.tui.screens.library_actors import ActorStatementsScreen, timeline

SIZE = (160, 44)

TEXTS = {
    "a.txt": "“We will not talk,” Yuri Ushakov said. “Not now,” he added. The Kremlin said talks were off.\n",
    "b.txt": "“It is fair,” Volodymyr Zelensky said. “Nothing has changed,” said Yuri  Ushakov.\n",
    "c.txt": "Volodymyr Zelensky visited the front. Nobody said anything.\n",
}
#: What each file's source states (published day, outlet).
META = {"a.txt": ("2024-08-01", "Daily Ledger"), "b.txt": ("2024-08-05", "Meridian"), "c.txt": (None, None)}


def quote(text: str, words: str, actor: str, name: str) -> Statement:
    start = text.index(words)
    return Statement(start, start + len(words), words, "direct", [Span(start, start + len(words), words)],
                     name, actor=actor)


def fake_analysis(article: Article) -> Analysis:
    """Hand-built analyses: Ushakov quoted twice in a.txt and once in b.txt (written with two
    spaces there, the same canonical name), Zelensky once in b.txt and mentioned in c.txt."""
    name = Path(article.source).name
    text = article.text
    published, outlet = META[name]
    statements: list[Statement] = []
    actors: list[Actor] = []
    if name == "a.txt":
        statements = [quote(text, "“We will not talk,”", "ushakov", "Yuri Ushakov"),
                      quote(text, "“Not now,”", "ushakov", "Yuri Ushakov"),
                      quote(text, "talks were off", "kremlin", "Kremlin")]
        statements[2].kind = "reported"
        actors = [Actor("ushakov", "Yuri Ushakov", "person", statements=[0, 1]),
                  Actor("kremlin", "Kremlin", "organisation", statements=[2])]
    elif name == "b.txt":
        statements = [quote(text, "“It is fair,”", "zelensky", "Volodymyr Zelensky"),
                      quote(text, "“Nothing has changed,”", "ushakov", "Yuri  Ushakov")]
        actors = [Actor("zelensky", "Volodymyr Zelensky", "person", statements=[0]),
                  Actor("ushakov", "Yuri  Ushakov", "person", roles=["Kremlin adviser"], statements=[1])]
    else:
        actors = [Actor("zelensky", "Volodymyr Zelensky", "person")]
    return Analysis(text=text, source=article.source, title=article.title, published=published,
                    metadata={"outlet": outlet} if outlet else {}, statements=statements, actors=actors)


def folder_of(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


async def wait_until(pilot, condition, timeout: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        await pilot.pause(0.05)


def rows(table: DataTable) -> list[list[str]]:  # type: ignore[type-arg]
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


@pytest.fixture
def library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> BylineApp:
    def analyze(article: Article, **_: object) -> Analysis:
        return fake_analysis(article)

    monkeypatch.setattr(reader.analysis, "analyze", analyze)
    folder = folder_of(tmp_path)
    store = NoteStore.open(load_article(folder / "b.txt"))
    store.add(0, 12, "fair?")
    store.add(40, 50)
    return BylineApp(None, library=discover(folder), folder=folder)


async def test_the_notes_column_counts_highlights(library: BylineApp) -> None:
    async with library.run_test(size=SIZE) as pilot:
        screen = library.screen
        assert isinstance(screen, LibraryScreen)
        await wait_until(pilot, lambda: screen.progress.finished)
        await pilot.pause(0.3)
        notes = [row[5] for row in rows(screen.table)]
        assert [str(c.label) for c in screen.table.columns.values()][5] == "Notes"
        assert notes == ["", "2", ""]


async def test_A_shows_who_is_quoted_across_the_folder(library: BylineApp) -> None:
    async with library.run_test(size=SIZE) as pilot:
        screen = library.screen
        assert isinstance(screen, LibraryScreen)
        await wait_until(pilot, lambda: screen.progress.finished)
        await pilot.press("A")
        await pilot.pause(0.3)
        assert screen.actors_shown
        table = screen.actors_pane.table
        assert library.focused is table
        assert rows(table) == [
            ["Yuri Ushakov", "person", "3", "2", "1.5", "2024-08-01", "2024-08-05",
             "Daily Ledger 2, Meridian 1", "Kremlin adviser"],
            ["Volodymyr Zelensky", "person", "1", "1", "1.0", "2024-08-05", "2024-08-05", "Meridian 1", ""],
            ["Kremlin", "organisation", "1", "1", "1.0", "2024-08-01", "2024-08-01", "Daily Ledger 1", ""],
        ]
        bars = str(screen.query_one("#library-actors-bars", Static).render())
        lines = bars.splitlines()
        assert lines[0].startswith("Share of statements  by outlet: █ Daily Ledger  █ Meridian")
        # 3 of 5 statements: 60% of a 40-cell bar, 16 cells for Daily Ledger (2/5) and 8 for Meridian.
        assert lines[1] == "Yuri Ushakov       " + "█" * 16 + "█" * 8 + " 60% (3)"
        assert lines[2] == "Volodymyr Zelensky " + "█" * 8 + " 20% (1)"
        # The timeline follows the actor under the cursor: Ushakov, 2 on Aug 1 and 1 on Aug 5.
        assert screen.query_one("#library-timeline", Sparkline).data == [2, 0, 0, 0, 1]
        caption = str(screen.query_one("#library-timeline-caption", Static).render())
        assert caption == ("Statements by date, Yuri Ushakov: 2024-08-01 … 2024-08-05 · one bar per day"
                           " · max 2")
        await pilot.press("down")
        assert screen.query_one("#library-timeline", Sparkline).data == [1]
        await pilot.press("A")
        assert not screen.actors_shown and library.focused is screen.table


async def test_enter_lists_an_actors_statements_and_enter_again_opens_the_article_there(
    library: BylineApp,
) -> None:
    async with library.run_test(size=SIZE) as pilot:
        screen = library.screen
        assert isinstance(screen, LibraryScreen)
        await wait_until(pilot, lambda: screen.progress.finished)
        await pilot.press("A")
        await pilot.pause(0.2)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(library.screen, ActorStatementsScreen))
        listing = library.screen
        table = listing.query_one("#actor-statements", DataTable)
        assert [row[0] for row in rows(table)] == ["2024-08-01", "2024-08-01", "2024-08-05"]
        assert [row[1] for row in rows(table)] == ["Daily Ledger", "Daily Ledger", "Meridian"]
        assert [row[4] for row in rows(table)] == ["“We will not talk,”", "“Not now,”",
                                                   "“Nothing has changed,”"]
        await pilot.press("down", "down", "enter")
        await wait_until(pilot, lambda: isinstance(library.screen, LibraryReaderScreen))
        reader_screen = library.screen
        await wait_until(pilot, lambda: reader_screen.state.current_quote is not None)
        current = reader_screen.state.current_quote
        assert current.text == "“Nothing has changed,”"
        assert reader_screen.article.source.endswith("b.txt")
        assert reader_screen.state.actor_id == "ushakov"
        assert reader_screen.status_line.location.startswith("Yuri  Ushakov")
        await pilot.press("escape")
        await wait_until(pilot, lambda: library.screen is listing)
        await pilot.press("escape")
        await wait_until(pilot, lambda: library.screen is screen)
        assert screen.actors_shown


async def test_a_big_folder_lists_the_most_quoted_actors(library: BylineApp, monkeypatch) -> None:
    from reader.tui.screens import library_actors

    monkeypatch.setattr(library_actors, "TABLE_ACTORS", 2)
    async with library.run_test(size=SIZE) as pilot:
        screen = library.screen
        assert isinstance(screen, LibraryScreen)
        await wait_until(pilot, lambda: screen.progress.finished)
        await pilot.press("A")
        await pilot.pause(0.2)
        assert [row[0] for row in rows(screen.actors_pane.table)] == ["Yuri Ushakov", "Volodymyr Zelensky"]
        bars = str(screen.query_one("#library-actors-bars", Static).render())
        assert bars.startswith("Share of statements (3 actors quoted; the table lists the 2 most quoted)")


def test_timeline_buckets_a_long_span() -> None:
    days = ["2024-01-01", "2024-01-01", "2024-03-01", "2024-12-31"]
    values, caption = timeline(days, points=61)
    assert len(values) == 61 and values[0] == 2 and values[-1] == 1 and sum(values) == 4
    assert caption == "2024-01-01 … 2024-12-31 · one bar per 6 days · max 2"  # 366 days in 61 bars
    assert timeline(["", "n.d."]) == ([], "no dated statements")


async def test_the_actors_tab_counts_the_readers_corrections_as_byline_actors_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Newcomer: corrections made in the reader changed ``byline actors`` but not the library's tab."""
    from reader.corrections import Correction

    monkeypatch.setattr(reader.analysis, "analyze", lambda article, **_: fake_analysis(article))
    folder = folder_of(tmp_path)
    store = NoteStore.open(load_article(folder / "a.txt"))
    store.add_correction(Correction.new("rename_actor", actor="Kremlin", value="The Kremlin press office"))
    app = BylineApp(None, library=discover(folder), folder=folder)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        await wait_until(pilot, lambda: screen.progress.finished)
        await pilot.press("A")
        await pilot.pause(0.3)
        names = [row[0] for row in rows(screen.actors_pane.table)]
        assert "The Kremlin press office" in names and "Kremlin" not in names
