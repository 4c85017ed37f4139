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
def folded_text(text: str) -> tuple[str, tuple[int, ...]]:
    """``(folded, origin)``: the folded text and, for each of its characters, the offset in ``text`` of
    the character it came from (plus one last entry, ``len(text)``, for a match that ends at the end)."""
    pieces: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        folded = fold_char(char)
        pieces.append(folded)
        origin.extend([index] * len(folded))
    origin.append(len(text))
    return "".join(pieces), tuple(origin)


def find_folded(text: str, term: str) -> tuple[tuple[int, int], ...]:
    """Every occurrence of ``term`` in ``text`` as ``(start, end)`` offsets into ``text``, folded (see the
    module docstring); none for a term that folds to nothing."""
    needle = fold(term)
    if not needle:
        return ()
    folded, origin = folded_text(text)
    spans: list[tuple[int, int]] = []
    for found in re.finditer(re.escape(needle), folded):
        start = origin[found.start()]
        end = origin[found.end() - 1] + 1  # the last folded character's original, inclusive
        spans.append((start, end))
    return tuple(spans)
