"""A date's normalised value as people write it: ``6 August (year not stated)``, not ``--08-06``.

The analysis gives ISO 8601 values at the grain the text supports
(:class:`reader.analysis.model.DateMention`); the status line shows this
wording beside the ISO value, so a reader need not decode ``--08-06`` or
``2023-SU``. Pure functions, no Textual: every grain is unit-tested.
"""

from __future__ import annotations

import re

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth"}
QUARTER_MONTHS = {1: "January to March", 2: "April to June", 3: "July to September", 4: "October to December"}
SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
NO_YEAR = "(year not stated)"

_DAY = re.compile(r"(?P<year>\d{4}|-)-(?P<month>\d\d)-(?P<day>\d\d)$")
_MONTH = re.compile(r"(?P<year>\d{4}|-)-(?P<month>\d\d)$")
_TIME = re.compile(
    r"(?P<date>[^T]*)T(?P<hour>\d\d):(?P<minute>\d\d)(?::\d\d(?:\.\d+)?)?(?P<zone>Z|[+-]\d\d:?\d\d)?$"
)


def _month(number: str) -> str | None:
    index = int(number)
    return MONTHS[index - 1] if 1 <= index <= 12 else None


def _day(value: str) -> str | None:
    """``2024-08-06`` -> ``6 August 2024``; ``--08-06`` -> ``6 August (year not stated)``."""
    found = _DAY.match(value)
    if not found or (month := _month(found["month"])) is None:
        return None
    year = found["year"] if found["year"] != "-" else NO_YEAR
    return f"{int(found['day'])} {month} {year}"


def _zone(zone: str | None) -> str:
    if not zone:
        return ""
    if zone == "Z":
        return " UTC"
    digits = zone.replace(":", "")
    return f" (UTC{digits[:3]}:{digits[3:]})"


def readable_date(value: str | None, grain: str) -> str:
    """``value`` (ISO 8601 at ``grain``, or ``None``) in words.

    - day ``2024-08-06``: ``6 August 2024``; ``--08-06``: ``6 August (year not stated)``
    - week ``2024-W33``: ``week 33 of 2024``
    - month ``2022-02``: ``February 2022``; ``--02``: ``February (year not stated)``
    - quarter ``2024-Q3``: ``third quarter of 2024 (July to September)``
    - half ``2025-H1``: ``first half of 2025``
    - season ``2023-SU``: ``summer 2023``
    - year ``2024``: ``the year 2024``; decade ``1990s``: ``the 1990s``
    - time ``2024-06-11T14:05+01:00``: ``14:05 (UTC+01:00) on 11 June 2024``; ``T10:00``:
      ``10:00 (day not stated)``
    - no value: ``a stretch of time, not a date`` (duration), ``not pinned to a date`` (relative),
      ``no exact date`` (any other grain)

    A value that does not have the shape of its grain is returned as it is.
    """
    if value is None:
        if grain == "duration":
            return "a stretch of time, not a date"
        if grain == "relative":
            return "not pinned to a date"
        return "no exact date"
    words: str | None = None
    if grain == "time" or "T" in value:
        words = _time(value)
    elif grain == "day":
        words = _day(value)
    elif grain == "week" and (found := re.fullmatch(r"(\d{4})-W(\d\d)", value)):
        words = f"week {int(found[2])} of {found[1]}"
    elif grain == "month" and (found := _MONTH.match(value)) and (month := _month(found["month"])):
        words = f"{month} {found['year'] if found['year'] != '-' else NO_YEAR}"
    elif grain == "quarter" and (found := re.fullmatch(r"(\d{4})-Q([1-4])", value)):
        quarter = int(found[2])
        words = f"{ORDINALS[quarter]} quarter of {found[1]} ({QUARTER_MONTHS[quarter]})"
    elif grain == "half" and (found := re.fullmatch(r"(\d{4})-H([12])", value)):
        words = f"{ORDINALS[int(found[2])]} half of {found[1]}"
    elif grain == "season" and (found := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value)):
        words = f"{SEASONS[found[2]]} {found[1]}"
    elif grain == "year" and re.fullmatch(r"\d{4}", value):
        words = f"the year {value}"
    elif grain == "decade" and re.fullmatch(r"\d{3}0s", value):
        words = f"the {value}"
    return words or value


def _time(value: str) -> str | None:
    found = _TIME.match(value)
    if not found:
        return None
    clock = f"{found['hour']}:{found['minute']}{_zone(found['zone'])}"
    if not found["date"]:
        return f"{clock} (day not stated)"
    day = _day(found["date"])
    return f"{clock} on {day}" if day else None


def date_location(value: str | None, grain: str) -> str:
    """What follows ``→`` in the status line: the words, then the ISO value when it says more
    (``6 August (year not stated) · --08-06``; ``not pinned to a date``)."""
    words = readable_date(value, grain)
    if value is None or words == value:
        return words
    return f"{words} · {value}"
