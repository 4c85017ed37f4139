"""Find direct quotations in plain text, without spaCy.

Quotation marks in real news copy are messy: curly and straight marks are
mixed, single marks double as apostrophes (``don't``, ``Russia’s``, ``the
'90s``), some papers write ``''...''`` or ````...''``, a long quote repeats
its opening mark at every paragraph and closes only at the end, and a single
missing mark must not turn the rest of the article into one "quote" (the
failure that makes textacy give up on a document). So this module is a small
state machine rather than a regex: one pass over the quotation-mark
candidates of each paragraph, deciding for every mark from its neighbours
whether it opens, closes, or is an apostrophe, with a stack for nesting.

The rules, in short:

* A paragraph is a run of text between newlines. A quote that is still open
  at the end of its paragraph continues only if the next paragraph starts
  with an opening mark of the same family (the multi-paragraph convention);
  otherwise it ends with ``closed=False`` at its first sentence end (or its
  paragraph end when it has a single sentence). Nothing ever spans an
  unmarked paragraph break.
* A mark's *context* is "opening" when it has a boundary (start, whitespace,
  an opening bracket or dash) on its left and text on its right, "closing"
  for the mirror image, "word-internal" with text on both sides, and
  "isolated" with boundaries on both sides. Adjacent quotation marks are
  looked through, so ``"'Hi`` opens twice.
* Curly and angle marks keep their natural role, with two tolerated
  exceptions: a closing mark in opening context with nothing of its family
  open is a wrongly curled opener, and an opening mark in closing context
  while its family is open closes it (German ``„…“``, Danish ``»…«``).
* Straight marks get their role from context alone. A closing mark with
  nothing of its family open is stray and ignored.
* Single marks are apostrophes when word-internal, in known elisions
  (``'90s``, ``'em``, ``rock 'n' roll``), or when they would open a quote
  that nothing later in the paragraph could close (unless the quote starts
  the paragraph or follows a colon, where an unclosed quote is plausible).
  A closing single mark after an ``s`` and before a lowercase word (``the
  students' union``) is taken as a possessive when a later mark in the
  paragraph can close the quote instead.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from reader.analysis.lexicon import SPEECH_VERB_FORMS, TERM_INTRODUCERS
from reader.analysis.model import Span
from reader.sources.structure import TextSpan, paragraph_spans, sentence_ends

__all__ = ["Quotation", "paragraph_spans", "scan_quotations"]

Family = Literal["double", "single", "angle", "single_angle"]
Role = Literal["open", "close", "ignore"]
Context = Literal["opening", "closing", "internal", "isolated"]


@dataclass(frozen=True, slots=True)
class Quotation:
    """One top-level quotation found in the text.

    ``start`` is the offset of the opening mark and ``end`` the offset just
    after the closing mark, or the end of the quoted content when the quote
    was never closed. ``parts`` are the quoted words without any marks, one
    per paragraph, so a multi-paragraph quote leaves out the opening marks
    repeated at each paragraph start. ``scare`` marks scare quotes, titles
    and terms (``a “buffer zone”``), which are not statements.
    """

    start: int
    end: int
    parts: tuple[Span, ...]
    closed: bool
    scare: bool


# Longest first: the two-character ASCII styles before the single straight mark.
_MARK_RE = re.compile(r"``|''|[\"'“”„‟«»‹›‘’‚]")

_FAMILY: dict[str, Family] = {
    "``": "double",
    "''": "double",
    '"': "double",
    "“": "double",
    "”": "double",
    "„": "double",
    "‟": "double",
    "'": "single",
    "‘": "single",
    "’": "single",
    "‚": "single",
    "«": "angle",
    "»": "angle",
    "‹": "single_angle",
    "›": "single_angle",
}
_STRAIGHT = frozenset({'"', "''", "'"})
_OPENERS = frozenset({"``", "“", "„", "‟", "‘", "‚", "«", "‹"})
_QUOTE_CHARS = frozenset("\"'`“”„‟«»‹›‘’‚")
# Real clusters of marks (``"'`` or ``’”``) are short; looking further would make a run of
# thousands of marks quadratic.
_MAX_MARK_CLUSTER = 3
_LEFT_BOUNDARY = frozenset("([{<—–-/")
_RIGHT_BOUNDARY = frozenset(".,;:!?)]}>—–-/…")
_LEADING_ELLIPSIS_OR_DASH = re.compile(r"(?:\.\.\.|…|—|–)\s?\w")

# Single marks that are apostrophes of a well-known elision, never quotation marks.
_ELISION_RE = re.compile(
    r"(?<![\w'’‘])['’‘](?:\d\ds|em|til|cause|cos|bout|tis|twas|n)(?!\w)"  # the '90s, 'em, 'n'
    r"|(?<=\sn)['’](?=\s)"  # rock n' roll
    r"|(?<=\d['’]\d)\"|(?<=\d['’]\d\d)\"",  # 5'11" is feet and inches
    re.IGNORECASE,
)
# The second mark of 'n' (rock 'n' roll) is an apostrophe too.
_N_ELISION_RE = re.compile(r"(?<=\s['’‘]n)['’]", re.IGNORECASE)

_SENTENCE_PUNCT_RE = re.compile(r"[.!?;:,…]")
# The word just before an opening mark, on the same line: a quote that opens a paragraph has none.
_WORD_CHARS_EXTRA = frozenset("’'-")
_MAX_WORD = 40
_MAX_SCARE_WORDS = 4
_MAX_TITLE_WORDS = 6
_TITLE_SMALL_WORDS = frozenset({"a", "an", "the", "of", "and", "or", "in", "on", "to", "for", "at", "by"})


@dataclass(slots=True)
class _Mark:
    """A quotation-mark candidate, classified once from its surroundings."""

    start: int
    end: int
    token: str
    family: Family
    context: Context
    elision: bool

    @property
    def single(self) -> bool:
        return self.family == "single"


@dataclass(slots=True)
class _Open:
    """An opening mark waiting for its partner."""

    family: Family
    start: int
    content_start: int
    # Content of the earlier paragraphs of a multi-paragraph quote (bottom entry only).
    earlier_parts: list[tuple[int, int]] = field(default_factory=list)
    # Where the content of the current paragraph ends, once the paragraph is over.
    content_end: int | None = None


def scan_quotations(text: str, paragraphs: Sequence[TextSpan] | None = None) -> list[Quotation]:
    """Every top-level quotation in ``text``, in order and non-overlapping.

    ``paragraphs`` are the text's paragraph spans (``Article.structure``; by
    default detected from ``text`` by :mod:`reader.sources.structure`): a quote
    never runs past a paragraph end unless the next paragraph reopens it.

    Quotes nested inside another (``“He said ‘no’ twice,” she said``) are
    part of the outer one and are not reported. The scan is linear in the
    length of the text: one regex pass for the paragraphs, one for the
    marks, and constant work per mark.
    """
    quotations: list[Quotation] = []
    carried: _Open | None = None
    for para_start, para_end in paragraph_spans(text) if paragraphs is None else paragraphs:
        marks = _marks(text, para_start, para_end)
        carried = _scan_paragraph(text, para_start, para_end, marks, carried, quotations)
    if carried is not None:
        _append(quotations, _unclosed(text, carried))
    return quotations


def _append(quotations: list[Quotation], quotation: Quotation | None) -> None:
    if quotation is not None:
        quotations.append(quotation)


def _marks(text: str, para_start: int, para_end: int) -> list[_Mark]:
    marks: list[_Mark] = []
    for match in _MARK_RE.finditer(text, para_start, para_end):
        start, end = match.span()
        token = match.group()
        marks.append(
            _Mark(
                start=start,
                end=end,
                token=token,
                family=_FAMILY[token],
                context=_context(text, start, end, para_start, para_end),
                elision=_is_elision(text, start),
            )
        )
    return marks


def _is_elision(text: str, start: int) -> bool:
    """Is the mark at ``start`` the apostrophe of a known elision? (Anchored there: cheap per mark.)"""
    return bool(_ELISION_RE.match(text, start) or _N_ELISION_RE.match(text, start))


def _context(text: str, start: int, end: int, para_start: int, para_end: int) -> Context:
    """Classify a mark by its nearest non-quotation-mark neighbours within the paragraph."""
    left = start - 1
    while left >= max(para_start, start - _MAX_MARK_CLUSTER) and text[left] in _QUOTE_CHARS:
        left -= 1
    right = end
    while right < min(para_end, end + _MAX_MARK_CLUSTER) and text[right] in _QUOTE_CHARS:
        right += 1
    before = text[left] if left >= para_start else None
    after = text[right] if right < para_end else None
    left_open = before is None or before.isspace() or before in _LEFT_BOUNDARY
    right_open = after is None or after.isspace() or after in _RIGHT_BOUNDARY
    if left_open and right_open and _LEADING_ELLIPSIS_OR_DASH.match(text, right, para_end):
        right_open = False  # "...and then we left," or "—and then": the quote starts mid-thought
    if left_open and right_open:
        return "isolated"
    if left_open:
        return "opening"
    if right_open:
        return "closing"
    return "internal"


def _single_closers_after(marks: list[_Mark]) -> list[bool]:
    """For each mark: could any later single mark in the paragraph close a single quote?"""
    later = [False] * len(marks)
    seen = False
    for index in range(len(marks) - 1, -1, -1):
        later[index] = seen
        mark = marks[index]
        if mark.single and not mark.elision and mark.context in ("closing", "isolated"):
            seen = True
    return later


def _role(
    mark: _Mark,
    family_open: bool,
    closer_later: bool,
    text: str,
    para_start: int,
) -> Role:
    """Decide whether ``mark`` opens, closes, or is not a quotation mark at all."""
    if mark.single:
        return _single_role(mark, family_open, closer_later, text, para_start)
    context = mark.context
    if mark.token in _STRAIGHT:
        if context == "opening":
            return "open"
        if family_open:
            return "close"
        if context == "internal" and not text[mark.start - 1].isalnum():
            return "open"  # said,"We ...: a missing space before the opening mark
        if context == "isolated" and _padded_opening(text, mark, para_start):
            return "open"  # tokenised copy: 'said . " Our growers are ... , " the minister said .'
        return "ignore"
    if mark.token in _OPENERS:
        if context == "closing":
            return "close" if family_open else "ignore"
        return "open"
    # A curly or angle closing mark.
    if family_open:
        return "close"
    return "open" if context == "opening" else "ignore"


# Tokenised copy pads marks with spaces: an isolated straight mark opens when a word follows it and a
# sentence end, a colon, a comma or the paragraph start comes before it.
_PADDED_AFTER = re.compile(r" +[\w(]")
_PADDED_BEFORE = re.compile(r"(?:^|[.!?:,] *)$")


_PADDED_CLOSER = re.compile(r' " ?(?=[ .,;:!?]|$)|[^\s"] "(?= |$)')


def _padded_opening(text: str, mark: _Mark, para_start: int) -> bool:
    """An isolated straight mark opens when a word follows it and either a sentence end, colon, comma
    or the paragraph start comes before it, or (a partial quote: 'were " temporary " and') another
    padded mark later in the paragraph can close it."""
    if not _PADDED_AFTER.match(text, mark.end):
        return False
    if _PADDED_BEFORE.search(text[max(para_start, mark.start - 3) : mark.start]):
        return True
    line_end = text.find("\n", mark.end)
    rest = text[mark.end : line_end if line_end >= 0 else len(text)]
    return bool(_PADDED_CLOSER.search(rest))


def _single_role(mark: _Mark, family_open: bool, closer_later: bool, text: str, para_start: int) -> Role:
    context = mark.context
    if mark.elision or context == "internal":
        return "ignore"
    if context in ("closing", "isolated"):
        if not family_open:
            return "ignore"
        if closer_later and _looks_possessive(text, mark):
            return "ignore"
        return "close"
    # Opening context.
    if mark.token == "‘" or mark.token == "‚":
        return "open"
    if closer_later or _unclosed_quote_plausible(text, mark.start, para_start):
        return "open"
    return "ignore"


def _looks_possessive(text: str, mark: _Mark) -> bool:
    """``the students' union``: a plural possessive, not a closing mark."""
    if mark.start == 0 or text[mark.start - 1] not in "sS":
        return False
    rest = text[mark.end : mark.end + 2]
    return len(rest) == 2 and rest[0] == " " and rest[1].islower()


