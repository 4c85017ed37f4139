"""Who said what: attach speech tags to quotations, and find reported speech.

Direct quotations come from the text scanner (``quotes.py``) and speech events from the parse
(``parse.py``, plus the open-class, dash and lead-in tags of ``tags.py``). In order of preference a
quotation takes: the speech tag written right after it (``"...," Ushakov stated``, ``"...," she
chided``, ``"..." -Commissioner Renwick``), the one right before it (``He said: "..."``), a lead-in
that ends the previous paragraph (``She told graduates:``), or the subject of the sentence it sits in
(``Thorne chided councillors for "..."``). A quotation split by its tag (``"...," he said, "..."`` or
``"...," he said. "..."`` when the second half has no tag of its own) becomes one statement in two
parts. An untagged quotation that opens a sentence belongs to the reported speech before it in its
paragraph (``X said she was worried. "..."``), else inherits the previous statement's speaker, but
never across a tag of its own sentence that Byline could not read. Q&A and transcript turns and
roundup lines come from ``layouts.py``. A speech verb with a clausal complement outside any quotation
is reported speech: its content is the statement, unless the verb is negated or declined
(``declined to say whether``). A content never starts or ends inside a quotation: one that cuts a
quotation is widened to hold it whole, and a partial quote inside it (``Cox says the NRA won't allow
“law-abiding gun owners to ...”``) stays a direct statement linked to it (``within``, same speaker)
when the reporter's own words lead into the quotation, join two quotations or open a second clause
after it (``said that "..." and that ...``); with no such words (``Hale said "we will appeal"``) the
quotation alone is the statement.
Each :class:`Attribution` records ``how`` its speaker was found, for ``actors.py`` to finish.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from reader.analysis.doubt_cues import DOUBT_VERBS
from reader.analysis.facts import SpeechEvent
from reader.analysis.layouts import roundup_events, transcript_turns
from reader.analysis.lexicon import TERM_DETERMINERS
from reader.analysis.model import Span, Statement, StatementKind
from reader.analysis.nested_statements import QuotedWords, holder_person, nested_content
from reader.analysis.quotes import Quotation
from reader.sources.structure import ends_with_sentence_end, has_sentence_end, sentence_ends

# Sentence-final punctuation and the closing marks that may follow it.
_SENTENCE_CLOSERS = ".!?…\"'”’»)] "
_TAG_AFTER_GAP = re.compile(r"^[\s,;:—–-]*$")
_MAX_AFTER_GAP = 40
_MAX_OPENING_GAP = 150
_NOT_A_TAG_GAP = re.compile(r"^[\s,—–-]*(?:a|an|which)\s", re.IGNORECASE)
_MAX_BEFORE_GAP = 60
# The rest of a tag sentence between the two halves of a split quote (", the club's lawyer. ").
_MAX_SPLIT_GAP = 80
# An untagged quotation this short, inside a sentence, is a title or a term ("posters from
# “Hold the Line,” a documentary"), not a statement.
_MAX_UNTAGGED_TERM_WORDS = 6


@dataclass(slots=True)
class Attribution:
    """A quote with the speech event that attributes it (``None`` when it has none)."""

    quote: Statement
    event: SpeechEvent | None
    inherited_from: Attribution | None = None
    # How the speaker was found before resolution ("tag", "colon", "inherited", "qa"...); the actor
    # builder turns a tag into "pronoun" or "description" by the form of its speaker phrase.
    how: str | None = None
    # A partial quote: the reported statement whose clause holds this quotation (same speaker).
    within: Attribution | None = None
    # The scanner's quotations a direct statement is made of (two for a split quote).
    quotations: tuple[Quotation, ...] = ()
    # A reported statement made inside quoted words: the direct statement (or Q&A turn) holding it.
    quoted_in: Attribution | None = None
    # Whose actor holds such a statement when its holder is "I"/"we" (the quoted speaker); ``None``:
    # the holder phrase is resolved as usual.
    holder_from: Attribution | None = None


class _Paragraphs:
    def __init__(self, bounds: list[tuple[int, int]]) -> None:
        self.starts = [start for start, _ in bounds]
        self._ends = [end for _, end in bounds]

    def index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def start_of(self, offset: int) -> int:
        return self.starts[self.index(offset)] if self.starts else 0

    def end_of(self, offset: int) -> int:
        return self._ends[self.index(offset)] if self._ends else offset


def _speaker_end(event: SpeechEvent) -> int:
    return max(event.cue.end, event.speaker.end if event.speaker else event.cue.end)


def _speaker_start(event: SpeechEvent) -> int:
    return min(event.cue.start, event.speaker.start if event.speaker else event.cue.start)


def _has_quote_mark(gap: str) -> bool:
    return any(mark in gap for mark in '"“”«»')


def _tag_after(
    text: str, quotation: Quotation, events: list[SpeechEvent], paragraphs: _Paragraphs
) -> SpeechEvent | None:
    """The speech tag right after a quotation: '“...,” Ushakov stated.'"""
    signed = _dash_signed(text, quotation, events)
    if signed is not None:
        return signed
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
        if _NOT_A_TAG_GAP.match(gap):
            return None  # '"...," a charge she denied': the words after are about the quote, not its tag
        # A quote that opens its sentence belongs to the tag that closes it, however long the clause
        # between: '"Many would consider that an embarrassment" if she lost, said David Wasserman.'
        longest = _MAX_OPENING_GAP if _starts_sentence(text, quotation, paragraphs) else _MAX_AFTER_GAP
        if _TAG_AFTER_GAP.match(gap) or (
            len(gap) <= longest and not has_sentence_end(gap) and not _has_quote_mark(gap)
        ):
            return event
        return None
    return None


def _dash_signed(text: str, quotation: Quotation, events: list[SpeechEvent]) -> SpeechEvent | None:
    """A dash signature right after the closing mark: '"..." -Commissioner Tobias Renwick'."""
    for event in events:
        dash = event.cue.text in "-—–" and event.cue.start >= quotation.end
        if dash and not text[quotation.end : event.cue.start].strip():
            return event
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
        if len(gap) <= _MAX_BEFORE_GAP and not has_sentence_end(gap) and not _has_quote_mark(gap):
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
    return not before or before[-1] in ":”’\"'" or ends_with_sentence_end(before)


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
    """All statements, direct and reported, in text order, each with ``how`` its speaker was found.

    Layout statements (Q&A and transcript turns, ``Name, Outlet: "..."`` roundup lines) come from
    ``layouts.py``; the quotations inside a turn are part of it and make no statement of their own.
    """
    paragraphs = _Paragraphs(paragraph_bounds)
    turns = [
        Attribution(
            _quote(text, t.content.start, t.content.end, [t.content], "direct", t.event), t.event, how="qa"
        )
        for t in transcript_turns(text, paragraph_bounds)
    ]
    in_turn = _Covered([(t.quote.start, t.quote.end) for t in turns])
    quotations = [q for q in quotations if not in_turn.covers(q.start)]
    inner_events = [e for e in events if in_turn.covers(e.cue.start)]
    events = [e for e in events if not in_turn.covers(e.cue.start)] + roundup_events(text, paragraph_bounds)
    outside = _outside(events, quotations)
    kept = {id(e) for e in outside}
    inner_events += [e for e in events if id(e) not in kept]
    free_events, unreportable = _whole_quotations(text, outside, quotations, paragraphs)
    event_starts = [_speaker_start(e) for e in free_events]
    by_cue = _EventsByCue(free_events)
    direct: list[Attribution] = []
    previous: Attribution | None = None
    i = 0
    while i < len(quotations):
        quotation = quotations[i]
        # Only the events near this quotation can tag it.
        lo = bisect.bisect_left(event_starts, quotation.start - 400)
        hi = bisect.bisect_right(event_starts, quotation.end + 400)
        nearby = free_events[lo:hi]
        taggers = [e for e in nearby if e.layout not in ("intro", "embed")]
        after = _tag_after(text, quotation, taggers, paragraphs)
        before = None if after else _tag_before(text, quotation, taggers, paragraphs)
        event = after or before
        how = "tag" if event is not None else None
        if before is not None and _negated(text, before.cue.start) and _words(quotation.parts) <= 6:
            i += 1
            continue  # 'He did not say "strike"': the word is not something he said
        if quotation.scare:
            event = _scare_speaker(text, quotation, after, taggers)
            if event is None:
                i += 1
                continue
        if event is None:
            event = _lead_in_for(text, quotation, by_cue, paragraphs)
            how = "colon" if event is not None else None
        if event is None and not quotation.scare:
            event = _embedding(text, quotation, nearby)
            how = "tag" if event is not None else None
            if event is not None and _negated(text, event.cue.start) and _words(quotation.parts) <= 6:
                i += 1
                continue  # 'Hale did not say "strike" once': a negated verb around a word says nothing
        parts = list(quotation.parts)
        end = quotation.end
        following = quotations[i + 1] if i + 1 < len(quotations) else None
        if (
            after is not None
            and following is not None
            and _continues(text, after, following, taggers, paragraphs)
        ):
            parts += list(following.parts)
            end = following.end
            i += 1
        used = (quotation, following) if end != quotation.end and following is not None else (quotation,)
        statement = Attribution(
            _quote(text, quotation.start, end, parts, "direct", event), event, how=how, quotations=used
        )
        if event is None:
            if not _starts_sentence(text, quotation, paragraphs):
                if _words(parts) <= _MAX_UNTAGGED_TERM_WORDS:
                    i += 1
                    continue  # a title or a term, not a statement
            elif _names_other_speaker(text, quotation, paragraphs):
                pass  # its own sentence names a speaker Byline could not read: never inherit across it
            else:
                reporter = _reported_before(text, quotation, nearby, previous, paragraphs)
                if reporter is not None:
                    statement = Attribution(
                        _quote(text, quotation.start, end, parts, "direct", reporter),
                        reporter,
                        how="inherited",
                        quotations=used,
                    )
                elif previous is not None and _can_inherit(previous, quotation, paragraphs):
                    statement.inherited_from = previous
                    statement.how = "inherited"
        direct.append(statement)
        previous = statement if (statement.event is not None or statement.inherited_from) else previous
        i += 1

    reported = _reported(text, [e for e in free_events if id(e) not in unreportable], direct)
    nested = _nested_reported(text, inner_events, direct, turns)
    return sorted(direct + reported + turns + nested, key=lambda s: (s.quote.start, s.quote.end))


def _nested_reported(
    text: str, events: list[SpeechEvent], direct: list[Attribution], turns: list[Attribution]
) -> list[Attribution]:
    """Reported statements whose cue lies inside a direct statement's quoted words or a Q&A turn
    (``"I think the deal is dead," Smith said``), each with ``quoted_in`` its direct statement and,
    for an I/we holder, ``holder_from`` that statement (its speaker holds the position). Which events
    qualify is :func:`reader.analysis.nested_statements.nested_content`'s call; negated and
    declined cues are left out as outside quotations (:func:`_not_a_statement`)."""
    stretches: list[tuple[int, int, QuotedWords, Attribution]] = []
    for attribution in direct:
        if attribution.event is None and attribution.inherited_from is None:
            continue  # an unattributed quotation: nobody to hold what it reports
        for part in attribution.quote.parts:
            stretches.append((part.start, part.end, QuotedWords(part.start, part.end), attribution))
    for turn in turns:
        start, end = turn.quote.start, turn.quote.end
        stretches.append((start, end, QuotedWords(start, end), turn))
    stretches.sort(key=lambda item: item[0])
    starts = [start for start, _, _, _ in stretches]
    found: list[Attribution] = []
    for event in sorted(events, key=lambda e: e.cue.start):
        i = bisect.bisect_right(starts, event.cue.start) - 1
        if i < 0 or not stretches[i][0] <= event.cue.start < stretches[i][1]:
            continue
        _, _, words, container = stretches[i]
        if _not_a_statement(text, event):
            continue
        content = nested_content(text, event, words)
        if content is None:
            continue
        holder = container if holder_person(event) == "first" else None
        event = replace(event, content=content)
        statement = _quote(text, content.start, content.end, [content], "reported", event)
        found.append(Attribution(statement, event, quoted_in=container, holder_from=holder))
    return found



class _Covered:
    """Sorted, non-overlapping ``(start, end)`` ranges, for "is this offset inside one" look-ups."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        self._ranges = sorted(ranges)
        self._starts = [start for start, _ in self._ranges]

    def covers(self, offset: int) -> bool:
        i = bisect.bisect_right(self._starts, offset) - 1
        return i >= 0 and self._ranges[i][0] <= offset < self._ranges[i][1]


