import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from crickets.domain.interview import Direction, Status
from crickets.domain.portable import (
    PortableError,
    export_document,
    interview_from_dict,
    interview_to_dict,
    read_document,
)
from crickets.domain.profile import Profile
from crickets.domain.settings import Settings
from tests.builders import NOW, make_interview


def test_interview_round_trips_through_json() -> None:
    original = make_interview(
        datetime(2026, 11, 1, 1, 30, fold=1),
        role="Analyst",
        interviewer_name="Jane Doe",
        direction=Direction.VIDEO,
        status=Status.IN_CALL,
        call_started_at=datetime(2026, 11, 1, 6, 31, tzinfo=UTC),
        duration=timedelta(minutes=45),
        notes="line 1\nline 2",
    )
    data = json.loads(json.dumps(interview_to_dict(original)))
    back = interview_from_dict(data)
    assert back == original and back.id == original.id
    assert back.local_start.fold == 1
    assert data["start"] == "2026-11-01T06:30:00+00:00"  # EST, the second 1:30


def test_export_document_round_trips() -> None:
    interviews = [make_interview(), make_interview(id=2, company="Globex", reschedules_id=1)]
    settings = replace(Settings(), sound=False)
    profile = Profile("Sam Lee", "sam@example.com", "+1 415 555 0100", sign_off="Best wishes,")
    doc = json.loads(json.dumps(export_document(interviews, settings, profile, NOW)))
    assert read_document(doc) == (interviews, settings, profile)  # the sign-off survives too


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        ([], "not a Crickets export"),
        ({"format": "other"}, "not a Crickets export"),
        ({"format": "crickets-export", "version": 99}, "version 99"),
        ({"format": "crickets-export", "version": 1, "interviews": "x"}, "damaged"),
        ({"format": "crickets-export", "version": 1, "interviews": [{"id": 1}]}, "not valid"),
        (
            {
                "format": "crickets-export",
                "version": 1,
                "interviews": [
                    {"id": 1, "local_start": "2026-12-01T14:00", "zone": "Mars/Olympus"}
                ],
            },
            "not valid",
        ),
    ],
)
def test_damaged_exports_are_refused_whole(doc: object, message: str) -> None:
    with pytest.raises(PortableError, match=message):
        read_document(doc)


def test_follow_on_links_back_and_bumps_the_sequence() -> None:
    old = make_interview(id=5, status=Status.MISSED_BY_THEM, ics_uid="x@y", ics_sequence=2,
                         interviewer_email="jane@acme.com")  # fmt: skip
    new = old.follow_on(datetime(2026, 12, 3, 10, 0), "Europe/London")
    assert (new.id, new.reschedules_id, new.status, new.ics_sequence) == (
        None,
        5,
        Status.SCHEDULED,
        3,
    )
    assert new.interviewer_email == "jane@acme.com" and new.is_follow_on


def test_the_action_log_travels_with_the_export() -> None:
    from crickets.domain.actions import Action, ActionKind
    from crickets.domain.portable import read_actions

    at = datetime(2026, 12, 1, 19, 9, tzinfo=UTC)
    log = [
        Action(1, at, ActionKind.CALLED, "no answer"),
        Action(1, at, ActionKind.NOTE, "Zoë\nline"),
    ]
    doc = json.loads(
        json.dumps(export_document([make_interview()], Settings(), Profile(), NOW, log))
    )
    assert read_actions(doc, {1}) == log
    with pytest.raises(PortableError, match="not in the export"):
        read_actions(doc, {2})
    assert read_actions({"format": "crickets-export"}, {1}) == []  # an older export


def test_seconds_survive_export_and_restore() -> None:
    typed = make_interview(datetime(2026, 12, 1, 14, 0, 30))
    assert interview_from_dict(json.loads(json.dumps(interview_to_dict(typed)))) == typed