def _unclosed_quote_plausible(text: str, start: int, para_start: int) -> bool:
    """Where an opening single mark may stay unclosed: a paragraph start or after a colon."""
    before = text[para_start:start].rstrip()
    return before == "" or before.endswith(":")


def _scan_paragraph(
    text: str,
    para_start: int,
    para_end: int,
    marks: list[_Mark],
    carried: _Open | None,
    quotations: list[Quotation],
) -> _Open | None:
    """Scan one paragraph; return the top-level quote still open at its end, if any."""
    closer_later = _single_closers_after(marks)
    stack: list[_Open] = []
    open_families: Counter[Family] = Counter()
    first = 0
    if carried is not None:
        if marks and _continues(marks[0], carried, para_start):
            mark = marks[0]
            carried.earlier_parts.append((carried.content_start, _content_end(text, carried)))
            carried.content_start = mark.end
            stack.append(carried)
            open_families[carried.family] += 1
            first = 1
        else:
            _append(quotations, _unclosed(text, carried))
    for index in range(first, len(marks)):
        mark = marks[index]
        family_open = open_families[mark.family] > 0
        role = _role(mark, family_open, closer_later[index], text, para_start)
        if role == "open":
            stack.append(_Open(mark.family, mark.start, mark.end))
            open_families[mark.family] += 1
        elif role == "close":
            depth = _innermost(stack, mark.family)
            if depth == 0:
                _append(quotations, _closed(text, stack[0], mark))
            # Close the matching mark and drop anything left open inside it.
            for entry in stack[depth:]:
                open_families[entry.family] -= 1
            del stack[depth:]
    if not stack:
        return None
    bottom = stack[0]
    bottom.content_end = para_end
    return bottom


