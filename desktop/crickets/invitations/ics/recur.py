"""Repeating events and time-zone rules, read into a bounded :class:`Rule`.

An RRULE is never handed to a general-purpose expander: dateutil, for one, looks for the
next match period after period until the year 9999, so a rule that matches rarely or never
("every 7th day that is a Friday", starting on a Monday) kept it busy for seconds, and a
file can hold a thousand of them. Here a rule is rebuilt from the parts an interview or a
time zone needs (FREQ, INTERVAL, COUNT, UNTIL, BYDAY, BYMONTH, BYMONTHDAY, WKST), checked to
be able to occur at all, and its dates are worked out by
:mod:`crickets.invitations.ics.rule_dates`, which looks only at the days between the
caller's first and last date of interest and charges each one to the file's
:class:`~crickets.invitations.ics.rule_dates.WorkBudget`. Anything else is a
:class:`RecurrenceError`, and the caller asks the person for the date instead.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

MAX_OCCURRENCES = 2000
MAX_INTERVAL = 1000
SUPPORTED = frozenset({"FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTH", "BYMONTHDAY"})
FREQS = ("YEARLY", "MONTHLY", "WEEKLY", "DAILY")
_DAYS = {"MO": 0, "TU": 1, "WE": 2, "TH": 3, "FR": 4, "SA": 5, "SU": 6}
_BYDAY = re.compile(r"^([+-]?)(\d{0,2})(MO|TU|WE|TH|FR|SA|SU)$")
_MONTH_DAYS = {m: 29 if m == 2 else calendar.monthrange(2001, m)[1] for m in range(1, 13)}


@dataclass(frozen=True)
class Rule:
    """One repeat rule, checked, with the defaults RFC 5545 takes from DTSTART filled in
    (a yearly rule without BYxxx repeats on the start's month and day, and so on)."""

    freq: str  # one of FREQS
    start: datetime  # naive wall-clock time; every occurrence has its time of day
    interval: int = 1
    count: int | None = None
    until: datetime | None = None  # naive, inclusive
    months: tuple[int, ...] = ()
    monthdays: tuple[int, ...] = ()  # negative: from the end of the month
    weekdays: tuple[tuple[int, int], ...] = ()  # (Monday=0 ..., n-th in the period; 0: every)
    week_start: int = 0  # WKST, Monday=0

    @property
    def ordinal_in_month(self) -> bool:
        """Whether "the 2nd Sunday" counts within the month (else within the year)."""
        return self.freq == "MONTHLY" or (self.freq == "YEARLY" and bool(self.months))


class RecurrenceError(ValueError):
    """A rule Crickets does not expand; ``message`` says why in plain words."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _ints(values: list[Any], name: str, low: int, high: int, *, signed: bool) -> list[int]:
    out: list[int] = []
    for value in values:
        try:
            number = int(str(value))
        except ValueError:
            raise RecurrenceError(f"its {name} value {str(value)[:10]!r} is not a number") from None
        if not (low <= abs(number) <= high) or (number < 0 and not signed):
            raise RecurrenceError(f"its {name} value {number} is out of range")
        out.append(number)
    return out


def build_rule(
    parts: Mapping[str, list[Any]], start: datetime, *, to_wall: Callable[[datetime], datetime]
) -> Rule:
    """The rule for ``parts`` (an icalendar vRecur) starting at naive ``start``.

    ``to_wall`` turns an aware UNTIL (UTC, as RFC 5545 requires) into the start's
    wall-clock time.
    """
    unknown = sorted(set(parts) - SUPPORTED - {"WKST"})
    if unknown:
        raise RecurrenceError(f"it repeats by {', '.join(unknown)}, which Crickets does not read")
    freq = str((parts.get("FREQ") or [""])[0]).upper()
    if freq not in FREQS:
        raise RecurrenceError(f"it repeats {freq.lower()[:20] or 'without a frequency'}")
    (interval,) = _ints(parts.get("INTERVAL") or [1], "INTERVAL", 1, MAX_INTERVAL, signed=False)
    count = until = None
    if parts.get("COUNT"):
        (count,) = _ints(parts["COUNT"][:1], "COUNT", 1, 2**31, signed=False)
    elif parts.get("UNTIL"):
        until = _until(parts["UNTIL"][0], to_wall)
    months = _ints(parts.get("BYMONTH") or [], "BYMONTH", 1, 12, signed=False)
    monthdays = _ints(parts.get("BYMONTHDAY") or [], "BYMONTHDAY", 1, 31, signed=True)
    weekdays, ordinal = _weekdays(parts.get("BYDAY") or [], freq, bool(months))
    if monthdays and (ordinal or freq == "WEEKLY"):
        raise RecurrenceError("it combines a day of the month with other day rules")
    if monthdays and not _possible(months or list(range(1, 13)), monthdays):
        raise RecurrenceError("its days of the month never occur in its months")
    if not monthdays and not weekdays:  # the parts DTSTART gives, as RFC 5545 says
        if freq == "YEARLY":
            months, monthdays = months or [start.month], [start.day]
        elif freq == "MONTHLY":
            monthdays = [start.day]
        elif freq == "WEEKLY":
            weekdays = [(start.weekday(), 0)]
    week_start = _DAYS.get(str((parts.get("WKST") or ["MO"])[0]).upper(), 0)
    return Rule(
        freq,
        start,
        interval,
        count,
        until,
        tuple(sorted(set(months))),
        tuple(monthdays),
        tuple(weekdays),
        week_start,
    )


def _until(value: Any, to_wall: Callable[[datetime], datetime]) -> datetime:
    if isinstance(value, datetime):
        return to_wall(value) if value.tzinfo is not None else value
    if isinstance(value, date):
        return datetime.combine(value, time(23, 59, 59))
    raise RecurrenceError("its UNTIL is not a date")


def _weekdays(values: list[Any], freq: str, by_month: bool) -> tuple[list[tuple[int, int]], bool]:
    out: list[tuple[int, int]] = []
    ordinal = False
    most = 5 if freq == "MONTHLY" or (freq == "YEARLY" and by_month) else 53
    for value in values:
        match = _BYDAY.match(str(value).strip().upper())
        if not match:
            raise RecurrenceError(f"its BYDAY value {str(value)[:10]!r} is not a weekday")
        sign, number, day = match.groups()
        n = 0
        if number:
            n = int(number)
            if freq in ("DAILY", "WEEKLY") or not 1 <= n <= most:
                raise RecurrenceError(f"its BYDAY value {str(value)[:10]} never occurs")
            ordinal = True
            n = -n if sign == "-" else n
        out.append((_DAYS[day], n))
    return out, ordinal


def _possible(months: list[int], monthdays: list[int]) -> bool:
    return any(abs(day) <= _MONTH_DAYS[month] for month in months for day in monthdays)


def fast_forward(rule_parts: Mapping[str, list[Any]], start: datetime, near: datetime) -> datetime:
    """A later start with the same occurrences from ``near`` on, for daily and weekly rules.

    A daily meeting that began years ago would otherwise spend the occurrence cap on the
    past. Only done when nothing depends on the count of earlier occurrences.
    """
    freq = str((rule_parts.get("FREQ") or [""])[0]).upper()
    if rule_parts.get("COUNT") or freq not in ("DAILY", "WEEKLY") or start >= near:
        return start
    interval = int(str((rule_parts.get("INTERVAL") or [1])[0]) or 1)
    period = timedelta(days=interval * (7 if freq == "WEEKLY" else 1))
    if period <= timedelta(0):
        return start
    steps = (near - start) // period - 1
    return start + period * steps if steps > 0 else start
