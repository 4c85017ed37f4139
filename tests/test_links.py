"""Links in HTML and Markdown articles: kept as spans by the sources, carried by the model, underlined
in the reader, walked with l / L and opened with O (http, https and mailto only)."""

from __future__ import annotations

import json
from pathlib import Path

from rich.style import Style
from tui_sample import record_notifications

from reader.analysis.model import Analysis, Link
from reader.analysis.pipeline import article_links
from reader.sources import load_article
from reader.sources.article import Article, ArticleLink
from reader.sources.html import strip_links
from reader.sources.markdown import render_markdown
from reader.tui import navigation, open_source
from reader.tui.app import BylineApp
from reader.tui.state import ReaderState

PAGE = """<html><head><title>Water talks stall</title></head><body>
<nav><a href="/home">Home</a> <a href="/world">World</a></nav>
<article><h1>Water talks stall</h1>
<p>The minister said the <a href="https://example.org/report">water report</a> was clear about the
shortage in the region and its farmers.</p>
<p>Another paragraph names <a href="javascript:alert(1)">a trap</a> and
<a href="mailto:desk@example.org">the desk</a> in the text of the story today.</p>
</article></body></html>"""

MARKDOWN = """# Bridge vote

The council approved the [harbour bridge](https://example.org/bridge "plan") after a long debate
that lasted well into the night.

- The fishermen's [statement](file:///etc/passwd) was read out in full by the chair.
- See <https://example.org/minutes> for the minutes of the meeting tonight.
"""


def test_strip_links_keeps_the_words_and_the_addresses() -> None:
    text, links = strip_links("See [the report](https://a.example/r_(1)) and [x](<javascript:go()>).")
    assert text == "See the report and x."
    assert links == [(4, 14, "https://a.example/r_(1)"), (19, 20, "javascript:go()")]
    assert text[4:14] == "the report"


