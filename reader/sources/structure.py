"""Paragraphs and sentences of an article's text, decided in one place (no spaCy).

Every span is a pair of character offsets into the original text; the text is
never rewritten.
"""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s)")
_ABBREVIATIONS = frozenset(
    {"mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep"}
    | {"prof", "inc", "ltd", "co", "corp", "vs", "etc", "no", "fig", "approx"}
)


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    """False for the full stop of ``Mr.``, ``Gen.`` or an initial (``J. Smith``, ``U.S.``)."""
    if not match.group().startswith("."):
        return True
    word = re.search(r"(\w+)$", text[: match.start()])
    if word is None:
        return True
    token = word.group(1)
    return not (token.lower() in _ABBREVIATIONS or (len(token) == 1 and token.isupper()))


def sentence_span(text: str, offset: int) -> tuple[int, int]:
    """The sentence around ``offset``: within its line, from one sentence end to the next.

    The analysis keeps spaCy to itself and the model has no sentences, so the
    reader's ``h`` uses this light rule: ``.``, ``!``, ``?`` (with any closing
    quotation marks) followed by a space ends a sentence, except after common
    abbreviations and initials. Leading and trailing spaces are left out.
    """
    offset = max(0, min(offset, len(text) - 1)) if text else 0
    line_start = text.rfind("\n", 0, offset) + 1
    line_end = text.find("\n", offset)
    line_end = len(text) if line_end == -1 else line_end
    start, end = line_start, line_end
    for match in _SENTENCE_END.finditer(text, line_start, line_end):
        if not _ends_sentence(text, match):
            continue
        if match.end() <= offset:
            start = match.end()
        else:
            end = match.end()
            break
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
