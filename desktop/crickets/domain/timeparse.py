"""What people type, turned into one instant: "Tue 1 Dec 2pm", "2026-12-01 14:00 EST".

The public face of time parsing. ISO 8601 ("2026-12-01 14:00", with or without seconds,
"T", an offset or Z) is read exactly; anything else is read leniently by
:mod:`crickets.domain.datetext` (dateutil with its traps removed), after the zone mentions
have been taken out by :mod:`crickets.domain.zones.mentions`. This module then decides the day
and resolves the wall-clock time in its zone (:mod:`crickets.domain.zones.rules`).

Decisions on what the text leaves out, each reported in ``ParsedTime.notes``:

- a time alone ("2pm") is today while still ahead of ``now``, else tomorrow (on the clock
  of the zone the text names, so "2pm UTC" is the next 2 PM UTC);
- day words ("today", "tomorrow", a weekday) and a date without a year count from the
  person's own day (``my_zone``), never from the day in a zone the text names;
- a weekday alone ("Friday 2pm") is the coming one, today included while the time is
  still ahead; "next Friday" is refused, since people mean different days by it;
- a date without a year is the next one on or after today;
- "midnight" and "12am" alone are the coming one; with a day they are asked (the start or
  the end of that day; typed on that weekday, tonight or a week on);
- an abbreviation with several meanings ("IST") is read in the zone that shows it, and
  the notes say so.

Nothing is guessed silently: a day/month order that matters, the repeated hour, midnight
and a zone in the text that disagrees with the season or the zone given are asked
(:class:`AmbiguousTime`, see :mod:`crickets.domain.zones.agreement`); a DST gap, a weekday
that contradicts the date or a date more than a year back or two years ahead is refused
(:class:`TimeParseError`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, time, timedelta

from crickets.domain.clock import require_aware
from crickets.domain.datetext import EXAMPLES, DateParts, is_date, read_parts
from crickets.domain.timefmt import MONTHS, WEEKDAYS, clock_time, day_text
from crickets.domain.zones.agreement import hint_tzinfo, resolve_hinted
from crickets.domain.zones.arguments import zone_argument
from crickets.domain.zones.mentions import take_zone
from crickets.domain.zones.rules import (
    AmbiguousTime,
    NonexistentTime,
    ParsedTime,
    TimeParseError,
    ZoneHint,
    quoted,
    resolve_local,
    zone_info,
)

__all__ = [
    "AmbiguousTime",
    "NonexistentTime",
    "ParsedTime",
    "TimeParseError",
    "parse_when",
    "resolve_local",
]

_MAX_LENGTH = 200

_PAST, _FUTURE = timedelta(days=366), timedelta(days=731)

_Candidate = tuple[datetime, tuple[str, ...]]  # a wall-clock time and the notes behind it

_ISO = re.compile(
    r"(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?)([+\-]\d{2}(?::?\d{2})?)?"
)


def parse_when(
    text: str,
    *,
    zone: str,
    now: datetime,
    day_first: bool | None = None,
    fold: int | None = None,
    my_zone: str | None = None,
) -> ParsedTime:
    """The instant ``text`` names; ``zone`` is meant unless the text says otherwise.

    ``zone`` may be written as people write it on its own ("EST", "Europe/London"; see
    :func:`~crickets.domain.zones.arguments.zone_argument`). ``my_zone`` is the person's
    own zone (default: ``zone``): day words count from their day, and when ``zone`` is not
    theirs, a zone in the text that disagrees with it is asked about.

    ``now`` (aware) fills in what the text leaves out. Every failure is a
    :class:`TimeParseError`; a question (day/month order, repeated hour, midnight, a zone
    that disagrees) is an :class:`AmbiguousTime` carrying the choices.
    """
    now = require_aware(now)
    given = zone_argument(zone, year=now.year, my_zone=my_zone)
    zone = given.zone
    today = now.astimezone(zone_info(my_zone or zone)).date()
    q = quoted(text)
    cleaned = " ".join(re.sub(r"[\x00-\x1f\x7f()\[\]]", " ", text).split())
    if not cleaned:
        raise TimeParseError(f"Type a date and time, {EXAMPLES}.")
    if len(cleaned) > _MAX_LENGTH:
        raise TimeParseError(f"{q} is too long to be a date and time; type one {EXAMPLES}.")
    rest, hint = take_zone(cleaned)
    iso = _ISO.fullmatch(rest.strip())
    if iso:
        local, hint = _iso(iso, hint)
    if hint.name is None and hint.offset is None and hint.abbreviation is None:
        hint = replace(hint, abbreviation=given.abbreviation)  # "--tz EST": checked alike
    now_local = now.astimezone(hint_tzinfo(hint, zone)).replace(tzinfo=None)
    if iso:
        candidates: list[_Candidate] = [(local, ())]
        question = ""
    else:
        candidates, question = _candidates(read_parts(rest, q, day_first), now_local, today)
    for local, _ in candidates:
        _check_range(local, now_local)
    if len(candidates) == 1:
        local, notes = candidates[0]
        return resolve_hinted(local, zone, hint, fold, notes, my_zone=my_zone)
    choices = tuple(p for c in candidates for p in _all_readings(c, zone, hint, fold, my_zone))
    raise AmbiguousTime(question, choices)


def _iso(match: re.Match[str], hint: ZoneHint) -> tuple[datetime, ZoneHint]:
    try:
        parsed = datetime.fromisoformat(f"{match[1]}T{match[2]}{match[3] or ''}")
    except ValueError as exc:
        raise TimeParseError(f"{quoted(match[0])} is not a real date and time; check it.") from exc
    offset = parsed.utcoffset()
    if offset is not None:
        if hint.offset is not None and hint.offset != offset:
            raise TimeParseError("The text gives two different offsets; keep one.")
        hint = replace(hint, offset=offset)
    return parsed.replace(tzinfo=None), hint


def _candidates(found: DateParts, now_local: datetime, today: date) -> tuple[list[_Candidate], str]:
    """The wall-clock times the text can mean, and the question to ask when there are two.

    ``today`` is the person's own date; ``now_local`` the wall clock of the zone meant.
    """
    if found.dates:
        days = [_with_year(y, m, d, today) for y, m, d in found.dates]
    elif found.day_word is not None:
        days = [(today + timedelta(days=found.day_word), ())]
    elif found.weekday is not None and found.midnight and found.weekday == today.weekday():
        return _tonight_or_next_week(today)
    elif found.weekday is not None:
        days = [_coming(found.weekday, found.at, today, now_local)]
    else:
        days = [_bare(found.at, now_local, found.midnight)]
    days = _check_days(days, found, today)
    candidates = [(datetime.combine(d, found.at), notes) for d, notes in days]
    question = ""
    if len(days) > 1:
        shown = " or ".join(_short(d) for d, _ in days)
        question = f"{quoted(found.source)} could be {shown}; choose one."
    named_day = found.dates or found.day_word is not None or found.weekday is not None
    if found.midnight and named_day:
        question = question or (
            f"Midnight on {_day_text(days[0][0])} could mean the start or the end of that day; "
            "choose one."
        )
        candidates = [c for start in candidates for c in _midnights(*start)]
    return candidates, question


def _tonight_or_next_week(today: date) -> tuple[list[_Candidate], str]:
    """ "Friday midnight" typed on a Friday: tonight, or a week on (never silently)."""
    later = today + timedelta(days=7)
    day, next_day = _day_text(today), _day_text(later)
    candidates: list[_Candidate] = [
        (datetime.combine(today + timedelta(days=1), time()), (f"midnight at the end of {day}",)),
        (datetime.combine(later, time()), (f"midnight at the start of {next_day}",)),
    ]
    question = (
        f"Midnight on {WEEKDAYS[today.weekday()]} could mean tonight, at the end of {day}, "
        f"or the start of {next_day}; choose one."
    )
    return candidates, question


def _midnights(start: datetime, notes: tuple[str, ...]) -> list[_Candidate]:
    """Midnight "on" a day: its start, or its end (the start of the next day)."""
    day = _day_text(start.date())
    return [
        (start, (*notes, f"midnight at the start of {day}")),
        (start + timedelta(days=1), (*notes, f"midnight at the end of {day}")),
    ]


def _with_year(year: int | None, month: int, day: int, today: date) -> tuple[date, tuple[str, ...]]:
    """The date; without a year, the next one on or after today."""
    if year is not None:
        if not is_date(year, month, day):
            raise TimeParseError(f"There is no {day} {MONTHS[month - 1]} {year}; check the date.")
        return date(year, month, day), ()
    for guess in (today.year, today.year + 1):
        if is_date(guess, month, day) and date(guess, month, day) >= today:
            return date(guess, month, day), (f"year taken as {guess}",)
    raise TimeParseError(
        f"{day} {MONTHS[month - 1]} does not come within the next year; add the year."
    )


def _coming(
    weekday: int, at: time, today: date, now_local: datetime
) -> tuple[date, tuple[str, ...]]:
    """A weekday alone: the coming one, today included while the time is still ahead."""
    name = WEEKDAYS[weekday]
    ahead = (weekday - today.weekday()) % 7
    start = datetime.combine(today, at)
    if ahead:
        return today + timedelta(days=ahead), (f"the coming {name}",)
    if start > now_local:
        return today, (f"{name} taken as today, since {clock_time(start)} is still ahead",)
    return today + timedelta(days=7), (f"next {name}, since {clock_time(start)} today has passed",)


def _bare(at: time, now_local: datetime, midnight: bool) -> tuple[date, tuple[str, ...]]:
    """A time alone: today while it is still ahead, else tomorrow."""
    today = now_local.date()
    start = datetime.combine(today, at)
    passed = start <= now_local
    day = today + timedelta(days=1 if passed else 0)
    if passed:
        note = f"tomorrow, since {clock_time(start)} today has passed"
    else:
        note = f"today, since {clock_time(start)} is still ahead"
    if midnight:
        note = f"midnight taken as the start of {_day_text(day)}"
    return day, (note,)


def _check_days(
    days: list[tuple[date, tuple[str, ...]]], found: DateParts, today: date
) -> list[tuple[date, tuple[str, ...]]]:
    """Weekday and "today"/"tomorrow" must agree with the date; a weekday can settle 04/05."""
    if found.weekday is not None:
        fitting = [(d, n) for d, n in days if d.weekday() == found.weekday]
        if not fitting:
            d = days[0][0]
            raise TimeParseError(
                f"{_short(d)} is a {WEEKDAYS[d.weekday()]}, not a {WEEKDAYS[found.weekday]}; "
                "check the day or the date."
            )
        days = fitting
    if found.day_word is not None:
        meant = today + timedelta(days=found.day_word)
        word = "Today" if found.day_word == 0 else "Tomorrow"
        for d, _ in days:
            if d != meant:
                raise TimeParseError(
                    f"{word} is {_day_text(meant)}, but the text also gives {_day_text(d)}; "
                    "keep one."
                )
    return days


def _check_range(local: datetime, now_local: datetime) -> None:
    """A typo in the year should not schedule anything; nor should last year's date."""
    if local < now_local - _PAST:
        raise TimeParseError(
            f"{_day_text(local.date())} is more than a year in the past; check the year."
        )
    if local > now_local + _FUTURE:
        raise TimeParseError(
            f"{_day_text(local.date())} is more than two years ahead; check the year."
        )


def _all_readings(
    candidate: _Candidate, zone: str, hint: ZoneHint, fold: int | None, my_zone: str | None
) -> tuple[ParsedTime, ...]:
    """Every instant one candidate can be (two in a repeated hour without ``fold``)."""
    local, notes = candidate
    try:
        return (resolve_hinted(local, zone, hint, fold, notes, my_zone=my_zone),)
    except AmbiguousTime as question:
        return question.choices


def _short(day: date) -> str:
    """``5 April 2026``."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _day_text(day: date) -> str:
    return day_text(datetime.combine(day, time()))
