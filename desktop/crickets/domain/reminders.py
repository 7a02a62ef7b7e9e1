"""Which reminders are due between two ticks, each exactly once.

The UI remembers the instant of its last tick and asks for ``(since, now]``. Because the
window is half-open and consecutive windows share only their boundary, a reminder is never
fired twice and never skipped, however the ticks fall, including across a suspend. A
reminder discovered too late to help (past its cut-off, or overtaken by a later stage) is
reported as missed instead of fired.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from crickets.domain.actions import Action
from crickets.domain.clock import require_aware
from crickets.domain.followups import followup_plan
from crickets.domain.interview import Interview, Status
from crickets.domain.phases import overdue_at, stop_waiting_at
from crickets.domain.settings import Settings


class ReminderKind(enum.Enum):
    CONFIRM = "confirm"  # send the short confirmation email
    GET_READY = "get-ready"  # phone charged, Do Not Disturb off, notes at hand
    START = "start"  # it's time
    OVERDUE = "overdue"  # nobody called: open the guided window
    STOP_WAITING = "stop-waiting"  # waited long enough: email and reschedule
    HOW_DID_IT_GO = "how-did-it-go"  # the call's planned end: record the outcome, thank-you
    THANK_YOU = "thank-you"  # the morning after, when no thank-you went out
    NUDGE = "nudge"  # two working days after a reschedule request with no answer


@dataclass(frozen=True)
class Reminder:
    interview_id: int
    kind: ReminderKind
    at: datetime  # when it is due
    until: datetime  # after this it no longer helps: reported as missed, not fired


@dataclass(frozen=True)
class DueReminders:
    fire: tuple[Reminder, ...] = ()
    missed: tuple[Reminder, ...] = ()


def schedule(
    interview: Interview, settings: Settings, log: Sequence[Action], my_zone: str
) -> list[Reminder]:
    """Every reminder the interview will raise in its current status and log, in time order.

    ``log`` and ``my_zone`` have no defaults on purpose: the follow-ups (thank-you, nudge)
    depend on both, and a caller that left them out silently lost those reminders."""
    if interview.id is None:
        return []
    mine = [a for a in log if a.interview_id == interview.id]
    later = [
        Reminder(interview.id, ReminderKind(kind), at, until)
        for kind, at, until in followup_plan(interview, settings, mine, my_zone)
    ]
    return _timed(interview, settings) + later


def _timed(interview: Interview, settings: Settings) -> list[Reminder]:
    """The reminders fixed by the clock alone (before, at and after the start)."""
    assert interview.id is not None
    iid, start = interview.id, interview.start
    stale = settings.stale_after
    if interview.status is Status.IN_CALL:
        end = interview.end
        return [Reminder(iid, ReminderKind.HOW_DID_IT_GO, end, end + stale)]
    if interview.status is not Status.SCHEDULED:
        return []
    overdue, stop = overdue_at(interview, settings), stop_waiting_at(interview, settings)
    ready = start - settings.get_ready_before
    plan = [
        (ReminderKind.CONFIRM, start - settings.confirm_before, ready),
        (ReminderKind.GET_READY, ready, start),
        (ReminderKind.START, start, overdue),
        (ReminderKind.OVERDUE, overdue, stop),
        (ReminderKind.STOP_WAITING, stop, stop + stale),
    ]
    return [
        Reminder(iid, kind, at, min(until, at + stale)) for kind, at, until in plan if at < until
    ]


def due_reminders(
    interviews: Iterable[Interview],
    settings: Settings,
    since: datetime,
    now: datetime,
    log: Sequence[Action] = (),
    my_zone: str = "UTC",
) -> DueReminders:
    """Reminders whose instant lies in ``(since, now]``: to fire, or missed when stale."""
    since, now = require_aware(since), require_aware(now)
    fire: list[Reminder] = []
    missed: list[Reminder] = []
    if now <= since:
        return DueReminders()
    for interview in interviews:
        for reminder in schedule(interview, settings, log, my_zone):
            if since < reminder.at <= now:
                (fire if now < reminder.until else missed).append(reminder)
    fire.sort(key=lambda r: (r.at, r.interview_id))
    missed.sort(key=lambda r: (r.at, r.interview_id))
    return DueReminders(tuple(fire), tuple(missed))


def next_reminder_at(
    interviews: Iterable[Interview],
    settings: Settings,
    now: datetime,
    log: Sequence[Action] = (),
    my_zone: str = "UTC",
) -> datetime | None:
    """The earliest reminder instant after ``now``: the timer must wake by then."""
    now = require_aware(now)
    upcoming = [r.at for i in interviews for r in schedule(i, settings, log, my_zone) if r.at > now]
    return min(upcoming, default=None)
