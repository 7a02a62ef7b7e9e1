"""Repeating events and time-zone rules, expanded with hard bounds.

An RRULE is never handed to dateutil as it comes: dateutil only checks UNTIL when it yields
an occurrence, so a rule that can never match ("the 30th of February", every second for
ever) would keep it busy until the year 9999. Here a rule is rebuilt from the parts an
interview or a time zone needs (FREQ, INTERVAL, COUNT, UNTIL, BYDAY, BYMONTH, BYMONTHDAY,
WKST), checked to be able to occur at all, and then read for at most
:data:`MAX_OCCURRENCES` occurrences and no further than the caller's horizon. Anything
else is a :class:`RecurrenceError`, and the caller asks the person for the date instead.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator, Mapping
from datetime import date, datetime, time, timedelta
from typing import Any

from dateutil import rrule

MAX_OCCURRENCES = 2000
MAX_INTERVAL = 1000
SUPPORTED = frozenset({"FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTH", "BYMONTHDAY"})
_FREQS: dict[str, Any] = {
    "YEARLY": rrule.YEARLY,
    "MONTHLY": rrule.MONTHLY,
    "WEEKLY": rrule.WEEKLY,
    "DAILY": rrule.DAILY,
}
_DAYS = {"MO": 0, "TU": 1, "WE": 2, "TH": 3, "FR": 4, "SA": 5, "SU": 6}
_BYDAY = re.compile(r"^([+-]?)(\d{0,2})(MO|TU|WE|TH|FR|SA|SU)$")
_MONTH_DAYS = {m: 29 if m == 2 else calendar.monthrange(2001, m)[1] for m in range(1, 13)}


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
) -> rrule.rrule:
    """A dateutil rule for ``parts`` (an icalendar vRecur) starting at naive ``start``.

    ``to_wall`` turns an aware UNTIL (UTC, as RFC 5545 requires) into the start's
    wall-clock time.
    """
    unknown = sorted(set(parts) - SUPPORTED - {"WKST"})
    if unknown:
        raise RecurrenceError(f"it repeats by {', '.join(unknown)}, which Crickets does not read")
    freq_name = str((parts.get("FREQ") or [""])[0]).upper()
    if freq_name not in _FREQS:
        raise RecurrenceError(f"it repeats {freq_name.lower() or 'without a frequency'}")
    kwargs: dict[str, Any] = {"dtstart": start, "cache": False}
    (interval,) = _ints(parts.get("INTERVAL") or [1], "INTERVAL", 1, MAX_INTERVAL, signed=False)
    kwargs["interval"] = interval
    if parts.get("COUNT"):
        (kwargs["count"],) = _ints(parts["COUNT"][:1], "COUNT", 1, 2**31, signed=False)
    elif parts.get("UNTIL"):
        kwargs["until"] = _until(parts["UNTIL"][0], to_wall)
    months = _ints(parts.get("BYMONTH") or [], "BYMONTH", 1, 12, signed=False)
    monthdays = _ints(parts.get("BYMONTHDAY") or [], "BYMONTHDAY", 1, 31, signed=True)
    weekdays, ordinal = _weekdays(parts.get("BYDAY") or [], freq_name, bool(months))
    if monthdays and (ordinal or freq_name == "WEEKLY"):
        raise RecurrenceError("it combines a day of the month with other day rules")
    if monthdays and not _possible(months or list(range(1, 13)), monthdays):
        raise RecurrenceError("its days of the month never occur in its months")
    if months:
        kwargs["bymonth"] = months
    if monthdays:
        kwargs["bymonthday"] = monthdays
    if weekdays:
        kwargs["byweekday"] = weekdays
    if parts.get("WKST"):
        wkst = str(parts["WKST"][0]).upper()
        kwargs["wkst"] = _DAYS.get(wkst, 0)
    try:
        return rrule.rrule(_FREQS[freq_name], **kwargs)
    except (ValueError, TypeError, OverflowError) as error:
        raise RecurrenceError(f"its rule cannot be used ({error})") from None


def _until(value: Any, to_wall: Callable[[datetime], datetime]) -> datetime:
    if isinstance(value, datetime):
        return to_wall(value) if value.tzinfo is not None else value
    if isinstance(value, date):
        return datetime.combine(value, time(23, 59, 59))
    raise RecurrenceError("its UNTIL is not a date")


def _weekdays(values: list[Any], freq: str, by_month: bool) -> tuple[list[Any], bool]:
    out: list[Any] = []
    ordinal = False
    most = 5 if freq == "MONTHLY" or (freq == "YEARLY" and by_month) else 53
    for value in values:
        match = _BYDAY.match(str(value).strip().upper())
        if not match:
            raise RecurrenceError(f"its BYDAY value {str(value)[:10]!r} is not a weekday")
        sign, number, day = match.groups()
        weekday = rrule.weekday(_DAYS[day])
        if number:
            n = int(number)
            if freq in ("DAILY", "WEEKLY") or not 1 <= n <= most:
                raise RecurrenceError(f"its BYDAY value {value} never occurs")
            ordinal = True
            weekday = weekday(-n if sign == "-" else n)
        out.append(weekday)
    return out, ordinal


def _possible(months: list[int], monthdays: list[int]) -> bool:
    return any(abs(day) <= _MONTH_DAYS[month] for month in months for day in monthdays)


def occurrences(rule: rrule.rrule, *, until: datetime) -> Iterator[datetime]:
    """The rule's occurrences up to ``until`` (naive, inclusive), at most MAX_OCCURRENCES.

    Raises :class:`RecurrenceError` when the cap is reached before ``until``.
    """
    found = iter(rule)
    for count in range(MAX_OCCURRENCES + 1):
        try:
            occurrence = next(found)
        except StopIteration:
            return
        except (ValueError, TypeError, OverflowError, IndexError) as error:
            raise RecurrenceError(f"its rule cannot be worked out ({error})") from None
        if occurrence > until:
            return
        if count >= MAX_OCCURRENCES:
            break
        yield occurrence
    raise RecurrenceError(f"it repeats more than {MAX_OCCURRENCES} times")


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