def _words(parts: list[Span] | tuple[Span, ...]) -> int:
    return sum(len(part.text.split()) for part in parts)


# Words before a speech verb that make it no statement: "declined to say", "did not say", "won't comment".
_NEGATION_BEFORE = re.compile(
    r"(?:\b(?:declined|declines|decline|declining|refused|refuses|refuse|refusing|wouldn['’]t|won['’]t|"
    r"didn['’]t|doesn['’]t|don['’]t|did not|does not|do not|would not|will not|could not|couldn['’]t|"
    r"never|not)\s+(?:to\s+)?(?:\w+\s+)?)$",
    re.IGNORECASE,
)


def _negated(text: str, cue_start: int) -> bool:
    """Whether the speech verb at ``cue_start`` is negated or declined ("declined to say whether")."""
    window = text[max(0, cue_start - 40) : cue_start]
    return bool(_NEGATION_BEFORE.search(window))


_QUESTION_CONTENT = re.compile(r"^(?:whether\b|if\b)", re.IGNORECASE)
_QUESTION_CUES = frozenset({"ask", "wonder", "question", "inquire", "enquire"})


def _not_a_statement(text: str, event: SpeechEvent) -> bool:
    """'declined to say whether he would resign', 'did not say', 'refused to comment on', 'asked if':
    the content is not something the speaker said. A content that opens with ``if`` after any other
    cue is a condition, not a question: 'If she is elected, he said, "..."', 'said if taxes rise,
    people will leave'."""
    content = event.content
    if _negated(text, event.cue.start):
        return True
    if content is None:
        return False
    opening = _QUESTION_CONTENT.match(content.text)
    if opening is None:
        return False
    if event.frame == "stance" and event.cue_lemma in DOUBT_VERBS:
        return False  # "questioned whether the bridge can be finished": a doubt, not a question put
    question_cue = (event.cue_lemma or "").split(" ")[0] in _QUESTION_CUES
    return opening.group().lower() == "whether" or question_cue


