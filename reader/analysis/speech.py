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
from reader.analysis.model import Quote, Span
from reader.analysis.quotes import Quotation

_TAG_AFTER_GAP = re.compile(r"^[\s,;:—–-]*$")
_SENTENCE_END = re.compile(r"[.!?]")
_MAX_AFTER_GAP = 40
_MAX_BEFORE_GAP = 60


@dataclass(slots=True)
class Statement:
    """A quote with the speech event that attributes it (``None`` when it has none)."""

    quote: Quote
    event: SpeechEvent | None
    inherited_from: Statement | None = None


class _Paragraphs:
    def __init__(self, bounds: list[tuple[int, int]]) -> None:
        self._starts = [start for start, _ in bounds]

    def index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._starts, offset) - 1)


def _speaker_end(event: SpeechEvent) -> int:
    return max(event.cue.end, event.speaker.end if event.speaker else event.cue.end)


def _speaker_start(event: SpeechEvent) -> int:
    return min(event.cue.start, event.speaker.start if event.speaker else event.cue.start)


def _tag_after(text: str, quotation: Quotation, events: list[SpeechEvent], paragraphs: _Paragraphs):
    paragraph = paragraphs.index(quotation.end - 1)
    for event in events:
        start = _speaker_start(event)
        if start < quotation.end or paragraphs.index(start) != paragraph:
            continue
        gap = text[quotation.end : start]
        if _TAG_AFTER_GAP.match(gap) or (
            len(gap) <= _MAX_AFTER_GAP and not _SENTENCE_END.search(gap) and not _has_quote_mark(gap)
        ):
            return event
        return None
    return None


def _tag_before(text: str, quotation: Quotation, events: list[SpeechEvent], paragraphs: _Paragraphs):
    paragraph = paragraphs.index(quotation.start)
    for event in reversed(events):
        end = _speaker_end(event)
        if end > quotation.start:
            continue
        if paragraphs.index(end - 1) != paragraph:
            return None
        gap = text[end : quotation.start]
        if event.content is not None and event.content.end > quotation.start:
            return event
        if len(gap) <= _MAX_BEFORE_GAP and not _SENTENCE_END.search(gap) and not _has_quote_mark(gap):
            return event
        return None
    return None


def _has_quote_mark(gap: str) -> bool:
    return any(mark in gap for mark in '"“”«»')


def _outside(events: list[SpeechEvent], quotations: list[Quotation]) -> list[SpeechEvent]:
    """Speech events whose verb is not inside quoted words (those are the quoted speaker's)."""
    inside = [(part.start, part.end) for q in quotations for part in q.parts]
    inside.sort()
    starts = [s for s, _ in inside]
    kept = []
    for event in events:
        i = bisect.bisect_right(starts, event.cue.start) - 1
        if i >= 0 and inside[i][0] <= event.cue.start < inside[i][1]:
            continue
        kept.append(event)
    return kept


def _without_trailing_comma(part: Span) -> Span:
    """“..., ” he said: the comma belongs to the sentence around the quote, not to the words."""
    trimmed = part.text.rstrip(" ,")
    return Span(part.start, part.start + len(trimmed), trimmed) if trimmed else part


def _quote(text: str, start: int, end: int, parts: list[Span], kind: str, event: SpeechEvent | None) -> Quote:
    parts = [_without_trailing_comma(part) for part in parts]
    return Quote(
        start=start,
        end=end,
        text=text[start:end],
        kind=kind,  # type: ignore[arg-type]
        parts=parts,
        speaker_mention=event.speaker if event else None,
        cue=event.cue if event else None,
    )


def attribute(
    text: str,
    quotations: list[Quotation],
    events: list[SpeechEvent],
    paragraph_bounds: list[tuple[int, int]],
) -> list[Statement]:
    """All statements, direct and reported, in text order."""
    paragraphs = _Paragraphs(paragraph_bounds)
    free_events = _outside(events, quotations)
    event_starts = [_speaker_start(e) for e in free_events]
    direct: list[Statement] = []
    used: set[int] = set()
    previous: Statement | None = None
    i = 0
    while i < len(quotations):
        quotation = quotations[i]
        # Only the events near this quotation can tag it.
        lo = bisect.bisect_left(event_starts, quotation.start - 400)
        hi = bisect.bisect_right(event_starts, quotation.end + 400)
        nearby = free_events[lo:hi]
        after = _tag_after(text, quotation, nearby, paragraphs)
        event = after or _tag_before(text, quotation, nearby, paragraphs)
        # A short term in quotation marks is a statement only when its speech tag follows at once
        # ('a "disaster," he said'); 'create a "safe corridor" along the coast, officials said' is not.
        if quotation.scare and (
            after is None or not _TAG_AFTER_GAP.match(text[quotation.end : _speaker_start(after)])
        ):
            i += 1
            continue
        parts = list(quotation.parts)
        end = quotation.end
        following = quotations[i + 1] if i + 1 < len(quotations) else None
        if after is not None and following is not None and _continues(text, after, following):
            parts += list(following.parts)
            end = following.end
            i += 1
        quote = _quote(text, quotation.start, end, parts, "direct", event)
        statement = Statement(quote, event)
        if event is None and previous is not None and _can_inherit(previous, quotation, paragraphs):
            statement.inherited_from = previous
        if event is not None:
            used.add(id(event))
        direct.append(statement)
        previous = statement if (event is not None or statement.inherited_from) else previous
        i += 1

    reported = _reported(text, free_events, direct, used)
    return sorted(direct + reported, key=lambda s: (s.quote.start, s.quote.end))


def _continues(text: str, tag: SpeechEvent, following: Quotation) -> bool:
    """Whether ``following`` is the second half of a quotation split by ``tag``."""
    gap = text[_speaker_end(tag) : following.start]
    return (bool(_TAG_AFTER_GAP.match(gap)) and "," in gap) or gap.strip() in (",", ":")


def _can_inherit(previous: Statement, quotation: Quotation, paragraphs: _Paragraphs) -> bool:
    return paragraphs.index(quotation.start) - paragraphs.index(previous.quote.end - 1) <= 1


def _reported(
    text: str, events: list[SpeechEvent], direct: list[Statement], used: set[int]
) -> list[Statement]:
    quoted = sorted((s.quote.start, s.quote.end) for s in direct)
    statements = []
    for event in events:
        content = event.content
        if content is None or id(event) in used or event.speaker is None:
            continue
        if any(start < content.end and content.start < end for start, end in quoted):
            continue
        statements.append(
            Statement(_quote(text, content.start, content.end, [content], "indirect", event), event)
        )
    return statements
