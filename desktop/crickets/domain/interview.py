"""An interview as the person agreed it: a wall-clock time in the zone it was agreed in.

As in iCalendar, the instant is derived from ``local_start`` + ``zone`` (+ ``fold`` for the
repeated hour when clocks go back), so a change to the zone database moves the instant with
the agreement rather than against it.

When the interviewer says they are running late ("we'll start at 2:20"), the new instant is
kept beside the agreement (``late_start``) rather than over it: the countdown, the reminders
and the guide follow :attr:`Interview.start`, while the agreed time stays what it was
(docs/decisions/072-running-late.md).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from crickets.domain.clock import require_aware
from crickets.domain.slot_hours import INTERVIEWER_HOURS, WorkingHours


class Direction(enum.Enum):
    THEY_CALL = "they-call"
    I_CALL = "i-call"
    VIDEO = "video"


class Status(enum.Enum):
    """What the person recorded; the *phase* is derived from it and the clock."""

    SCHEDULED = "scheduled"
    IN_CALL = "in-call"
    DONE = "done"
    MISSED_BY_THEM = "missed-by-them"
    MISSED_BY_ME = "missed-by-me"
    RESCHEDULED = "rescheduled"
    CANCELLED = "cancelled"

    @property
    def is_terminal(self) -> bool:
        return self not in (Status.SCHEDULED, Status.IN_CALL)


#: How far past the agreed start a "running late" time may lie; later than that is a new time.
LATE_LIMIT = timedelta(hours=3)


#: Fields that identify or describe a person or an employer: encrypted at rest.
PERSONAL_FIELDS = (
    "company",
    "role",
    "interviewer_name",
    "interviewer_email",
    "interviewer_phone",
    "meeting_link",
    "my_phone",
    "notes",
)


@dataclass(frozen=True)
class Interview:
    local_start: datetime  # naive wall-clock time in ``zone``; ``fold`` picks the repeated hour
    zone: str  # IANA name, e.g. "America/New_York"
    company: str = ""
    role: str = ""
    interviewer_name: str = ""
    interviewer_email: str = ""
    interviewer_phone: str = ""
    duration: timedelta = timedelta(minutes=30)
    direction: Direction = Direction.THEY_CALL
    meeting_link: str = ""
    my_phone: str = ""
    notes: str = ""
    status: Status = Status.SCHEDULED
    reschedules_id: int | None = None  # the missed interview this one replaces
    call_started_at: datetime | None = None  # aware UTC, set by "They called"
    ics_uid: str = ""  # the invitation's UID, so a later version updates this interview
    ics_sequence: int = 0  # the invitation's SEQUENCE last applied
    late_start: datetime | None = None  # aware UTC: when they said they would start instead
    their_hours: WorkingHours | None = None  # the interviewer's working day, on their clock
    id: int | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if self.local_start.tzinfo is not None:
            raise ValueError("local_start must be a naive wall-clock time; the zone is separate")
        if self.duration <= timedelta(0):
            raise ValueError("duration must be positive")
        ZoneInfo(self.zone)  # raises for an unknown zone name
        if self.late_start is not None:
            require_aware(self.late_start)

    @property
    def tzinfo(self) -> ZoneInfo:
        return ZoneInfo(self.zone)

    @property
    def interviewer_hours(self) -> WorkingHours:
        """The interviewer's working day for proposing new times: as set, else office hours."""
        return self.their_hours or INTERVIEWER_HOURS

    @property
    def agreed_start(self) -> datetime:
        """The start instant as agreed, aware, in UTC."""
        return self.local_start.replace(tzinfo=self.tzinfo).astimezone(UTC)

    @property
    def start(self) -> datetime:
        """When the call is expected, aware, in UTC: the agreed start, or the later time
        they said they would start at. A late start that no longer fits the agreement (the
        time was edited since) is ignored."""
        agreed = self.agreed_start
        late = self.late_start
        if late is not None and agreed < late <= agreed + LATE_LIMIT:
            return late.astimezone(UTC)
        return agreed

    @property
    def is_running_late(self) -> bool:
        return self.start != self.agreed_start

    @property
    def end(self) -> datetime:
        """Planned end: from the real call start when there was one."""
        return (self.call_started_at or self.start) + self.duration

    @property
    def title(self) -> str:
        """A short human label: "Phone screen with Acme", "Interview"."""
        kind = "Video call" if self.direction is Direction.VIDEO else "Phone interview"
        what = self.role or kind
        return f"{what} with {self.company}" if self.company else what

    @property
    def is_follow_on(self) -> bool:
        return self.reschedules_id is not None

    def follow_on(self, local_start: datetime, zone: str) -> Interview:
        """The interview that replaces this missed one at a newly agreed time.

        Contact details carry over; the new one links back, starts scheduled, and keeps the
        invitation's UID with the next SEQUENCE so an exported .ics updates the same event.
        """
        return replace(
            self,
            id=None,
            local_start=local_start,
            zone=zone,
            status=Status.SCHEDULED,
            reschedules_id=self.id,
            call_started_at=None,
            ics_sequence=self.ics_sequence + 1,
            late_start=None,
        )

    def next_at(self, wall: time) -> datetime:
        """The first instant after the agreed start at which the interviewer's clock reads
        ``wall`` ("we'll start at 2:20"), aware UTC; a time in a clock change's gap moves
        on by the gap, as the clock itself does."""
        agreed = self.local_start
        day = agreed.date() if wall > agreed.time() else agreed.date() + timedelta(days=1)
        local = datetime.combine(day, wall).replace(tzinfo=self.tzinfo)
        return local.astimezone(UTC)

    def running_late(self, new_start: datetime) -> Interview:
        """A copy expected at ``new_start`` (aware), the agreed time kept as it was.

        ValueError when ``new_start`` is not after the agreed start or lies more than
        :data:`LATE_LIMIT` past it: that is a new time, agreed with Reschedule."""
        new = require_aware(new_start).astimezone(UTC)
        agreed = self.agreed_start
        if new <= agreed:
            raise ValueError("a late start comes after the agreed start")
        if new > agreed + LATE_LIMIT:
            raise ValueError("more than three hours late is a new time: reschedule instead")
        return replace(self, late_start=new)

    def with_status(self, status: Status, *, at: datetime | None = None) -> Interview:
        """A copy in ``status``; entering IN_CALL records when the call started."""
        started = at if status is Status.IN_CALL else self.call_started_at
        return replace(self, status=status, call_started_at=started)
