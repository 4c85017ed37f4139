"""Passive cues: ``is expected by analysts to ...``, ``is said to``, ``has been accused of``, ``is seen as``,
``it was reported that``: held by the agent, or by no one the text names."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analysis.cue_content import _clause_bounds, _complement
from reader.analysis.cue_holders import _agent
from reader.analysis.cue_spans import _infinitive_bounds, _lemma, _phrase_bounds_np, _token_span
from reader.analysis.facts import SpeechEvent
from reader.analysis.lexicon import AS_CUES, BELIEF_VERBS, OBJECT_CUES, PREPOSITION_CUES, SPEECH_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from reader.analysis.cue_events import EventBuilder

# Agentless passives with an infinitive that report hearsay or expectation: "is expected to",
# "is said to", "was projected to win", "is rumoured to be leaving".
_HEARSAY_INFINITIVES = frozenset(
    "expect say believe think report understand project predict rumor rumour allege".split()
)


def passive_events(builder: EventBuilder, verb: Token) -> list[SpeechEvent]:
    """``is expected by analysts to ...``, ``is said to ...``, ``has been accused (by X) of Y``."""
    lemma = _lemma(verb)
    agent = _agent(verb)
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    doc = builder.doc
    events: list[SpeechEvent | None] = []
    xcomp = next((c for c in verb.children if c.dep_ == "xcomp"), None)
    clause = _complement(verb)
    hearsay = lemma in SPEECH_VERBS or lemma in BELIEF_VERBS
    if clause is not None and hearsay and subject is not None and subject.lower_ == "it":
        # "It was widely reported that ...", "it is believed that ...": hearsay, held by the
        # agent if the text names one.
        bounds = _clause_bounds(clause)
        if bounds is not None:
            content = _token_span(doc, builder.base, *bounds)
            frame = "belief" if lemma in BELIEF_VERBS else "speech"
            events.append(
                builder.event(verb, verb.i, agent, content, frame, f"be {verb.lower_}", strong=False)
            )
    elif xcomp is not None and lemma in _HEARSAY_INFINITIVES:
        frame = "speech" if lemma in ("say", "report", "rumor", "rumour", "allege") else "belief"
        if agent is not None:
            content = _token_span(doc, builder.base, *_infinitive_bounds(xcomp))
        elif subject is not None:
            content = _token_span(doc, builder.base, subject.left_edge.i, xcomp.right_edge.i)
        else:
            content = None
        if content is not None:
            events.append(builder.event(verb, verb.i, agent, content, frame, f"{lemma} to", strong=False))
    elif (lemma, "of") in PREPOSITION_CUES or lemma in ("accuse", "blame", "criticise", "criticize"):
        preps = [c for c in verb.children if c.dep_ == "prep"]
        if agent is not None:  # "accused by some investors and doctors of overstating ..."
            preps += [c for c in agent.children if c.dep_ == "prep"]
        for prep in preps:
            key = (lemma, prep.lower_)
            pobj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
            if key in PREPOSITION_CUES and pobj is not None:
                frame, stance = PREPOSITION_CUES[key]
                content = _token_span(doc, builder.base, pobj.left_edge.i, pobj.right_edge.i)
                target = None
                if subject is not None:
                    target = _token_span(doc, builder.base, *_phrase_bounds_np(subject))
                events.append(
                    builder.event(
                        verb, verb.i, agent, content, frame, f"{lemma} {prep.lower_}", stance, target
                    )
                )
                break
    elif (
        lemma in AS_CUES
        and subject is not None
        and agent is not None
        and (as_prep := _as_phrase(verb)) is not None
    ):
        # "was described by aides as ...": held by the agent. With no agent ("is widely seen as the
        # favourite") it is the reporter's summary of opinion, not a position.
        frame, stance = AS_CUES[lemma]
        content = _token_span(doc, builder.base, subject.left_edge.i, as_prep.right_edge.i)
        target = _token_span(doc, builder.base, *_phrase_bounds_np(subject)) if stance else None
        events.append(
            builder.event(verb, verb.i, agent, content, frame, f"{lemma} as", stance, target, strong=False)
        )
    elif agent is not None and lemma in OBJECT_CUES and subject is not None:
        # "The plan was condemned by the union": the subject is the position.
        frame, stance = OBJECT_CUES[lemma]
        content = _token_span(doc, builder.base, *_phrase_bounds_np(subject))
        events.append(
            builder.event(verb, verb.i, agent, content, frame, lemma, stance, content if stance else None)
        )
    return [event for event in events if event is not None]


def _as_phrase(verb: Token) -> Token | None:
    """The ``as`` phrase of a passive naming verb ("is seen as the favourite"), not a time clause."""
    agent = _agent(verb)
    heads = [verb] if agent is None else [verb, agent]  # "seen by analysts as ...": "as" may hang on them
    return next(
        (c for h in heads for c in h.children if c.lower_ == "as" and c.dep_ == "prep" and any(c.children)),
        None,
    )