def _embedding(text: str, quotation: Quotation, events: list[SpeechEvent]) -> SpeechEvent | None:
    """The subject of the sentence a quotation sits in, when its verb comes before it in that
    sentence: 'Thorne later chided councillors for "relitigating a decision"'."""
    found = None
    for event in events:
        if event.layout in ("intro", "colon") or event.cue.end > quotation.start:
            continue
        between = text[event.cue.end : quotation.start]
        if "\n" not in between and not has_sentence_end(text, event.cue.end, quotation.start):
            found = event
    return found


class _EventsByCue:
    """Events looked up by where their cue starts, answering in the events' own order (a
    bisection per quotation instead of a scan of every event, which made a long document
    quadratic)."""

    def __init__(self, events: list[SpeechEvent]) -> None:
        order = sorted(range(len(events)), key=lambda i: events[i].cue.start)
        self.events = events
        self.order = order
        self.starts = [events[i].cue.start for i in order]

    def last_with_speaker(self, start: int, end: int) -> SpeechEvent | None:
        """The last event (in the list's order) with a speaker whose cue starts in ``start``-``end``."""
        lo, hi = bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)
        found = max((i for i in self.order[lo:hi] if self.events[i].speaker), default=None)
        return None if found is None else self.events[found]


def _lead_in_for(
    text: str, quotation: Quotation, events: _EventsByCue, paragraphs: _Paragraphs
) -> SpeechEvent | None:
    """A quotation that opens its paragraph right after a lead-in: 'She told graduates:' + quote."""
    index = paragraphs.index(quotation.start)
    if index == 0 or paragraphs.start_of(quotation.start) != quotation.start:
        return None
    previous_start = paragraphs.starts[index - 1]
    last = events.last_with_speaker(previous_start, quotation.start)
    if last is None:
        return None
    lead_text = text[previous_start : quotation.start].rstrip()
    if last.layout == "colon" or lead_text.endswith(":"):
        return last
    return None


