"""Three concrete times to propose when a call has to be moved (DESIGN.md §1, §2).

Slots fall on the person's next working days, inside their working hours in *their* zone,
keep some slack around other interviews, and are offered one per day where possible so the
interviewer gets a real choice.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from crickets.domain.clock import require_aware
from crickets.domain.interview import Interview
from crickets.domain.settings import Settings
from crickets.domain.timefmt import both_zones, day_text

_STEP = timedelta(minutes=30)
_MAX_DAYS = 21
_THEIR_DAY = (time(8, 0), time(18, 0))  # when an interviewer plausibly takes calls


@dataclass(frozen=True)
class Slot:
    start: datetime  # aware UTC
    duration: timedelta

    @property
    def end(self) -> datetime:
        return self.start + self.duration

    def describe(self, their_zone: str, my_zone: str) -> str:
        """``Thursday 3 December 2026, 10:00 AM EST (3:00 PM your time)``."""
        local = self.start.astimezone(ZoneInfo(their_zone))
        return f"{day_text(local)}, {both_zones(self.start, their_zone, my_zone)}"


def _clashes(start: datetime, end: datetime, busy: list[tuple[datetime, datetime]]) -> bool:
    return any(start < b_end and b_start < end for b_start, b_end in busy)


def _candidates_on(
    day: datetime, duration: timedelta, settings: Settings, zone: ZoneInfo, turn: float
) -> Iterator[datetime]:
    """Half-hourly starts inside working hours on ``day`` (a local date), as UTC instants.

    The search begins ``turn`` (0–1) of the way through the working day and wraps around,
    so that successive proposals land at different times of day (morning, midday, afternoon).
    """
    opening = datetime.combine(day.date(), settings.work_start, tzinfo=zone)
    closing = datetime.combine(day.date(), settings.work_end, tzinfo=zone)
    starts: list[datetime] = []
    t = opening
    while t + duration <= closing:
        starts.append(t.astimezone(ZoneInfo("UTC")))
        t += _STEP
    pivot = int(len(starts) * turn)
    yield from starts[pivot:] + starts[:pivot]


def _in_their_day(start: datetime, duration: timedelta, their_zone: str) -> bool:
    zone = ZoneInfo(their_zone)
    first, last = start.astimezone(zone), (start + duration).astimezone(zone)
    return (
        first.date() == last.date()
        and _THEIR_DAY[0] <= first.time() <= last.time() <= (_THEIR_DAY[1])
    )


def propose_slots(
    interviews: Iterable[Interview],
    settings: Settings,
    my_zone: str,
    now: datetime,
    duration: timedelta = timedelta(minutes=30),
    count: int = 3,
    their_zone: str | None = None,
) -> list[Slot]:
    """Up to ``count`` free slots from the next working day on, one per day when possible.

    With ``their_zone``, times that are also inside the interviewer's ordinary day are
    preferred; a day with no overlap still offers the person's own hours.
    """
    now = require_aware(now)
    zone = ZoneInfo(my_zone)
    slack = settings.slot_slack
    busy = [(i.start - slack, i.end + slack) for i in interviews if not i.status.is_terminal]
    chosen: list[Slot] = []
    day = now.astimezone(zone) + timedelta(days=1)
    for _ in range(_MAX_DAYS):
        if len(chosen) == count:
            break
        if day.weekday() in settings.work_days:
            turn = len(chosen) / count
            free = [
                start
                for start in _candidates_on(day, duration, settings, zone, turn)
                if not _clashes(start, start + duration, busy)
            ]
            if their_zone:
                free.sort(key=lambda start: not _in_their_day(start, duration, their_zone))
            if free:
                start = free[0]
                chosen.append(Slot(start, duration))
                busy.append((start - slack, start + duration + slack))
        day += timedelta(days=1)
    return chosen