def test_html_links_are_spans_of_the_extracted_text(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    article = load_article(str(path))
    assert [(article.text[link.start : link.end], link.href) for link in article.links] == [
        ("water report", "https://example.org/report"),
        ("a trap", "javascript:alert(1)"),
        ("the desk", "mailto:desk@example.org"),
    ]
    assert "[" not in article.text and "](" not in article.text


def test_markdown_links_are_spans_of_the_shown_text(tmp_path: Path) -> None:
    rendered = render_markdown(MARKDOWN)
    assert [(rendered.text[s:e], href) for s, e, href in rendered.links] == [
        ("harbour bridge", "https://example.org/bridge"),
        ("statement", "file:///etc/passwd"),
        ("https://example.org/minutes", "https://example.org/minutes"),
    ]
    path = tmp_path / "bridge.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    article = load_article(str(path))
    assert [article.text[link.start : link.end] for link in article.links] == [
        "harbour bridge",
        "statement",
        "https://example.org/minutes",
    ]


def test_the_model_carries_links_in_json() -> None:
    article = Article(
        text="See the report here.", source="x.md", links=[ArticleLink(4, 14, "https://a.example")]
    )
    links = article_links(article)
    assert links == [Link(4, 14, "the report", "https://a.example")]
    analysis = Analysis(text=article.text, source="x.md", links=links)
    data = json.loads(json.dumps(analysis.to_dict()))
    assert data["links"] == [{"start": 4, "end": 14, "text": "the report", "href": "https://a.example"}]
    assert Analysis.from_dict(data).links == links
    del data["links"]  # an analysis written before links existed still loads
    assert Analysis.from_dict(data).links == []


def test_link_navigation_and_which_link_o_opens() -> None:
    links = [Link(4, 14, "the report", "https://a.example"), Link(30, 36, "a trap", "javascript:x")]
    first = navigation.navigate_link(ReaderState(), links, [True, False], 1, top=0)
    assert first.offset == 4 and first.state.link_index == 0
    assert first.state.location == "Link 1/2 · the report → https://a.example · O opens it"
    second = navigation.navigate_link(first.state, links, [True, False], 1, top=0)
    assert second.state.location == (
        "Link 2/2 · a trap → javascript:x (not opened: only http, https and mailto links)"
    )
    assert navigation.link_to_open(second.state, links, [True, True]) == 1
    assert navigation.link_to_open(second.state, links, [True, False]) == 0
    assert navigation.link_to_open(ReaderState(jump_offset=20), links, [True, True]) == 1
    assert navigation.link_to_open(ReaderState(), links, [False, False]) is None
    none = navigation.navigate_link(ReaderState(), [], [], 1, top=0)
    assert none.notice is not None and none.notice.text == "No links found in this article"


def _app(tmp_path: Path) -> tuple[BylineApp, Article]:
    path = tmp_path / "bridge.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    article = load_article(str(path))
    return BylineApp(article, analysis=Analysis(text=article.text, source=article.source)), article


def _shows(app: BylineApp, style: Style, key: str) -> bool:
    return style + app.style_for(key) == style


async def test_links_are_underlined_and_hostile_ones_struck_through(tmp_path: Path) -> None:
    app, article = _app(tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        view = app.reader.article_view
        bridge = article.text.index("harbour bridge")
        trap = article.text.index("statement")
        assert view.style_at(bridge + 3).underline
        assert _shows(app, view.style_at(trap + 2), "link.inert") and view.style_at(trap + 2).strike
        assert not view.style_at(article.text.index("council")).underline


async def test_l_walks_the_links_and_o_opens_only_safe_ones(tmp_path: Path, monkeypatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(open_source, "open_in_browser", lambda url: opened.append(url) or True)
    app, _article = _app(tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:
        seen = record_notifications(app)
        reader = app.reader
        await pilot.press("l")
        assert reader.status_line.location.startswith(
            "Link 1/3 · harbour bridge → https://example.org/bridge"
        )
        await pilot.press("O")
        assert opened == ["https://example.org/bridge"]
        await pilot.press("l", "O")
        assert opened == ["https://example.org/bridge"]
        assert seen[-1].startswith("Not opened: statement → file:///etc/passwd")
        await pilot.press("L", "L")
        assert reader.state.link_index == 2
        await pilot.press("O")
        assert opened[-1] == "https://example.org/minutes"


async def test_o_says_so_when_the_article_has_no_links(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("Just words, no links at all in this small article.\n", encoding="utf-8")
    article = load_article(str(path))
    app = BylineApp(article, analysis=Analysis(text=article.text, source=article.source))
    async with app.run_test(size=(120, 30)) as pilot:
        seen = record_notifications(app)
        await pilot.press("O")
        assert seen[-1] == "This article has no links"


async def test_a_link_with_control_characters_is_shown_inert_and_never_opened(monkeypatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(open_source, "open_in_browser", lambda url: opened.append(url) or True)
    text = "Read the [b]report[/b] here and nowhere else, the editor said today."
    href = "https://a.example/\x1b]0;owned\x07\u202e"
    start = text.index("the [b]")
    article = Article(
        text=text, source="-", links=[ArticleLink(start, start + len("the [b]report[/b]"), href)]
    )
    app = BylineApp(article, analysis=Analysis(text=text, source="-"))
    async with app.run_test(size=(120, 30)) as pilot:
        seen = record_notifications(app)
        reader = app.reader
        await pilot.press("l")
        location = reader.status_line.location
        assert location.startswith("Link 1/1 · the [b]report[/b] → https://a.example/")
        assert location.endswith("(not opened: only http, https and mailto links)")
        shown = reader.status_line.render().plain
        assert shown.startswith("Link 1/1 · the [b]report[/b] → https://a.example/␛]0;owned")
        assert "\x1b" not in shown and "\u202e" not in shown
        await pilot.press("O")
        assert opened == []
        assert seen[-1].startswith("Not opened: the [b]report[/b] → https://a.example/")
        assert reader.article_view.style_at(start + 2).strike
