"""Building attribution events: one paragraph's Doc, and a cue with its holder, content and frame made
into a :class:`~reader.analysis.facts.SpeechEvent` (``EventBuilder.event``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.analysis.cue_holders import _valid_speaker, phrase_bounds, speaker_phrase
from reader.analysis.cue_spans import _is_evidence_noun, _leading_pronoun, text_span
from reader.analysis.facts import SpeechEvent
from reader.analysis.lexicon import (
    BELIEF_VERBS,
    EVIDENCE_VERBS,
    GROUP_PRONOUNS,
    POSSESSIVE_PRONOUNS,
    SPEECH_VERBS,
)
from reader.analysis.model import Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


class EventBuilder:
    """Builds events for one paragraph's Doc, whose text starts at ``base`` in the article."""

    def __init__(self, doc: Doc, base: int) -> None:
        self.doc = doc
        self.base = base
        self.text = doc.text

    def span(self, first: int, last: int) -> Span:
        doc = self.doc
        return text_span(self.text, self.base, doc[first].idx, doc[last].idx + len(doc[last]))

    def event(
        self,
        cue: Token,
        cue_last: int,
        holder: Token | None,
        content: Span | None,
        frame: str,
        lemma: str,
        stance: str | None = None,
        target: Span | None = None,
        strong: bool = True,
    ) -> SpeechEvent | None:
        """An event with ``holder`` (or none, for an agentless passive) as its source."""
        speaker, form, head_word, plural = None, "none", "", False
        if holder is not None:
            head, form = speaker_phrase(holder)
            verb_lemma = lemma.split()[0]
            people_only = verb_lemma in EVIDENCE_VERBS and verb_lemma not in SPEECH_VERBS | BELIEF_VERBS
            if not _valid_speaker(head, form, strong, people_only):
                return None
            first, last = phrase_bounds(head, form)
            speaker = self.span(first, last)
            head_word = POSSESSIVE_PRONOUNS.get(head.lower_, head.lower_)
            plural = head.tag_ in ("NNS", "NNPS") or head.lower_ in ("they", "we", *GROUP_PRONOUNS)
            evidence_cue = lemma.split()[0] in EVIDENCE_VERBS or lemma == "according to"
            if frame in ("speech", "belief") and _is_evidence_noun(head) and evidence_cue:
                frame = "evidence"
        return SpeechEvent(
            cue=self.span(cue.i, cue_last),
            speaker=speaker,
            speaker_form=form,
            speaker_head=head_word,
            content=content,
            plural=plural,
            content_pronoun=_leading_pronoun(content),
            frame=frame,
            cue_lemma=lemma,
            stance=stance,
            target=target,
        )
