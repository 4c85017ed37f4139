"""Which stretches of a paragraph are dates and times, from the model's DATE/TIME mentions.

The small model's DATE and TIME spans need correcting before they are normalised: an age is not a
date (``Choi, 58,``, ``a 72-year-old``, ``who turned 22 last month``), a programme is not a time
(``BBC Radio 4's Today programme``, ``CBS's 60 Minutes``), a clock time keeps its zone
(``14:05 BST``), a span does not end in punctuation (``next spring,``), ``between 2019 and 2021``
is two years, and it misses clock times at the start of a live-blog line and named days such as
``Prinsjesdag``. Everything here works on characters, so it is pure and quick to test.
"""

from __future__ import annotations

import re

from reader.analysis.dates import HOLIDAY_RE, ZONE_OFFSETS

Mention = tuple[int, int, str]
"""``(start, end, label)``: character offsets into the paragraph text and the entity label."""

_BARE_NUMBER = re.compile(r"^\d{1,3}$")
_AGE = re.compile(r"^\d{1,3}-years?-old$", re.IGNORECASE)
_LEADING_AGE = re.compile(r"^\d{1,3}\s+(?=(?:last|this|next|earlier|later)\b)", re.IGNORECASE)
_LEADING_COMPARISON = re.compile(
    r"^(?:less|more|fewer|higher|lower|earlier|later)\s+than\s+(?=(?:last|this|next|a|the)\b)", re.IGNORECASE
)
# A bound on a date is no part of it: "until at least December", "as early as March".
_LEADING_BOUND = re.compile(
    r"^(?:at\s+(?:the\s+)?(?:least|most|latest|earliest)|as\s+(?:early|late|soon)\s+as|no\s+(?:later|earlier)\s+than)"
    r"\s+(?=\S)",
    re.IGNORECASE,
)
# A count of periods is no date: "a second consecutive year of weak rainfall", "for the third straight
# month", "the 10th year in a row".
_PERIOD_COUNT = re.compile(
    r"^(?:(?:a|the|its|their|his|her)\s+)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"\d+(?:st|nd|rd|th))\s+(?:(?:consecutive|straight|successive)\s+(?:year|month|week|day|season|quarter)s?"
    r"|(?:year|month|week|day|season|quarter)s?\s+in\s+a\s+row)\b",
    re.IGNORECASE,
)
_YEAR_PAIR = re.compile(r"^(?:between|from)\s+(\d{4})\s+(?:and|to|until)\s+(\d{4})$", re.IGNORECASE)
_TRAILING = " \t,.;:!?)]}\"'”’—–-"
_ZONE_AFTER = re.compile(r"\s*(?:\(\s*)?(" + "|".join(ZONE_OFFSETS) + r")\b\)?")
_CLOCK = re.compile(
    r"(?<![\w:])(?:\d{1,2}:\d{2}(?:\s*[ap]\.?m\b\.?)?|\d{1,2}\s*[ap]\.?m\b\.?)"
    r"(?:\s+(?:" + "|".join(ZONE_OFFSETS) + r")\b)?",
    re.IGNORECASE,
)
_PROGRAMME_AFTER = re.compile(r"^\s+(?:programme|program|show|podcast|bulletin|broadcast)\b", re.IGNORECASE)
_POSSESSIVE_BEFORE = re.compile(r"\w['’]s\s+$")
_CALENDAR_WORD = re.compile(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|q[1-4]$|h[12]$)",
    re.IGNORECASE,
)


def _is_programme(text: str, start: int, end: int) -> bool:
    """A capitalised title used as a programme's name ("Radio 4's Today programme", "CBS's 60 Minutes")."""
    words = text[start:end].split()
    named = any(w[:1].isupper() and not _CALENDAR_WORD.match(w) for w in words)
    if not named:
        return False
    before = text[max(0, start - 40) : start]
    return bool(_PROGRAMME_AFTER.match(text[end:]) or _POSSESSIVE_BEFORE.search(before))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in _TRAILING:
        if text[end - 1] == "." and re.search(r"(?:\b[ap]\.m|\b[A-Z][a-z]{2,3})\.$", text[start:end]):
            break  # "8 p.m." and "Jan." keep their full stop
        end -= 1
    while start < end and text[start] in " \t([\"'“‘":
        start += 1
    return start, end


def correct_temporals(text: str, mentions: list[Mention]) -> tuple[list[Mention], list[Mention]]:
    """The paragraph's date and time mentions, corrected, and the numbers that were ages.

    ``mentions`` are the model's DATE/TIME spans in ``text``. Returns ``(temporals, numbers)``:
    both lists of ``(start, end, label)``, the second holding ages as ``CARDINAL``.
    """
    temporals: list[Mention] = []
    numbers: list[Mention] = []
    for start, end, label in mentions:
        start, end = _trim(text, start, end)
        words = text[start:end]
        if not words:
            continue
        if _BARE_NUMBER.match(words) or _AGE.match(words):
            numbers.append((start, end, "CARDINAL"))  # "Choi, 58,", "a 72-year-old"
            continue
        if _is_programme(text, start, end):
            continue
        if _PERIOD_COUNT.match(words):
            continue  # "a second consecutive year": how many, not when
        lead = _LEADING_AGE.match(words) or _LEADING_COMPARISON.match(words) or _LEADING_BOUND.match(words)
        if lead is not None:
            start += lead.end()
        pair = _YEAR_PAIR.match(text[start:end])
        if pair is not None:
            temporals += [(start + pair.start(1), start + pair.end(1), "DATE"),
                          (start + pair.start(2), start + pair.end(2), "DATE")]
            continue
        zone = _ZONE_AFTER.match(text, end)
        if zone is not None and (label == "TIME" or re.search(r"\d", words)):
            end = zone.end(1)
        temporals.append((start, end, label))
    for pattern, label in ((_CLOCK, "TIME"), (HOLIDAY_RE, "DATE")):
        for found in pattern.finditer(text):
            if not any(s < found.end() and found.start() < e for s, e, _ in temporals):
                temporals.append((found.start(), found.end(), label))
    temporals.sort()
    return temporals, numbers


_MONTH_DAY = re.compile(
    r"\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+\d{1,2}(?:,\s*\d{4})?\b"
    r"|(?<![\w:.])\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+(?:" + "|".join(ZONE_OFFSETS) + r")\b)?",
)


def dates_in(text: str, start: int, end: int) -> list[Mention]:
    """Dates and clock times in a stretch of furniture that is not parsed (``SEOUL, Jan. 8 (Yonhap)
    --``, ``14:05 BST —``): ``(start, end, label)`` offsets into ``text``."""
    found: list[Mention] = []
    for match in _MONTH_DAY.finditer(text, start, end):
        label = "TIME" if match.group()[:1].isdigit() else "DATE"
        found.append((match.start(), match.end(), label))
    return found
