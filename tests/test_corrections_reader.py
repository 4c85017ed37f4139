"""Correcting the analysis in the reader through the real keys: =, R, +, u (reader_corrections.py)."""

from __future__ import annotations

from textual.widgets import OptionList
from tui_sample import sample_analysis, sample_article, wait_until

from reader.analysis.model import Analysis
from reader.sources.article import Article
from reader.tui.app import BylineApp
from reader.tui.screens.picker import Picker

SIZE = (120, 40)


def make_app(article: Article | None = None, analysis: Analysis | None = None) -> BylineApp:
    article = article or sample_article()
    return BylineApp(article, analysis=analysis or sample_analysis(article))


async def type_text(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press(*("space" if ch == " " else ch for ch in text))


def options(app: BylineApp) -> list[str]:
    option_list = app.screen.query_one("#picker-list", OptionList)
    return [str(option_list.get_option_at_index(i).prompt) for i in range(option_list.option_count)]


async def choose(pilot, app: BylineApp, label_start: str) -> None:  # type: ignore[no-untyped-def]
    """In an open picker, move down to the entry whose label starts with ``label_start`` and take it."""
    await wait_until(pilot, lambda: isinstance(app.screen, Picker), what="the picker")
    await pilot.pause()
    labels = options(app)
    index = next(i for i, label in enumerate(labels) if label.startswith(label_start))
    for _ in range(index):
        await pilot.press("down")
    await pilot.press("enter")
    await pilot.pause()


async def test_change_the_speaker_of_the_current_quote_to_an_existing_actor_then_undo() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        reader = app.reader
        await pilot.press("right_square_bracket")  # the first direct quote: Ushakov's
        first = reader.state.current_quote
        assert first is not None and first.speaker == "Yuri Ushakov"
        await pilot.press("equals_sign")
        await choose(pilot, app, "Change the speaker")
        await wait_until(pilot, lambda: isinstance(app.screen, Picker))
        await type_text(pilot, "zelen")
        await pilot.pause()
        assert options(app)[0].startswith("Volodymyr Zelensky")
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, Picker)
        corrected = next(s for s in reader.analysis.statements if s.start == first.start)
        assert (corrected.speaker, corrected.actor, corrected.corrected) == (
            "Volodymyr Zelensky",
            "zelensky",
            "speaker",
        )
        index = reader.analysis.statements.index(corrected)
        assert index in reader.analysis.actor("zelensky").statements
        assert index not in reader.analysis.actor("ushakov").statements
        # the raw analysis is untouched; the store has the correction
        assert reader.raw_analysis.statements[index].speaker == "Yuri Ushakov"
        [stored] = reader.notes.store.corrections
        assert (stored.kind, stored.speaker, stored.anchor.exact) == (
            "speaker",
            "Volodymyr Zelensky",
            first.text,
        )
        assert "✎ speaker corrected" in reader.filters
        assert "✎ 1 correction" in reader.filters
        await pilot.press("u")
        await pilot.pause()
        assert reader.analysis.statements[index].speaker == "Yuri Ushakov"
        assert reader.analysis.statements[index].corrected is None
        assert reader.notes.store.corrections == []