def _continues(mark: _Mark, carried: _Open, para_start: int) -> bool:
    """Does this paragraph open with the repeated mark of a multi-paragraph quote?"""
    return (
        mark.start == para_start
        and mark.family == carried.family
        and not mark.elision
        and mark.context == "opening"
        and (mark.token in _OPENERS or mark.token in _STRAIGHT)
    )


def _innermost(stack: list[_Open], family: Family) -> int:
    for depth in range(len(stack) - 1, -1, -1):
        if stack[depth].family == family:
            return depth
    raise ValueError(f"no open {family} quote")  # callers only close an open family


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _spans(text: str, bounds: list[tuple[int, int]]) -> tuple[Span, ...]:
    spans = []
    for start, end in bounds:
        start, end = _strip(text, start, end)
        if start < end:
            spans.append(Span(start, end, text[start:end]))
    return tuple(spans)


def _closed(text: str, opening: _Open, closing: _Mark) -> Quotation | None:
    parts = _spans(text, [*opening.earlier_parts, (opening.content_start, closing.start)])
    if not parts:
        return None  # "" or “ ”: nothing was quoted
    multi = len(opening.earlier_parts) > 0
    scare = not multi and _is_scare(text, opening.start, parts[0])
    return Quotation(opening.start, closing.end, parts, closed=True, scare=scare)


