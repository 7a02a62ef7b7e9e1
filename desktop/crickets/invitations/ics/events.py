"""One UID's VEVENTs (a single event, or a series with moved and cancelled dates) made into
an :class:`~crickets.invitations.ics.candidate.ImportCandidate`.

The master event's start is read (:mod:`~crickets.invitations.ics.start`); a repeating one is
replaced by its next date (:mod:`~crickets.invitations.ics.series`); the length comes from
DTEND or DURATION and must be an interview's (5 to 480 minutes) or 30 minutes is set, with a
warning. The time is kept as a wall-clock time in an IANA zone, with ``fold`` for the
repeated hour, so the stored interview names exactly the instant the file gave.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from crickets.domain.validation import FieldError, duration_minutes
from crickets.invitations.ics import series as ics_series
from crickets.invitations.ics.candidate import ImportCandidate
from crickets.invitations.ics.fields import read_fields, text_of
from crickets.invitations.ics.limits import IcsError
from crickets.invitations.ics.start import Start, first, is_broken, read_start
from crickets.invitations.ics.text import clean_line
from crickets.invitations.ics.vtimezone import FileZone
from crickets.services.phones import region_for_zone

DEFAULT_DURATION = timedelta(minutes=30)


@dataclass(frozen=True)
class EventReader:
    """What every event of one file is read with."""

    zones: dict[str, FileZone]
    x_wr: str | None  # the file's X-WR-TIMEZONE, resolved
    my_zone: str
    prefer: tuple[str, ...]  # zones to try first when matching a custom VTIMEZONE
    now: datetime
    method: str
    my_email: str
    region: str | None

    def start(self, event: Any, prop_name: str = "DTSTART") -> Start:
        what = f"“{clean_line(text_of(event, 'SUMMARY'), max_length=60) or 'the event'}”"
        return read_start(
            first(event, prop_name),
            what=what,
            file_zones=self.zones,
            file_zone_name=self.x_wr,
            my_zone=self.my_zone,
            prefer=self.prefer,
        )

    def build(self, uid: str, group: list[Any]) -> list[ImportCandidate]:
        """One candidate per UID; one per date when the file holds only single dates."""
        masters = [e for e in group if e.get("RECURRENCE-ID") is None]
        moved = [e for e in group if e.get("RECURRENCE-ID") is not None]
        if not masters:
            return [self.candidate(uid, e, self.start(e), single_date=True) for e in moved]
        master = max(masters, key=sequence_of)
        start = self.start(master)
        if not ics_series.is_repeating(master) or start.base is None or start.wall is None:
            return [self.candidate(uid, master, start)]
        first = ics_series.Occurrence(
            start.base, start.wall, master, start.base.instant(start.wall)
        )
        found = ics_series.next_occurrence(first, self._overrides(moved), self.now)
        if found.occurrence is None:
            needs = Start(day=start.wall.date(), needs_time=found.needs_time)
            return [self.candidate(uid, master, needs, master=master)]
        occ = found.occurrence
        chosen = Start(base=occ.base, wall=occ.wall, warnings=start.warnings)
        return [self.candidate(uid, occ.event, chosen, master=master)]

    def _overrides(self, moved: list[Any]) -> list[tuple[datetime, ics_series.Occurrence | None]]:
        overrides: list[tuple[datetime, ics_series.Occurrence | None]] = []
        for event in moved:
            rid = self.start(event, "RECURRENCE-ID")
            if rid.base is None or rid.wall is None:
                continue
            own = self.start(event)
            replacement = None
            if not is_cancelled(event) and own.base is not None and own.wall is not None:
                instant = own.base.instant(own.wall)
                replacement = ics_series.Occurrence(own.base, own.wall, event, instant)
            overrides.append((rid.base.instant(rid.wall), replacement))
        return overrides

    def candidate(
        self,
        uid: str,
        event: Any,
        start: Start,
        *,
        single_date: bool = False,
        master: Any = None,
    ) -> ImportCandidate:
        placed: tuple[str, ...] = ()
        zone: str | None = None
        if start.base is not None and start.wall is not None:
            instant = start.base.instant(start.wall)
            zone, placed = start.base.place(instant)
        regions = (region_for_zone(zone) if zone else None, self.region)
        fields = read_fields(event, regions=regions, my_email=self.my_email)
        warnings = [*start.warnings, *placed, *fields.warnings, *damage(event)]
        result = ImportCandidate(
            uid=uid,
            sequence=max(sequence_of(event), sequence_of(master) if master is not None else 0),
            method=self.method,
            cancelled=self.method == "CANCEL" or is_cancelled(event),
            needs_time=start.needs_time,
            day=start.day,
            summary=fields.summary,
            company=fields.company,
            role=fields.role,
            interviewer_name=fields.interviewer_name,
            interviewer_email=fields.interviewer_email,
            phone=fields.phone,
            meeting_link=fields.meeting_link,
            link_kind=fields.link_kind,
            direction=fields.direction,
            location=fields.location,
            notes=fields.notes,
            recurring=single_date or master is not None,
        )
        if single_date:
            rid = self.start(event, "RECURRENCE-ID")
            if rid.base is not None and rid.wall is not None:
                result = replace(result, recurrence_id=rid.base.instant(rid.wall))
        if zone is not None and start.base is not None and start.wall is not None:
            duration, note = self.duration(event, instant, start.base, start.wall)
            warnings += [note] if note else []
            local = instant.astimezone(ZoneInfo(zone)).replace(tzinfo=None)  # keeps fold
            result = replace(result, duration=duration).with_start(local, zone)
            if master is not None:
                warnings.append("This is a repeating event; its next date was taken.")
        return replace(result, warnings=tuple(dict.fromkeys(warnings)))

    def duration(
        self,
        event: Any,
        instant: datetime,
        start_base: Any = None,
        start_wall: datetime | None = None,
    ) -> tuple[timedelta, str]:
        """DTEND − DTSTART (each in its own zone) or DURATION; 30 minutes when absent."""
        length: timedelta | None = None
        end, span = first(event, "DTEND"), first(event, "DURATION")
        if end is not None and not is_broken(end):
            try:
                stop = self.start(event, "DTEND")
            except IcsError:
                stop = Start()
            if stop.base is not None and stop.wall is not None:
                length = stop.base.instant(stop.wall) - instant
                if start_wall is not None and stop.base == start_base:
                    length = stop.wall - start_wall  # a clock change is not part of a meeting
        elif span is not None and not is_broken(span):
            value = getattr(span, "dt", None)
            length = value if isinstance(value, timedelta) else None
        if length is None:
            return DEFAULT_DURATION, ""
        try:
            duration_minutes("duration", length.total_seconds() / 60)
        except FieldError:
            minutes = int(length.total_seconds() // 60)
            return DEFAULT_DURATION, (
                f"The event lasts {minutes} minutes, which is not an interview's length; "
                "30 minutes was set instead."
            )
        return length, ""


def sequence_of(event: Any) -> int:
    value = event.get("SEQUENCE")
    if isinstance(value, list):
        value = max((v for v in value if isinstance(v, int)), default=0)
    return max(0, value) if isinstance(value, int) else 0


def is_cancelled(event: Any) -> bool:
    return text_of(event, "STATUS").strip().upper() == "CANCELLED"


def damage(event: Any) -> list[str]:
    errors = [name for name, _ in getattr(event, "errors", [])]
    if not errors:
        return []
    return [
        f"{len(errors)} damaged line(s) in this event were skipped; check the details "
        "against the original invitation."
    ]
