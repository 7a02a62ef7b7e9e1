"""Interviews as plain JSON-ready dicts: for ``--json`` output, export and restore.

Instants are ISO 8601 with offsets. The format is versioned; a reader refuses versions it
does not know rather than guessing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from datetime import datetime, timedelta
from typing import Any

from crickets.domain.actions import Action, ActionKind
from crickets.domain.interview import PERSONAL_FIELDS, Direction, Interview, Status
from crickets.domain.profile import Profile
from crickets.domain.settings import Settings, settings_from_dict, settings_to_dict

FORMAT = "crickets-export"
VERSION = 1


class PortableError(ValueError):
    """The data is not a Crickets export this version can read; the message says why."""


def interview_to_dict(interview: Interview) -> dict[str, Any]:
    started = interview.call_started_at
    return {
        "id": interview.id,
        **{name: getattr(interview, name) for name in PERSONAL_FIELDS},
        "local_start": interview.local_start.isoformat(timespec="seconds"),
        "fold": interview.local_start.fold,
        "zone": interview.zone,
        "start": interview.start.isoformat(timespec="seconds"),
        "duration_minutes": interview.duration.total_seconds() / 60,
        "direction": interview.direction.value,
        "status": interview.status.value,
        "reschedules_id": interview.reschedules_id,
        "call_started_at": started.isoformat(timespec="seconds") if started else None,
        "ics_uid": interview.ics_uid,
        "ics_sequence": interview.ics_sequence,
    }


def interview_from_dict(data: dict[str, Any]) -> Interview:
    try:
        started = data.get("call_started_at")
        local = datetime.fromisoformat(str(data["local_start"]))
        return Interview(
            id=int(data["id"]) if data.get("id") is not None else None,
            local_start=local.replace(fold=int(data.get("fold", 0))),
            zone=str(data["zone"]),
            duration=timedelta(minutes=float(data.get("duration_minutes", 30))),
            direction=Direction(data.get("direction", Direction.THEY_CALL.value)),
            status=Status(data.get("status", Status.SCHEDULED.value)),
            reschedules_id=data.get("reschedules_id"),
            call_started_at=datetime.fromisoformat(started) if started else None,
            ics_uid=str(data.get("ics_uid", "")),
            ics_sequence=int(data.get("ics_sequence", 0)),
            **{name: str(data.get(name, "")) for name in PERSONAL_FIELDS},
        )
    except (KeyError, TypeError, ValueError) as error:
        ident = data.get("id", "?") if isinstance(data, dict) else "?"
        raise PortableError(f"interview {ident} in the export is not valid: {error}") from None


def action_to_dict(action: Action) -> dict[str, Any]:
    return {
        "interview_id": action.interview_id,
        "at": action.at.isoformat(timespec="seconds"),
        "kind": action.kind.value,
        "detail": action.detail,
    }


def export_document(
    interviews: list[Interview],
    settings: Settings,
    profile: Profile,
    exported_at: datetime,
    actions: Sequence[Action] = (),
) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": exported_at.isoformat(timespec="seconds"),
        "settings": settings_to_dict(settings),
        "profile": asdict(profile),
        "interviews": [interview_to_dict(i) for i in interviews],
        "actions": [action_to_dict(a) for a in actions],
    }


def read_actions(doc: dict[str, Any], interview_ids: set[int]) -> list[Action]:
    """The export's action log (absent in older exports: empty), each tied to an interview."""
    raw = doc.get("actions", [])
    if not isinstance(raw, list):
        raise PortableError("the export's action log is damaged")
    actions = []
    for entry in raw:
        try:
            action = Action(
                interview_id=int(entry["interview_id"]),
                at=datetime.fromisoformat(str(entry["at"])),
                kind=ActionKind(entry["kind"]),
                detail=str(entry.get("detail", "")),
            )
        except (KeyError, TypeError, ValueError) as error:
            raise PortableError(
                f"an entry of the export's action log is not valid: {error}"
            ) from None
        if action.interview_id not in interview_ids:
            raise PortableError(
                f"the action log names interview {action.interview_id}, which is not in the export"
            )
        actions.append(action)
    return actions


def read_document(doc: Any) -> tuple[list[Interview], Settings, Profile]:
    """Everything in an export, validated as a whole before anything is used."""
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise PortableError("this file is not a Crickets export")
    if doc.get("version") != VERSION:
        raise PortableError(f"this export has version {doc.get('version')!r}; expected {VERSION}")
    raw = doc.get("interviews")
    if not isinstance(raw, list) or not all(isinstance(i, dict) for i in raw):
        raise PortableError("the export's interview list is damaged")
    interviews = [interview_from_dict(i) for i in raw]
    ids = [i.id for i in interviews]
    if None in ids or len(set(ids)) != len(ids):
        raise PortableError("the export has interviews with missing or repeated ids")
    try:
        settings = settings_from_dict(dict(doc.get("settings") or {}))
        profile_data = dict(doc.get("profile") or {})
        profile = Profile(**{k: str(profile_data.get(k, "")) for k in ("name", "email", "phone")})
    except (TypeError, ValueError) as error:
        raise PortableError(f"the export's settings or profile are not valid: {error}") from None
    return interviews, settings, profile
