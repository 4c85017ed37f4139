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
second week", "three years", "decades", "the 1990s") are not points in time:
``value=None``, grain ``duration``. Grains: ``day``, ``week`` (``2024-W33``),
``month``, ``year``, ``time``, ``duration``, ``relative``. A clock time is
``T10:00`` (grain ``time``), prefixed by the day when its own words or its
sentence pin exactly one (``2024-08-12T10:00`` for "10 a.m. on Monday").

Sentences are approximated from punctuation here (no spaCy in this module),
which is enough to decide what "the same sentence" is for anchoring.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from dateutil import parser as date_parser
from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta, weekday

from reader.analysis.model import DateMention
from reader.sources import structure

__all__ = ["normalise_dates"]

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
    years = _StatedYears([s for s, _ in stated], [y for _, y in stated], sentences, paragraphs)
    results: list[DateMention] = []
    for (start, end, label), explicit in zip(kept, fields, strict=True):
        mention_text = text[start:end]
        try:
            resolved = _resolve(
                mention_text, label, explicit, anchor, years.local(start), years.earlier(start)
            )
        except (ValueError, OverflowError, TypeError, KeyError, IndexError):
            resolved = _Resolved(None, "relative")
        results.append(DateMention(start, end, mention_text, resolved.value, resolved.grain, label))
    _pin_times_to_days(results, sentences)
    return results


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
) -> _Resolved:
    lowered = " ".join(mention.lower().split())
    if _DECADE_RE.search(lowered) or _is_range(lowered):
        return _Resolved(None, "duration")
    if explicit is not None and (explicit.year or explicit.month or explicit.day):
        return _calendar(explicit, anchor, context_year, fallback_year)
    day = _relative_day(lowered, anchor)
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


def _calendar(
    explicit: _Fields,
    anchor: date | None,
    context_year: int | None,
    fallback_year: int | None,
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


def _clock(explicit: _Fields) -> str:
    return f"T{explicit.hour or 0:02d}:{explicit.minute or 0:02d}"


def _with_time(day_value: str, explicit: _Fields | None) -> str:
    if explicit is None or explicit.hour is None or "W" in day_value:
        return day_value
    return f"{day_value}{_clock(explicit)}"


def _relative_day(lowered: str, anchor: date | None) -> _Resolved | None:
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
    if re.search(r"\bnext\s*$", before):
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
        moment = anchor - relativedelta(**{f"{unit}s": count})
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
    moment = anchor + relativedelta(**{f"{unit}s": step})
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


def _pin_times_to_days(results: list[DateMention], sentences: list[int]) -> None:
    """Prefix a bare clock time with the day that the same sentence pins down ("10 a.m. on Monday")."""
    days = [
        (bisect.bisect_right(sentences, m.start), m.value)
        for m in results
        if m.grain == "day" and m.value and not m.value.startswith("--")
    ]
    for mention in results:
        if mention.grain != "time" or not mention.value or not mention.value.startswith("T"):
            continue
        sentence = bisect.bisect_right(sentences, mention.start)
        same = [value for index, value in days if index == sentence]
        if len(set(same)) == 1:
            mention.value = f"{same[0]}{mention.value}"
