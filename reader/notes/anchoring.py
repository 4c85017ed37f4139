"""Finding a stored highlight again in a (possibly edited) article text.

The order of trust, as in Hypothesis-style anchoring:

1. the position selector, when the exact text and its context are still there;
2. every exact occurrence of the quote, scored by how much of the stored prefix
   and suffix surrounds it, then by nearness to the old position (so a repeated
   phrase lands on the right occurrence);
3. the same, ignoring differences in spacing and line breaks (a re-wrapped
   paragraph);
4. a fuzzy match near the old position (diff-match-patch's Bitap matcher): a
   corrected word inside a highlight does not orphan it. The match is accepted
   when its edit distance from the stored quote is at most
   :data:`FUZZY_MAX_ERROR_RATE` of the quote's length.

Anything else is orphaned by the caller (never dropped).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from diff_match_patch import diff_match_patch

from reader.notes.model import Highlight

FUZZY_MAX_ERROR_RATE = 0.25
"""Largest accepted edit distance of a fuzzy match, as a share of the quote's length."""

_BITAP_BITS = 32
"""Bitap matches at most this many characters at once (diff-match-patch's ``Match_MaxBits``)."""


def _common_suffix_length(a: str, b: str) -> int:
    count = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        count += 1
    return count


def _common_prefix_length(a: str, b: str) -> int:
    count = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        count += 1
    return count


def _candidates(text: str, exact: str) -> Iterator[tuple[int, int]]:
    """Every place ``exact`` occurs; failing that, every whitespace-insensitive match.

    The fallback survives re-wrapped paragraphs and doubled spaces, the most
    common edits that do not change the words.
    """
    found = False
    position = text.find(exact)
    while position != -1:
        found = True
        yield position, position + len(exact)
        position = text.find(exact, position + 1)
    if found:
        return
    words = exact.split()
    if not words:
        return
    pattern = re.compile(r"\s+".join(re.escape(word) for word in words))
    for match in pattern.finditer(text):
        yield match.start(), match.end()


def _matcher(text_length: int) -> diff_match_patch:
    dmp = diff_match_patch()
    dmp.Match_Threshold = 0.4  # 0 = exact only, 1 = anything; Hypothesis-like tolerance
    # How far from the expected place a match may be before nearness outweighs errors: the whole
    # text, so that an insertion before the highlight does not hide it.
    dmp.Match_Distance = max(1000, text_length)
    return dmp


def _cuts_a_word(text: str, offset: int) -> bool:
    """True when ``offset`` falls between two letters or digits of one word."""
    return 0 < offset < len(text) and text[offset - 1].isalnum() and text[offset].isalnum()


def _best_stretch(
    dmp: diff_match_patch, text: str, exact: str, start: int, end: int, *, whole_words: bool
) -> tuple[int, tuple[int, int]]:
    """Nudge ``start``/``end`` by up to 3 characters to the stretch closest to ``exact``.

    Returns ``(edit distance, (start, end))``. With ``whole_words`` a stretch
    that cuts a word costs 2 more, so "a mistaek" wins over "a mistae".
    """
    best: tuple[int, tuple[int, int]] | None = None
    for new_start in range(max(0, start - 3), min(len(text), start + 4)):
        for new_end in range(max(new_start + 1, end - 3), min(len(text), end + 3) + 1):
            distance = dmp.diff_levenshtein(dmp.diff_main(exact, text[new_start:new_end], False))
            if whole_words:
                distance += 2 * (_cuts_a_word(text, new_start) + _cuts_a_word(text, new_end))
            if best is None or distance < best[0]:
                best = (distance, (new_start, new_end))
    assert best is not None  # the ranges above always hold start..end
    return best


def fuzzy_anchor(
    text: str, exact: str, expected_start: int, *, whole_words: bool = True
) -> tuple[int, int] | None:
    """The stretch of ``text`` closest to ``exact`` near ``expected_start``, or ``None``.

    Quotes longer than 32 characters are located by their first and last 32
    characters (Bitap's limit, as diff-match-patch's own patching does), then
    checked as a whole: the edit distance between ``exact`` and the found
    stretch must be at most :data:`FUZZY_MAX_ERROR_RATE` of ``len(exact)``.
    ``whole_words`` prefers a stretch that does not cut a word (use it when the
    highlight did not). Returns ``(start, end)`` offsets into ``text``.
    """
    if not exact or not text:
        return None
    dmp = _matcher(len(text))
    expected_start = max(0, min(expected_start, len(text)))
    start = dmp.match_main(text, exact[:_BITAP_BITS], expected_start)
    if start == -1:
        return None
    if len(exact) <= _BITAP_BITS:
        region_end = min(len(text), start + len(exact) + max(2, len(exact) // 2))
    else:
        tail_start = dmp.match_main(text, exact[-_BITAP_BITS:], start + len(exact) - _BITAP_BITS)
        if tail_start == -1 or tail_start < start:
            return None
        region_end = min(len(text), tail_start + _BITAP_BITS + _BITAP_BITS // 2)
    diffs = dmp.diff_main(exact, text[start:region_end], False)
    # Where the quote's last character landed: roughly the end of the match, refined below.
    end = start + dmp.diff_xIndex(diffs, len(exact) - 1) + 1
    if end <= start:
        return None
    _, place = _best_stretch(dmp, text, exact, start, end, whole_words=whole_words)
    if dmp.diff_levenshtein(dmp.diff_main(exact, text[place[0] : place[1]], False)) > (
        FUZZY_MAX_ERROR_RATE * len(exact)
    ):
        return None
    return place


def anchor(text: str, highlight: Highlight) -> tuple[int, int] | None:
    """Where ``highlight`` is in ``text`` now, as ``(start, end)``, or ``None`` (orphaned).

    See the module docstring for the order in which selectors are trusted.
    """
    start, end = highlight.start, highlight.end
    if 0 <= start < end <= len(text) and text[start:end] == highlight.exact:
        before = text[max(0, start - len(highlight.prefix)) : start]
        after = text[end : end + len(highlight.suffix)]
        if before == highlight.prefix and after == highlight.suffix:
            return start, end
    best: tuple[tuple[int, int], tuple[int, int]] | None = None
    prefix, suffix = highlight.prefix, highlight.suffix
    for candidate in _candidates(text, highlight.exact):
        before = text[max(0, candidate[0] - len(prefix)) : candidate[0]]
        after = text[candidate[1] : candidate[1] + len(suffix)]
        context = _common_suffix_length(before, prefix) + _common_prefix_length(after, suffix)
        score = (context, -abs(candidate[0] - start))
        if best is None or score > best[0]:
            best = (score, candidate)
    if best is not None:
        return best[1]
    exact = highlight.exact
    whole_words = not (
        (highlight.prefix[-1:].isalnum() and exact[:1].isalnum())
        or (highlight.suffix[:1].isalnum() and exact[-1:].isalnum())
    )
    return fuzzy_anchor(text, exact, start, whole_words=whole_words)
