"""Search that forgives accents, case and the shape of apostrophes, with offsets into the original text.

``didn't`` finds ``didn’t``, ``jose`` finds ``José``, ``strasse`` finds ``Straße``:
both the text and the term are folded (case-folded, accents stripped after NFKD
decomposition, every apostrophe and single quotation mark made ``'``, every
double quotation mark ``"``, every dash ``-``), and each match in the folded text
is mapped back to the characters of the original it came from, so a match's
``(start, end)`` always cuts the original text exactly (``text[start:end]`` is what
is highlighted). The folded text of an article is computed once and cached.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

APOSTROPHES = "'’‘ʼʹ′`´‛"
DOUBLE_QUOTES = "\"“”„‟″«»"
DASHES = "-‐‑‒–—―−"
_SAME = {**dict.fromkeys(APOSTROPHES, "'"), **dict.fromkeys(DOUBLE_QUOTES, '"'), **dict.fromkeys(DASHES, "-")}


def fold_char(char: str) -> str:
    """The folded form of one character (zero, one or more characters: ``ß`` -> ``ss``, a combining
    accent -> ``""``)."""
    if char in _SAME:
        return _SAME[char]
    if char.isascii():
        return char.lower()
    decomposed = unicodedata.normalize("NFKD", char)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return "".join(_SAME.get(c, c) for c in stripped.casefold())


def fold(term: str) -> str:
    """``term`` folded as the text is (see the module docstring)."""
    return "".join(fold_char(char) for char in term)


@lru_cache(maxsize=4)
def folded_text(text: str) -> tuple[str, tuple[int, ...], tuple[int, ...]]:
    """``(folded, starts, ends)``: the folded text and, for each of its characters, the offsets in ``text``
    where the character it came from starts and ends. A character that folds to nothing (a combining
    accent) belongs to the one before it: a match that ends there takes the accent along."""
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for index, char in enumerate(text):
        folded = fold_char(char)
        if not folded and ends:
            ends[-1] = index + 1
            continue
        pieces.append(folded)
        starts.extend([index] * len(folded))
        ends.extend([index + 1] * len(folded))
    return "".join(pieces), tuple(starts), tuple(ends)


def find_folded(text: str, term: str) -> tuple[tuple[int, int], ...]:
    """Every occurrence of ``term`` in ``text`` as ``(start, end)`` offsets into ``text``, folded (see the
    module docstring); none for a term that folds to nothing."""
    needle = fold(term)
    if not needle:
        return ()
    folded, starts, ends = folded_text(text)
    return tuple((starts[found.start()], ends[found.end() - 1])
                 for found in re.finditer(re.escape(needle), folded))
