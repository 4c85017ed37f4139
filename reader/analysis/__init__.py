"""Text in, a plain data model out: entities, quotes, dates and actors.

spaCy lives under this package and nowhere else, and nothing here imports
Textual. ``analyze`` is the one entry point the rest of Byline calls.
"""

from reader.analysis.model import (
    SCHEMA,
    Actor,
    Analysis,
    DateMention,
    Entity,
    Quote,
    Span,
)
from reader.analysis.pipeline import analyze

__all__ = ["SCHEMA", "Actor", "Analysis", "DateMention", "Entity", "Quote", "Span", "analyze"]
