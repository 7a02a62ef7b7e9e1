"""Exporting an interview as .ics: round trips through the importer, UIDs, sequence, zones."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any, Unpack
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from crickets.domain.interview import Direction, Interview, Status
from crickets.invitations.ics.export import (
    export_uid,
    interview_to_ics,
    suggested_filename,
    uid_word,
)
from crickets.invitations.ics.parse import parse_invitation
from tests.builders import InterviewFields, make_interview

NOW = datetime(2026, 11, 25, 12, 21, tzinfo=UTC)


def make(
    local: datetime, zone: str, *, id: int | None = 7, **kw: Unpack[InterviewFields]
) -> Interview:
    return make_interview(local, zone, id=id, **kw)


def round_trip(interview: Interview, my_zone: str = "Europe/London") -> Interview:
    data = interview_to_ics(interview, now=NOW)
    (event,) = parse_invitation(data, my_zone=my_zone, now=NOW).events
    return event.to_interview()


@pytest.mark.parametrize(
    ("local", "zone"),
    [
        (datetime(2026, 12, 1, 14, 0), "America/New_York"),
        (datetime(2026, 7, 1, 9, 30), "Asia/Kolkata"),
        (datetime(2026, 3, 29, 3, 0), "Europe/Berlin"),  # just after the spring change
        (datetime(2026, 12, 1, 14, 0), "UTC"),
        (datetime(2026, 11, 1, 1, 30, fold=1), "America/New_York"),  # the second 1:30
        (datetime(2026, 11, 1, 1, 30, fold=0), "America/New_York"),  # the first 1:30
        (datetime(2027, 4, 4, 2, 30), "Australia/Lord_Howe"),  # half-hour clock change
    ],
)
def test_export_then_import_gives_the_same_instant_and_zone(local: datetime, zone: str) -> None:
    interview = make(local, zone)
    again = round_trip(interview, my_zone="Pacific/Auckland")
    assert again.start == interview.start
    assert again.zone == zone
    assert again.local_start == interview.local_start
    assert again.local_start.fold == interview.local_start.fold


@settings(max_examples=60, deadline=None)
@given(
    st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2030, 12, 31)),
    st.sampled_from(["Europe/London", "America/Chicago", "Asia/Tokyo", "Australia/Sydney"]),
    st.integers(min_value=5, max_value=480),
)
def test_round_trip_property(local: datetime, zone: str, minutes: int) -> None:
    local = local.replace(second=0, microsecond=0)
    # Keep wall times that exist; the editor refuses the others before they get here.
    tz = ZoneInfo(zone)
    if local.replace(tzinfo=tz).astimezone(UTC).astimezone(tz).replace(tzinfo=None) != local:
        return
    interview = make(local, zone, duration=timedelta(minutes=minutes))
    again = round_trip(interview)
    assert (again.start, again.zone, again.duration) == (
        interview.start,
        zone,
        interview.duration,
    )


def test_the_file_is_publish_with_a_vtimezone_uid_sequence_and_stamp() -> None:
    interview = make(
        datetime(2026, 12, 1, 14, 0),
        "America/New_York",
        role="Data analyst",
        interviewer_name="Jane Doe",
        interviewer_email="jane@acme.com",
        meeting_link="https://zoom.us/j/123",
        direction=Direction.VIDEO,
        notes="Bring the portfolio.\nAsk about the team.",
        ics_sequence=2,
    )
    data = interview_to_ics(interview, now=NOW, uid_token="k3y")
    cal = Calendar.from_ical(data)
    assert str(cal["METHOD"]) == "PUBLISH"
    assert [tz.tz_name for tz in cal.timezones] == ["America/New_York"]
    (event,) = cal.events
    props: dict[str, Any] = dict(event)
    assert str(props["UID"]) == "crickets-k3y-7@crickets.invalid"
    assert int(props["SEQUENCE"]) == 2
    assert props["DTSTAMP"].dt == NOW
    assert props["DTSTART"].params["TZID"] == "America/New_York"
    assert str(props["SUMMARY"]) == "Data analyst with Acme"
    assert str(props["LOCATION"]) == "https://zoom.us/j/123"
    assert "Bring the portfolio.\nAsk about the team." in str(props["DESCRIPTION"])
    assert str(props["STATUS"]) == "CONFIRMED"
    assert data == interview_to_ics(interview, now=NOW, uid_token="k3y")  # deterministic


def test_an_imported_interview_keeps_its_uid_so_the_calendar_updates_it() -> None:
    interview = make(datetime(2026, 12, 1, 14), "UTC", ics_uid="abc@google.com", ics_sequence=4)
    assert export_uid(interview, token="ignored") == "abc@google.com"
    (event,) = parse_invitation(interview_to_ics(interview, now=NOW), my_zone="UTC", now=NOW).events
    assert (event.uid, event.sequence) == ("abc@google.com", 4)


def test_cancelled_interview_is_exported_cancelled() -> None:
    interview = make(datetime(2026, 12, 1, 14), "Europe/Paris", status=Status.CANCELLED)
    (event,) = parse_invitation(interview_to_ics(interview, now=NOW), my_zone="UTC", now=NOW).events
    assert event.cancelled


def test_an_unsaved_interview_has_no_uid_to_give() -> None:
    with pytest.raises(ValueError, match="saved"):
        export_uid(make(datetime(2026, 12, 1, 14), "UTC", id=None))


def test_hostile_text_stays_inside_its_property() -> None:
    interview = make(
        datetime(2026, 12, 1, 14),
        "UTC",
        company="Acme",
        notes="END:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:injected",
    )
    cal = Calendar.from_ical(interview_to_ics(interview, now=NOW))
    assert len(cal.events) == 1


def test_suggested_filename_is_plain() -> None:
    interview = make(datetime(2026, 12, 1, 14), "UTC", company="Zoë & Co / R&D\u202e")
    assert suggested_filename(interview) == "interview-zoe-co-r-d-2026-12-01.ics"


class StateDict(dict[str, str]):
    def get_state(self, key: str) -> str | None:
        return self.get(key)

    def set_state(self, key: str, value: str) -> None:
        self[key] = value


def test_the_uid_word_is_made_once_and_kept() -> None:
    store = StateDict()
    word = uid_word(store)
    assert len(word) == 12 and uid_word(store) == word
    assert export_uid(make(datetime(2026, 12, 1, 14), "UTC"), token=word) == (
        f"crickets-{word}-7@crickets.invalid"
    )
