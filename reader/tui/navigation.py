"""Stepping through sorted targets (quotes, entities, dates, matches) with wrap-around.

Kept apart from the screen so the rules are tested without a terminal: the
first step goes to the first target at or after what is on screen, later steps
move from the current target, and leaving either end wraps (and says so).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Step:
    index: int
    wrapped: bool


def step(starts: Sequence[int], current: int | None, delta: int, from_offset: int) -> Step | None:
    """Where a jump of ``delta`` lands among targets starting at ``starts`` (sorted).

    ``current`` is the index of the current target, or ``None`` when there is
    none yet, in which case ``from_offset`` (the top of the pane) decides the
    first target. Returns ``None`` when there are no targets at all.
    """
    count = len(starts)
    if count == 0:
        return None
    if current is None:
        first_on_screen = bisect_left(starts, from_offset)
        target = first_on_screen if delta > 0 else first_on_screen - 1
    else:
        target = current + delta
    return Step(target % count, not 0 <= target < count)
