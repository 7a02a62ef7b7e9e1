"""What the "All interviews" table shows for each interview, in plain words.

Pure functions (no Qt) so the order and the wording are easy to check on their own.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from crickets.domain.interview import Interview, Status
from crickets.domain.phases import Phase, phase
from crickets.domain.settings import Settings
from crickets.domain.timefmt import day_text, long_text, same_offset, time_in_zone

COLUMNS = ("When", "What", "Who", "Stage", "Status")

PHASES = {
    Phase.UPCOMING: "Upcoming",
    Phase.CONFIRM_WINDOW: "Time to confirm by email",
    Phase.GET_READY: "Get ready",
    Phase.DUE: "Starting now",
    Phase.OVERDUE: "Nobody has called yet",
    Phase.WAITED_OUT: "Waited long enough",
    Phase.IN_CALL: "In the call",
    Phase.ENDED: "Call ended: how did it go?",
    Phase.DONE: "Done",
    Phase.MISSED_BY_THEM: "They didn't call",
    Phase.MISSED_BY_ME: "I missed it",
    Phase.RESCHEDULED: "Rescheduled",
    Phase.CANCELLED: "Cancelled",
}

STATUSES = {
    Status.SCHEDULED: "Scheduled",
    Status.IN_CALL: "In the call",
    Status.DONE: "Done",
    Status.MISSED_BY_THEM: "They didn't call",
    Status.MISSED_BY_ME: "I missed it",
    Status.RESCHEDULED: "Rescheduled",
    Status.CANCELLED: "Cancelled",
}

#: The outcomes a person can record, in the order the menu offers them.
OUTCOMES = (
    Status.DONE,
    Status.MISSED_BY_THEM,
    Status.MISSED_BY_ME,
    Status.RESCHEDULED,
    Status.CANCELLED,
)


def ordered(interviews: Sequence[Interview], settings: Settings, now: datetime) -> list[Interview]:
    """Open interviews soonest first, then finished ones, the most recent first."""
    open_ = [i for i in interviews if not phase(i, settings, now).is_terminal]
    finished = [i for i in interviews if phase(i, settings, now).is_terminal]
    return sorted(open_, key=_start) + sorted(finished, key=_start, reverse=True)


def _start(interview: Interview) -> tuple[datetime, int]:
    return interview.start, interview.id or 0


def when_text(interview: Interview, my_zone: str, clock_24h: bool = False) -> str:
    """``Tuesday 1 December 2026, 2:00 PM EST (7:00 PM GMT your time)``."""
    start = interview.start
    theirs = long_text(start, interview.zone, clock_24h)
    if same_offset(start, interview.zone, my_zone):
        return theirs
    mine = time_in_zone(start, my_zone, clock_24h)
    my_day = start.astimezone(ZoneInfo(my_zone))
    if my_day.date() != start.astimezone(interview.tzinfo).date():
        mine = f"{day_text(my_day)}, {mine}"
    return f"{theirs} ({mine} your time)"


def who_text(interview: Interview) -> str:
    parts = [interview.interviewer_name, interview.interviewer_phone or interview.interviewer_email]
    return ", ".join(p for p in parts if p) or "Not given"


def cells(
    interview: Interview, settings: Settings, my_zone: str, now: datetime, clock_24h: bool = False
) -> list[str]:
    """The row for ``interview``, in :data:`COLUMNS` order."""
    return [
        when_text(interview, my_zone, clock_24h),
        interview.title,
        who_text(interview),
        PHASES[phase(interview, settings, now)],
        STATUSES[interview.status],
    ]
