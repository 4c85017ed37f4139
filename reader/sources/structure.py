"""Paragraphs and sentences of an article's text, decided in one place (no spaCy).

Every span is a ``(start, end)`` pair of character offsets into the original
text; the text is never rewritten. Everything else in Byline (the quote
scanner, attribution, dates, export, the reader's layout, the ``h`` key) asks
this module where paragraphs and sentences are, so they all agree.

Paragraphs: the layout is detected once per document (:func:`detect_structure`)
and is one of

* ``"lines"``: every line is a paragraph (scraped articles, most exports);
  blank lines, if any, are only extra space (a headline over a byline);
* ``"blocks"``: a blank line between paragraphs and one line per paragraph;
* ``"wrapped"``: blank lines between paragraphs and the lines inside a block
  hard-wrapped at a fixed width (e-mail, ``fmt``, plain-text newsletters); a
  block is one paragraph, except where a line is clearly shorter than the wrap
  width would force (the next word would have fitted), which is a real break.

Sentences: one rule (:func:`sentence_ends`) with one abbreviation list
(:data:`reader.analysis.lexicon.ABBREVIATIONS`). Where a spaCy ``Doc`` exists,
the analysis uses the parser's sentence boundaries instead.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Literal

from reader.analysis.lexicon import ABBREVIATIONS

Layout = Literal["lines", "blocks", "wrapped"]
TextSpan = tuple[int, int]

#: Text hard-wrapped by a tool or an e-mail client is never wider than this many characters.
MAX_WRAP_WIDTH = 100
#: Share of the estimated wrap width within which a line break is still a soft wrap (slack for
#: wrap tools that leave a few columns free, and for a width estimated from a few lines).
SOFT_WRAP_SLACK = 0.9

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_SENTENCE_PUNCTUATION = re.compile(r"[.!?…]+[\"”’'»)\]]*")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_LIST_ITEM = re.compile(r"(?:[•*·‣◦–—-]|\d{1,3}[.)])\s")
_LINE_BREAKS = str.maketrans({"\n": " ", "\r": " "})


@dataclass(frozen=True, slots=True)
class TextStructure:
    """The paragraphs of one text, decided once.

    ``paragraphs`` are ``(start, end)`` offsets, in text order, trimmed of
    surrounding whitespace, never empty; ``layout`` says how they were found.
    """

    layout: Layout
    paragraphs: tuple[TextSpan, ...]
    starts: tuple[int, ...] = field(init=False, repr=False, compare=False)
    """The offset where each paragraph begins (for bisection)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "starts", tuple(start for start, _ in self.paragraphs))

    def index_of(self, offset: int) -> int:
        """The 0-based index of the paragraph holding ``offset`` (the one before, between two)."""
        return max(0, bisect_right(self.starts, offset) - 1)

    def number_of(self, offset: int) -> int:
        """The 1-based paragraph number of ``offset``, as the export's ``¶N`` shows it."""
        return self.index_of(offset) + 1

    def span_of(self, offset: int) -> TextSpan | None:
        """The paragraph holding ``offset``, or ``None`` for a text without paragraphs."""
        if not self.paragraphs:
            return None
        return self.paragraphs[self.index_of(offset)]


# -- paragraphs ------------------------------------------------------------------------------------


def _trimmed(text: str, start: int, end: int) -> TextSpan:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _blocks(text: str) -> tuple[list[list[TextSpan]], bool]:
    """The runs of non-blank lines (each line trimmed), and whether any blank line separates them."""
    blocks: list[list[TextSpan]] = [[]]
    saw_blank = False
    for match in _LINE.finditer(text):
        if match.start() == match.end():
            break  # the empty match at the very end
        start, end = _trimmed(text, *match.span())
        if start == end:
            if blocks[-1]:
                saw_blank = True
                blocks.append([])
            continue
        blocks[-1].append((start, end))
    return [block for block in blocks if block], saw_blank


def _wrap_width(text: str, blocks: list[list[TextSpan]]) -> int:
    """The width lines were wrapped at, or 0 when the lines are too long to be hard-wrapped.

    A greedy wrap never makes a line longer than its width, so the longest line
    is the best estimate of it. A line without spaces (a URL) could not be
    wrapped and says nothing; a few lines longer than :data:`MAX_WRAP_WIDTH`
    (a pasted table row, a long link text) are tolerated, one in ten at most.
    """
    lengths = [end - start for block in blocks for start, end in block if " " in text[start:end]]
    narrow = [length for length in lengths if length <= MAX_WRAP_WIDTH]
    if not narrow or 10 * len(narrow) < 9 * len(lengths):
        return 0
    return max(narrow)


def _first_word_length(text: str, start: int, end: int) -> int:
    space = re.search(r"\s", text[start:end])
    return (space.start() if space else end - start) or 1


def _soft_wrap(text: str, line: TextSpan, following: TextSpan, width: int) -> bool:
    """True when the break after ``line`` was made by a wrap: the next word would not have fitted
    (and the next line is not a list item, which starts a line of its own)."""
    if _LIST_ITEM.match(text, following[0]):
        return False
    length = line[1] - line[0]
    return length + 1 + _first_word_length(text, *following) > SOFT_WRAP_SLACK * width


