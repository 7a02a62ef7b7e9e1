"""Interviews to table rows and back. Times in clear (for ordering), the rest sealed.

The invitation UID is sealed with the personal fields (a UID can name the organiser's
domain); its column holds only a keyed digest (``FieldCodec.lookup_token``) so an imported
invitation can still be found by UID.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from typing import Any

from crickets.domain.interview import PERSONAL_FIELDS, Direction, Interview, Status
from crickets.domain.slot_hours import format_hours, parse_hours

COLUMNS = (
    "local_start",
    "fold",
    "zone",
    "start_utc",
    "duration_min",
    "direction",
    "status",
    "reschedules_id",
    "call_started_at",
    "ics_uid",
    "ics_sequence",
    "late_start",
    "their_hours",
)


def clear_values(interview: Interview, uid_token: str | None = None) -> dict[str, Any]:
    """The columns stored unsealed: what the scheduler needs, nothing that names anyone.

    ``uid_token`` is what goes in the ``ics_uid`` column (the UID itself when not given)."""
    started, late = interview.call_started_at, interview.late_start
    return {
        "local_start": interview.local_start.isoformat(timespec="seconds"),
        "fold": interview.local_start.fold,
        "zone": interview.zone,
        "start_utc": interview.start.isoformat(timespec="seconds"),
        "duration_min": interview.duration.total_seconds() / 60,
        "direction": interview.direction.value,
        "status": interview.status.value,
        "reschedules_id": interview.reschedules_id,
        "call_started_at": started.isoformat(timespec="seconds") if started else None,
        "ics_uid": interview.ics_uid if uid_token is None else uid_token,
        "ics_sequence": interview.ics_sequence,
        "late_start": late.isoformat(timespec="seconds") if late else None,
        "their_hours": format_hours(hours) if (hours := interview.their_hours) else None,
    }


def personal_values(interview: Interview) -> dict[str, str]:
    values = {name: getattr(interview, name) for name in PERSONAL_FIELDS}
    return {**values, "ics_uid": interview.ics_uid}


def from_row(row: sqlite3.Row, personal: dict[str, Any]) -> Interview:
    local = datetime.fromisoformat(row["local_start"]).replace(fold=int(row["fold"]))
    started, late = row["call_started_at"], row["late_start"]
    texts = {name: str(personal.get(name, "")) for name in PERSONAL_FIELDS}
    return Interview(
        id=int(row["id"]),
        local_start=local,
        zone=row["zone"],
        duration=timedelta(minutes=float(row["duration_min"])),
        direction=Direction(row["direction"]),
        status=Status(row["status"]),
        reschedules_id=row["reschedules_id"],
        call_started_at=datetime.fromisoformat(started) if started else None,
        ics_uid=str(personal.get("ics_uid", row["ics_uid"])),
        ics_sequence=int(row["ics_sequence"]),
        late_start=datetime.fromisoformat(late) if late else None,
        their_hours=parse_hours(row["their_hours"]) if row["their_hours"] else None,
        **texts,
    )
