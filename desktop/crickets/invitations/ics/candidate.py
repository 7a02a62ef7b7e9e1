"""What reading an invitation file gives: frozen data the UI and the CLI can show as is.

An :class:`Invitation` holds one :class:`ImportCandidate` per event (a repeating event
appears once, at its next date). A candidate without a time says why in ``needs_time``;
the caller asks the person and calls :meth:`ImportCandidate.with_start`. No Qt, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from crickets.domain.clock import require_aware
from crickets.domain.interview import Direction, Interview, Status


@dataclass(frozen=True)
class ImportCandidate:
    uid: str
    sequence: int = 0
    method: str = ""  # the file's METHOD: "REQUEST", "PUBLISH", "CANCEL" or ""
    cancelled: bool = False  # METHOD:CANCEL or STATUS:CANCELLED
    start: datetime | None = None  # aware, UTC; None when ``needs_time``
    local_start: datetime | None = None  # naive wall-clock time in ``zone`` (fold set)
    zone: str | None = None  # IANA
    day: date | None = None  # the date when only the time of day is missing
    needs_time: str = ""  # why there is no usable time ("it is an all-day event …")
    duration: timedelta = timedelta(minutes=30)
    summary: str = ""
    company: str = ""
    role: str = ""
    interviewer_name: str = ""
    interviewer_email: str = ""
    phone: str = ""
    meeting_link: str = ""
    link_kind: str = ""  # "Zoom", "Google Meet", "Microsoft Teams", "Webex", "link"
    direction: Direction = Direction.THEY_CALL
    location: str = ""
    notes: str = ""
    recurring: bool = False
    recurrence_id: datetime | None = None  # aware UTC: the one occurrence this file is about
    warnings: tuple[str, ...] = ()

    @property
    def has_time(self) -> bool:
        return self.start is not None

    @property
    def title(self) -> str:
        return self.summary or self.company or "Interview"

    def with_start(self, local: datetime, zone: str) -> ImportCandidate:
        """This candidate at a time the person gave (``local`` naive, ``fold`` honoured)."""
        if local.tzinfo is not None:
            raise ValueError("local must be a naive wall-clock time; the zone is separate")
        instant = local.replace(tzinfo=ZoneInfo(zone)).astimezone(UTC)
        return replace(self, start=instant, local_start=local, zone=zone, needs_time="")

    def to_interview(self) -> Interview:
        """The interview this candidate describes (a new one: no id)."""
        if self.local_start is None or self.zone is None:
            raise ValueError(f"{self.title} has no time yet: {self.needs_time}")
        return Interview(
            local_start=self.local_start,
            zone=self.zone,
            company=self.company,
            role=self.role,
            interviewer_name=self.interviewer_name,
            interviewer_email=self.interviewer_email,
            interviewer_phone=self.phone,
            duration=self.duration,
            direction=self.direction,
            meeting_link=self.meeting_link,
            notes=self.notes,
            status=Status.CANCELLED if self.cancelled else Status.SCHEDULED,
            ics_uid=self.uid,
            ics_sequence=self.sequence,
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: instants in ISO 8601 with offsets."""
        local = self.start.astimezone(ZoneInfo(self.zone)) if self.start and self.zone else None
        return {
            "uid": self.uid,
            "sequence": self.sequence,
            "method": self.method,
            "cancelled": self.cancelled,
            "needs_time": self.needs_time or None,
            "start": self.start.isoformat(timespec="seconds") if self.start else None,
            "start_local": local.isoformat(timespec="seconds") if local else None,
            "zone": self.zone,
            "day": self.day.isoformat() if self.day else None,
            "duration_minutes": self.duration.total_seconds() / 60,
            "summary": self.summary,
            "company": self.company,
            "role": self.role,
            "interviewer_name": self.interviewer_name,
            "interviewer_email": self.interviewer_email,
            "phone": self.phone,
            "meeting_link": self.meeting_link,
            "link_kind": self.link_kind,
            "direction": self.direction.value,
            "location": self.location,
            "recurring": self.recurring,
            "warnings": list(self.warnings),
        }


@dataclass(frozen=True)
class Invitation:
    """Everything one file holds: its events (soonest first) and file-wide warnings."""

    events: tuple[ImportCandidate, ...]
    method: str = ""
    warnings: tuple[str, ...] = ()
    source: bytes = field(default=b"", repr=False)  # the original bytes, kept with the import

    def upcoming(self, now: datetime) -> tuple[ImportCandidate, ...]:
        """Events that start after ``now`` or still need a time."""
        now = require_aware(now)
        return tuple(e for e in self.events if e.start is None or e.start > now)
