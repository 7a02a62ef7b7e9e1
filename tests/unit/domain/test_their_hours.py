"""The interviewer's working hours, set per interview: read strictly from "09:00-17:30",
written back the same way, kept through export and restore, and followed by the slots."""

from __future__ import annotations

from datetime import time
from zoneinfo import ZoneInfo

import pytest

from crickets.domain.portable import PortableError, interview_from_dict, interview_to_dict
from crickets.domain.settings import Settings
from crickets.domain.slot_hours import (
    HOURS_PROBLEM,
    INTERVIEWER_HOURS,
    WorkingHours,
    format_hours,
    parse_hours,
)
from crickets.domain.slots import plan_slots
from crickets.domain.validation import FieldError, working_hours
from tests.builders import NOW, make_interview


@pytest.mark.parametrize(
    ("text", "start", "end", "written"),
    [
        ("09:00-17:30", time(9, 0), time(17, 30), "09:00-17:30"),
        ("9:00-17:30", time(9, 0), time(17, 30), "09:00-17:30"),
        ("  12:00-14:00 ", time(12, 0), time(14, 0), "12:00-14:00"),
        ("00:00-23:59", time(0, 0), time(23, 59), "00:00-23:59"),
        ("7:05-8:10", time(7, 5), time(8, 10), "07:05-08:10"),
    ],
)
def test_hours_are_read_and_written_back(text: str, start: time, end: time, written: str) -> None:
    hours = parse_hours(text)
    assert hours == WorkingHours(start, end)
    assert hours.days == INTERVIEWER_HOURS.days  # Monday to Friday
    assert format_hours(hours) == written
    assert parse_hours(format_hours(hours)) == hours


@pytest.mark.parametrize(
    "text",
    [
        "",
        "9-17",
        "09:00 - 17:30",
        "09:00–17:30",  # an en dash
        "09:00-17:30-18:00",
        "9am-5pm",
        "17:30-09:00",  # the end before the start
        "09:00-09:00",
        "24:00-25:00",
        "09:60-17:00",
        "123:00-17:00",
        "09:0-17:00",
        "09.00-17.30",
    ],
)
def test_anything_else_is_refused_in_one_sentence(text: str) -> None:
    with pytest.raises(ValueError, match=f"^{HOURS_PROBLEM}$"):
        parse_hours(text)


def test_the_field_check_normalises_allows_empty_and_names_the_field() -> None:
    assert working_hours("their working hours", " 9:00-17:30 ") == "09:00-17:30"
    assert working_hours("their working hours", "") == ""
    with pytest.raises(FieldError) as refused:
        working_hours("their working hours", "17:30-09:00")
    assert str(refused.value) == f"their working hours: {HOURS_PROBLEM}"


def test_an_interview_uses_its_own_hours_or_the_office_day() -> None:
    assert make_interview().interviewer_hours == INTERVIEWER_HOURS
    set_hours = WorkingHours(time(12, 0), time(14, 0))
    assert make_interview(their_hours=set_hours).interviewer_hours == set_hours


def test_their_hours_12_to_14_put_every_slot_inside_12_to_14_their_time() -> None:
    missed = make_interview(zone="America/New_York", their_hours=parse_hours("12:00-14:00"))
    plan = plan_slots(
        (),
        Settings(),
        "Europe/London",
        NOW,
        duration=missed.duration,
        their_zone=missed.zone,
        their_hours=missed.interviewer_hours,
    )
    assert plan.slots
    ny = ZoneInfo("America/New_York")
    for slot in plan.slots:
        start, end = slot.start.astimezone(ny), slot.end.astimezone(ny)
        assert start.weekday() < 5
        assert time(12, 0) <= start.time() and end.time() <= time(14, 0), slot


def test_export_carries_the_hours_and_restore_checks_them() -> None:
    original = make_interview(their_hours=parse_hours("08:30-16:00"))
    data = interview_to_dict(original)
    assert data["their_hours"] == "08:30-16:00"
    assert interview_from_dict(data) == original
    plain = interview_to_dict(make_interview())
    assert plain["their_hours"] is None
    assert interview_from_dict(plain).their_hours is None
    older = {k: v for k, v in plain.items() if k != "their_hours"}  # an export from before
    assert interview_from_dict(older).their_hours is None
    for bad in ("17:00-09:00", 930, ["09:00", "17:00"]):
        with pytest.raises(PortableError, match="their working hours"):
            interview_from_dict({**data, "their_hours": bad})
