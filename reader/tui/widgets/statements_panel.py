"""The "Statements" side panel: every statement of the article in text order, filtered.

Each entry shows where the statement is (paragraph), who (speaker and role), its kind, frame and
confidence, and its words shortened to one line. A partial quote inside a reported statement is
listed once, indented under that statement (:func:`reader.tui.navigation.statement_rows`). The
summary line says which filter is active (``F`` cycles it). Choosing an entry posts
:class:`StatementsPanel.Chosen`; the reading screen jumps there. Labels are ``rich.text.Text``
built from plain strings, so article text is never read as markup.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reader.analysis.model import Analysis, Statement, position_group
from reader.export import paragraph_number, paragraph_starts
from reader.tui.navigation import describe_filter, describe_speaker, statement_rows
from reader.tui.preview import one_line
from reader.tui.state import StatementFilter, is_low_confidence

PREVIEW = 60


def _no_style(_key: str) -> Style:
    return Style.null()


def statement_summary(statement: Statement, analysis: Analysis) -> str:
    """``Ann Lee, mayor · direct · speech · 0.95`` (``?`` for no confidence, ``!`` marks a low one)."""
    who = describe_speaker(statement, analysis.actor(statement.actor))
    frame = statement.frame or "no frame"
    confidence = f"{statement.confidence:.2f}" if statement.confidence is not None else "?"
    low = " !" if is_low_confidence(statement) else ""
    return f"{who} · {statement.kind} · {frame} ({position_group(statement)}) · {confidence}{low}"


def statement_label(statement: Statement, analysis: Analysis, paragraph: int, depth: int,
                    style_lookup: Callable[[str], Style]) -> Text:
    """Two lines: ``¶N  speaker · kind · frame · confidence`` and the words; indented at depth 1."""
    indent = "  ↳ " if depth else ""
    label = Text(f"{indent}¶{paragraph}  ", style=style_lookup("muted"))
    label.append(statement_summary(statement, analysis), style=style_lookup("text"))
    label.append("\n")
    label.append("    " if depth else "  ")
    key = "quote.direct" if statement.kind == "direct" else "quote.indirect"
    label.append(one_line(statement.text, PREVIEW - 4 * depth), style=style_lookup(key))
    return label


class StatementsPanel(Vertical):
    """A filter summary and the list of statements; choosing one posts :class:`Chosen`."""

    DEFAULT_CSS = (Path(__file__).parent.parent / "styles" / "statements_panel.tcss").read_text(
        encoding="utf-8")

    class Chosen(Message):
        """The reader chose a statement (``index`` into ``Analysis.statements``): show it."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.style_lookup: Callable[[str], Style] = _no_style
        self.rows: list[tuple[int, int]] = []

    def compose(self) -> ComposeResult:
        yield Static(id="statements-summary")
        yield OptionList(id="statements-list", markup=False)

    @property
    def option_list(self) -> OptionList:
        return self.query_one("#statements-list", OptionList)

    def show(self, analysis: Analysis | None, statement_filter: StatementFilter,
             style_lookup: Callable[[str], Style] | None = None) -> None:
        """List the statements ``statement_filter`` admits, keeping the cursor on the same one."""
        if style_lookup is not None:
            self.style_lookup = style_lookup
        option_list = self.option_list
        summary = self.query_one("#statements-summary", Static)
        if analysis is None:
            self.rows = []
            option_list.clear_options()
            summary.update(Text("Statements appear when the analysis is done.",
                                style=self.style_lookup("muted")))
            return
        kept = option_list.highlighted_option.id if option_list.highlighted_option else None
        starts = paragraph_starts(analysis.text)
        self.rows = statement_rows(analysis.statements, statement_filter)
        options = [
            Option(statement_label(analysis.statements[index], analysis,
                                   paragraph_number(starts, analysis.statements[index].start), depth,
                                   self.style_lookup), id=f"s{index}")
            for index, depth in self.rows
        ]
        option_list.set_options(options)
        ids = [f"s{index}" for index, _depth in self.rows]
        if kept in ids:
            option_list.highlighted = ids.index(kept)
        total = len(analysis.statements)
        what = describe_filter(statement_filter, analysis)
        text = f"{len(self.rows)} of {total} statements · {what} · F changes the filter"
        summary.update(Text(text, style=self.style_lookup("muted")))

    def select(self, index: int) -> None:
        """Move the cursor to statement ``index`` when it is listed."""
        ids = [row for row, _depth in self.rows]
        if index in ids:
            self.option_list.highlighted = ids.index(index)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Chosen(int(event.option.id[1:])))
