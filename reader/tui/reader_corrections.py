"""Correcting the analysis from the reader: the ``=`` menu, ``R`` (rename actor), ``+`` (merge actor).

The reader disagrees with the machine: this statement is someone else's, that is not a statement,
this sentence is one the analysis missed, ``Bong`` is ``Bong Joon Ho``, Kursk is a place. Each
correction is a :class:`reader.corrections.Correction` saved at once in the article's notes store
(beside the highlights, anchored the same way), and the reader shows the analysis with every stored
correction applied (:func:`reader.corrections.apply_corrections`) on top of the analysis as
computed, which the screen keeps (``raw_analysis``). Undo (``u``, one stack with highlight
removals) takes the correction out of the store and applies the rest again.

What ``=`` acts on, in this order: the selection; the actor under the cursor while the actors panel
has focus; the statement, entity or date the reader stepped to last (the one at ``jump_offset``);
the current statement. The menu offers what fits the target.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from textual.binding import Binding, BindingType

from reader.analysis.model import Actor, Analysis, Entity, Statement
from reader.corrections import Anchor, Correction, CorrectionReport, apply_corrections
from reader.corrections.model import ENTITY_LABELS
from reader.errors import BylineError
from reader.tui.navigation import quote_location, quote_order
from reader.tui.preview import one_line
from reader.tui.screens.picker import Picker
from reader.tui.undo import UndoStack
from reader.tui.widgets.actors_panel import CORRECTED_MARK, ActorRef, StatementRef

if TYPE_CHECKING:
    from reader.tui.screens.reader import ReaderScreen

CORRECTIONS_BINDINGS: list[BindingType] = [
    Binding("equals_sign", "correct", "Correct the analysis", id="corrections.menu", key_display="=",
            show=False),
    Binding("R", "rename_actor", "Rename actor", id="corrections.rename_actor", show=False),
    Binding("plus", "merge_actor", "Merge actor into another", id="corrections.merge_actor",
            key_display="+", show=False),
]
"""Spliced into the reading screen's ``BINDINGS`` (help, palette and keymap see them)."""

NO_SPEAKER = "\0none"
"""The speaker chooser's key for "no speaker" (no actor's name can be it)."""

STATEMENT_CHOICES: list[tuple[str, str]] = [
    ("direct:speech", "direct quote · says"),
    ("reported:speech", "reported speech · says"),
    ("reported:belief", "reported · believes"),
    ("reported:intention", "reported · wants (intention)"),
    ("reported:stance", "reported · stance (supports, opposes)"),
    ("reported:evidence", "reported · shows (a poll, a report)"),
]
LABEL_NAMES = {
    "PERSON": "person", "ORG": "organisation", "GPE": "country, city, state", "LOC": "other place",
    "NORP": "nationality, religious or political group", "FAC": "building, airport, bridge",
    "EVENT": "event", "PRODUCT": "product", "WORK_OF_ART": "title of a work", "LAW": "law",
    "LANGUAGE": "language", "DATE": "date", "TIME": "time", "MONEY": "money", "PERCENT": "percent",
    "QUANTITY": "quantity", "CARDINAL": "number", "ORDINAL": "ordinal",
}
MARK = CORRECTED_MARK
"""Drawn beside what a correction changed (actors panel, status line)."""


def _actor_choices(analysis: Analysis, *, leave_out: str | None = None) -> list[tuple[str, str]]:
    """``(name, "name, role · kind")`` for every actor, most quoted first."""
    actors = sorted(analysis.actors, key=lambda a: (-len(a.statements), -a.mentions, a.name))
    return [
        (actor.name, f"{actor.name}{', ' + actor.roles[0] if actor.roles else ''} · {actor.kind}")
        for actor in actors if actor.id != leave_out
    ]


def _statement_at(analysis: Analysis, start: int, end: int) -> Statement | None:
    best: tuple[int, Statement] | None = None
    for statement in analysis.statements:
        overlap = min(end, statement.end) - max(start, statement.start)
        if overlap > 0 and overlap * 2 >= min(end - start, statement.end - statement.start) and (
            best is None or overlap > best[0]
        ):
            best = (overlap, statement)
    return best[1] if best else None


def _entity_at(analysis: Analysis, start: int, end: int) -> Entity | None:
    return next((e for e in analysis.entities if e.start < end and start < e.end and
                 (e.end - e.start) * 2 >= min(end - start, e.end - e.start)), None)


