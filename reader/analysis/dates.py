"""Normalise spaCy's DATE and TIME mentions to ISO 8601 values.

A reader wants "August 6" to mean a day it can place, so each mention gets a
``value`` at the precision the text supports and a ``grain`` saying what that
precision is. The calendar work is python-dateutil's: ``parser.parse`` reads
the explicit dates and clock times, ``relativedelta`` does all arithmetic
(weekdays, "two days ago", "last month"). The code here only decides which
kind of expression a mention is and which anchor it is resolved against.

Anchors, in order of trust, for a date that lacks its year ("August 6"):

1. an explicit year in another mention of the same sentence, or earlier in
   the same paragraph ("On August 10, 2024 ... by August 6");
2. the publication date: the year that puts the date on or before it (news
   reports the past);
3. the nearest explicit year earlier in the article.

Without any of these the value is the XML Schema partial form (``--08-06``
for a day, ``--08`` for a month). Relative expressions ("Monday",
"yesterday", "last week", "two days ago") need the publication date; without
it they keep ``value=None`` and grain ``relative``. Stretches of time ("its
second week", "three years", "decades") are not points in time:
``value=None``, grain ``duration``. Grains: ``day``, ``week`` (``2024-W33``),
``month``, ``quarter`` (``2024-Q3``), ``half`` (``2025-H1``), ``season``
(``2023-SU``), ``year``, ``decade`` (``1990s``), ``time``, ``duration``,
``relative``. A clock time is ``T10:00`` (grain ``time``), prefixed by its
day: the one its own words or its sentence pin (``2024-08-12T10:00`` for "10
a.m. on Monday"), else the last named earlier in its paragraph, else the
publication date; a zone (``14:05 BST``) becomes a UTC offset
(``...T14:05+01:00``), and a time without one takes the zone all the
article's other times share.

Tense: in a future clause ("will vote on Friday", "would premiere in
October", "is expected to launch on Thursday") a weekday, a yearless month or
day, a quarter, a half or a season takes its next occurrence on or after
publication instead of the latest one before it. Only a full date lends its
year to a yearless date nearby: a bare year ("since the survey began in
2011") stays in its own clause.

Sentences are approximated from punctuation here (no spaCy in this module),
which is enough to decide what "the same sentence" is for anchoring.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from dateutil import parser as date_parser
from dateutil.easter import easter
from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta, weekday

from reader.analysis.model import DateMention
from reader.sources import structure

__all__ = ["HOLIDAY_RE", "ZONE_OFFSETS", "normalise_dates"]

DEFAULT_LABELS = ("DATE", "TIME")

# Two defaults that differ in every field: a field is in the text exactly when both parses agree on it.
# Both years are leap years so that "February 29" parses under either.
_DEFAULT_A = datetime(2000, 1, 1, 0, 0)
_DEFAULT_B = datetime(2004, 2, 2, 1, 1)

_MONTH_RE = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?",
    re.IGNORECASE,
)
_YEAR_RE = re.compile(r"(?<![\d'’])(?:1[5-9]\d\d|20\d\d)(?![\d]|s\b)")
_NUMERIC_DATE_RE = re.compile(r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b")
_CLOCK_RE = re.compile(r"\b\d{1,2}(?::\d{2})?\s*(?:[ap]\.?\s?m\b\.?)|\b\d{1,2}:\d{2}\b", re.IGNORECASE)
_DECADE_RE = re.compile(r"(?:\b(?:1\d|20)\d0s\b|['’]\d0s\b|\bcentur(?:y|ies)\b|\bmillenni)", re.IGNORECASE)
# Ranges are stretches of time: "2022-23", "2020 to 2022", "Aug 6-8", "January to March".
_RANGE_RE = re.compile(
    r"\b\d{4}\s*(?:[-–/]|to|and)\s*(?:\d{4}|\d{2})\b(?![-/.]\d)"
    r"|(?<![\d/.-])\d{1,2}(?:st|nd|rd|th)?\s*(?:[-–]|to|and|until|through)\s*\d{1,2}(?:st|nd|rd|th)?\b(?![/.-]\d)",
    re.IGNORECASE,
)
# "Q3 2023", "the first quarter of 2024": dateutil would read the digit as a month.
_QUARTER_RE = re.compile(r"\bq[1-4]\b|\bquarter\b|\bhalf\b", re.IGNORECASE)
# "a year earlier", "two days later", "the week before": anchored to another event, not publication.
_ANAPHORIC_RE = re.compile(r"\b(?:earlier|later|before|after|afterwards?|previously|prior|since)\s*$")
_WEEKDAY_RE = re.compile(r"\b(mon|tues|wednes|thurs|fri|satur|sun)day(s)?\b", re.IGNORECASE)
_AGO_RE = re.compile(
    r"\b(?P<count>\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a couple of)"
    r"\s+(?P<unit>day|week|fortnight|month|year)s?\s+ago\b",
    re.IGNORECASE,
)
_THIS_LAST_NEXT_RE = re.compile(
    r"\b(?P<which>this|last|next|past|coming)\s+(?P<unit>week|month|year)\b", re.IGNORECASE
)
_UNIT = r"(?:second|minute|hour|day|night|week|fortnight|month|year|decade|century|generation)"
# A stretch of time: plural units ("three years", "decades", "recent weeks"), a counted or ordinal
# unit ("a week", "its second week") or an age. A bare singular ("that day", "the same night") is an
# anaphoric point in time, not a duration.
_DURATION_RE = re.compile(
    r"\b(?:second|minute|hour|day|night|week|fortnight|month|year|decade|centurie|generation)s\b"
    r"|\b(?:a|an|one|half an?|\d+(?:\.\d+)?|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
    r"|tenth|last|final|\d+(?:st|nd|rd|th)|several|few|couple of)\s+(?:full\s+)?" + _UNIT + r"\b"
    r"|\b\d+-(?:year|month|week|day)s?-old\b",
    re.IGNORECASE,
)
# Points coarser than a month: "the 1990s", "Q3 2024", "the fourth quarter", "the first half of 2025",
# "the summer of 2023".
_DECADE_POINT_RE = re.compile(
    r"^(?:the\s+)?(?:(?:early|mid|late)[- ])?(?:(?P<century>1\d|20)(?P<decade>\d)0s|['’](?P<short>\d)0s)$",
    re.IGNORECASE,
)
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
             "final": 4, "last": 4}
_QUARTER_POINT_RE = re.compile(
    r"\bq(?P<q>[1-4])\b|\b(?P<qword>first|1st|second|2nd|third|3rd|fourth|4th|final)[- ]quarter\b",
    re.IGNORECASE,
)
_HALF_POINT_RE = re.compile(r"\b(?P<hword>first|1st|second|2nd)[- ]half\b|\bh(?P<h>[12])\b", re.IGNORECASE)
_SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
_SEASON_RE = re.compile(r"\b(?P<season>spring|summer|autumn|fall|winter)\b", re.IGNORECASE)
# "Tuesday of last week", "Monday next week", "the 1st of last month", "earlier this month".
_WEEKDAY_OF_WEEK_RE = re.compile(r"\b(?:of\s+)?(?P<which>last|this|next)\s+week\b", re.IGNORECASE)
_DAY_OF_MONTH_RE = re.compile(
    r"^(?:the\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+of\s+(?P<which>last|this|next)\s+month$", re.IGNORECASE
)
_PART_OF_PERIOD_RE = re.compile(
    r"^(?:(?:earlier|later|early|late|the\s+(?:start|end|beginning|middle)\s+of)\s+)?(?:the\s+)?"
    r"(?P<which>this|last|next|the)\s+(?P<unit>week|month|year)$",
    re.IGNORECASE,
)
# Words before a date, in its own clause, that put it in the future: "will vote on Friday",
# "would premiere in October", "is expected to launch her bid on Thursday".
_FUTURE_RE = re.compile(
    r"\b(?:will|would|shall|won['’]t|wouldn['’]t|going\s+to|due\s+to|set\s+to|expected\s+to|scheduled\s+to"
    r"|plans?\s+to|planning\s+to|intends?\s+to|aims?\s+to|is\s+to|are\s+to|promised|vowed"
    r"|expects?|expected|forecasts?|forecast|predicts?|predicted)\b|['’]ll\b",
    re.IGNORECASE,
)
# Modal verbs of possibility put a date ahead too ("the reservoir could fall below 20 percent by
# October"); lower case only, so that the month May is never one.
_FUTURE_MODAL_RE = re.compile(r"\b(?:could|might|may|should|must)\s+(?!have\b)")
# Where a clause begins, for the tense of a date in it. A "when" clause takes the main clause's
# tense ("will table an amendment when the Commons votes on Friday"), so it does not break.
_CLAUSE_BREAK_RE = re.compile(r"[,;:—–(]|\s-\s|\b(?:that|but|and)\b")
# Clock times' zones, as UTC offsets.
ZONE_OFFSETS: dict[str, str] = {
    "UTC": "+00:00", "GMT": "+00:00", "BST": "+01:00", "IST": "+05:30", "CET": "+01:00", "CEST": "+02:00",
    "EET": "+02:00", "EEST": "+03:00", "MSK": "+03:00", "EST": "-05:00", "EDT": "-04:00", "CST": "-06:00",
    "CDT": "-05:00", "MST": "-07:00", "MDT": "-06:00", "PST": "-08:00", "PDT": "-07:00", "JST": "+09:00",
    "KST": "+09:00", "HKT": "+08:00", "SGT": "+08:00", "AEST": "+10:00", "AEDT": "+11:00", "NZST": "+12:00",
    "NZDT": "+13:00", "WIB": "+07:00", "PKT": "+05:00", "SAST": "+02:00", "WAT": "+01:00", "EAT": "+03:00",
}
_ZONE_RE = re.compile(r"\b(" + "|".join(ZONE_OFFSETS) + r")\b")


def _nth_weekday(year: int, month: int, day: weekday, n: int) -> date:
    """The ``n``-th ``day`` of the month (``n=-1``: the last one)."""
    if n > 0:
        return date(year, month, 1) + relativedelta(weekday=day(+n))
    return date(year, month, 1) + relativedelta(day=31, weekday=day(-1))


# Named days, by the date they fall on in a given year.
_HOLIDAYS: dict[str, Callable[[int], date]] = {
    "new year's day": lambda y: date(y, 1, 1),
    "new year's eve": lambda y: date(y, 12, 31),
    "christmas eve": lambda y: date(y, 12, 24),
    "christmas day": lambda y: date(y, 12, 25),
    "christmas": lambda y: date(y, 12, 25),
    "boxing day": lambda y: date(y, 12, 26),
    "valentine's day": lambda y: date(y, 2, 14),
    "st patrick's day": lambda y: date(y, 3, 17),
    "st. patrick's day": lambda y: date(y, 3, 17),
    "halloween": lambda y: date(y, 10, 31),
    "republic day": lambda y: date(y, 1, 26),
    "australia day": lambda y: date(y, 1, 26),
    "anzac day": lambda y: date(y, 4, 25),
    "canada day": lambda y: date(y, 7, 1),
    "bastille day": lambda y: date(y, 7, 14),
    "juneteenth": lambda y: date(y, 6, 19),
    "armistice day": lambda y: date(y, 11, 11),
    "remembrance day": lambda y: date(y, 11, 11),
    "veterans day": lambda y: date(y, 11, 11),
    "bonfire night": lambda y: date(y, 11, 5),
    "guy fawkes night": lambda y: date(y, 11, 5),
    "songkran": lambda y: date(y, 4, 13),
    "king's day": lambda y: date(y, 4, 27),
    "koningsdag": lambda y: date(y, 4, 27),
    "labor day": lambda y: _nth_weekday(y, 9, MO, 1),
    "memorial day": lambda y: _nth_weekday(y, 5, MO, -1),
    "thanksgiving": lambda y: _nth_weekday(y, 11, TH, 4),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, TH, 4),
    "martin luther king day": lambda y: _nth_weekday(y, 1, MO, 3),
    "presidents' day": lambda y: _nth_weekday(y, 2, MO, 3),
    "prinsjesdag": lambda y: _nth_weekday(y, 9, TU, 3),
    "easter": easter,
    "easter sunday": easter,
    "good friday": lambda y: easter(y) - relativedelta(days=2),
    "easter monday": lambda y: easter(y) + relativedelta(days=1),
}
_HOLIDAY_NAMES = sorted(_HOLIDAYS, key=len, reverse=True)
HOLIDAY_RE = re.compile(
    r"\b(?:" + "|".join(re.escape(name).replace("'", "['’]") for name in _HOLIDAY_NAMES) + r")\b",
    re.IGNORECASE,
)
"""Named days Byline can date ("Labor Day", "Prinsjesdag"): the parse adds them as DATE mentions."""


_COUNT_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "a couple of": 2,
}
_WEEKDAYS: dict[str, weekday] = {
    "mon": MO,
    "tues": TU,
    "wednes": WE,
    "thurs": TH,
    "fri": FR,
    "satur": SA,
    "sun": SU,
}
# Words that make a mention a specific day relative to the publication date, with the offset in days.
_DAY_WORDS = (
    ("day before yesterday", -2),
    ("day after tomorrow", 2),
    ("yesterday", -1),
    ("last night", -1),
    ("tomorrow", 1),
    ("today", 0),
    ("tonight", 0),
    ("this morning", 0),
    ("this afternoon", 0),
    ("this evening", 0),
)


@dataclass(frozen=True, slots=True)
class _Fields:
    """Which calendar fields a mention states explicitly (``None`` when absent)."""

    year: int | None
    month: int | None
    day: int | None
    hour: int | None
    minute: int | None


@dataclass(slots=True)
class _Resolved:
    value: str | None
    grain: str


def normalise_dates(
    mentions: Sequence[tuple[int, int, str]],
    text: str,
    published: str | None,
    labels: Sequence[str] | None = None,
    *,
    sentence_starts: Sequence[int] | None = None,
    paragraph_starts: Sequence[int] | None = None,
) -> list[DateMention]:
    """A :class:`DateMention` for every DATE/TIME mention, in the order given.

    ``mentions`` are ``(start, end, label)`` offsets into ``text``;
    ``published`` is the article's ISO publication date, if known. ``labels``
    restricts which entity labels are normalised (default DATE and TIME);
    mentions with other labels, or with offsets outside ``text``, are
    skipped. Odd input never raises: a mention that cannot be read gets
    ``value=None``.
    """
    wanted = set(DEFAULT_LABELS if labels is None else labels)
    anchor = _publication_date(published)
    # Sentences and paragraphs as the rest of Byline sees them: the parser's sentences when the
    # pipeline passes them, else the one sentence rule (reader.sources.structure).
    if sentence_starts is None or paragraph_starts is None:
        detected = structure.detect_structure(text)
        if sentence_starts is None:
            sentence_starts = structure.sentence_starts(text, detected)
        if paragraph_starts is None:
            paragraph_starts = detected.starts
    sentences = sorted(sentence_starts)
    paragraphs = sorted(paragraph_starts)
    kept = [(s, e, label) for s, e, label in mentions if label in wanted and 0 <= s <= e <= len(text)]
    fields = [_explicit_fields(text[s:e]) for s, e, _ in kept]
    stated = sorted(
        (start, found.year)
        for (start, _end, _label), found in zip(kept, fields, strict=True)
        if found is not None and found.year is not None
    )
    # Only a full date lends its year to a yearless date nearby ("between August 6 and August 10,
    # 2023"): a bare year belongs to its own clause ("since the survey began in 2011, ... in October").
    dated = [
        (start, found.year)
        for (start, _end, _label), found in zip(kept, fields, strict=True)
        if found is not None and found.year is not None and found.month is not None
    ]
    dated.sort()
    years = _StatedYears([s for s, _ in dated], [y for _, y in dated], sentences, paragraphs)
    all_years = _StatedYears([s for s, _ in stated], [y for _, y in stated], sentences, paragraphs)
    results: list[DateMention] = []
    for (start, end, label), explicit in zip(kept, fields, strict=True):
        mention_text = text[start:end]
        future = _in_future_clause(text, start, sentences)
        try:
            resolved = _resolve(
                mention_text,
                label,
                explicit,
                anchor,
                years.local(start) or all_years.same_clause(start, text),
                all_years.earlier(start),
                future,
            )
        except (ValueError, OverflowError, TypeError, KeyError, IndexError):
            resolved = _Resolved(None, "relative")
        results.append(DateMention(start, end, mention_text, resolved.value, resolved.grain, label))
    _pin_times_to_days(results, sentences, paragraphs, anchor)
    _add_zones(results)
    return results


def _in_future_clause(text: str, start: int, sentences: list[int]) -> bool:
    """Whether the words before ``start`` in its clause put it in the future ("will vote on Friday",
    "Sun, who turned 22 last month, will face ... on Wednesday")."""
    index = bisect.bisect_right(sentences, start)
    sentence_start = sentences[index - 1] if index else 0
    before = text[sentence_start:start]
    breaks = list(_CLAUSE_BREAK_RE.finditer(before))
    clause = before[breaks[-1].end() :] if breaks else before
    return bool(_FUTURE_RE.search(clause) or _FUTURE_MODAL_RE.search(clause))


def _publication_date(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date_parser.isoparse(published.strip()).date()
    except (ValueError, OverflowError, TypeError):
        pass
    try:  # "August 15, 2024" from a page's metadata: only a complete date will do
        first = date_parser.parse(published, default=_DEFAULT_A, ignoretz=True)
        second = date_parser.parse(published, default=_DEFAULT_B, ignoretz=True)
    except (ValueError, OverflowError, TypeError):
        return None
    return first.date() if first.date() == second.date() else None


def _is_range(mention: str) -> bool:
    return bool(_RANGE_RE.search(mention)) or len(_MONTH_RE.findall(mention)) > 1


def _explicit_fields(mention: str) -> _Fields | None:
    """The calendar fields the mention states, read by dateutil, or ``None``.

    dateutil fills missing fields from a default; parsing with two defaults
    that differ everywhere shows which fields came from the text. Only
    mentions that contain a month name, a four-digit year, a numeric date or
    a clock time are parsed, because fuzzy parsing would otherwise read a
    date into "second week".
    """
    if _DECADE_RE.search(mention) or _is_range(mention):
        return None
    if not (
        _MONTH_RE.search(mention)
        or _YEAR_RE.search(mention)
        or _NUMERIC_DATE_RE.search(mention)
        or _CLOCK_RE.search(mention)
    ):
        return None
    if _QUARTER_RE.search(mention):
        year = _YEAR_RE.search(mention)
        return _Fields(int(year.group()), None, None, None, None) if year else None
    try:
        first = date_parser.parse(mention, default=_DEFAULT_A, fuzzy=True, ignoretz=True)
        second = date_parser.parse(mention, default=_DEFAULT_B, fuzzy=True, ignoretz=True)
    except (ValueError, OverflowError, TypeError):
        return None

    def stated(name: str) -> int | None:
        value = getattr(first, name)
        return value if value == getattr(second, name) else None

    fields = _Fields(stated("year"), stated("month"), stated("day"), stated("hour"), stated("minute"))
    if fields.year is not None and not _YEAR_RE.search(mention) and not _NUMERIC_DATE_RE.search(mention):
        # A two-digit number read as a year ("6/8" style guesses): not a year the text states.
        fields = _Fields(None, fields.month, fields.day, fields.hour, fields.minute)
    return fields


# One step of a calendar unit, by the unit's name.
_UNIT_STEPS: dict[str, Callable[[int], relativedelta]] = {
    "week": lambda n: relativedelta(weeks=n),
    "month": lambda n: relativedelta(months=n),
    "year": lambda n: relativedelta(years=n),
}


def _clause_break_between(text: str, first: int, second: int) -> bool:
    return bool(_CLAUSE_BREAK_RE.search(text[min(first, second) : max(first, second)]))


@dataclass(frozen=True, slots=True)
class _StatedYears:
    """The years that mentions state explicitly, by position, for anchoring yearless dates."""

    starts: list[int]
    years: list[int]
    sentences: list[int]
    paragraphs: list[int]

    def local(self, position: int) -> int | None:
        """The nearest stated year in the same sentence (either side) or earlier in the same paragraph.

        Sentence boundaries include paragraph boundaries, so that window is
        from the paragraph start to the sentence end; bisecting into it keeps
        the whole pass near-linear however many dates an article has.
        """
        paragraph = bisect.bisect_right(self.paragraphs, position)
        sentence = bisect.bisect_right(self.sentences, position)
        window_start = self.paragraphs[paragraph - 1] if paragraph else 0
        window_end = self.sentences[sentence] if sentence < len(self.sentences) else None
        low = bisect.bisect_left(self.starts, window_start)
        high = len(self.starts) if window_end is None else bisect.bisect_left(self.starts, window_end)
        candidates = [
            (abs(self.starts[i] - position), i) for i in range(low, high) if self.starts[i] != position
        ]
        return self.years[min(candidates)[1]] if candidates else None

    def same_clause(self, position: int, text: str) -> int | None:
        """The nearest stated year in the same clause of the same sentence, either side ("on August 6
        ... in 2023"); a clause break between them ("since the survey began in 2011, ...") keeps it
        out."""
        sentence = bisect.bisect_right(self.sentences, position)
        window_start = self.sentences[sentence - 1] if sentence else 0
        window_end = self.sentences[sentence] if sentence < len(self.sentences) else len(text)
        low, high = bisect.bisect_left(self.starts, window_start), bisect.bisect_left(self.starts, window_end)
        candidates = [
            (abs(start - position), i)
            for i, start in enumerate(self.starts[low:high], start=low)
            if start != position and not _clause_break_between(text, start, position)
        ]
        return self.years[min(candidates)[1]] if candidates else None

    def earlier(self, position: int) -> int | None:
        """The nearest stated year anywhere before ``position``."""
        index = bisect.bisect_left(self.starts, position)
        return self.years[index - 1] if index else None


def _resolve(
    mention: str,
    label: str,
    explicit: _Fields | None,
    anchor: date | None,
    context_year: int | None,
    fallback_year: int | None,
    future: bool = False,
) -> _Resolved:
    lowered = " ".join(mention.lower().split())
    coarse = _coarse_point(lowered, explicit, anchor, context_year, future)
    if coarse is not None:
        return coarse
    if _DECADE_RE.search(lowered) or _is_range(lowered):
        return _Resolved(None, "duration")
    if explicit is not None and (explicit.year or explicit.month or explicit.day):
        return _calendar(explicit, anchor, context_year, fallback_year, future)
    day = _relative_day(lowered, anchor, future)
    if day is not None and day.value is None and explicit is not None and explicit.hour is not None:
        return _Resolved(_clock(explicit), "time")  # "10 a.m. Tuesday" with no date to place Tuesday
    if day is not None:
        value = _with_time(day.value, explicit) if day.value and label == "TIME" else day.value
        return _Resolved(value, "time" if value and "T" in value else day.grain)
    if explicit is not None and explicit.hour is not None:
        return _Resolved(_clock(explicit), "time")
    if lowered.endswith(("noon", "midday")):
        return _Resolved("T12:00", "time")
    if lowered.endswith("midnight"):
        return _Resolved("T00:00", "time")
    period = _relative_period(lowered, anchor)
    if period is not None:
        return period
    if _ANAPHORIC_RE.search(lowered):
        return _Resolved(None, "relative")
    if _DURATION_RE.search(lowered):
        return _Resolved(None, "duration")
    return _Resolved(None, "relative")


def _coarse_point(
    lowered: str, explicit: _Fields | None, anchor: date | None, context_year: int | None, future: bool
) -> _Resolved | None:
    """Decades, quarters, halves, seasons, named days, "the 1st of last month" and "earlier this
    month": points in time that dateutil cannot read, or reads as something else."""
    decade = _DECADE_POINT_RE.match(lowered)
    if decade is not None:
        if decade.group("century"):
            return _Resolved(f"{decade.group('century')}{decade.group('decade')}0s", "decade")
        tens = int(decade.group("short"))
        century = 20 if anchor is not None and 2000 + tens * 10 <= anchor.year else 19
        return _Resolved(f"{century}{tens}0s", "decade")
    stated_year = _YEAR_RE.search(lowered)
    year = int(stated_year.group()) if stated_year else None
    periods = ((_QUARTER_POINT_RE, 3, "quarter", "Q"), (_HALF_POINT_RE, 6, "half", "H"))
    for pattern, size, grain, code in periods:
        found = pattern.search(lowered)
        if found is None:
            continue
        digit = found.group(1) or found.group(2)
        number = int(digit) if digit.isdigit() else min(_ORDINALS[digit], 12 // size)
        when = year or _period_year(number, size, anchor, future)
        return _Resolved(f"{when:04d}-{code}{number}" if when else None, grain if when else "relative")
    season = _SEASON_RE.search(lowered)
    which = re.search(r"\b(this|last|next|coming)\b", lowered)
    if season is not None and (year or which or lowered.startswith("the")):
        start_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[_SEASONS[season.group("season")]]
        if year is None and anchor is not None:
            step = {"this": 0, "last": -1, "next": 1, "coming": 1}[which.group(1)] if which else None
            year = _season_year(start_month, anchor, step, future)
        code = _SEASONS[season.group("season")]
        return _Resolved(f"{year:04d}-{code}", "season") if year else _Resolved(None, "relative")
    holiday = HOLIDAY_RE.search(lowered)
    if holiday is not None and (explicit is None or explicit.month is None):
        rule = _HOLIDAYS[holiday.group().replace("’", "'")]
        when = year or context_year
        if when is not None:
            return _Resolved(rule(when).isoformat(), "day")
        if anchor is None:
            return _Resolved(None, "relative")
        # A future clause takes the next one; otherwise the nearest ("a decision before Songkran").
        options = [rule(anchor.year + step) for step in (-1, 0, 1)]
        if future:
            options = [day for day in options if day >= anchor]
        return _Resolved(min(options, key=lambda day: abs((day - anchor).days)).isoformat(), "day")
    day_of_month = _DAY_OF_MONTH_RE.match(lowered)
    if day_of_month is not None:
        if anchor is None:
            return _Resolved(None, "relative")
        step = {"last": -1, "this": 0, "next": 1}[day_of_month.group("which")]
        month = anchor + relativedelta(months=step, day=1)
        return _Resolved(date(month.year, month.month, int(day_of_month.group("day"))).isoformat(), "day")
    part = _PART_OF_PERIOD_RE.match(lowered)
    if part is not None and not lowered.startswith(("the last", "the next", "the past", "the coming")):
        if anchor is None:
            return _Resolved(None, "relative")
        step = {"this": 0, "the": 0, "last": -1, "next": 1}[part.group("which")]
        unit = part.group("unit")
        return _grain_value(anchor + _UNIT_STEPS[unit](step), unit)
    return None


def _period_year(number: int, size: int, anchor: date | None, future: bool) -> int | None:
    """The year of a quarter or half named without one: the latest on or before publication, or,
    in a future clause, the next on or after it."""
    if anchor is None:
        return None
    current = (anchor.month - 1) // size + 1
    if future:
        return anchor.year if number >= current else anchor.year + 1
    return anchor.year if number <= current else anchor.year - 1


def _season_year(start_month: int, anchor: date, step: int | None, future: bool) -> int:
    """The year of a season named without one ("next spring", "this summer", "the winter"): by
    ``step`` (this 0, next 1, last -1) or else by the clause's tense."""
    if step == 0:
        return anchor.year
    if step == 1 or (step is None and future):
        return anchor.year if start_month > anchor.month else anchor.year + 1
    if step == -1:
        return anchor.year if start_month + 3 <= anchor.month else anchor.year - 1
    return anchor.year if start_month <= anchor.month else anchor.year - 1


def _calendar(
    explicit: _Fields,
    anchor: date | None,
    context_year: int | None,
    fallback_year: int | None,
    future: bool = False,
) -> _Resolved:
    """A date with at least one calendar field stated: fill in the year from the anchors."""
    if explicit.month is None:
        if explicit.year is not None and explicit.day is None:
            return _Resolved(f"{explicit.year:04d}", "year")  # "2022", "summer 2023", "late 2023"
        return _Resolved(None, "relative")  # "the 6th": a day of an unknown month
    year = explicit.year
    if year is None:
        year = context_year
    if year is None and anchor is not None:
        if future:
            year = _year_on_or_after(explicit.month, explicit.day, anchor)
        else:
            year = _year_on_or_before(explicit.month, explicit.day or 1, anchor)
    if year is None:
        year = fallback_year
    if explicit.day is None:
        month_value = f"{year:04d}-{explicit.month:02d}" if year else f"--{explicit.month:02d}"
        return _Resolved(month_value, "month")
    # Validates the day for the month (February 30 is not a date).
    checked = date(year or 2000, explicit.month, explicit.day)
    day_value = checked.isoformat() if year else f"--{explicit.month:02d}-{explicit.day:02d}"
    if explicit.hour is not None and year:
        return _Resolved(f"{day_value}{_clock(explicit)}", "time")
    return _Resolved(day_value, "day")


def _year_on_or_before(month: int, day: int, anchor: date) -> int:
    """The year that puts month/day on or before the publication date."""
    if (month, day) <= (anchor.month, anchor.day):
        return anchor.year
    return anchor.year - 1


def _year_on_or_after(month: int, day: int | None, anchor: date) -> int:
    """The year that puts month/day (or the month) on or after the publication date."""
    if (month, day or 31) >= (anchor.month, anchor.day if day else 1):
        return anchor.year
    return anchor.year + 1


def _clock(explicit: _Fields) -> str:
    return f"T{explicit.hour or 0:02d}:{explicit.minute or 0:02d}"


def _with_time(day_value: str, explicit: _Fields | None) -> str:
    if explicit is None or explicit.hour is None or "W" in day_value:
        return day_value
    return f"{day_value}{_clock(explicit)}"


def _relative_day(lowered: str, anchor: date | None, future: bool = False) -> _Resolved | None:
    """Weekdays and yesterday/today/tomorrow, resolved against the publication date."""
    offset = next((days for words, days in _DAY_WORDS if words in lowered), None)
    weekday_match = _WEEKDAY_RE.search(lowered)
    if offset is None and weekday_match is None:
        return None
    if anchor is None:
        return _Resolved(None, "relative")
    if offset is not None:
        return _Resolved((anchor + relativedelta(days=offset)).isoformat(), "day")
    assert weekday_match is not None
    if weekday_match.group(2):
        return _Resolved(None, "relative")  # "on Mondays": a habit, not a day
    target = _WEEKDAYS[weekday_match.group(1).lower()]
    before = lowered[: weekday_match.start()]
    of_week = _WEEKDAY_OF_WEEK_RE.search(lowered, weekday_match.end())
    if of_week is not None:
        # "Tuesday of last week": that weekday in the ISO week before publication.
        step = {"last": -1, "this": 0, "next": 1}[of_week.group("which").lower()]
        monday = anchor + relativedelta(weeks=step, weekday=MO(-1))
        return _Resolved((monday + relativedelta(weekday=target(+1))).isoformat(), "day")
    if re.search(r"\bnext\s*$", before) or (future and not re.search(r"\blast\s*$", before)):
        resolved = anchor + relativedelta(days=1, weekday=target(+1))
    elif re.search(r"\blast\s*$", before):
        resolved = anchor + relativedelta(days=-1, weekday=target(-1))
    else:
        resolved = anchor + relativedelta(weekday=target(-1))
    return _Resolved(resolved.isoformat(), "day")


def _relative_period(lowered: str, anchor: date | None) -> _Resolved | None:
    """ "two days ago", "last week", "this year": a day, ISO week, month or year around publication."""
    ago = _AGO_RE.search(lowered)
    if ago is not None:
        count_text = ago.group("count")
        count = int(count_text) if count_text.isdigit() else _COUNT_WORDS[count_text]
        unit = ago.group("unit")
        if unit == "fortnight":
            unit, count = "week", count * 2
        if anchor is None:
            return _Resolved(None, "relative")
        shift: dict[str, Any] = {f"{unit}s": count}  # days=, weeks=, months= or years=
        moment = anchor - relativedelta(**shift)
        return _grain_value(moment, unit)
    period = _THIS_LAST_NEXT_RE.search(lowered)
    if period is None:
        return None
    which, unit = period.group("which"), period.group("unit")
    if which == "past" or re.search(r"\b(the|these|those)\s+(last|past|coming)\b", lowered):
        return _Resolved(None, "duration")  # "the past week": a stretch of time up to publication
    if anchor is None:
        return _Resolved(None, "relative")
    step = {"this": 0, "last": -1, "next": 1, "coming": 1}[which]
    shift = {f"{unit}s": step}
    moment = anchor + relativedelta(**shift)
    return _grain_value(moment, unit)


def _grain_value(moment: date, unit: str) -> _Resolved:
    if unit == "day":
        return _Resolved(moment.isoformat(), "day")
    if unit == "week":
        iso = moment.isocalendar()
        return _Resolved(f"{iso.year:04d}-W{iso.week:02d}", "week")
    if unit == "month":
        return _Resolved(f"{moment.year:04d}-{moment.month:02d}", "month")
    return _Resolved(f"{moment.year:04d}", "year")


def _pin_times_to_days(
    results: list[DateMention], sentences: list[int], paragraphs: list[int], anchor: date | None
) -> None:
    """Prefix a bare clock time with its day: the one its sentence pins down ("10 a.m. on Monday"),
    else the last day named earlier in its paragraph, else the publication date (a live blog's
    "14:05 BST" is that day's)."""
    days = [
        (m.start, bisect.bisect_right(sentences, m.start), m.value)
        for m in results
        if m.grain == "day" and m.value and not m.value.startswith("--")
    ]
    for mention in results:
        if mention.grain != "time" or not mention.value or not mention.value.startswith("T"):
            continue
        sentence = bisect.bisect_right(sentences, mention.start)
        same = {value for _, index, value in days if index == sentence}
        paragraph = bisect.bisect_right(paragraphs, mention.start)
        paragraph_start = paragraphs[paragraph - 1] if paragraph else 0
        earlier = [value for start, _, value in days if paragraph_start <= start < mention.start]
        if len(same) == 1:
            mention.value = f"{same.pop()}{mention.value}"
        elif not same and earlier:
            mention.value = f"{earlier[-1]}{mention.value}"
        elif not same and anchor is not None:
            mention.value = f"{anchor.isoformat()}{mention.value}"


def _add_zones(results: list[DateMention]) -> None:
    """Give a clock time its zone as a UTC offset ("14:05 BST" -> ``...T14:05+01:00``); a time
    without one takes the zone of the article's other times when they all share one."""
    zones = {
        m.start: found.group(1) for m in results if m.grain == "time" and (found := _ZONE_RE.search(m.text))
    }
    shared = next(iter(zones.values())) if len(set(zones.values())) == 1 else None
    for mention in results:
        if mention.grain != "time" or not mention.value or "T" not in mention.value:
            continue
        zone = zones.get(mention.start, shared)
        if zone is not None:
            mention.value = f"{mention.value}{ZONE_OFFSETS[zone]}"
