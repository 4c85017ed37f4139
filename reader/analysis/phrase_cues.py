"""Phrase cues whose position is an object after a light verb, a particle or a comparison:
``took aim at the plan``, ``threw her support behind Cruz``, ``shrugged off the criticism``,
``likened the campaign to a car crash``, ``called for the council to resign``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analysis.cue_spans import (
    _cue_bounds,
    _lemma,
    _lemma_with_particle,
    _phrase_bounds_np,
    _token_span,
)
from reader.analysis.facts import SpeechEvent
from reader.analysis.lexicon import (
    COMPARISON_CUES,
    LIGHT_STANCE_NOUNS,
    PARTICLE_OBJECT_CUES,
    PERSON_OBJECT_PRONOUNS,
    PREPOSITION_CUES,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

    from reader.analysis.cue_events import EventBuilder

# "a group that calls itself the Valley Watch" names, it takes no position.
REFLEXIVES = ("itself", "himself", "herself", "themselves", "ourselves")


def take_aim_event(
    builder: EventBuilder, verb: Token, subject: Token, obj: Token | None
) -> SpeechEvent | None:
    """``took aim at the plan``, ``took swipes at her rivals``, ``threw her support behind Cruz``: a stance
    on the preposition's object (the preposition hangs on the verb or on the noun)."""
    key = (_lemma(verb), _lemma(obj)) if obj is not None else None
    if obj is None or key not in LIGHT_STANCE_NOUNS:
        return None
    word, stance = LIGHT_STANCE_NOUNS[key]
    prep = next(
        (c for c in (*verb.children, *obj.children) if c.dep_ == "prep" and c.lower_ == word and c.i > obj.i),
        None,
    )
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if prep is None or pobj is None:
        return None
    content = _token_span(builder.doc, builder.base, pobj.left_edge.i, pobj.right_edge.i)
    cue_lemma = f"{key[0]} {key[1]} {word}"
    return builder.event(verb, prep.i, subject, content, "stance", cue_lemma, stance, content)


def particle_object_event(
    builder: EventBuilder, verb: Token, subject: Token, obj: Token | None
) -> SpeechEvent | None:
    """``called out his rival``, ``shrugged off the criticism``: a particle verb whose object is the
    position (and, for a stance, its target)."""
    cue = _lemma_with_particle(verb)
    if obj is None or cue not in PARTICLE_OBJECT_CUES or obj.lower_ in REFLEXIVES:
        return None
    if obj.pos_ == "PRON" and obj.lower_ not in PERSON_OBJECT_PRONOUNS:
        return None
    frame, stance = PARTICLE_OBJECT_CUES[cue]
    content = _token_span(builder.doc, builder.base, *_phrase_bounds_np(obj))
    target = content if frame == "stance" else None
    return builder.event(verb, _cue_bounds(verb)[1], subject, content, frame, cue, stance, target)


def comparison_event(
    builder: EventBuilder, verb: Token, subject: Token, obj: Token | None
) -> SpeechEvent | None:
    """``likened the campaign to a car crash``, ``compared the plan to a tax``: the position is the
    comparison, "X to Y" ("compared notes with" is no comparison)."""
    if obj is None or _lemma(verb) not in COMPARISON_CUES or obj.lower_ == "it":
        return None
    prep = next(
        (c for c in (*verb.children, *obj.children) if c.dep_ == "prep" and c.lower_ == "to" and c.i > obj.i),
        None,
    )
    if prep is None or not any(c.dep_ == "pobj" for c in prep.children):
        return None
    content = _token_span(builder.doc, builder.base, obj.left_edge.i, prep.right_edge.i)
    return builder.event(verb, verb.i, subject, content, "speech", f"{_lemma(verb)} to")


def for_clause_event(builder: EventBuilder, verb: Token, subject: Token) -> SpeechEvent | None:
    """``called for the council to resign``, ``pushed for Congress to act``, ``called for Moyes to be
    replaced``: the parser makes "for" the mark of an infinitive clause with its own subject (active
    or passive); the position is that clause."""
    key = (_lemma(verb), "for")
    if key not in PREPOSITION_CUES:
        return None
    for clause in verb.children:
        if clause.dep_ != "advcl" or clause.i < verb.i:
            continue
        mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ == "for"), None)
        has_to = any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
        if mark is None or not has_to or not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
            continue
        content = _token_span(builder.doc, builder.base, mark.i + 1, clause.right_edge.i)
        frame, stance = PREPOSITION_CUES[key]
        cue_last = mark.i if mark.i == verb.i + 1 else verb.i
        target = content if frame == "stance" else None
        return builder.event(verb, cue_last, subject, content, frame, f"{key[0]} for", stance, target)
    return None