def _content_end(text: str, opening: _Open) -> int:
    return len(text) if opening.content_end is None else opening.content_end


def _unclosed(text: str, opening: _Open) -> Quotation | None:
    """A quote whose closing mark never came: it ends at its first sentence end.

    A missing closing mark is a typo, and the words after the quoted sentence are
    much more often the reporter's ("...walk. Several business owners argued...")
    than more of the quote, so the quote is not allowed to run on to the end of
    its paragraph.
    """
    end = _content_end(text, opening)
    ends = sentence_ends(text, opening.content_start, end)
    if ends:
        end = ends[0]
    parts = _spans(text, [*opening.earlier_parts, (opening.content_start, end)])
    if not parts:
        return None  # a lone opening mark at the end of a paragraph quotes nothing
    return Quotation(opening.start, parts[-1].end, parts, closed=False, scare=False)


def _is_scare(text: str, opening_start: int, content: Span) -> bool:
    """Scare quotes, titles and terms: a few words named inside a running sentence.

    A quotation is scare when all of these hold:

    * it is short: at most four words (six for a title-case title such as
      ``the film “War and Peace”``);
    * it has no sentence punctuation or comma inside, except one trailing
      comma or full stop after a term-introducing word (American style puts
      it inside the marks: ``the so-called “buffer zone,” a strip``);
    * it continues a sentence: the nearest text before the opening mark is a
      word, not a sentence start, colon, comma or dash;
    * that word is not a speech verb (``he said “no”`` is a statement), and
      either introduces a term (``a``, ``the``, ``so-called``, ``called``,
      ``dubbed``, ``termed``, ``described as``, a possessive pronoun...) or
      the quotation is one or two words (``called it “reckless”``).

    Longer partial quotes after other words (``the talks were “not on the
    agenda now”``) stay statements, since that is how news attribution
    treats them.
    """
    word = _previous_word(text, opening_start).lower().strip("'’-")
    if word in SPEECH_VERB_FORMS or not word:
        return False
    introduced = word in TERM_INTRODUCERS or word.endswith(("’s", "'s"))
    words = content.text.split()
    inner = content.text
    titled = len(words) <= _MAX_TITLE_WORDS and _title_case(words) and len(words) >= 2
    if (introduced or titled) and inner[-1] in ",.":
        inner = inner[:-1]  # 'the film “The Last Tram,” joined': American style puts the comma inside
    if _SENTENCE_PUNCT_RE.search(inner):
        return False
    if len(words) <= _MAX_SCARE_WORDS and (introduced or len(words) <= 2):
        return True
    return len(words) <= _MAX_TITLE_WORDS and _title_case(words)


def _previous_word(text: str, position: int) -> str:
    """The word just before ``position`` on the same line ("" after punctuation or at a line start)."""
    end = position
    while end > 0 and text[end - 1] in " \t\u00a0":
        end -= 1
    start = end
    while start > 0 and end - start < _MAX_WORD and _word_char(text[start - 1]):
        start -= 1
    return text[start:end]


def _word_char(char: str) -> bool:
    return char.isalnum() or char in _WORD_CHARS_EXTRA


def _title_case(words: list[str]) -> bool:
    return words[0][:1].isupper() and all(w[:1].isupper() or w.lower() in _TITLE_SMALL_WORDS for w in words)
