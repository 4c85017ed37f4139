"""One undo stack for the reader: highlight removals and corrections of the analysis, newest first.

``u`` undoes the last step whatever it was; each step knows how to undo itself (put a highlight
back, take a correction out again), so the stack holds no copies of the article or the analysis.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class UndoStep:
    """``what`` was done (for the notice: ``highlight removal``, ``speaker of “...” -> X``) and the
    function that undoes it."""

    what: str
    undo: Callable[[], None]


@dataclass(slots=True)
class UndoStack:
    steps: list[UndoStep] = field(default_factory=list)

    def push(self, what: str, undo: Callable[[], None]) -> None:
        self.steps.append(UndoStep(what, undo))

    def pop(self) -> UndoStep | None:
        """The newest step, taken off the stack, or ``None`` when there is nothing to undo."""
        return self.steps.pop() if self.steps else None

    def __len__(self) -> int:
        return len(self.steps)
