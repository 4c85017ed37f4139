"""Building attribution events: one paragraph's Doc, and a cue with its holder, content and frame made
into a :class:`~reader.analysis.facts.SpeechEvent` (``EventBuilder.event``)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reader.analysis.cue_holders import _valid_speaker, phrase_bounds, speaker_phrase
from reader.analysis.cue_spans import _is_evidence_noun, _leading_pronoun, _lemma, text_span
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


_DANGLING_CONJUNCTION = re.compile(r"[\s,;]+(?:and|but|or|nor)$", re.IGNORECASE)


def _without_dangling_conjunction(content: Span | None) -> Span | None:
    """``content`` without a coordinator it ends on: the parser hangs the "and" of "said the bridge was
    unsafe and warned that ..." on the first clause, whose words then end in "and"."""
    if content is None:
        return None
    dangling = _DANGLING_CONJUNCTION.search(content.text)
    if dangling is None or dangling.start() == 0:
        return content
    return Span(content.start, content.start + dangling.start(), content.text[: dangling.start()])


class EventBuilder:
    """Builds events for one paragraph's Doc, whose text starts at ``base`` in the article."""

    def __init__(self, doc: Doc, base: int) -> None:
        self.doc = doc
        self.base = base
        self.text = doc.text

    def span(self, first: int, last: int) -> Span:
        doc = self.doc
        return text_span(self.text, self.base, doc[first].idx, doc[last].idx + len(doc[last]))

    def _with_stray_quotation(self, cue: Token, content: Span | None) -> Span | None:
        """``content`` run on over a quotation right after it that the parser hung on the cue instead:
        'accuse Republicans of holding disaster victims "hostage to a budget fight."' ("hostage" a
        second object of "accuse"). Only a quotation whose words all hang on the cue or on each
        other, closed before the sentence ends."""
        if content is None:
            return None
        doc = self.doc
        end_char = content.end - self.base
        start = next((t.i for t in doc if t.idx >= end_char and not t.is_space), None)
        if start is None or not doc[start].is_quote or doc[start].idx - end_char > 1:
            return content
        close = next((t.i for t in doc[start + 1 : doc[start].sent.end] if t.is_quote), None)
        if close is None or close - start < 2:
            return content
        inside = range(start + 1, close)
        for i in inside:
            head = doc[i].head
            if head.i not in inside and head.i != cue.i and not doc[i].is_punct:
                return content
        last = doc[close]
        return text_span(self.text, self.base, content.start - self.base, last.idx + len(last))

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
            if frame in ("speech", "belief"):
                frame = frame_by_holder(frame, lemma, holder, head, form)
        content = self._with_stray_quotation(cue, _without_dangling_conjunction(content))
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


# Records that hold evidence of their own besides polls and reports: "according to court documents",
# "the docket shows", "television replays suggested", "the filing also shows" (the blind sets annotate
# these as evidence; a statement, letter or email speaks for its writer and stays speech).
_RECORD_NOUNS = frozenset(
    "document documents docket memo draft filing filings footage image images replay replays video "
    "videos photograph photographs log logs transcript transcripts record records".split()
)
# Holders whose finding is the result of an inquiry: "Inspectors found that ...", "the authors found".
_INVESTIGATOR_NOUNS = frozenset(
    "researcher researchers scientist scientists inspector inspectors investigator investigators auditor "
    "auditors author authors analyst analysts economist economists authority regulator regulators".split()
)
# A court's finding is its ruling: "An appeals panel found that ..." is speech, not a belief.
_COURT_NOUNS = frozenset("court panel judge judges jury tribunal justices justice magistrate".split())
_FINDING_VERBS = frozenset({"find", "conclude", "show"})
# Figures put on the future or on what cannot be counted: "the Chamber estimates the strike will cost".
_ESTIMATE_VERBS = frozenset({"estimate", "project", "calculate", "forecast"})


def frame_by_holder(frame: str, lemma: str, holder: Token, head: Token, form: str) -> str:
    """The frame of a speech or belief cue once its holder is known: ``evidence`` for a poll, report,
    record or data set that says or shows something (``according to court documents``), for what
    investigators find and for an estimate that is not a person's own guess; ``speech`` for what a
    court finds."""
    verb = lemma.split()[0]
    evidence_cue = verb in EVIDENCE_VERBS or lemma == "according to"
    words = {_lemma(holder), holder.lower_, _lemma(head), head.lower_}
    if evidence_cue and (_is_evidence_noun(head) or _is_evidence_noun(holder) or words & _RECORD_NOUNS):
        return "evidence"
    if verb == "find" and words & _COURT_NOUNS:
        return "speech"
    if verb in _FINDING_VERBS and words & _INVESTIGATOR_NOUNS:
        return "evidence"
    if verb in _ESTIMATE_VERBS and form != "pronoun" and head.ent_type_ != "PERSON":
        return "evidence"
    return frame
