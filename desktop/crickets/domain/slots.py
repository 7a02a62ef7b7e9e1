"""Three concrete times to propose when a call has to be moved (docs/product.md).

A slot suits both people: a working weekday and working hours on each side (the person's
from the settings, the interviewer's 9:00–17:30 Monday to Friday unless the caller knows
better), clear of other interviews with some slack, mid-morning or early afternoon rather
than the edges of the day, and one per day over the next working days, so the interviewer
gets a real choice and a busy day moves a slot to another day rather than into the night.

When the two working days do not meet on any of the next ten working days (New York and
Tokyo), the plan says so and offers the least bad times instead, each noting whose evening
or morning it falls in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from crickets.domain.clock import require_aware
from crickets.domain.interview import Interview
from crickets.domain.settings import Settings
from crickets.domain.slot_hours import INTERVIEWER_HOURS, WorkingHours, whose_time
from crickets.domain.slot_search import HORIZON, candidates, pick, working_days
from crickets.domain.timefmt import both_zones, day_text

__all__ = ["HORIZON", "Slot", "SlotPlan", "WorkingHours", "plan_slots", "propose_slots"]


@dataclass(frozen=True)
class Slot:
    start: datetime  # aware UTC
    duration: timedelta
    their_zone: str = ""  # the interviewer's IANA zone, "" when it was not known
    note: str = ""  # whose evening or morning a least-bad time falls in; "" inside both days

    @property
    def end(self) -> datetime:
        return self.start + self.duration

    @property
    def local_start(self) -> datetime:
        """The start on the interviewer's clock, aware (``isoformat()`` gives the offset)."""
        return self.start.astimezone(ZoneInfo(self.their_zone or "UTC"))

    def describe(self, their_zone: str, my_zone: str, *, clock_24h: bool | None = None) -> str:
        """``Thursday 3 December 2026, 10:00 AM EST (3:00 PM your time)``, with the note
        after a comma when the time is outside someone's working day."""
        local = self.start.astimezone(ZoneInfo(their_zone))
        when = both_zones(self.start, their_zone, my_zone, clock_24h=clock_24h)
        text = f"{day_text(local)}, {when}"
        return f"{text}, {self.note}" if self.note else text


@dataclass(frozen=True)
class SlotPlan:
    slots: tuple[Slot, ...]
    overlap: bool  # some time on the next ten working days is inside both working days
    note: str = ""  # "" when they overlap; else the sentence that says they do not


def propose_slots(
    interviews: Iterable[Interview],
    settings: Settings,
    my_zone: str,
    now: datetime,
    duration: timedelta = timedelta(minutes=30),
    count: int = 3,
    their_zone: str | None = None,
    their_hours: WorkingHours = INTERVIEWER_HOURS,
) -> list[Slot]:
    """Up to ``count`` times, one per day; :func:`plan_slots` also says when they are
    outside someone's working day."""
    plan = plan_slots(interviews, settings, my_zone, now, duration, count, their_zone, their_hours)
    return list(plan.slots)


def plan_slots(
    interviews: Iterable[Interview],
    settings: Settings,
    my_zone: str,
    now: datetime,
    duration: timedelta = timedelta(minutes=30),
    count: int = 3,
    their_zone: str | None = None,
    their_hours: WorkingHours = INTERVIEWER_HOURS,
) -> SlotPlan:
    """The slots to offer, and whether the two working days meet at all.

    ``their_hours`` is the interviewer's working day on their own clock (Interview has no
    field for it yet: storing one needs a migration).
    """
    now = require_aware(now)
    mine_hours = WorkingHours(settings.work_start, settings.work_end, settings.work_days)
    slack = settings.slot_slack
    busy = [(i.start - slack, i.end + slack) for i in interviews if not i.status.is_terminal]
    every = [
        c
        for day in working_days(now, my_zone, mine_hours.days)
        for c in candidates(day, duration, my_zone, mine_hours, their_zone, their_hours)
    ]
    inside = [c for c in every if c.outside == (0, 0)]
    overlap = bool(inside)
    free = [c for c in (inside or every) if not _clashes(c.start, c.start + duration, busy)]
    picked = pick(free, count, duration + slack, least_bad=not overlap)
    zone = their_zone or my_zone
    slots = tuple(
        Slot(c.start, duration, zone, "" if overlap else whose_time(c.mine, c.theirs))
        for c in picked
    )
    return SlotPlan(slots, overlap, "" if overlap else _no_overlap(zone, bool(slots)))


def _clashes(start: datetime, end: datetime, busy: list[tuple[datetime, datetime]]) -> bool:
    return any(start < b_end and b_start < end for b_start, b_end in busy)


def _no_overlap(their_zone: str, offered: bool) -> str:
    """The plan's note when the working days never meet."""
    said = (
        f"Your working hours and the interviewer's ({their_zone}) do not meet on any of the "
        f"next {HORIZON} working days"
    )
    if not offered:
        return f"{said}, and no time between 7 AM and 10 PM on both sides is free either."
    return f"{said}, so these are the least bad times; each says whose morning or evening it is."
