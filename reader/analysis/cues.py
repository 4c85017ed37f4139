"""Attribution cues in one parsed paragraph: who says, believes, wants, supports or opposes what.

Each cue the parse shows becomes a :class:`SpeechEvent` with its holder (the source), its cue
words, its content span and its frame. The constructions, each with the frame its cue gives:

- a clausal complement: ``X said (that) ...``, ``Most economists believe that ...``,
  ``A poll shows that ...`` (evidence when the subject is a poll, report or data), a participle
  ``..., saying the law was unfair``, and final and medial tags (``..., analysts say.``,
  ``The deal, he said, is dead.``, where the content is the whole sentence);
- a direct object of a stance or communication verb: ``condemned the pay offer`` (the object is
  also the stance's ``target``), ``announced a curfew``;
- verb + preposition: ``called for a recount``, ``warned of job cuts``, ``accused the board of
  hiding losses`` (target: the board), and ``V X as Y``: ``dismissed the claims as rumours``;
- a to-infinitive of intention or request: ``plans to close the bridge``, ``urged lawmakers to
  reject the bill``, ``expects the row to dominate`` (belief);
- a noun cue with its owner: ``his claim that ...``, ``the ministry's view that ...``;
- passives: ``is expected by analysts to ...`` (the agent holds it), ``was quoted as saying``,
  ``has been accused of fraud`` and, with no agent, a statement with no holder;
- ``X is ahead in the polls`` (evidence held by the poll);
- ``according to X``, hearsay adverbs (``is reportedly considering``) and inferences about a thing
  (``Support appears to have collapsed``), the last two with no holder;
- light verbs with a noun cue (``made the case that``) and ``made (it) clear that``;
- relative clauses: ``a donor who backs Mr. Cruz``, ``stances that he has since disavowed``, ``a
  measure opposed by unions``;
- attitudes with a copula (:mod:`~reader.analysis.attitude_cues`): ``is critical of the plan``, ``are
  worried about prices``, ``was upset that ...``, ``were angered by the deal``, ``is a supporter of``,
  and stances someone receives: ``The plan has drawn criticism from Berlin`` (Berlin's stance);
- a noun cue whose copula gives the content: ``Her answer was that ...``;
- a copula and a preposition of stance: ``Most voters are against the levy``, ``is in favour of``.

Negated and withheld cues (``did not say that``, ``declined to say whether``) report no position,
and nor does any cue inside their content or inside a question. Word lists live in
:mod:`reader.analysis.lexicon`.

This module only walks the tokens and dispatches; each construction lives in a module of its own:
:mod:`~reader.analysis.verb_cues` (clauses, infinitives, inferences), :mod:`~reader.analysis.object_cues`
(objects, prepositions, ``V X as Y``), :mod:`~reader.analysis.passive_cues`,
:mod:`~reader.analysis.noun_cues` (nouns, adjectives, adverbs, ``according to``), with the holder in
:mod:`~reader.analysis.cue_holders`, the content of clauses in :mod:`~reader.analysis.cue_content`,
negation in :mod:`~reader.analysis.cue_negation`, span helpers in :mod:`~reader.analysis.cue_spans`
and the event itself built by :class:`~reader.analysis.cue_events.EventBuilder`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analysis.attitude_cues import (
    ADJECTIVE_PREPOSITIONS,
    COPULA_PREPOSITIONS,
    PRENOMINAL_ROLES,
    RECEIVED_NOUNS,
    ROLE_NOUNS,
    SPEECH_THAT_ADJECTIVES,
    THAT_ADJECTIVES,
    attitude_event,
    copula_preposition_event,
    is_passive_attitude,
    received_event,
    role_event,
)
from reader.analysis.cue_events import EventBuilder
from reader.analysis.cue_holders import phrase_bounds
from reader.analysis.cue_spans import _lemma, _lemma_with_particle, text_span
from reader.analysis.facts import SpeechEvent, SubjectPhrase
from reader.analysis.lexicon import (
    AS_CUES,
    BELIEF_ADJECTIVES,
    BELIEF_VERBS,
    COMPARISON_CUES,
    EVIDENCE_VERBS,
    HEARSAY_ADVERBS,
    INFERENCE_VERBS,
    INTENTION_ADJECTIVES,
    INTENTION_VERBS,
    LIGHT_STANCE_VERBS,
    NOUN_CUES,
    NOUN_PREPOSITION_CUES,
    OBJECT_CUES,
    ORGANISATION_NOUNS,
    PARTICLE_CUES,
    PARTICLE_OBJECT_CUES,
    PREPOSITION_CUES,
    REQUEST_VERBS,
    SPEAKER_NOUNS,
    SPEECH_VERBS,
)
from reader.analysis.noun_cues import (
    COPULA_NOUNS,
    POSITION_NOUNS,
    according_event,
    adjective_event,
    hearsay_event,
    intention_adjective_event,
    noun_event,
    poll_event,
)
from reader.analysis.verb_cues import verb_events

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_PREPOSITION_NOUNS = frozenset(noun for noun, _ in NOUN_PREPOSITION_CUES)
_ATTITUDE_WORDS = (
    frozenset(word for word, _ in ADJECTIVE_PREPOSITIONS) | THAT_ADJECTIVES | SPEECH_THAT_ADJECTIVES
)
_ROLE_NOUNS = frozenset(noun for noun, _ in ROLE_NOUNS) | frozenset(PRENOMINAL_ROLES)


def _subject_phrase(token: Token, text: str, base: int) -> SubjectPhrase | None:
    if _lemma(token) not in ORGANISATION_NOUNS and token.lower_ not in SPEAKER_NOUNS:
        return None
    first, _ = phrase_bounds(token, "description")
    span = text_span(text, base, token.doc[first].idx, token.idx + len(token))
    return SubjectPhrase(span=span, head=token.lower_, plural=token.tag_ == "NNS")


def _is_cue_verb(token: Token) -> bool:
    lemma = _lemma(token)
    if token.lower_ in BELIEF_ADJECTIVES and token.dep_ == "acomp":
        return False  # "is convinced that": read as an adjective
    return token.pos_ == "VERB" and (
        _lemma_with_particle(token) in PARTICLE_CUES
        or lemma in SPEECH_VERBS
        or lemma in BELIEF_VERBS
        or lemma in EVIDENCE_VERBS
        or lemma in INTENTION_VERBS
        or lemma in REQUEST_VERBS
        or lemma in OBJECT_CUES
        or lemma in AS_CUES
        or lemma == "rule"
        or lemma in INFERENCE_VERBS
        or lemma == "make"
        or lemma in LIGHT_STANCE_VERBS  # "took aim at", "threw her support behind"
        or lemma in COMPARISON_CUES
        or _lemma_with_particle(token) in PARTICLE_OBJECT_CUES
        or any(key[0] == lemma for key in PREPOSITION_CUES)
    )


def speech_events(doc: Doc, base: int, subjects: list[SubjectPhrase]) -> list[SpeechEvent]:
    """Attribution events in one paragraph's Doc, in text order, and (into ``subjects``) the
    organisation or group subjects a later pronoun may refer to."""
    text = doc.text
    builder = EventBuilder(doc, base)
    events: list[SpeechEvent] = []
    for token in doc:
        if token.dep_ == "nsubj" and token.pos_ == "NOUN":
            phrase = _subject_phrase(token, text, base)
            if phrase is not None:
                subjects.append(phrase)
        if _is_cue_verb(token):
            events.extend(verb_events(builder, token))
        elif token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            event = according_event(builder, token)
            if event is not None:
                events.append(event)
        elif token.lower_ == "in" and token.dep_ == "prep":
            event = poll_event(builder, token) or copula_preposition_event(builder, token)
            if event is not None:
                events.append(event)
        elif token.lower_ in COPULA_PREPOSITIONS and token.dep_ == "prep":
            event = copula_preposition_event(builder, token)  # "Most voters are against the levy"
            if event is not None:
                events.append(event)
        elif token.lower_ in HEARSAY_ADVERBS:
            event = hearsay_event(builder, token)
            if event is not None:
                events.append(event)
        elif token.lower_ in INTENTION_ADJECTIVES and token.pos_ == "ADJ":
            event = intention_adjective_event(builder, token) or attitude_event(builder, token)
            if event is not None:
                events.append(event)
        elif token.lower_ in BELIEF_ADJECTIVES and (token.pos_ == "ADJ" or token.dep_ == "acomp"):
            event = adjective_event(builder, token) or attitude_event(builder, token)
            if event is not None:
                events.append(event)
        elif token.lower_ in _ATTITUDE_WORDS and (
            token.pos_ == "ADJ" or token.dep_ == "acomp" or is_passive_attitude(token)
            or (token.dep_ == "conj" and token.head.dep_ == "acomp")
        ):
            event = attitude_event(builder, token)
            if event is not None:
                events.append(event)
        elif token.pos_ == "NOUN" and _lemma(token) in RECEIVED_NOUNS and token.dep_ in ("dobj", "pobj"):
            event = received_event(builder, token) or noun_event(builder, token)
            if event is not None:
                events.append(event)
        elif token.pos_ == "NOUN" and _lemma(token) in _ROLE_NOUNS:
            event = role_event(builder, token)
            if event is not None:
                events.append(event)
        elif token.pos_ == "NOUN" and (
            _lemma(token) in NOUN_CUES
            or _lemma(token) in COPULA_NOUNS
            or token.lower_ in _PREPOSITION_NOUNS
            or _lemma(token) in POSITION_NOUNS
        ):
            event = noun_event(builder, token)
            if event is not None:
                events.append(event)
    return events
