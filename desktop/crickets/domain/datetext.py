"""Dates and times of day in typed text, read with dateutil once its traps are removed.

What dateutil gets silently wrong is taken out and decided here first:

- "today", "tomorrow" and weekday names: dateutil's fuzzy mode drops "tomorrow" and lands
  on today, and it ignores a weekday that contradicts the date. Fuzzy mode is never used,
  so a word dateutil does not know is an error rather than skipped;
- numeric dates ("04/05"): both readings are kept when the order matters, never assumed;
- "12am" is midnight, flagged as "midnight" is, so a named day asks which night;
- "3.30pm": dateutil reads "15.30" as the 15th of the month;
- two-digit years: dateutil resolves them against the real clock; here they are 20xx;
- zones: already removed by :func:`crickets.domain.zones.mentions.take_zone`; tzinfos is always
  passed, so dateutil never consults the process's local zone and never warns.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time

from dateutil.parser import parser, parserinfo

from crickets.domain.timefmt import MONTHS, WEEKDAYS
from crickets.domain.zones.rules import TimeParseError, quoted

EXAMPLES = "such as 'Tue 1 Dec 2pm' or '2026-12-01 14:00'"

_DAY_WORDS = re.compile(r"\b(today|tomorrow)\b", re.I)
_VAGUE = re.compile(r"\b(next|last)\b", re.I)
_WEEKDAY = re.compile(
    r"\b(mon(?:day)?|tue(?:s|sday)?|wed(?:s|nesday)?|thu(?:r|rs|rsday)?|fri(?:day)?"
    r"|sat(?:urday)?|sun(?:day)?)\b\.?,?",
    re.I,
)
_WEEKDAY_INDEX = {name[:3].lower(): i for i, name in enumerate(WEEKDAYS)}
_MONTH_WORD = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|" + "|".join(MONTHS) + r")\b\.?",
    re.I,
)
# A time of day: "14:00", "2:30 p.m.", "14h30", "2pm"; "1400 am" only so that it is counted.
_CLOCK = re.compile(
    r"\b\d{1,2}(?:(?::\d{2}){1,2}(?:\.\d+)?|h\d{2})(?:\s*[ap]\.?m\b\.?)?|\b\d{1,4}\s*[ap]\.?m\b",
    re.I,
)
_NOON = re.compile(r"\b(noon|midday)\b", re.I)
_MIDNIGHT = re.compile(r"\bmidnight\b", re.I)
# "12am", "12:00 a.m.": midnight by another name, asked about in the same way.
_TWELVE_AM = re.compile(r"(?<![\d:.])\b12(?::00)?\s*a\.?m\b\.?", re.I)
_TWELVE = re.compile(r"\b12\s*(?=noon\b|midday\b|midnight\b)", re.I)
_MONTH_BEFORE = re.compile(_MONTH_WORD.pattern + r"\s*$", re.I)
# "3.30pm", "3.30 p.m."; and a dotted pair alone, judged by _dotted.
_DOT_AMPM = re.compile(r"\b(\d{1,2})\.(\d{2})(?=\s*[ap]\.?m\b)", re.I)
_DOT_PAIR = re.compile(r"(?<![\w.:/\-])(\d{1,2})\.(\d{2})(?![\w:/\-]|\.\d)")
# Dates in numbers: 2026/12/01 (year first, unambiguous); 04/05, 04.05.2026, 4-5-26.
_NOT_BEFORE, _NOT_AFTER = r"(?<![\w.:/\-])", r"(?![\w:/\-]|\.\d)"
_YMD = re.compile(_NOT_BEFORE + r"(\d{4})([/.\-])(\d{1,2})\2(\d{1,2})" + _NOT_AFTER)
_DMY = re.compile(_NOT_BEFORE + r"(\d{1,2})([/.\-])(\d{1,2})(?:\2(\d{4}|\d{2}))?" + _NOT_AFTER)
# Defaults that differ in every field, so two parses show which fields the text gave.
# Both are leap years, and both months have 31 days.
_DEFAULTS = (
    datetime.combine(date(2000, 1, 1), time(0, 0, 0)),
    datetime.combine(date(2004, 3, 2), time(1, 1, 1)),
)


Ymd = tuple[int | None, int, int]  # (year or None, month, day)


@dataclass(frozen=True)
class DateParts:
    """What the text gave; None where it said nothing."""

    dates: tuple[Ymd, ...]  # two when the day/month order is unclear
    at: time
    day_word: int | None = None  # days after today
    weekday: int | None = None
    midnight: bool = False
    source: str = ""  # the numeric date as typed, for the question


def read_parts(text: str, q: str, day_first: bool | None) -> DateParts:
    """Take out what dateutil gets wrong, then let it read the rest.

    ``q`` is the person's text, quoted for messages.
    """
    if _VAGUE.search(text):
        raise TimeParseError(
            f"{q} could mean different days to different people; give the date instead, "
            "such as 'Fri 4 Dec 2pm'."
        )
    text, day_words = _take(_DAY_WORDS, text)
    text, weekdays = _take(_WEEKDAY, text)
    text, midnight = _spelled_times(text, day_first)
    text, dates, source = _numeric_date(text, q, day_first)
    year, month, day, at = _read_rest(text, q, bool(day_words or weekdays or dates))
    return DateParts(
        dates=_merge_dates(dates, year, month, day, q),
        at=at,
        day_word=_one(day_words, q, lambda w: 0 if w.lower() == "today" else 1),
        weekday=_one(weekdays, q, lambda w: _WEEKDAY_INDEX[w[:3].lower()]),
        midnight=midnight,
        source=source,
    )


def _spelled_times(text: str, day_first: bool | None) -> tuple[str, bool]:
    """Noon, midnight and dotted times written as dateutil reads them safely."""
    text = _TWELVE.sub(_twelve, text)
    text = _NOON.sub(" 12:00 ", text)
    text, midnights = _MIDNIGHT.subn(" 00:00 ", text)
    text = _DOT_AMPM.sub(r"\1:\2", text)
    text = _DOT_PAIR.sub(lambda m: _dotted(m, day_first), text)
    text, twelves = _TWELVE_AM.subn(" 00:00 ", text)
    return text, bool(midnights or twelves)


def _read_rest(text: str, q: str, has_day: bool) -> tuple[int | None, int | None, int | None, time]:
    """What is left after the words handled here: exactly one time of day, at most one date."""
    clocks = _CLOCK.findall(text)
    if not clocks and (has_day or re.search(r"\d", text)):
        raise TimeParseError(f"{q} has no time of day; add one, such as 2pm or 14:00.")
    if not clocks:
        raise TimeParseError(f"{q} is not a date and time Crickets can read; try one {EXAMPLES}.")
    if len(clocks) > 1:  # dateutil would merge "3:30 2pm" into 2:30 PM
        raise TimeParseError(f"{q} gives more than one time of day; keep one.")
    if len(_MONTH_WORD.findall(text)) > 1:
        raise TimeParseError(f"{q} gives two dates; keep one.")
    year, month, day, at = _dateutil(text, q)
    if at is None or at != _dateutil(clocks[0], q)[3]:
        # dateutil took other numbers into the time of day ("1 am 30", "2026 2026")
        raise TimeParseError(f"{q} is not a date and time Crickets can read; try one {EXAMPLES}.")
    if month is not None and not _MONTH_WORD.search(text):
        raise TimeParseError(
            f"{q} gives the month as a number; write it as a word (1 Dec) or use 2026-12-01."
        )
    return year, month, day, at


def _merge_dates(
    dates: tuple[Ymd, ...], year: int | None, month: int | None, day: int | None, q: str
) -> tuple[Ymd, ...]:
    """One date from the numbers taken out earlier or from dateutil, never from both."""
    if day is not None and month is not None:
        if dates:
            raise TimeParseError(f"{q} gives two dates; keep one.")
        return ((year, month, day),)
    if day is not None or month is not None or (year is not None and not dates):
        raise TimeParseError(f"{q} needs both a day and a month, such as '1 Dec 2pm'.")
    if year is not None:
        if any(y is not None for y, _, _ in dates):
            raise TimeParseError(f"{q} gives the year twice; keep one.")
        return tuple((year, m, d) for _, m, d in dates)
    return dates


def _twelve(match: re.Match[str]) -> str:
    """Drop the 12 of "12 noon", but not the day of "Dec 12 noon"."""
    return match[0] if _MONTH_BEFORE.search(match.string[: match.start()]) else ""


def _take(pattern: re.Pattern[str], text: str) -> tuple[str, list[str]]:
    words = [m[1] for m in pattern.finditer(text)]
    return pattern.sub(" ", text), words


def _one(words: list[str], q: str, value: Callable[[str], int]) -> int | None:
    values = {value(w) for w in words}
    if len(values) > 1:
        raise TimeParseError(f"{q} names two different days; keep one.")
    return next(iter(values), None)


def _dotted(match: re.Match[str], day_first: bool | None) -> str:
    """A dotted pair: 15.30 is a time, 4.5 a date; 3.30 could be either, so it is refused."""
    first, second = int(match[1]), int(match[2])
    if not (first <= 23 and second <= 59):
        return match[0]
    if _orders(first, second, None, day_first):
        raise TimeParseError(
            f"{quoted(match[0])} could be a time or a date; write times with a colon "
            "(3:30 PM) and dates with the month as a word (30 Mar)."
        )
    return f"{first}:{match[2]}"


def _orders(first: int, second: int, year: int | None, day_first: bool | None) -> tuple[Ymd, ...]:
    """The real dates ``first/second`` can be, month first before day first."""
    orders = (False, True) if day_first is None else (day_first,)
    found: list[Ymd] = []
    for flip in orders:
        month, day = (second, first) if flip else (first, second)
        if is_date(year or 2000, month, day) and (year, month, day) not in found:
            found.append((year, month, day))
    return tuple(found)


def is_date(year: int, month: int, day: int) -> bool:
    """Whether the calendar has this day (29 February only in leap years)."""
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _numeric_date(text: str, q: str, day_first: bool | None) -> tuple[str, tuple[Ymd, ...], str]:
    """Take out a date written in numbers; two readings when the order is unclear."""
    ymd = list(_YMD.finditer(text))
    text = _YMD.sub(" ", text)
    dmy = list(_DMY.finditer(text))
    if len(ymd) + len(dmy) > 1:
        raise TimeParseError(f"{q} gives two dates; keep one.")
    if ymd:
        m = ymd[0]
        year, month, day = int(m[1]), int(m[3]), int(m[4])
        dates: tuple[Ymd, ...] = ((year, month, day),) if is_date(year, month, day) else ()
    elif dmy:
        m = dmy[0]
        year_text = m[4] or ""
        short_year = len(year_text) == 2
        full_year = int(year_text) + (2000 if short_year else 0) if year_text else None
        dates = _orders(int(m[1]), int(m[3]), full_year, day_first)
        text = _DMY.sub(" ", text)
    else:
        return text, (), ""
    if not dates:
        raise TimeParseError(f"{quoted(m[0])} is not a real date; check the day and the month.")
    return text, dates, m[0]


def _dateutil(text: str, q: str) -> tuple[int | None, int | None, int | None, time | None]:
    """Year, month, day and time of day as far as the text gives them."""
    zones: list[str] = []

    def tzinfos(name: str | None, offset: int | None) -> None:
        if name is not None or offset is not None:
            zones.append(name or "")

    try:
        first, second = (_parser().parse(text, default=d, tzinfos=tzinfos) for d in _DEFAULTS)
    except Exception as exc:  # ParserError, OverflowError, TypeError...: none may escape
        raise TimeParseError(
            f"{q} is not a date and time Crickets can read; try one {EXAMPLES}."
        ) from exc
    if zones and zones[0]:
        raise TimeParseError(
            f"{quoted(zones[0])} is not a time zone Crickets knows; give an IANA zone such as "
            "Europe/London instead."
        )
    if zones:
        raise TimeParseError(
            f"{q} has an offset Crickets cannot read safely; "
            "write it after a space, such as 14:00 +02:00."
        )

    def given(field: str) -> int | None:
        value: int = getattr(first, field)
        return value if value == getattr(second, field) else None

    at = first.time() if first.hour == second.hour else None
    return given("year"), given("month"), given("day"), at


class _Info(parserinfo):
    """dateutil's vocabulary plus a few filler words; two-digit years without the clock."""

    def __init__(self) -> None:
        self.JUMP = [*parserinfo.JUMP, "the", "this"]  # read by parserinfo.__init__
        super().__init__()

    def convertyear(self, year: int, century_specified: bool = False) -> int:
        """Two-digit years are 20xx (dateutil would ask the real clock)."""
        return year + 2000 if year < 100 and not century_specified else year


@functools.cache  # built on first use: nothing runs at import time
def _parser() -> parser:
    return parser(_Info())
