"""Text in, a plain data model out: entities, quotes, dates and actors.

spaCy lives under this package and nowhere else, and nothing here imports
Textual. ``analyze`` is the one entry point the rest of Byline calls.
"""

from typing import TYPE_CHECKING

from reader.analysis.model import (
    SCHEMA,
    Actor,
    Analysis,
    DateMention,
    Entity,
    Span,
    Statement,
)

if TYPE_CHECKING:  # what __getattr__ below returns, for the type checker
    from reader.analysis.pipeline import analyze, cached

__all__ = ["SCHEMA", "Actor", "Analysis", "DateMention", "Entity", "Span", "Statement", "analyze", "cached"]


def __getattr__(name: str) -> object:
    # The pipeline (and what it imports) loads on first use, so that a reader showing a
    # cached analysis, or only the data model, does not pay for it at start-up.
    if name in ("analyze", "cached"):
        from reader.analysis import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'reader.analysis' has no attribute {name!r}")
