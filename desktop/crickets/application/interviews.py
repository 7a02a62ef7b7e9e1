"""Adding, editing, listing and deleting interviews: what the editor, the list window and
``crickets add|edit|list|show|delete`` share."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from crickets.application.errors import Refused
from crickets.application.ports import (
    DamageScan,
    InterviewRepository,
    SettingsRepository,
    ZoneSource,
)
from crickets.domain.clock import Clock
from crickets.domain.damage import UnreadableRecord
from crickets.domain.damage import summary as damage_summary
from crickets.domain.interview import Direction, Interview, Status
from crickets.domain.settings import Settings
from crickets.domain.slot_hours import WorkingHours


def not_found(interview_id: int) -> Refused:
    return Refused(f"there is no interview #{interview_id}; `crickets list` shows them all")


@dataclass(frozen=True)
class InterviewFields:
    """What the editor's form sets: everything a person types about an interview. The rest
    (id, status, the link to a missed call, the invitation's UID) is the app's own and is
    kept as stored when the form is saved."""

    local_start: datetime
    zone: str
    duration: timedelta
    direction: Direction
    company: str = ""
    role: str = ""
    interviewer_name: str = ""
    interviewer_email: str = ""
    interviewer_phone: str = ""
    meeting_link: str = ""
    my_phone: str = ""
    notes: str = ""
    their_hours: WorkingHours | None = None  # the interviewer's working day, on their clock

    def laid_over(self, base: Interview) -> Interview:
        """``base`` with every field the form sets replaced by the form's value."""
        return replace(
            base,
            local_start=self.local_start,
            zone=self.zone,
            duration=self.duration,
            direction=self.direction,
            company=self.company,
            role=self.role,
            interviewer_name=self.interviewer_name,
            interviewer_email=self.interviewer_email,
            interviewer_phone=self.interviewer_phone,
            meeting_link=self.meeting_link,
            my_phone=self.my_phone,
            notes=self.notes,
            their_hours=self.their_hours,
        )

    def new_interview(self) -> Interview:
        return self.laid_over(Interview(self.local_start, self.zone))


@dataclass(frozen=True)
class InterviewBook:
    interviews: InterviewRepository
    settings: SettingsRepository
    zones: ZoneSource
    clock: Clock
    damage: DamageScan | None = None  # None: a store that cannot be damaged (tests' fakes)

    def now(self) -> datetime:
        return self.clock.now()

    def my_zone(self, settings: Settings | None = None) -> str:
        """The person's own zone (the configured one, else the machine's)."""
        chosen = settings if settings is not None else self.settings.load_settings()
        return self.zones.home_zone(chosen.home_zone)

    def system_zone(self) -> str:
        """The machine's own zone, which an empty "home zone" setting stands for."""
        return self.zones.home_zone("")

    def load_settings(self) -> Settings:
        return self.settings.load_settings()

    def all(self) -> Sequence[Interview]:
        """Every readable interview (a damaged one is named by :meth:`unreadable`)."""
        return self.interviews.list()

    def unreadable(self) -> Sequence[UnreadableRecord]:
        """The saved records left out because they are damaged, each named; show them with
        the list, so nothing goes missing in silence."""
        return self.damage.unreadable() if self.damage is not None else ()

    def unreadable_text(self) -> str:
        """:meth:`unreadable` as one sentence for the person; "" when nothing is damaged."""
        return damage_summary(self.unreadable())

    def get(self, interview_id: int) -> Interview | None:
        return self.interviews.get(interview_id)

    def require(self, interview_id: int) -> Interview:
        found = self.interviews.get(interview_id)
        if found is None:
            raise not_found(interview_id)
        return found

    def add(self, interview: Interview) -> Interview:
        return self.interviews.add(interview)

    def update(self, interview: Interview) -> Interview:
        """Replace the stored interview; the stored copy comes back."""
        if interview.id is None:
            raise Refused("an interview without an id cannot be changed")
        try:
            self.interviews.update(interview)
        except KeyError:
            raise not_found(interview.id) from None
        return self.require(interview.id)

    def save_fields(self, original: Interview | None, form: InterviewFields) -> Interview:
        """The editor's Save: a new interview, or the form laid over the interview *as
        stored now* (a "They called" pressed while the form was open is not undone)."""
        if original is None:
            return self.add(form.new_interview())
        return self.update(form.laid_over(self.require(original.id or 0)))

    def delete(self, interview_id: int) -> Interview:
        interview = self.require(interview_id)
        self.interviews.delete(interview_id)
        return interview

    def set_status(self, interview_id: int, status: Status) -> Interview:
        """Only the status (with the instant it changed); the log is the Logbook's."""
        interview = self.require(interview_id)
        return self.update(interview.with_status(status, at=self.clock.now()))
