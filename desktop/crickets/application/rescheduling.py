"""A new time: three proposals for the email, and, once a time is agreed, the follow-on
interview linked to the missed one (the countdown then resumes on it)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from crickets.application.logbook import Logbook
from crickets.domain.actions import ActionKind
from crickets.domain.interview import Interview, Status

if TYPE_CHECKING:  # the slot search: loaded when times are first proposed
    from crickets.domain.slots import Slot, SlotPlan


@dataclass(frozen=True)
class Rescheduling:
    logbook: Logbook

    def plan(self, interview: Interview) -> SlotPlan:
        """Three free times inside both working days (or the least bad ones, with a note
        saying so): the same plan the reschedule email lists."""
        from crickets.domain.slots import plan_slots

        book = self.logbook.book
        settings = book.load_settings()
        return plan_slots(
            book.all(),
            settings,
            book.my_zone(settings),
            book.now(),
            duration=interview.duration,
            their_zone=interview.zone,
            their_hours=interview.interviewer_hours,
        )

    def proposals(self, interview: Interview) -> list[Slot]:
        return list(self.plan(interview).slots)

    def reschedule(self, interview_id: int, local_start: datetime, zone: str) -> Interview:
        """Create the follow-on, mark the missed one rescheduled, close its reminders."""
        book = self.logbook.book
        old = book.require(interview_id)
        new = book.add(old.follow_on(local_start, zone))
        book.update(old.with_status(Status.RESCHEDULED))
        self.logbook.record(interview_id, ActionKind.RESCHEDULED, f"to #{new.id}")
        self.logbook.reminders.close_all_for(interview_id)
        return new
