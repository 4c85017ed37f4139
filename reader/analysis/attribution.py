"""Who said what: attach speech tags to quotations, and find reported speech.

Direct quotations come from the text scanner (``quotes.py``) and speech events
from the parse (``parse.py``). A quotation takes the speech tag written right
after it (``"...," Ushakov stated``) or, failing that, right before it
(``He said: "..."``); a quotation split by its tag (``"...," he said, "..."``)
becomes one statement in two parts; a quotation with no tag of its own that
follows an attributed one in the same or the previous paragraph inherits its
speaker. A speech verb with a clausal complement outside any quotation is
reported speech: its content is the statement.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from reader.analysis.facts import SpeechEvent
from reader.analysis.lexicon import TERM_DETERMINERS
from reader.analysis.model import Span, Statement, StatementKind
from reader.analysis.quotes import Quotation

_TAG_AFTER_GAP = re.compile(r"^[\s,;:—–-]*$")
# A full stop, question or exclamation mark that ends a sentence, not one that ends "Mr." or "U.S.".
_SENTENCE_END = re.compile(
    r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bProf)(?<!\bGen)(?<!\bSen)(?<!\bRep)"
    r"(?<!\bGov)(?<!\bLt)(?<!\bCol)(?<!\bSgt)(?<!\bCapt)(?<!\b[A-Z])[.!?](?=[\s\"'”’»]|$)"
)
_MAX_AFTER_GAP = 40
_MAX_BEFORE_GAP = 60
# An untagged quotation this short, inside a sentence, is a title or a term ("posters from
# “Hold the Line,” a documentary"), not a statement.
_MAX_UNTAGGED_TERM_WORDS = 6


@dataclass(slots=True)
class Attribution:
    """A quote with the speech event that attributes it (``None`` when it has none)."""

    quote: Statement
    event: SpeechEvent | None
    inherited_from: Attribution | None = None


class _Paragraphs:
    def __init__(self, bounds: list[tuple[int, int]]) -> None:
        self._starts = [start for start, _ in bounds]

    def index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._starts, offset) - 1)

    def start_of(self, offset: int) -> int:
        return self._starts[self.index(offset)] if self._starts else 0


def _speaker_end(event: SpeechEvent) -> int:
    return max(event.cue.end, event.speaker.end if event.speaker else event.cue.end)


def _speaker_start(event: SpeechEvent) -> int:
    return min(event.cue.start, event.speaker.start if event.speaker else event.cue.start)


def _has_quote_mark(gap: str) -> bool:
    return any(mark in gap for mark in "\"“”«»")


def _tag_after(
    text: str, quotation: Quotation, events: list[SpeechEvent], paragraphs: _Paragraphs
) -> SpeechEvent | None:
    """The speech tag right after a quotation: '“...,” Ushakov stated.'"""
    if quotation.parts and quotation.parts[-1].text.rstrip().endswith("."):
        return None  # "...walk." ends its sentence; a tag would follow a comma: '“...,” she said'
    paragraph = paragraphs.index(quotation.end - 1)
    for event in events:
        start = _speaker_start(event)
        if start < quotation.end:
            continue
        if paragraphs.index(start) != paragraph:
            return None
        gap = text[quotation.end : start]
        if _TAG_AFTER_GAP.match(gap) or (
            len(gap) <= _MAX_AFTER_GAP and not _SENTENCE_END.search(gap) and not _has_quote_mark(gap)
        ):
            return event
        return None
    return None


def _tag_before(
    text: str, quotation: Quotation, events: list[SpeechEvent], paragraphs: _Paragraphs
) -> SpeechEvent | None:
    """The speech tag right before a quotation: 'He said: “...”'."""
    paragraph = paragraphs.index(quotation.start)
    for event in reversed(events):
        # A partial quote inside someone's reported words is theirs, whatever cue lies between.
        content = event.content
        inside = content is not None and content.start <= quotation.start and quotation.end <= content.end
        end = _speaker_end(event)
        if inside and end <= quotation.start and paragraphs.index(end - 1) == paragraph:
            return event
    for event in reversed(events):
        end = _speaker_end(event)
        if end > quotation.start:
            continue
        if paragraphs.index(end - 1) != paragraph:
            return None
        if event.content is not None and event.content.end > quotation.start:
            return event
        gap = text[end : quotation.start]
        if len(gap) <= _MAX_BEFORE_GAP and not _SENTENCE_END.search(gap) and not _has_quote_mark(gap):
            return event
        return None
    return None


def _outside(events: list[SpeechEvent], quotations: list[Quotation]) -> list[SpeechEvent]:
    """Speech events whose verb is not inside quoted words (those are the quoted speaker's)."""
    inside = sorted((part.start, part.end) for q in quotations for part in q.parts)
    starts = [s for s, _ in inside]
    kept = []
    for event in events:
        i = bisect.bisect_right(starts, event.cue.start) - 1
        if i >= 0 and inside[i][0] <= event.cue.start < inside[i][1]:
            continue
        kept.append(event)
    return sorted(kept, key=_speaker_start)


def _without_trailing_comma(part: Span) -> Span:
    """“..., ” he said: the comma belongs to the sentence around the quote, not to the words."""
    trimmed = part.text.rstrip(" ,")
    return Span(part.start, part.start + len(trimmed), trimmed) if trimmed else part


def _quote(
    text: str, start: int, end: int, parts: list[Span], kind: StatementKind, event: SpeechEvent | None
) -> Statement:
    parts = [_without_trailing_comma(part) for part in parts]
    return Statement(
        start=start,
        end=end,
        text=text[start:end],
        kind=kind,  # type: ignore[arg-type]
        parts=parts,
        speaker_mention=event.speaker if event else None,
        cue=event.cue if event else None,
        frame=event.frame if event else "speech",
        cue_lemma=event.cue_lemma if event else None,
        stance=event.stance if event else None,
        target=event.target if event else None,
    )


def _starts_sentence(text: str, quotation: Quotation, paragraphs: _Paragraphs) -> bool:
    before = text[paragraphs.start_of(quotation.start) : quotation.start].rstrip()
    return not before or before[-1] in ".!?:”’\"'" or bool(_SENTENCE_END.search(before[-2:]))


def _word_before(text: str, offset: int) -> str:
    words = text[max(0, offset - 40) : offset].split()
    return words[-1].lower() if words else ""


def _reporting(events: list[SpeechEvent], quotation: Quotation) -> SpeechEvent | None:
    """The reported-speech event whose content contains this quotation, if any."""
    for event in events:
        content = event.content
        if content is not None and content.start <= quotation.start and quotation.end <= content.end:
            return event
    return None


def attribute(
    text: str,
    quotations: list[Quotation],
    events: list[SpeechEvent],
    paragraph_bounds: list[tuple[int, int]],
) -> list[Attribution]:
    """All statements, direct and reported, in text order."""
    paragraphs = _Paragraphs(paragraph_bounds)
    free_events = _outside(events, quotations)
    event_starts = [_speaker_start(e) for e in free_events]
    direct: list[Attribution] = []
    previous: Attribution | None = None
    i = 0
    while i < len(quotations):
        quotation = quotations[i]
        # Only the events near this quotation can tag it.
        lo = bisect.bisect_left(event_starts, quotation.start - 400)
        hi = bisect.bisect_right(event_starts, quotation.end + 400)
        nearby = free_events[lo:hi]
        after = _tag_after(text, quotation, nearby, paragraphs)
        event = after or _tag_before(text, quotation, nearby, paragraphs)
        if quotation.scare:
            event = _scare_speaker(text, quotation, after, nearby)
            if event is None:
                i += 1
                continue
        parts = list(quotation.parts)
        end = quotation.end
        following = quotations[i + 1] if i + 1 < len(quotations) else None
        if after is not None and following is not None and _continues(text, after, following):
            parts += list(following.parts)
            end = following.end
            i += 1
        statement = Attribution(_quote(text, quotation.start, end, parts, "direct", event), event)
        if event is None:
            if not _starts_sentence(text, quotation, paragraphs):
                if len(" ".join(p.text for p in parts).split()) <= _MAX_UNTAGGED_TERM_WORDS:
                    i += 1
                    continue  # a title or a term, not a statement
            elif previous is not None and _can_inherit(previous, quotation, paragraphs):
                statement.inherited_from = previous
        direct.append(statement)
        previous = statement if (event is not None or statement.inherited_from) else previous
        i += 1

    reported = _reported(text, free_events, direct)
    return sorted(direct + reported, key=lambda s: (s.quote.start, s.quote.end))


def _scare_speaker(
    text: str, quotation: Quotation, after: SpeechEvent | None, nearby: list[SpeechEvent]
) -> SpeechEvent | None:
    """Who, if anyone, said the words of a short quotation the scanner took for a term.

    Its speech tag follows at once ('a "disaster," he said'), or it sits inside someone's
    reported speech without a determiner before it ('the mayor had “no regrets”', a partial
    quote) rather than after one ('create a “buffer zone”', a term).
    """
    if after is not None and _TAG_AFTER_GAP.match(text[quotation.end : _speaker_start(after)]):
        return after
    reporting = _reporting(nearby, quotation)
    if reporting is not None and _word_before(text, quotation.start) not in TERM_DETERMINERS:
        words = sum(len(p.text.split()) for p in quotation.parts)
        if words >= 2:
            return reporting
    return None


def _continues(text: str, tag: SpeechEvent, following: Quotation) -> bool:
    """Whether ``following`` is the second half of a quotation split by ``tag``."""
    gap = text[_speaker_end(tag) : following.start]
    return (bool(_TAG_AFTER_GAP.match(gap)) and "," in gap) or gap.strip() in (",", ":")


def _can_inherit(previous: Attribution, quotation: Quotation, paragraphs: _Paragraphs) -> bool:
    return paragraphs.index(quotation.start) - paragraphs.index(previous.quote.end - 1) <= 1


def _reported(text: str, events: list[SpeechEvent], direct: list[Attribution]) -> list[Attribution]:
    """Reported speech: every speech event with content that is not mostly someone's quoted words.

    A tag like '“...,” Ushakov stated' has the quotation itself as its content and adds
    nothing; 'telling MPs that the suspension had ‘served its purpose’ and that ...' is
    reported speech with a partial quote inside, and stays.
    """
    quoted = sorted((p.start, p.end) for s in direct for p in s.quote.parts)
    quoted_starts = [start for start, _ in quoted]
    longest = max((end - start for start, end in quoted), default=0)
    statements = []
    for event in events:
        content = event.content
        if content is None or (event.speaker is None and event.speaker_form != "none"):
            continue
        lo = bisect.bisect_left(quoted_starts, content.start - longest)
        hi = bisect.bisect_left(quoted_starts, content.end)
        covered = sum(
            max(0, min(end, content.end) - max(start, content.start)) for start, end in quoted[lo:hi]
        )
        if covered * 2 >= content.end - content.start:
            continue
        statements.append(
            Attribution(_quote(text, content.start, content.end, [content], "reported", event), event)
        )
    return statements