def detect_structure(text: str) -> TextStructure:
    """The layout and paragraphs of ``text`` (see the module docstring for the three layouts)."""
    blocks, saw_blank = _blocks(text)
    if not saw_blank:
        return TextStructure("lines", tuple(line for block in blocks for line in block))
    width = _wrap_width(text, blocks)
    breaks = [(block[i], block[i + 1]) for block in blocks for i in range(len(block) - 1)]
    soft = sum(_soft_wrap(text, line, following, width) for line, following in breaks)
    # Hard-wrapped text has a narrow width and most of its line breaks inside blocks are soft; a
    # headline over a byline in one block is not enough.
    hard_wrapped = width > 0 and soft > 0 and 2 * soft >= len(breaks)
    if not hard_wrapped:
        layout: Layout = "blocks" if all(len(block) == 1 for block in blocks) else "lines"
        return TextStructure(layout, tuple(line for block in blocks for line in block))
    paragraphs: list[TextSpan] = []
    for block in blocks:
        start = block[0][0]
        for line, following in pairwise(block):
            if not _soft_wrap(text, line, following, width):
                paragraphs.append((start, line[1]))
                start = following[0]
        paragraphs.append((start, block[-1][1]))
    return TextStructure("wrapped", tuple(paragraphs))


def paragraph_spans(text: str) -> list[TextSpan]:
    """``(start, end)`` of every paragraph of ``text`` (see :func:`detect_structure`)."""
    return list(detect_structure(text).paragraphs)


def without_line_breaks(text: str, start: int = 0, end: int | None = None) -> str:
    """``text[start:end]`` with every ``\\n`` and ``\\r`` replaced by a space.

    Same length, so offsets into the result are offsets into the original: a
    parser given one paragraph this way never takes a hard-wrapped line end for
    a sentence or paragraph break.
    """
    return text[start:end].translate(_LINE_BREAKS)


# -- sentences -------------------------------------------------------------------------------------


def _is_abbreviation(text: str, full_stop: int) -> bool:
    """True when the ``.`` at ``full_stop`` ends ``Mr``, ``Prof``, ``U.S``, or an initial (``J.``)."""
    word = _WORD_BEFORE.search(text, max(0, full_stop - 20), full_stop)
    if word is None:
        return False
    token = word.group(1).lower()
    if token in ABBREVIATIONS:
        return True
    last = token.rsplit(".", 1)[-1]
    # An initial ("J. Smith"), or the last letter of U.S, U.K, E.U.
    return len(last) == 1 and last.isalpha() and text[full_stop - 1].isupper()


def _next_visible(text: str, offset: int, end: int) -> str:
    while offset < end and text[offset].isspace():
        offset += 1
    return text[offset] if offset < end else ""


def sentence_ends(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """Offsets just after each sentence-ending punctuation in ``text[start:end]``, in order.

    A sentence ends at ``.``, ``!``, ``?`` or ``…`` (with any closing quotation
    marks or brackets) followed by whitespace or the end of the range, except
    the full stop of an abbreviation (``Prof.``, ``Mr.``, ``U.S.``, an initial)
    and punctuation followed by a lower-case word (``"Really?" he asked``).
    The end of the range itself is not included.
    """
    end = len(text) if end is None else end
    found: list[int] = []
    for match in _SENTENCE_PUNCTUATION.finditer(text, start, end):
        after = match.end()
        if after < end and not text[after].isspace():
            continue
        punctuation = match.group()
        single_stop = punctuation[0] == "." and len(punctuation.rstrip("\"”’'»)]")) == 1
        if single_stop and _is_abbreviation(text, match.start()):
            continue
        if _next_visible(text, after, end).islower():
            continue
        if after < end:
            found.append(after)
    return found


def has_sentence_end(text: str, start: int = 0, end: int | None = None) -> bool:
    """True when a sentence ends inside ``text[start:end]`` (its last character counts too)."""
    end = len(text) if end is None else end
    if sentence_ends(text, start, end):
        return True
    return ends_with_sentence_end(text[start:end])


def ends_with_sentence_end(text: str) -> bool:
    """True when ``text`` (trailing spaces aside) ends a sentence: ``said so.`` yes, ``Mr.`` no."""
    stripped = text.rstrip()
    return bool(stripped) and len(stripped) in sentence_ends(stripped + " ")


def sentence_spans(text: str, start: int, end: int) -> list[TextSpan]:
    """The sentences of ``text[start:end]`` (one paragraph), trimmed of surrounding whitespace."""
    spans: list[TextSpan] = []
    for boundary in [*sentence_ends(text, start, end), end]:
        span = _trimmed(text, start, boundary)
        if span[0] < span[1]:
            spans.append(span)
        start = boundary
    return spans


def sentence_starts(text: str, structure: TextStructure | None = None) -> list[int]:
    """Where every sentence of ``text`` starts, paragraph by paragraph, in order."""
    structure = structure or detect_structure(text)
    return [s for p_start, p_end in structure.paragraphs for s, _ in sentence_spans(text, p_start, p_end)]


def sentence_span(text: str, offset: int, structure: TextStructure | None = None) -> TextSpan:
    """The sentence around ``offset``, within its paragraph (what the reader's ``h`` highlights).

    Leading and trailing spaces are left out. ``structure`` is the text's
    paragraphs (an :class:`~reader.sources.article.Article` carries them);
    without it they are detected here. An offset between paragraphs belongs to
    the paragraph before.
    """
    structure = structure or detect_structure(text)
    paragraph = structure.span_of(offset)
    if paragraph is None:
        return _trimmed(text, 0, len(text))
    sentences = sentence_spans(text, *paragraph)
    for span in sentences:
        if offset < span[1]:
            return span
    return sentences[-1]
