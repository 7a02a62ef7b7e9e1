"""What the person did, kept in the action log: steps (called, emailed, snoozed), the
outcome of a call, and a later start when the interviewer runs late. The guide, the drafts
window, the reminders and the list all record through here, so the log and the interview
never disagree."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from crickets.application.errors import Refused
from crickets.application.interviews import InterviewBook
from crickets.application.ports import ActionLog
from crickets.application.reminder_state import ReminderState
from crickets.domain.actions import Action, ActionKind
from crickets.domain.clock import require_aware
from crickets.domain.interview import LATE_LIMIT, Interview, Status


@dataclass(frozen=True)
class Logbook:
    book: InterviewBook
    log: ActionLog
    reminders: ReminderState

    def record(self, interview_id: int, kind: ActionKind, detail: str = "") -> Action:
        return self.log.log_action(Action(interview_id, self.book.now(), kind, detail))

    def actions(self, interview_id: int | None = None) -> Sequence[Action]:
        return self.log.actions(interview_id)

    def set_outcome(self, interview_id: int, status: Status, detail: str = "") -> Interview:
        """They called, it went ahead, nobody called …: the status, one log line, and no
        more reminders for this interview."""
        updated = self.book.set_status(interview_id, status)
        kind = ActionKind.THEY_CALLED if status is Status.IN_CALL else ActionKind.OUTCOME
        self.record(interview_id, kind, detail or status.value)
        self.reminders.close_all_for(interview_id)
        return updated

    def running_late(self, interview_id: int, new_start: datetime) -> Interview:
        """They said they will start later: the countdown, the reminders and the guide move
        to ``new_start`` and the call is not counted as missed; the agreed time is kept, and
        the log says when it moved. :class:`Refused` (one sentence) for a time that has
        passed, is not later than agreed, or is so late that it is a new time."""
        interview = self.book.require(interview_id)
        new = require_aware(new_start).astimezone(UTC)
        if interview.status is not Status.SCHEDULED:
            raise Refused("This call is no longer waiting to start, so its time stays as it is.")
        if new <= self.book.now():
            raise Refused("That time has already passed: enter the time they said they'd start.")
        if new <= interview.agreed_start:
            raise Refused("That is not later than the agreed start: enter a later time.")
        if new > interview.agreed_start + LATE_LIMIT:
            raise Refused(
                "That is more than three hours after the agreed start: "
                "agree a new time with Reschedule… instead."
            )
        stored = self.book.update(interview.running_late(new))
        self.record(interview_id, ActionKind.RUNNING_LATE, new.isoformat(timespec="minutes"))
        self.reminders.close_all_for(interview_id)
        return stored
