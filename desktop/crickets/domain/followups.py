"""Reminders that depend on what the person did, read from the action log.

- The thank-you: the morning after a call that happened, unless a thank-you already went out.
- The nudge: two working days after a reschedule request, unless a new time was agreed.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from crickets.domain.actions import Action, ActionKind
from crickets.domain.draft_times import working_days_later
from crickets.domain.interview import Interview, Status
from crickets.domain.settings import Settings

EMAILED = frozenset({ActionKind.EMAIL_COPIED, ActionKind.EMAIL_OPENED, ActionKind.EMAIL_SAVED})
ASKED_TO_RESCHEDULE = frozenset({"reschedule", "second-miss"})
STILL_HELPFUL = timedelta(days=1)
_WAITING_FOR_ANSWER = (Status.SCHEDULED, Status.MISSED_BY_THEM, Status.MISSED_BY_ME)


def thank_you_at(interview: Interview, settings: Settings, my_zone: str) -> datetime:
    """The start of the person's working day after the call ended."""
    end = interview.end.astimezone(ZoneInfo(my_zone))
    morning = datetime.combine(end.date() + timedelta(days=1), settings.work_start)
    return morning.replace(tzinfo=ZoneInfo(my_zone)).astimezone(UTC)


def nudge_due_at(asked_at: datetime, settings: Settings, my_zone: str) -> datetime:
    """When a reschedule request with no answer deserves the gentle nudge: two working days
    later, at the same time of day."""
    return working_days_later(asked_at, 2, settings.work_days, my_zone).astimezone(UTC)


def _emailed(log: Sequence[Action], kinds: frozenset[str] | set[str]) -> list[datetime]:
    return [a.at for a in log if a.kind in EMAILED and a.detail in kinds]


def followup_plan(
    interview: Interview, settings: Settings, log: Sequence[Action], my_zone: str
) -> list[tuple[str, datetime, datetime]]:
    """``(kind, at, until)`` for each follow-up still due; ``log`` is this interview's."""
    plan: list[tuple[str, datetime, datetime]] = []
    if interview.status is Status.DONE and not _emailed(log, {"thank-you"}):
        # The next morning, or when the call was recorded as done if that came later:
        # a reminder due before it was known could otherwise never fire.
        recorded = [a.at for a in log if a.kind is ActionKind.OUTCOME]
        at = max([thank_you_at(interview, settings, my_zone), *recorded])
        plan.append(("thank-you", at, at + STILL_HELPFUL))
    asked = _emailed(log, ASKED_TO_RESCHEDULE)
    answered = any(a.kind is ActionKind.RESCHEDULED for a in log)
    if asked and not answered and interview.status in _WAITING_FOR_ANSWER:
        at = nudge_due_at(max(asked), settings, my_zone)
        plan.append(("nudge", at, at + STILL_HELPFUL))
    return plan
