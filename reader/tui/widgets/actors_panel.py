"""The "Actors" side panel: who appears in the article and what each of them says.

Each actor is a tree node (name, kind, role, mention and statement counts, and
its positions counted by frame: ``says 2 · wants 1 · opposes 1``); expanding it
lists the actor's positions grouped by frame (says, believes, wants, supports,
opposes, shows), in text order within a group, each shortened. ``f`` hides
beliefs and intentions for a reader who only wants what was said. Labels are
built as ``rich.text.Text`` from plain strings: an actor's name or a quote comes
from the article and must never be read as markup.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from reader.analysis.model import POSITION_GROUPS, Actor, Analysis, Statement, position_group
from reader.safe_text import terminal_safe
from reader.theming.keys import STATEMENT_STYLES
from reader.tui.preview import one_line
from reader.tui.widgets.list_keys import list_bindings

STATEMENT_PREVIEW = 56
CORRECTED_MARK = "✎"
"""Drawn after an actor or statement that a reader's correction changed, with what it changed."""
#: The panel's hint line, shown above the tree (wrapped to the panel's width, never cut).
LEGEND = ("❞ statements · × mentions · enter marks an actor · → shows its statements"
          " · f hides beliefs and intentions")
# The frames ``f`` hides: what an actor believes or intends, as opposed to what they said or did.
HIDDEN_WHEN_SPEECH_ONLY = frozenset({"belief", "intention"})


@dataclass(frozen=True, slots=True)
class ActorRef:
    actor_id: str


@dataclass(frozen=True, slots=True)
class StatementRef:
    actor_id: str
    quote_index: int


def grouped_positions(statements: list[tuple[int, Statement]]) -> list[tuple[str, list[int]]]:
    """``[(group, [statement index, ...]), ...]`` in :data:`POSITION_GROUPS` order, empty groups left out;
    within a group the statements keep the order given (text order)."""
    groups: dict[str, list[int]] = {group: [] for group in POSITION_GROUPS}
    for index, statement in statements:
        groups[position_group(statement)].append(index)
    return [(group, indices) for group, indices in groups.items() if indices]


def actor_label(
    actor: Actor, style_lookup: Callable[[str], Style], statements: list[Statement] | None = None
) -> Text:
    """``2❞  5×  Yuri Ushakov, Kremlin adviser · person · says 2``: counts first, in columns, so the
    panel can be scanned for who speaks most even when it is too narrow for the whole line; then
    the actor's positions counted by frame (``statements`` are the ones shown)."""
    muted = style_lookup("muted")
    shown = statements if statements is not None else []
    count = len(statements) if statements is not None else len(actor.statements)
    label = Text(f"{count:>2}❞ {actor.mentions:>3}× ", style=muted)
    label.append(terminal_safe(actor.name), style=style_lookup(f"actor.{actor.kind}"))
    if actor.roles:
        label.append(f", {terminal_safe(actor.roles[0])}")
    label.append(f" · {terminal_safe(actor.kind)}", style=muted)
    groups = grouped_positions(list(enumerate(shown)))
    if groups:
        label.append(" · " + " · ".join(f"{group} {len(indices)}" for group, indices in groups), style=muted)
    if actor.corrected:
        label.append(terminal_safe(f" {CORRECTED_MARK} {actor.corrected}"), style=muted)
    return label


def statement_label(quote: Statement, style_lookup: Callable[[str], Style], *,
                    preview: int | None = STATEMENT_PREVIEW) -> Text:
    """``says: The deal is dead. direct (said)``: the frame, the words (shortened to ``preview``
    characters; ``None``: all of them, on one line), the kind and cue (``believes: the deal is dead
    reported in a quote (think)`` for a position made inside quoted words)."""
    label = Text(f"{position_group(quote)}: ", style=style_lookup("muted"))
    words = one_line(quote.text, preview if preview is not None else sys.maxsize)
    label.append(words, style=style_lookup(STATEMENT_STYLES[quote.kind]))
    cue = f" ({quote.cue.text})" if quote.cue else ""
    # A position made inside quoted words ("I think ...," Smith said) says so.
    kind = f"{quote.kind} in a quote" if quote.in_quote is not None else quote.kind
    label.append(terminal_safe(f" {kind}{cue}"), style=style_lookup("muted"))
    if quote.corrected:
        label.append(terminal_safe(f" {CORRECTED_MARK} {quote.corrected}"), style=style_lookup("muted"))
    return label


