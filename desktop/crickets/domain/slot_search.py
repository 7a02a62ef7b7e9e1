"""Where the reschedule slots are looked for, and how the best ones are picked.

The search behind :mod:`crickets.domain.slots`: every quarter hour of the person's next
working days that falls on the half hour of the interviewer's clock and inside both waking
days, scored by :mod:`crickets.domain.slot_hours`, then picked one per day on both
calendars (a second time on a day already used only when the days run out).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from crickets.domain.slot_hours import WAKING, Side, WorkingHours

HORIZON = 10  # working days searched, from tomorrow
_STEP = timedelta(minutes=15)  # every offset in use is a multiple of 15 minutes
_TARGETS = (time(10, 30), time(14, 0), time(11, 30), time(15, 0))  # vary the time of day


@dataclass(frozen=True)
class Candidate:
    start: datetime  # aware UTC
    day: date  # the person's own date
    mine: Side
    theirs: Side | None

    @property
    def outside(self) -> tuple[int, int]:
        """Minutes outside working hours in all, and on the worse-off side."""
        sides = [self.mine.outside, self.theirs.outside if self.theirs else 0]
        return sum(sides), max(sides)

    @property
    def off_peak(self) -> int:
        return self.mine.off_peak + (self.theirs.off_peak if self.theirs else 0)

    @property
    def their_day(self) -> date:
        """The date on the clock the interviewer reads the offer in."""
        return (self.theirs or self.mine).start.date()

    @property
    def their_time(self) -> time:
        return (self.theirs or self.mine).start.time()

    def distance(self, target: time) -> int:
        """Minutes from ``target`` on the clock the interviewer reads the offer in."""
        local = self.their_time
        return abs(local.hour * 60 + local.minute - target.hour * 60 - target.minute)


def working_days(now: datetime, my_zone: str, days: tuple[int, ...]) -> list[date]:
    """The person's next ``HORIZON`` working days, from tomorrow on their own calendar."""
    day = now.astimezone(ZoneInfo(my_zone)).date()
    found: list[date] = []
    while len(found) < HORIZON:
        day += timedelta(days=1)
        if day.weekday() in days:
            found.append(day)
    return found


def candidates(
    day: date,
    duration: timedelta,
    my_zone: str,
    mine_hours: WorkingHours,
    their_zone: str | None,
    their_hours: WorkingHours,
) -> list[Candidate]:
    """Starts on ``day`` inside both waking days, on the half hour of the interviewer's
    clock (the one the offer is written in), on a working day of each side."""
    mine_tz = ZoneInfo(my_zone)
    theirs_tz = ZoneInfo(their_zone) if their_zone else None
    first, last_end = min(WAKING[0], mine_hours.start), max(WAKING[1], mine_hours.end)
    start = datetime.combine(day, first, tzinfo=mine_tz).astimezone(UTC)
    last = datetime.combine(day, last_end, tzinfo=mine_tz).astimezone(UTC) - duration
    found = []
    while start <= last:
        end = start + duration
        mine = Side(start.astimezone(mine_tz), end.astimezone(mine_tz), mine_hours)
        theirs = None
        if theirs_tz is not None:
            theirs = Side(start.astimezone(theirs_tz), end.astimezone(theirs_tz), their_hours)
        shown = (theirs or mine).start
        if shown.minute % 30 == 0 and mine.possible and (theirs is None or theirs.possible):
            found.append(Candidate(start, day, mine, theirs))
        start += _STEP
    return found


def pick(
    pool: list[Candidate], count: int, apart: timedelta, *, least_bad: bool
) -> list[Candidate]:
    """Up to ``count`` times, each on a day of its own on both calendars while there are
    days enough, then a second time on a day already used (``apart`` from the first).

    Inside both working days the next days come first, each at its time nearest to
    mid-morning or early afternoon; outside, the least bad times of the whole search come
    first (fewest minutes outside either working day, shared as evenly as possible). Ties
    go to a time of day not yet offered, so the interviewer gets a real choice.
    """
    chosen: list[Candidate] = []
    for own_day in (True, False):
        while len(chosen) < count:
            left = [c for c in pool if _fits(c, chosen, apart, own_day=own_day)]
            if not left:
                break
            rank = functools.partial(_rank, chosen=tuple(chosen), least_bad=least_bad)
            chosen.append(min(left, key=rank))
    return sorted(chosen, key=lambda c: c.start)


def _rank(c: Candidate, *, chosen: tuple[Candidate, ...], least_bad: bool) -> tuple[int, ...]:
    """Lower is better: see :func:`pick`."""
    target = _TARGETS[len(chosen) % len(_TARGETS)]
    repeated = int(any(c.their_time == other.their_time for other in chosen))
    fit = (c.off_peak, repeated, c.distance(target), int(c.start.timestamp()))
    return (*c.outside, *fit) if least_bad else (c.day.toordinal(), *fit)


def _fits(c: Candidate, chosen: list[Candidate], apart: timedelta, *, own_day: bool) -> bool:
    if any(abs(c.start - other.start) < apart for other in chosen):
        return False
    if not own_day:
        return True
    return all(c.day != other.day and c.their_day != other.their_day for other in chosen)