_SPEAKER_WORD = re.compile(r"\b(?:he|she|they|we|I|[A-Z][a-z]+)\b")


def _names_other_speaker(text: str, quotation: Quotation, paragraphs: _Paragraphs) -> bool:
    """Whether the rest of the quotation's sentence holds a tag ('..., Ortiz bristled.')."""
    para_end = paragraphs.end_of(quotation.end - 1)
    rest = text[quotation.end : para_end]
    ends = sentence_ends(text, quotation.end, para_end)
    # The words up to the end of the quotation's sentence, without its final punctuation.
    if ends:
        tail = text[quotation.end : ends[0]].rstrip(_SENTENCE_CLOSERS)
    else:
        tail = rest.rstrip(_SENTENCE_CLOSERS) if ends_with_sentence_end(rest) else rest
    if not tail.strip() or _has_quote_mark(tail) or len(tail) > _MAX_AFTER_GAP:
        return False
    return bool(re.match(r"^\s*[,—–-]", tail)) and bool(_SPEAKER_WORD.search(tail))


def _reported_before(
    text: str,
    quotation: Quotation,
    events: list[SpeechEvent],
    previous: Attribution | None,
    paragraphs: _Paragraphs,
) -> SpeechEvent | None:
    """Reported speech earlier in the quotation's paragraph, after the last attributed statement:
    'Priya Natarajan, a councillor, said she was worried. "The town cannot absorb it."'"""
    para_start = paragraphs.start_of(quotation.start)
    floor = max(para_start, previous.quote.end if previous is not None else para_start)
    found = [
        e
        for e in events
        if floor <= _speaker_start(e)
        and _speaker_end(e) <= quotation.start
        and e.speaker is not None
        and (e.content is not None or e.layout == "intro")
        and not _negated(text, e.cue.start)
    ]
    return found[-1] if found else None


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


