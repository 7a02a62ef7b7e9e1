"""Shared builders for the tests: plain values, no fixtures (those live in the conftests)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import TypedDict, Unpack, cast

from crickets.domain.interview import Direction, Interview, Status
from crickets.domain.slot_hours import WorkingHours

NOW = datetime(2026, 11, 25, 12, 21, tzinfo=UTC)  # a Wednesday


class PersonalFields(TypedDict, total=False):
    """The text fields of :class:`Interview` listed in ``PERSONAL_FIELDS``."""

    company: str
    role: str
    interviewer_name: str
    interviewer_email: str
    interviewer_phone: str
    meeting_link: str
    my_phone: str
    notes: str


class InterviewFields(PersonalFields, total=False):
    """The fields of :class:`Interview` that ``make_interview`` passes through."""

    duration: timedelta
    direction: Direction
    status: Status
    reschedules_id: int | None
    call_started_at: datetime | None
    ics_uid: str
    ics_sequence: int
    late_start: datetime | None
    their_hours: WorkingHours | None


def personal(values: Mapping[str, str]) -> PersonalFields:
    """``values``, keyed by field names that a test picks at run time, as personal fields.

    For ``replace(interview, **personal({name: text}))``; an unknown name fails here.
    """
    unknown = set(values) - PersonalFields.__optional_keys__
    if unknown:
        raise ValueError(f"not personal fields of an Interview: {sorted(unknown)}")
    return cast(PersonalFields, dict(values))


def make_interview(
    local: datetime = datetime(2026, 12, 1, 14, 0),
    zone: str = "America/New_York",
    *,
    id: int | None = 1,
    **fields: Unpack[InterviewFields],
) -> Interview:
    """Acme's interview number 1 at 14:00 New York time on Tuesday 1 December 2026."""
    fields.setdefault("company", "Acme")
    return Interview(local_start=local, zone=zone, id=id, **fields)