class ActorsPanel(Tree[ActorRef | StatementRef]):
    """A tree of actors and their statements; selecting posts what was chosen."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Tree's own enter, given an id so that the help lists it under the panel (and a keymap can move it).
        Binding("enter", "select_cursor", "Mark the actor, or go to the statement", id="actors.choose",
                show=False),
        Binding("right", "expand_actor", "Show statements", id="actors.expand", show=False),
        Binding("left", "collapse_actor", "Hide statements", id="actors.collapse", show=False),
        Binding(
            "f", "toggle_speech_only", "Hide beliefs and intentions", id="actors.speech_only", show=False
        ),
        *list_bindings("actors"),
    ]
    #: The help screen lists this widget's keys under this heading.
    HELP_SECTION = "Actors panel"

    DEFAULT_CSS = """
    ActorsPanel {
        scrollbar-size-vertical: 1;
        overflow-x: hidden;
    }
    """

    class ActorChosen(Message):
        """An actor was selected: the reader marks its mentions and statements."""

        def __init__(self, actor_id: str) -> None:
            super().__init__()
            self.actor_id = actor_id

    class StatementChosen(Message):
        """A statement was selected: the reader jumps to it."""

        def __init__(self, actor_id: str, quote_index: int) -> None:
            super().__init__()
            self.actor_id = actor_id
            self.quote_index = quote_index

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("Actors", id=id)
        self.show_root = False
        # enter marks an actor and nothing else: showing its statements is → and ← (and space).
        self.auto_expand = False
        self.guide_depth = 2
        self._analysis: Analysis | None = None
        self.speech_only = False
        self._style_lookup: Callable[[str], Style] = lambda _key: Style.null()

    def render_label(self, node: TreeNode[ActorRef | StatementRef], base_style: Style, style: Style) -> Text:
        """The label cut to the panel's width with an ellipsis: never a horizontal scrollbar.

        (``get_label_width`` measures this, so the tree is never wider than the panel.)
        """
        label = super().render_label(node, base_style, style)
        depth, parent = 0, node.parent
        while parent is not None and parent is not self.root:
            depth, parent = depth + 1, parent.parent
        available = self.scrollable_content_region.width - depth * self.guide_depth
        if available > 0 and label.cell_len > available:
            label.truncate(available, overflow="ellipsis")
        return label

    def show_analysis(self, analysis: Analysis | None, style_lookup: Callable[[str], Style]) -> None:
        """Fill the tree from an analysis (``None`` shows that it is still running)."""
        self._analysis = analysis
        self._style_lookup = style_lookup
        expanded = {
            node.data.actor_id for node in self.root.children if node.is_expanded and node.data is not None
        }
        self.clear()
        if analysis is None:
            self.root.add_leaf(Text("Analysing…", style=style_lookup("muted")))
            return
        if not analysis.actors:
            self.root.add_leaf(Text("No actors found", style=style_lookup("muted")))
            return
        for actor in sorted(analysis.actors, key=lambda a: (-len(a.statements), -a.mentions, a.name)):
            shown = [analysis.statements[i] for i in self._shown(actor, analysis)]
            node = self.root.add(actor_label(actor, style_lookup, shown), data=ActorRef(actor.id))
            self._add_statements(node, actor, analysis)
            if actor.id in expanded:
                node.expand()
        self.root.expand()

    def _shown(self, actor: Actor, analysis: Analysis) -> list[int]:
        """The actor's statement indices the panel lists (all, or without beliefs and intentions)."""
        if not self.speech_only:
            return list(actor.statements)
        return [i for i in actor.statements if analysis.statements[i].frame not in HIDDEN_WHEN_SPEECH_ONLY]

    def _add_statements(
        self, node: TreeNode[ActorRef | StatementRef], actor: Actor, analysis: Analysis
    ) -> None:
        shown = self._shown(actor, analysis)
        if not shown:
            node.allow_expand = False
            return
        for _group, indices in grouped_positions([(i, analysis.statements[i]) for i in shown]):
            for index in indices:
                quote = analysis.statements[index]
                node.add_leaf(statement_label(quote, self._style_lookup), data=StatementRef(actor.id, index))

    def action_toggle_speech_only(self) -> None:
        """Hide (or show again) what actors believe and intend, leaving what they said and did."""
        self.speech_only = not self.speech_only
        self.show_analysis(self._analysis, self._style_lookup)
        which = "says, supports, opposes, shows" if self.speech_only else "all positions"
        self.notify(f"Actors panel: {which}")

    def restyle(self, style_lookup: Callable[[str], Style]) -> None:
        """Rebuild the labels with a new theme's styles."""
        self.show_analysis(self._analysis, style_lookup)

    def select_actor(self, actor_id: str) -> bool:
        """Move the cursor to an actor's node; False when there is no such actor."""
        for node in self.root.children:
            if isinstance(node.data, ActorRef) and node.data.actor_id == actor_id:
                self.move_cursor(node)
                return True
        return False

    def cursor_to_first_actor(self) -> None:
        """Put the cursor on the first actor unless it is on one already, so enter marks it at once."""
        node = self.cursor_node
        if node is not None and node.data is not None:
            return
        first = next((n for n in self.root.children if isinstance(n.data, ActorRef)), None)
        if first is not None:
            self.move_cursor(first)

    def whole_label(self, node: TreeNode[Any]) -> str:
        """``node``'s row with nothing shortened: a statement row has all the statement's words (the
        row in the tree has the first :data:`STATEMENT_PREVIEW` characters)."""
        data = node.data
        analysis = self._analysis
        if isinstance(data, StatementRef) and analysis is not None \
                and 0 <= data.quote_index < len(analysis.statements):
            quote = analysis.statements[data.quote_index]
            return statement_label(quote, self._style_lookup, preview=None).plain
        label = node.label
        return label.plain if isinstance(label, Text) else str(label)

    def action_expand_actor(self) -> None:
        node = self.cursor_node
        if node is not None and node.allow_expand:
            node.expand()

    def action_collapse_actor(self) -> None:
        node = self.cursor_node
        if node is not None and isinstance(node.data, StatementRef) and node.parent is not None:
            node = node.parent
            self.move_cursor(node)
        if node is not None:
            node.collapse()

    def on_tree_node_selected(self, event: Tree.NodeSelected[ActorRef | StatementRef]) -> None:
        event.stop()
        data = event.node.data
        if isinstance(data, ActorRef):
            self.post_message(self.ActorChosen(data.actor_id))
        elif isinstance(data, StatementRef):
            self.post_message(self.StatementChosen(data.actor_id, data.quote_index))