class ReaderCorrections:
    """The reader's corrections of one article's analysis (see the module docstring)."""

    def __init__(self, host: ReaderScreen, undo_stack: UndoStack) -> None:
        self.host = host
        self.undo_stack = undo_stack
        self.report: CorrectionReport | None = None
        self._reported_orphans: set[str] = set()

    @property
    def corrections(self) -> list[Correction]:
        return self.host.notes.store.corrections

    # -- applying ------------------------------------------------------------------------------------

    def corrected(self, analysis: Analysis) -> Analysis:
        """``analysis`` with every stored correction applied; a newly orphaned one is a notice."""
        corrected, self.report = apply_corrections(analysis, self.corrections)
        new = [(c, why) for c, why in self.report.orphaned if c.id not in self._reported_orphans]
        if new:
            self._reported_orphans.update(c.id for c, _ in new)
            noun = "correction" if len(new) == 1 else "corrections"
            detail = "; ".join(f"{c.describe()} ({why})" for c, why in new[:3])
            self.host.notify(f"{len(new)} {noun} of the analysis could not be applied (orphaned, kept): "
                             f"{detail}", severity="warning", timeout=10)
        return corrected

    def status(self, current: Statement | None) -> str:
        """The status line's part: ``✎ speaker corrected · ✎ 3 corrections (1 orphaned)``."""
        parts: list[str] = []
        if current is not None and current.corrected:
            parts.append(f"{MARK} {current.corrected} corrected")
        if self.report is not None and self.report.count:
            parts.append(f"{MARK} {self.report.summary()}")
        return " · ".join(parts)

    def _reshow(self) -> None:
        """Apply the stored corrections again and show the result, staying where the reader was."""
        host = self.host
        raw = host.raw_analysis
        if raw is None:
            return
        host.show_analysis(raw)
        analysis = host.analysis
        if analysis is None:
            return
        state = host.state
        # The status line names the current statement's speaker: say what it is now.
        quote = state.current_quote
        if quote is None:
            state = replace(state, location="", quote_index=None)
        elif state.quote_index is not None:
            order = quote_order(analysis.statements, state.include_reported)
            state = replace(state, location=quote_location(
                quote, state.quote_index, len(order), analysis, include_reported=state.include_reported,
                speakers_known=True))
        if state.actor_id is not None and analysis.actor(state.actor_id) is None:
            state = replace(state, actor_id=None, statement_index=None)
        host.state = state
        host.decorations.mark_actor(analysis, state.actor_id)
        host.article_view.restyle()
        host.refresh_status()

    def _save(self, correction: Correction) -> None:
        try:
            self.host.notes.store.add_correction(correction)
        except BylineError as error:
            self.host.notify(f"Correction not saved: {error}", severity="error", timeout=10)
            return
        self.undo_stack.push(correction.describe(), lambda: self._undo(correction))
        self._reshow()
        self.host.notify(f"Corrected: {correction.describe()} (u undoes)", timeout=4)

    def _undo(self, correction: Correction) -> None:
        try:
            self.host.notes.store.remove_correction(correction.id)
        except KeyError:
            self.host.notify("That correction was already removed (in another window?)", severity="warning")
        except BylineError as error:
            self.host.notify(f"Undo not saved: {error}", severity="error", timeout=10)
            return
        self._reshow()
        self.host.notify(f"Undone: {correction.describe()}", timeout=3)

    # -- what the keys act on --------------------------------------------------------------------------

    def _panel_data(self) -> ActorRef | StatementRef | None:
        """What the cursor is on in the actors panel, while the panel has focus."""
        panel = self.host.actors_panel
        if not panel.has_focus:
            return None
        node = panel.cursor_node
        data = node.data if node is not None else None
        return data if isinstance(data, ActorRef | StatementRef) else None

    def _panel_actor(self) -> str | None:
        data = self._panel_data()
        return data.actor_id if data is not None else None

    def _target_actor(self, analysis: Analysis) -> Actor | None:
        """The actor ``R`` and ``+`` act on: under the cursor in the actors panel, else the marked
        actor, else the current statement's speaker."""
        state = self.host.state
        for actor_id in (self._panel_actor(), state.actor_id,
                         state.current_quote.actor if state.current_quote else None):
            actor = analysis.actor(actor_id)
            if actor is not None:
                return actor
        return None

    def _current_statement(self, analysis: Analysis) -> Statement | None:
        quote = self.host.state.current_quote
        if quote is None:
            return None
        return next((s for s in analysis.statements if s.start == quote.start and s.end == quote.end), None)

    # -- the keys ---------------------------------------------------------------------------------------

    def open_menu(self, analysis: Analysis) -> None:
        """``=``: the menu of corrections that fit the current target."""
        host = self.host
        state = host.state
        options: list[tuple[str, str]] = []
        actions: dict[str, Callable[[], None]] = {}

        def offer(key: str, label: str, action: Callable[[], None]) -> None:
            options.append((key, label))
            actions[key] = action

        selection = host.article_view.selected_span()
        statement: Statement | None = None
        entity: Entity | None = None
        actor: Actor | None = None
        panel_actor = analysis.actor(self._panel_actor())
        if selection is not None:
            start, end = selection
            offer("add", "Add the selection as a statement…",
                  lambda: self.add_statement(analysis, start, end))
            statement = _statement_at(analysis, start, end)
            entity = _entity_at(analysis, start, end)
        elif panel_actor is not None:
            data = self._panel_data()
            if isinstance(data, StatementRef) and 0 <= data.quote_index < len(analysis.statements):
                statement = analysis.statements[data.quote_index]  # a statement listed under its actor
            actor = panel_actor
        else:
            at = state.jump_offset
            current = self._current_statement(analysis)
            if state.entity_index is not None and state.entity_index < len(analysis.entities):
                candidate = analysis.entities[state.entity_index]
                if at == candidate.start and (current is None or current.start != at):
                    entity = candidate
            if entity is None:
                statement = current
        if statement is not None:
            this = statement
            who = statement.speaker or "no speaker"
            offer("speaker", f"Change the speaker (now: {who})…",
                  lambda: self.change_speaker(analysis, this))
            offer("not", "Not a statement", lambda: self.not_statement(analysis, this))
            actor = actor or analysis.actor(statement.actor)
        if entity is not None:
            found = entity
            offer("label", f"Relabel “{entity.text}” (now {entity.label})…",
                  lambda: self.relabel_entity(analysis, found))
            actor = actor or analysis.actor(entity.actor)
        if actor is not None:
            self._offer_actor(analysis, actor, offer)
        if not options:
            host.notify("Nothing to correct here: step to a statement (] [) or entity (e), select words "
                        "(shift+↓), or choose an actor in the panel", severity="warning", timeout=5)
            return

        def chosen(key: str | None) -> None:
            if key is not None and key in actions:
                actions[key]()

        if selection is not None:
            about = f"the selection “{one_line(host.article.text[selection[0]:selection[1]], 40)}”"
        elif statement is not None:
            about = f"“{one_line(statement.text, 40)}”"
        elif entity is not None:
            about = f"“{one_line(entity.text, 40)}” ({entity.label})"
        else:
            about = actor.name if actor is not None else ""
        host.app.push_screen(Picker(f"Correct the analysis: {about}", options,
                                    hint="type to filter · enter · esc"), chosen)

    def _offer_actor(self, analysis: Analysis, actor: Actor,
                     offer: Callable[[str, str, Callable[[], None]], None]) -> None:
        name = actor.name
        offer("rename", f"Rename {name}…  (R)", lambda: self.rename_actor(analysis, actor))
        offer("merge", f"Merge {name} into another actor…  (+)", lambda: self.merge_actor(analysis, actor))
        offer("role", f"Set {name}'s role…", lambda: self.set_role(analysis, actor))
        if actor.roles:
            offer("unrole", f"Remove a role of {name}…", lambda: self.remove_role(analysis, actor))

    def _anchor(self, start: int, end: int) -> Anchor:
        return Anchor.from_text(self.host.article.text, start, end)

    def _pick(self, picker: Picker, then: Callable[[str], None]) -> None:
        def chosen(answer: str | None) -> None:
            if answer is not None and answer.strip():
                then(answer)

        self.host.app.push_screen(picker, chosen)

    def _speaker_picker(self, analysis: Analysis, title: str) -> Picker:
        choices = [*_actor_choices(analysis), (NO_SPEAKER, "(no speaker: the text names none)")]
        return Picker(title, choices, allow_new=True, placeholder="type to filter, or a new name",
                      hint="↑↓ choose · enter take (New: adds an actor) · esc cancel")

    def change_speaker(self, analysis: Analysis, statement: Statement) -> None:
        def then(name: str) -> None:
            self._save(Correction.new("speaker", anchor=self._anchor(statement.start, statement.end),
                                      speaker=None if name == NO_SPEAKER else name,
                                      statement_kind=statement.kind))

        self._pick(self._speaker_picker(analysis, "Who said it?"), then)

    def not_statement(self, analysis: Analysis, statement: Statement) -> None:
        self._save(Correction.new("not_statement", anchor=self._anchor(statement.start, statement.end),
                                  statement_kind=statement.kind))

    def add_statement(self, analysis: Analysis, start: int, end: int) -> None:
        text = self.host.article.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            return
        self.host.clear_selection()

        def kind_then(speaker: str) -> None:
            def then(choice: str) -> None:
                kind, _, frame = choice.partition(":")
                self._save(Correction.new("add_statement", anchor=self._anchor(start, end),
                                          speaker=None if speaker == NO_SPEAKER else speaker,
                                          statement_kind=kind, frame=frame))

            self._pick(Picker("What kind of statement?", STATEMENT_CHOICES), then)

        self._pick(self._speaker_picker(analysis, "Who said it?"), kind_then)

    def relabel_entity(self, analysis: Analysis, entity: Entity) -> None:
        choices = [(label, f"{label} · {LABEL_NAMES.get(label, label.lower())}") for label in ENTITY_LABELS
                   if label != entity.label]

        def then(label: str) -> None:
            self._save(Correction.new("relabel_entity", anchor=self._anchor(entity.start, entity.end),
                                      value=label))

        self._pick(Picker(f"Label of “{entity.text}” (now {entity.label})", choices), then)

    def rename_actor(self, analysis: Analysis, actor: Actor) -> None:
        def then(name: str) -> None:
            if name.strip() != actor.name:
                self._save(Correction.new("rename_actor", actor=actor.name, value=name.strip()))

        self._pick(Picker(f"Rename {actor.name}", [], allow_new=True, initial=actor.name,
                          placeholder="the new name", hint="enter renames · esc cancel"), then)

    def merge_actor(self, analysis: Analysis, actor: Actor) -> None:
        choices = _actor_choices(analysis, leave_out=actor.id)
        if not choices:
            self.host.notify("There is no other actor to merge into", severity="warning")
            return

        def then(name: str) -> None:
            self._save(Correction.new("merge_actors", actor=actor.name, value=name))

        self._pick(Picker(f"Merge {actor.name} into…", choices), then)

    def set_role(self, analysis: Analysis, actor: Actor) -> None:
        def then(role: str) -> None:
            self._save(Correction.new("set_role", actor=actor.name, value=role.strip()))

        self._pick(Picker(f"Role of {actor.name}", [], allow_new=True, placeholder="e.g. Kremlin adviser",
                          hint="enter sets it (shown first) · esc cancel"), then)

    def remove_role(self, analysis: Analysis, actor: Actor) -> None:
        def then(role: str) -> None:
            self._save(Correction.new("remove_role", actor=actor.name, value=role))

        self._pick(Picker(f"Remove a role of {actor.name}", [(r, r) for r in actor.roles]), then)

    def rename_target(self, analysis: Analysis) -> None:
        """``R``: rename the actor under the cursor, the marked actor, or the current speaker."""
        actor = self._target_actor(analysis)
        if actor is None:
            self.host.notify("No actor here: choose one in the actors panel (a)", severity="warning")
            return
        self.rename_actor(analysis, actor)

    def merge_target(self, analysis: Analysis) -> None:
        """``+``: merge that actor into another one, chosen from a list (type to filter)."""
        actor = self._target_actor(analysis)
        if actor is None:
            self.host.notify("No actor here: choose one in the actors panel (a)", severity="warning")
            return
        self.merge_actor(analysis, actor)


def undo_last(stack: UndoStack, notify: Callable[..., Any]) -> None:
    """``u``: undo the newest step, a highlight removal or a correction."""
    step = stack.pop()
    if step is None:
        notify("Nothing to undo", severity="warning")
        return
    step.undo()
