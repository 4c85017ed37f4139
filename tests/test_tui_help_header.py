"""The help screen lists Byline's keys (Textual's movement keys once, in Byline's words) and the
header names the source shortly: newcomer findings, through the real app and Pilot."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static
from tui_sample import sample_analysis, sample_article

from reader.paths import sample_article as sample_article_path
from reader.sources import load_article
from reader.sources.article import Article
from reader.tui.app import BylineApp
from reader.tui.screens.help import BUILT_IN_DESCRIPTION, BUILT_IN_SECTION, HelpScreen
from reader.tui.widgets.article_header import header_parts, source_label

# What Textual's ScrollView, OptionList and Tree call their keys: none of it is Byline's.
TEXTUAL_DESCRIPTIONS = {
    "Scroll Up", "Scroll Down", "Scroll Left", "Scroll Right", "Scroll Home", "Scroll End", "Page Up",
    "Page Down",
    "Page Left", "Page Right", "Cursor Up", "Cursor Down", "Cursor to parent", "Toggle", "Select",
    "Copy selected text",
}


async def test_help_lists_only_byline_keys_and_the_movement_keys_once() -> None:
    app = BylineApp(sample_article(), analysis=sample_analysis())
    async with app.run_test(size=(120, 60)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        rows = app.screen.rows
        assert not TEXTUAL_DESCRIPTIONS & {row.description for row in rows}
        nameless = [row for row in rows if not row.binding_id]
        assert [(r.keys, r.description, r.section) for r in nameless] == [
            ("↑ ↓ ← → home end pgup pgdn", BUILT_IN_DESCRIPTION, BUILT_IN_SECTION)
        ]
        assert rows[-1] is nameless[0]
        ids = [row.binding_id for row in rows if row.binding_id]
        assert len(ids) == len({(row.binding_id, row.section) for row in rows if row.binding_id})
        # The movement keys are one line under the table, which lists Byline's keys only.
        assert app.screen.query_one("#help-table").row_count == len(rows) - 1
        note = str(app.screen.query_one("#help-built-in", Static).render())
        assert note == "Also ↑ ↓ ← → home end pgup pgdn: move or scroll in the focused pane or list."


async def test_a_byline_key_on_a_movement_key_is_not_listed_as_built_in_for_its_pane() -> None:
    """The reader's pgdn is "Page down" (scroll.page_down), listed there with space."""
    app = BylineApp(sample_article(), analysis=sample_analysis())
    async with app.run_test(size=(120, 60)) as pilot:
        await pilot.press("question_mark")
        rows = {row.binding_id: row.keys for row in app.screen.rows}
        assert rows["scroll.page_down"] == "space, pgdn"
        assert rows["actors.collapse"] == "←"


# --- The header's source label ------------------------------------------------------------------


def header_lines(app: BylineApp) -> list[str]:
    return str(app.screen.query_one("ArticleHeader").render()).splitlines()


async def test_the_bundled_sample_shows_its_file_name_never_a_long_path() -> None:
    """Newcomer: the header showed the site-packages path of the bundled sample."""
    article = load_article(sample_article_path())
    app = BylineApp(article, analysis=sample_analysis(article))
    async with app.run_test(size=(80, 24)):
        assert header_lines(app) == ["kremlin-rules-out-talks-kursk.txt", "bundled sample"]


async def test_a_long_path_under_home_fits_at_80_columns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    folder = tmp_path / "news" / "archive" / "2024" / "august" / "ukraine-coverage" / "weekly"
    folder.mkdir(parents=True)
    path = folder / "kursk.txt"
    path.write_text(sample_article().text, encoding="utf-8")
    article = load_article(path)
    article.published = "2024-08-19"
    app = BylineApp(article, analysis=sample_analysis(article))
    async with app.run_test(size=(80, 24)):
        lines = header_lines(app)
        assert lines == ["kursk.txt", "~/…/archive/2024/august/ukraine-coverage/weekly · 2024-08-19"]
        assert all(len(line) <= 78 for line in lines)


@pytest.mark.parametrize(
    ("source", "label"),
    [
        ("-", "standard input"),
        ("sample_articles/kursk.txt", "sample_articles/kursk.txt"),
        ("/home/ana/news/a.txt", "~/news/a.txt"),
        ("/home/ana/news/2024/may/long-folder-name/another-one/article-about-things.txt",
         "~/…/another-one/article-about-things.txt"),
        ("/usr/lib/python3.12/site-packages/reader/_bundled/sample_articles/kursk.txt", "kursk.txt"),
        ("/srv/data/corpora/newsroom/2024/05/17/very-long-article-file-name-here.txt",
         "/…/05/17/very-long-article-file-name-here.txt"),
        ("https://www.example.org/news/2024/05/17/kremlin-rules-out-talks-as-ukraine-presses-on",
         "example.org/news/2024/05/17/kremlin-rules-out-t…"),
    ],
)
def test_source_labels(source: str, label: str) -> None:
    assert source_label(source, home=Path("/home/ana")) == label


def test_a_title_from_metadata_leads_and_the_source_follows() -> None:
    article = Article(text="x", source="/srv/news/kursk.html", title="Kremlin rules out talks",
                      published="2024-08-19")
    assert header_parts(article) == ("Kremlin rules out talks", "/srv/news/kursk.html · 2024-08-19")
