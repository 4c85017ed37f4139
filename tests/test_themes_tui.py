"""Every bundled theme drives the real reader: Textual's colours and the article's highlight styles."""

from __future__ import annotations

import pytest
from rich.style import Style

from reader.analysis import analyze
from reader.analysis.model import Analysis
from reader.paths import sample_article
from reader.sources.article import Article
from reader.themes import load_theme
from reader.tui.app import BylineApp
from reader.tui.widgets.article_view import ArticleView

BUNDLED = ("default", "light", "high-contrast", "okabe-ito")
# Styles the first screen of the sample article always shows: plain text, people, places, groups,
# dates, and both kinds of statement (the analysis finds quotes by Ushakov in the first paragraphs).
FIRST_SCREEN_KEYS = ("text", "entity.PERSON", "entity.GPE", "entity.NORP", "date", "quote.direct",
                     "quote.indirect")


@pytest.fixture(scope="module")
def article() -> Article:
    path = sample_article()
    return Article(text=path.read_text(encoding="utf-8"), source=str(path))


@pytest.fixture(scope="module")
def analysis(article: Article) -> Analysis:
    """The real analysis, computed once for the module and never cached to disk."""
    return analyze(article, use_cache=False)


def visible_styles(app: BylineApp) -> list[Style]:
    view = app.screen.query_one(ArticleView)
    lines = [view.render_line(y) for y in range(view.size.height)]
    return [segment.style for line in lines for segment in line if segment.style]


def shows(styles: list[Style], style: Style) -> bool:
    """Whether some drawn segment carries ``style`` (adding it again would change nothing)."""
    return any(drawn + style == drawn for drawn in styles)


@pytest.mark.parametrize("name", BUNDLED)
async def test_bundled_theme_renders_the_sample_article(
    name: str, article: Article, analysis: Analysis
) -> None:
    theme = load_theme(name)
    app = BylineApp(article, analysis=analysis, theme=name)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.reader_theme == theme
        assert app.theme == name
        assert app.current_theme.background == theme.textual_theme.background
        styles = visible_styles(app)
        missing = [key for key in FIRST_SCREEN_KEYS if not shows(styles, theme.style(key))]
        assert not missing, f"{name}: the article pane does not draw {missing}"
        screenshot = app.export_screenshot().lower()
        assert theme.textual_theme.background.lower() in screenshot
        assert theme.styles["quote.direct"].split()[-1].lower() in screenshot


async def test_switching_theme_restyles_the_article(article: Article, analysis: Analysis) -> None:
    app = BylineApp(article, analysis=analysis, theme="default")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        previous = load_theme("default")
        for name in ("light", "okabe-ito", "high-contrast", "default"):
            app.apply_theme(name)
            await pilot.pause()
            theme = load_theme(name)
            styles = visible_styles(app)
            assert app.theme == name
            assert shows(styles, theme.style("quote.direct")), name
            assert shows(styles, theme.style("entity.PERSON")), name
            assert not shows(styles, previous.style("quote.direct")), f"{previous.name} still drawn"
            previous = theme
