"""The actors panel groups an actor's positions by frame, counts them, and can hide beliefs and intentions."""

from __future__ import annotations

from rich.style import Style
from textual.app import App, ComposeResult

from reader.analysis.model import Actor, Analysis, Span, Statement
from reader.tui.widgets.actors_panel import ActorRef, ActorsPanel, StatementRef

TEXT = (
    "The union condemned the pay offer. The union plans to strike in May. "
    "The union said talks had failed. The union believes that the board will give in."
)


def _statement(content: str, frame: str, stance: str | None = None) -> Statement:
    start = TEXT.index(content)
    end = start + len(content)
    return Statement(start, end, content, "reported", [Span(start, end, content)], "Union",
                     actor="union", frame=frame, stance=stance)


def _analysis() -> Analysis:
    statements = [
        _statement("the pay offer", "stance", "oppose"),
        _statement("strike in May", "intention"),
        _statement("talks had failed", "speech"),
        _statement("the board will give in", "belief"),
    ]
    mentions = [Span(0, 9, "The union")]
    union = Actor("union", "Union", "organisation", mention_spans=mentions, statements=[0, 1, 2, 3])
    return Analysis(text=TEXT, source="t", statements=statements, actors=[union])


class PanelApp(App[None]):
    def compose(self) -> ComposeResult:
        yield ActorsPanel(id="actors")

    def on_mount(self) -> None:
        self.query_one(ActorsPanel).show_analysis(_analysis(), lambda _key: Style.null())


def _rows(panel: ActorsPanel) -> list[str]:
    actor = next(node for node in panel.root.children if isinstance(node.data, ActorRef))
    return [str(actor.label)] + [str(child.label) for child in actor.children]


async def test_positions_are_grouped_by_frame_with_counts() -> None:
    app = PanelApp()
    async with app.run_test() as pilot:
        panel = app.query_one(ActorsPanel)
        await pilot.pause()
        rows = _rows(panel)
        assert rows[0].endswith("Union · organisation · says 1 · believes 1 · wants 1 · opposes 1")
        assert [row.split(":")[0] for row in rows[1:]] == ["says", "believes", "wants", "opposes"]
        assert rows[1].startswith("says: talks had failed reported")
        actor = next(node for node in panel.root.children if isinstance(node.data, ActorRef))
        assert [child.data for child in actor.children] == [StatementRef("union", i) for i in (2, 3, 1, 0)]


async def test_f_hides_beliefs_and_intentions_and_shows_them_again() -> None:
    app = PanelApp()
    async with app.run_test() as pilot:
        panel = app.query_one(ActorsPanel)
        panel.focus()
        await pilot.press("f")
        rows = _rows(panel)
        assert rows[0].startswith(" 2❞") and rows[0].endswith("says 1 · opposes 1")
        assert [row.split(":")[0] for row in rows[1:]] == ["says", "opposes"]
        await pilot.press("f")
        assert [row.split(":")[0] for row in _rows(panel)[1:]] == ["says", "believes", "wants", "opposes"]
