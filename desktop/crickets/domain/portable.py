"""Interviews as plain JSON-ready dicts: for ``--json`` output, export and restore.

Instants are ISO 8601 with offsets. The format is versioned; a reader refuses versions it
does not know rather than guessing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from datetime import datetime, timedelta
from typing import Any

from crickets.domain import export_fields as fields
from crickets.domain import validation
from crickets.domain.actions import Action, ActionKind
from crickets.domain.interview import PERSONAL_FIELDS, Direction, Interview, Status
from crickets.domain.profile import Profile
from crickets.domain.settings import Settings, settings_to_dict
from crickets.domain.slot_hours import format_hours

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
        "their_hours": format_hours(hours) if (hours := interview.their_hours) else None,
    }


def interview_from_dict(data: dict[str, Any]) -> Interview:
    """The interview in one export entry, every field checked as the editor and ``crickets
    add`` check it (:mod:`crickets.domain.validation`); :class:`PortableError` names the
    interview and the first field that is wrong."""
    ident = data.get("id", "?") if isinstance(data, dict) else "?"
    try:
        texts = {
            name: validation.text_field(label, data.get(name, ""), check)
            for name, (label, check) in validation.INTERVIEW_TEXT.items()
        }
        local = fields.instant("start", data.get("local_start"), aware=False)
        minutes = data.get("duration_minutes", 30)
        if isinstance(minutes, bool) or not isinstance(minutes, int | float):
            raise validation.FieldError("duration", "is not a number")
        reschedules = data.get("reschedules_id")
        started = data.get("call_started_at")
        return Interview(
            id=validation.record_id("id", data.get("id")),
            local_start=local.replace(fold=fields.fold(data.get("fold", 0))),
            zone=validation.zone("time zone", data.get("zone")),
            duration=timedelta(minutes=validation.duration_minutes("duration", minutes)),
            direction=Direction(data.get("direction", Direction.THEY_CALL.value)),
            status=Status(data.get("status", Status.SCHEDULED.value)),
            reschedules_id=(
                None if reschedules is None else validation.record_id("rescheduled", reschedules)
            ),
            call_started_at=fields.instant("call start", started, aware=True) if started else None,
            ics_uid=validation.text_field("invitation UID", data.get("ics_uid", ""), fields.uid),
            ics_sequence=fields.sequence(data.get("ics_sequence", 0)),
            late_start=None,  # not in the export: a late start matters for minutes, not days
            their_hours=fields.their_hours(data.get("their_hours")),
            **texts,
        )
    except validation.FieldError as error:
        raise PortableError(
            f"interview {str(ident)[:20]} in the export is not valid: {error}"
        ) from None
    except (KeyError, TypeError, ValueError, OverflowError) as error:
        raise PortableError(
            f"interview {str(ident)[:20]} in the export is not valid: {str(error)[:80]}"
        ) from None


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
    """The export's action log (absent in older exports: empty), each tied to an interview
    and checked like the rest; :class:`PortableError` names the first bad entry."""
    raw = doc.get("actions", [])
    if not isinstance(raw, list):
        raise PortableError("the export's action log is damaged")
    actions = []
    for number, entry in enumerate(raw, start=1):
        try:
            if not isinstance(entry, dict):
                raise validation.FieldError("entry", "is not an object")
            action = Action(
                interview_id=validation.record_id("interview", entry.get("interview_id")),
                at=fields.instant("time", entry.get("at"), aware=True),
                kind=ActionKind(entry.get("kind")),
                detail=validation.text_field("detail", entry.get("detail", ""), validation.notes),
            )
        except validation.FieldError as error:
            raise PortableError(
                f"entry {number} of the export's action log is not valid: {error}"
            ) from None
        except (KeyError, TypeError, ValueError) as error:
            raise PortableError(
                f"entry {number} of the export's action log is not valid: {str(error)[:80]}"
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
        raise PortableError(
            f"this export has version {doc.get('version')!r:.20}; expected {VERSION}"
        )
    raw = doc.get("interviews")
    if not isinstance(raw, list) or not all(isinstance(i, dict) for i in raw):
        raise PortableError("the export's interview list is damaged")
    interviews = [interview_from_dict(i) for i in raw]
    ids = [i.id for i in interviews]
    if len(set(ids)) != len(ids):
        raise PortableError("the export has interviews with repeated ids")
    for interview in interviews:
        if interview.reschedules_id is not None and interview.reschedules_id not in ids:
            raise PortableError(
                f"interview {interview.id} in the export replaces interview "
                f"{interview.reschedules_id}, which is not in the export"
            )
    try:
        settings = fields.settings(doc.get("settings"))
    except validation.FieldError as error:
        raise PortableError(f"the export's settings are not valid: {error}") from None
    except (TypeError, ValueError, OverflowError) as error:
        raise PortableError(f"the export's settings are not valid: {str(error)[:80]}") from None
    try:
        profile = fields.profile(doc.get("profile"))
    except (validation.FieldError, TypeError) as error:
        raise PortableError(f"the export's profile is not valid: {error}") from None
    return interviews, settings, profile