def _continues(
    text: str, tag: SpeechEvent, following: Quotation, events: list[SpeechEvent], paragraphs: _Paragraphs
) -> bool:
    """Whether ``following`` is the second half of a quotation split by ``tag``: mid-sentence
    ('"The station," she said, "is ..."') or sentence-final ('"We will appeal," said Hale Brennan,
    the club's lawyer. "This is not over."', when the second half has no tag of its own)."""
    gap = text[_speaker_end(tag) : following.start]
    if (bool(_TAG_AFTER_GAP.match(gap)) and "," in gap) or gap.strip() in (",", ":"):
        return True
    if paragraphs.index(following.start) != paragraphs.index(tag.cue.start):
        return False
    if len(gap) > _MAX_SPLIT_GAP or _has_quote_mark(gap):
        return False
    # Exactly one sentence ends between the tag and the next quotation, and nothing else follows it.
    ends = sentence_ends(text, _speaker_end(tag), following.start + 1)
    if len(ends) != 1 or text[ends[0] : following.start].strip():
        return False
    if any(_speaker_end(tag) <= e.cue.start < following.start for e in events if e is not tag):
        return False
    return _tag_after(text, following, events, paragraphs) is None


def _can_inherit(previous: Attribution, quotation: Quotation, paragraphs: _Paragraphs) -> bool:
    return paragraphs.index(quotation.start) - paragraphs.index(previous.quote.end - 1) <= 1


def _quotation_around(quotations: list[Quotation], starts: list[int], offset: int) -> Quotation | None:
    """The quotation whose marks enclose ``offset`` strictly (after its opening mark's first character,
    before the end of its closing mark), if any."""
    i = bisect.bisect_left(starts, offset) - 1
    if i >= 0 and quotations[i].start < offset < quotations[i].end:
        return quotations[i]
    return None


def _whole_quotations(
    text: str, events: list[SpeechEvent], quotations: list[Quotation], paragraphs: _Paragraphs
) -> tuple[list[SpeechEvent], set[int]]:
    """Events whose reported content cuts a quotation, widened to hold it whole, and the ids of those
    whose content cannot be (it starts in the middle of quoted words, or ends in a quotation
    that runs on into the next paragraph): they stay tags for quotations but report nothing.

    The parse trims a content's quotation marks (``the NRA won't allow “law-abiding gun owners to
    defend themselves.”`` comes back without its closing mark), so a content that starts on a
    quotation's first word or ends inside it is taken to its opening or closing mark: a reported
    span never starts or ends inside a direct quote.
    """
    quotations = sorted(quotations, key=lambda q: q.start)
    starts = [q.start for q in quotations]
    widened: list[SpeechEvent] = []
    unreportable: set[int] = set()
    for event in events:
        content = event.content
        if content is None:
            widened.append(event)
            continue
        start, end = content.start, content.end
        start = _after_own_tag(text, event, start)
        if start >= end:
            widened.append(replace(event, content=None))
            continue
        first = _quotation_around(quotations, starts, start)
        if first is not None:
            if text[first.start : start].strip(_QUOTE_MARKS + " \n\t"):
                unreportable.add(id(event))  # starts in the middle of someone's quoted words
                widened.append(event)
                continue
            start = first.start
        last = _quotation_around(quotations, starts, end)
        if last is not None:
            if paragraphs.index(last.end - 1) != paragraphs.index(end - 1):
                unreportable.add(id(event))  # the quotation runs on into the next paragraph
                widened.append(event)
                continue
            end = last.end
        if (start, end) != (content.start, content.end):
            event = replace(event, content=Span(start, end, text[start:end]))
        widened.append(event)
    return widened, unreportable


