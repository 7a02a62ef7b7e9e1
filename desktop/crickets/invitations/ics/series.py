"""A repeating event's next occurrence after now: the one date an interview can be.

The master VEVENT's RRULE/RDATE give the dates (see :mod:`crickets.invitations.ics.recur` for
the bounds), EXDATE removes some, and VEVENTs with the same UID and a RECURRENCE-ID move or
cancel single ones. The earliest start after ``now`` wins. Dates are searched up to
:data:`HORIZON` ahead; a series with nothing left in that window is reported, not guessed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from crickets.invitations.ics.recur import RecurrenceError, build_rule, fast_forward
from crickets.invitations.ics.rule_dates import occurrences
from crickets.invitations.ics.start import PLAUSIBLE_YEARS, TimeBase, is_broken

HORIZON = timedelta(days=2 * 366)


@dataclass(frozen=True)
class Occurrence:
    """One dated instance: its wall-clock start in ``base`` and the VEVENT describing it."""

    base: TimeBase
    wall: datetime
    event: Any
    instant: datetime


@dataclass(frozen=True)
class NextResult:
    occurrence: Occurrence | None
    needs_time: str = ""  # why there is none


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _rules(event: Any) -> list[Any]:
    rules = _as_list(event.get("RRULE"))
    if any(is_broken(rule) for rule in rules):
        raise RecurrenceError("its repeat rule is damaged")
    return rules


def is_repeating(event: Any) -> bool:
    return bool(event.get("RRULE") or event.get("RDATE"))


def _is_utc(value: datetime) -> bool:
    # Asked of the tzinfo's name, not of utcoffset(): icalendar's zones for a custom
    # VTIMEZONE answer utcoffset() by walking its RRULE without a bound.
    return value.tzinfo is UTC or getattr(value.tzinfo, "key", None) == "UTC"


def _dates(prop_list: list[Any], base: TimeBase) -> list[datetime]:
    """Wall-clock times in ``base`` named by RDATE/EXDATE values (dates and periods too)."""
    out: list[datetime] = []
    for prop in prop_list:
        if is_broken(prop):
            continue
        for item in getattr(prop, "dts", []):
            value = getattr(item, "dt", None)
            if isinstance(value, tuple):  # PERIOD: its start
                value = value[0]
            if isinstance(value, datetime) and value.year in PLAUSIBLE_YEARS:
                if _is_utc(value):
                    value = base.to_wall(value)
                out.append(value.replace(tzinfo=None))
    return out


def next_occurrence(
    master: Occurrence,
    overrides: Sequence[tuple[datetime, Occurrence | None]],
    now: datetime,
) -> NextResult:
    """The first occurrence after ``now``; ``overrides`` map a RECURRENCE-ID instant to its
    replacement (None when that occurrence is cancelled)."""
    event, base = master.event, master.base
    now_wall = base.to_wall(now)
    until = base.to_wall(now + HORIZON)
    walls: set[datetime] = {master.wall}
    try:
        for rule in _rules(event):
            start = fast_forward(rule, master.wall, now_wall - timedelta(days=2))
            built = build_rule(rule, start, to_wall=base.to_wall)
            walls.update(occurrences(built, until=until, since=now_wall - timedelta(days=2)))
        walls.update(w for w in _dates(_as_list(event.get("RDATE")), base) if w <= until)
    except RecurrenceError as error:
        return NextResult(None, f"it repeats by a rule Crickets cannot work out ({error.message})")
    walls -= set(_dates(_as_list(event.get("EXDATE")), base))
    moved = {instant: replacement for instant, replacement in overrides}
    pool: list[Occurrence] = [r for r in moved.values() if r is not None]
    for wall in walls:
        instant = base.instant(wall)
        if instant not in moved:
            pool.append(Occurrence(base, wall, event, instant))
    ahead = [o for o in pool if o.instant > now.astimezone(UTC)]
    if not ahead:
        return NextResult(None, "every date of this repeating event is in the past")
    return NextResult(min(ahead, key=lambda o: o.instant))
