"""What the person did, kept in the action log: steps (called, emailed, snoozed) and the
outcome of a call. The guide, the drafts window, the reminders and the list all record
through here, so the log and the interview's status never disagree."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from crickets.application.interviews import InterviewBook
from crickets.application.ports import ActionLog
from crickets.application.reminder_state import ReminderState
from crickets.domain.actions import Action, ActionKind
from crickets.domain.interview import Interview, Status


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
