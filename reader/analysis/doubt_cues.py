"""A stance cue whose object is an indirect question: ``The mayor questioned why the council had kept
the report back``, ``Residents are questioning whether the bridge can be finished``.

``question`` is a stance verb with an object (``questioned the figures``), and the clause cues read no
clause for it, while the indirect question after it is no question put to someone (that is ``asked
whether``) but a doubt its holder voices about what the clause says: a stance against it. The content
is the clause with its question word; no target is named (the clause is a proposition, not a thing).
Negated or withheld cues are never positions (``did not question whether ...``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analysis.cue_events import EventBuilder
from reader.analysis.cue_holders import _find_subject
from reader.analysis.cue_negation import _withheld
from reader.analysis.cue_spans import _lemma, _token_span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from reader.analysis.facts import SpeechEvent

# Verbs that voice doubt about an indirect question after them.
DOUBT_VERBS = frozenset({"question"})
# Words that open an indirect question ("why the council ...", "whether the bridge ...").
QUESTION_WORDS = frozenset({"why", "how", "whether", "if", "what", "when"})


def doubt_events(doc: Doc, base: int, known: list[SpeechEvent]) -> list[SpeechEvent]:
    """The doubts voiced with a question word in one paragraph that ``known`` does not already have."""
    builder = EventBuilder(doc, base)
    taken = {event.cue.start for event in known}
    found: list[SpeechEvent] = []
    for verb in doc:
        if verb.pos_ != "VERB" or _lemma(verb) not in DOUBT_VERBS or base + verb.idx in taken:
            continue
        event = _doubt(builder, verb)
        if event is not None:
            found.append(event)
    return found


def _doubt(builder: EventBuilder, verb: Token) -> SpeechEvent | None:
    if _withheld(verb) or any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children):
        return None
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    if clause is None or clause.left_edge.lower_ not in QUESTION_WORDS:
        return None
    first, last = clause.left_edge.i, clause.right_edge.i
    while last > first and builder.doc[last].is_punct:
        last -= 1
    content = _token_span(builder.doc, builder.base, first, last)
    holder = _find_subject(verb)
    if content is None or holder is None or len(content.text.split()) < 3:
        return None
    return builder.event(verb, verb.i, holder, content, "stance", _lemma(verb), "oppose")