# A relative or wh- word that fronts a cue's object: 'whom colleagues call "the Iron Conductor"',
# 'what Sroka called a "let a thousand flowers bloom" approach'.
_FRONTED = re.compile(r"^(?:what|which|whom|who|that)\s*$", re.IGNORECASE)
_AFTER_FRONTED_CUE = re.compile(r"[\s,:]*(?:(?:as|to)\s+)?")


def _after_own_tag(text: str, event: SpeechEvent, start: int) -> int:
    """Where a content really starts when the parse began it before its own holder and cue, at a
    fronted relative word ('whom colleagues call "the Iron Conductor"'): just after the cue (and
    an ``as`` or ``to`` after it). A medial tag's content ('The deal, he said, is dead') and an
    agentless passive's ('The striker is expected to join') keep their start."""
    speaker = event.speaker
    if speaker is None or not (start <= speaker.start and event.cue.start < (event.content or speaker).end):
        return start
    if not _FRONTED.match(text[start : speaker.start]):
        return start
    after = _AFTER_FRONTED_CUE.match(text, event.cue.end)
    return after.end() if after else event.cue.end


_QUOTE_MARKS = "\"'“”‘’«»„‟‹›`"
_LEAD_IN_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# A complementiser is no lead-in: 'said that "we will appeal"' is the quotation alone.
_NOT_LEAD_IN = frozenset({"that"})
_COORDINATORS = frozenset({"and", "but", "or", "then", "so"})


def _reporter_words(text: str, event: SpeechEvent, content: Span, quoted: list[tuple[int, int]]) -> list[str]:
    """The reporter's words in ``content`` around its quotations (``quoted``, sorted), without the
    event's own cue and speaker (a medial tag's content is its whole sentence) and without ``that``:
    the words that lead into a partial quote (``said the deal was "dead"``), join two quotations
    (``said that "A" or "B"``), go on with its clause (``testified that "none of the staff" were
    paid``) or open a second clause after it (``said that "A" and that B``). Words after the last
    quotation that open with ``and`` or ``but`` and have no ``that`` of their own are the reporter's
    narrative, which the parse may hang on the clause (``Hale said "we will appeal" and left the
    chamber``)."""
    own = [(event.cue.start, event.cue.end)]
    if event.speaker is not None:
        own.append((event.speaker.start, event.speaker.end))
    last_quote_end = max(end for _, end in quoted)
    words, after = [], []
    for match in _LEAD_IN_WORD.finditer(text, content.start, content.end):
        if any(start <= match.start() < end for start, end in own + quoted):
            continue
        word = match.group()
        if match.start() >= last_quote_end:
            after.append(word.lower())
        elif word.lower() not in _NOT_LEAD_IN:
            words.append(word)
    if after and ("that" in after or after[0] not in _COORDINATORS):
        words += [word for word in after if word not in _NOT_LEAD_IN]
    return words


