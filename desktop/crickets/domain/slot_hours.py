"""Whose working day a proposed time falls in, and how well it suits each side.

The scoring behind :mod:`crickets.domain.slots`. A time inside both working days is what
people expect to be offered; within it, mid-morning and early afternoon beat the edges of
the day (nobody likes the 9:00 or the 5:00 call). Outside both, the least bad time is the
one the fewest minutes outside either working day, shared as evenly as possible, and never
in anyone's night.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time

#: Neither side is ever offered a time outside this, however far apart the zones are.
WAKING = (time(7, 0), time(22, 0))

#: Mid-morning and early afternoon: the times a call is easiest to take.
PREFERRED = ((time(9, 30), time(12, 0)), (time(13, 0), time(16, 0)))

_EARLY = time(8, 0)  # before this, a morning is an early one


@dataclass(frozen=True)
class WorkingHours:
    """One side's working day: hours on its own clock and its working weekdays."""

    start: time = time(9, 0)
    end: time = time(17, 30)
    days: tuple[int, ...] = (0, 1, 2, 3, 4)  # Monday=0 ... Sunday=6

    def __post_init__(self) -> None:
        if not self.start < self.end:
            raise ValueError("working hours must end after they start")


#: The interviewer's hours unless told otherwise: an ordinary office day.
INTERVIEWER_HOURS = WorkingHours()

_HOURS = re.compile(r"([0-9]{1,2}):([0-9]{2})-([0-9]{1,2}):([0-9]{2})")

#: What :func:`parse_hours` says about text it refuses, as one sentence.
HOURS_PROBLEM = "must be two times like 09:00-17:30, the start before the end"


def parse_hours(text: str) -> WorkingHours:
    """``"09:00-17:30"`` (or ``"9:00-17:30"``) as working hours on Monday to Friday.

    Strict: two 24-hour times joined by a dash, the start before the end; anything else
    raises ValueError with :data:`HOURS_PROBLEM`."""
    found = _HOURS.fullmatch(text.strip())
    if found is None:
        raise ValueError(HOURS_PROBLEM)
    h1, m1, h2, m2 = (int(part) for part in found.groups())
    if not (h1 < 24 and h2 < 24 and m1 < 60 and m2 < 60) or (h1, m1) >= (h2, m2):
        raise ValueError(HOURS_PROBLEM)
    return WorkingHours(time(h1, m1), time(h2, m2))


def format_hours(hours: WorkingHours) -> str:
    """``"09:00-17:30"``: what :func:`parse_hours` reads back."""
    return f"{hours.start:%H:%M}-{hours.end:%H:%M}"


def _minutes(t: time) -> int:
    return t.hour * 60 + t.minute


@dataclass(frozen=True)
class Side:
    """One person's clock during a candidate slot: ``start`` and ``end`` are local, aware."""

    start: datetime
    end: datetime
    hours: WorkingHours

    @property
    def _span(self) -> tuple[int, int] | None:
        """Minutes after local midnight, or None when the slot crosses into the next day."""
        begin = _minutes(self.start.time())
        length = int((self.end - self.start).total_seconds() // 60)
        return None if begin + length > 24 * 60 else (begin, begin + length)

    @property
    def possible(self) -> bool:
        """On a working weekday of this side, and inside its waking day (which stretches to
        take in working hours that start before 7 or end after 10)."""
        span = self._span
        first = min(_minutes(WAKING[0]), _minutes(self.hours.start))
        last = max(_minutes(WAKING[1]), _minutes(self.hours.end))
        return (
            span is not None
            and self.start.weekday() in self.hours.days
            and first <= span[0]
            and span[1] <= last
        )

    @property
    def outside(self) -> int:
        """Minutes of the slot before or after working hours: 0 inside them."""
        begin, end = self._span or (0, 24 * 60)
        early = max(0, _minutes(self.hours.start) - begin)
        late = max(0, end - _minutes(self.hours.end))
        return early + late

    @property
    def off_peak(self) -> int:
        """How far the slot is from mid-morning or early afternoon, in minutes."""
        begin, end = self._span or (0, 24 * 60)
        return min(
            max(0, _minutes(low) - begin) + max(0, end - _minutes(high)) for low, high in PREFERRED
        )

    @property
    def part_of_day(self) -> str:
        """ "early morning", "morning" or "evening" for a slot outside working hours; "" inside."""
        if not self.outside:
            return ""
        if self.start.time() < self.hours.start:
            return "early morning" if self.start.time() < _EARLY else "morning"
        return "evening"


def whose_time(mine: Side, theirs: Side | None) -> str:
    """``in your evening and the interviewer's early morning``; "" inside both working days."""
    parts = []
    if mine.part_of_day:
        parts.append(f"your {mine.part_of_day}")
    if theirs is not None and theirs.part_of_day:
        parts.append(f"the interviewer's {theirs.part_of_day}")
    return f"in {' and '.join(parts)}" if parts else ""