def _reported(text: str, events: list[SpeechEvent], direct: list[Attribution]) -> list[Attribution]:
    """Reported speech: every speech event with content, as one statement over its whole clause.

    A direct quotation inside the content (a partial quote: ``Cox says the NRA won't allow “...”``,
    ``..., saying it is time to have a “real constitutional conservative” in the job``) stays a
    direct statement of its own and is linked to the reported one (``within``), with the reported
    statement's speaker, when the reporter's own words lead into it. When they do not (the content
    is nothing but quoted words, or ``that`` and quoted words: ``Hale said "we will appeal"``, a tag
    like ``“...,” Ushakov stated``) the quotation alone is the statement.
    """
    by_quotation = sorted(
        ((q.start, q.end, attribution) for attribution in direct for q in attribution.quotations),
        key=lambda item: item[0],
    )
    quoted_starts = [start for start, _, _ in by_quotation]
    longest = max((end - start for start, end, _ in by_quotation), default=0)
    statements = []
    for event in events:
        content = event.content
        if (
            content is None
            or (event.speaker is None and event.speaker_form != "none")
            or _not_a_statement(text, event)
        ):
            continue
        lo = bisect.bisect_left(quoted_starts, content.start - longest)
        hi = bisect.bisect_left(quoted_starts, content.end)
        touching = [item for item in by_quotation[lo:hi] if item[1] > content.start]
        inner = [item for item in touching if content.start <= item[0] and item[1] <= content.end]
        if len(inner) != len(touching):
            continue  # cuts a direct quote (a split quote's halves on both sides of its edge)
        reported = Attribution(_quote(text, content.start, content.end, [content], "reported", event), event)
        if inner:
            # A split quote's tag between its halves is no reporter's word: '"A," Mayor Kirby said, "B."'
            quoted_spans = [(a.quote.start, a.quote.end) for _, _, a in inner]
            if not _reporter_words(text, event, content, quoted_spans):
                continue  # nothing but the quotation: the direct quote is the statement
            quoted = {id(attribution): attribution for _, _, attribution in inner}
            if any(_tagged_inside(a, event, content) for a in quoted.values()):
                continue  # another tag inside the content: it ran on into the next statement
            for attribution in quoted.values():
                if any(q.start < content.start or q.end > content.end for q in attribution.quotations):
                    continue  # a split quote whose second half lies outside the clause
                earlier = attribution.within
                if earlier is not None and earlier.quote.end - earlier.quote.start <= len(content.text):
                    continue  # already inside a shorter clause ('said he was accused of "..."')
                attribution.within = reported
                attribution.event = event
                attribution.inherited_from = None
                attribution.how = "tag"
                quote = attribution.quote
                attribution.quote = _quote(text, quote.start, quote.end, quote.parts, "direct", event)
        statements.append(reported)
    return statements


def _tagged_inside(attribution: Attribution, event: SpeechEvent, content: Span) -> bool:
    """Whether a quotation inside ``content`` has a tag of its own after it, also inside the content
    (``"...," Jones said``): a cue before it inside the content is part of the clause (``said Trump
    was responsible and accused him of "inciting violence"``)."""
    tag = attribution.event
    return (
        tag is not None
        and tag is not event
        and attribution.quote.end <= tag.cue.start < content.end
    )


def link_partial_quotes(attributions: list[Attribution], statements: list[Statement]) -> None:
    """Link each partial quote to the reported statement it lies in, once speakers are resolved.

    ``statements`` is the final list (after nested reported speech was dropped); a partial quote gets
    ``within``, the index there of its reported statement (or of the longer statement of the same
    speaker that took its place), and that statement's speaker, actor, ``how`` and ``confidence``,
    so the two always agree. A partial quote whose reported statement is gone keeps ``within=None``.
    """
    index = {id(statement): i for i, statement in enumerate(statements)}
    for attribution in attributions:
        container = attribution.within
        quote = attribution.quote
        if container is None or id(quote) not in index:
            continue
        holder = index.get(id(container.quote))
        if holder is None:
            around = [
                i
                for i, s in enumerate(statements)
                if s.kind == "reported"
                and s.actor == container.quote.actor
                and s.start <= quote.start
                and quote.end <= s.end
            ]
            holder = min(around, key=lambda i: statements[i].end - statements[i].start, default=None)
        if holder is None:
            continue
        outer = statements[holder]
        quote.within = holder
        quote.speaker, quote.actor, quote.speaker_mention = outer.speaker, outer.actor, outer.speaker_mention
        quote.how, quote.confidence = outer.how, outer.confidence


def link_nested_statements(attributions: list[Attribution], statements: list[Statement]) -> None:
    """Give each position made inside quoted words ``in_quote``: the index, in the final
    ``statements``, of the direct statement (or Q&A turn) whose words hold it. One whose direct
    statement is gone keeps ``in_quote=None``."""
    index = {id(statement): i for i, statement in enumerate(statements)}
    for attribution in attributions:
        container = attribution.quoted_in
        if container is None or id(attribution.quote) not in index:
            continue
        attribution.quote.in_quote = index.get(id(container.quote))
