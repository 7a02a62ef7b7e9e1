"""Applying imports to the store by UID and SEQUENCE: add, reschedule, ignore, cancel."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from crickets.domain.interview import Interview, Status
from crickets.invitations.ics.apply import Outcome, apply_import, plan_import
from crickets.invitations.ics.candidate import ImportCandidate
from crickets.invitations.ics.parse import parse_invitation
from crickets.storage.store import Store
from crickets.wiring.session import ImportTarget

DATA = Path(__file__).resolve().parents[2] / "data" / "ics"
NOW = datetime(2026, 11, 25, 12, 21, tzinfo=UTC)


class MemoryStore:
    """The InvitationStore protocol in a dict, counting writes."""

    def __init__(self) -> None:
        self.rows: dict[int, Interview] = {}
        self.invitations: dict[int, bytes] = {}
        self.writes = 0

    def add(self, interview: Interview) -> Interview:
        stored = replace(interview, id=len(self.rows) + 1)
        self.rows[stored.id or 0] = stored
        self.writes += 1
        return stored

    def update(self, interview: Interview) -> None:
        if interview.id not in self.rows:
            raise KeyError(interview.id)
        self.rows[interview.id] = interview
        self.writes += 1

    def get(self, interview_id: int) -> Interview | None:
        return self.rows.get(interview_id)

    def find_by_uid(self, uid: str) -> Interview | None:
        found = [i for i in self.rows.values() if i.ics_uid == uid]
        return max(found, key=lambda i: i.id or 0) if found else None

    def save_invitation(self, interview_id: int, data: bytes) -> None:
        self.invitations[interview_id] = data
        self.writes += 1


def load(name: str) -> tuple[ImportCandidate, bytes]:
    data = (DATA / name).read_bytes()
    (event,) = parse_invitation(data, my_zone="Europe/London", now=NOW).events
    return event, data


def test_request_then_update_then_cancel() -> None:
    store = MemoryStore()
    request, first_bytes = load("series_1_request.ics")
    added = apply_import(store, request, first_bytes)
    assert added.outcome is Outcome.ADDED and added.interview is not None
    interview_id = added.interview.id
    assert store.invitations[interview_id or 0] == first_bytes
    assert added.interview.start == datetime(2026, 12, 1, 19, tzinfo=UTC)
    assert added.interview.interviewer_phone == "+1 415-555-0100"

    again = apply_import(store, request, first_bytes)
    assert again.outcome is Outcome.UNCHANGED and "Already imported" in again.message

    # The person corrects the company guess; the organiser's update must not undo that.
    store.update(replace(store.rows[interview_id or 0], company="ACME Analytics"))
    update, update_bytes = load("series_2_update.ics")
    moved = apply_import(store, update, update_bytes)
    assert moved.outcome is Outcome.UPDATED
    assert moved.message.startswith("Moved interview #1")
    after = store.rows[interview_id or 0]
    assert after.id == interview_id and after.ics_sequence == 1
    assert after.start == datetime(2026, 12, 3, 15, tzinfo=UTC)
    assert after.company == "ACME Analytics"
    assert store.invitations[interview_id or 0] == update_bytes

    stale = apply_import(store, request, first_bytes)
    assert stale.outcome is Outcome.STALE and "older version" in stale.message
    assert store.rows[interview_id or 0].start == after.start

    cancel, cancel_bytes = load("series_3_cancel.ics")
    writes = store.writes
    asked = apply_import(store, cancel, cancel_bytes)
    assert asked.outcome is Outcome.CONFIRM_CANCEL and "confirm" in asked.message
    assert store.writes == writes and store.rows[interview_id or 0].status is Status.SCHEDULED
    done = apply_import(store, cancel, cancel_bytes, confirm_cancel=True)
    assert done.outcome is Outcome.CANCELLED
    assert store.rows[interview_id or 0].status is Status.CANCELLED
    assert store.rows[interview_id or 0].ics_sequence == 2
    assert apply_import(store, cancel, cancel_bytes, confirm_cancel=True).outcome is (
        Outcome.UNCHANGED
    )


def test_an_update_that_moves_a_finished_interview_schedules_it_again() -> None:
    store = MemoryStore()
    request, data = load("series_1_request.ics")
    added = apply_import(store, request, data).interview
    assert added is not None
    store.update(added.with_status(Status.MISSED_BY_THEM))
    update, update_bytes = load("series_2_update.ics")
    apply_import(store, update, update_bytes)
    assert store.rows[added.id or 0].status is Status.SCHEDULED


def test_same_version_with_another_time_says_so_and_changes_nothing() -> None:
    store = MemoryStore()
    request, data = load("series_1_request.ics")
    apply_import(store, request, data)
    other = request.with_start(datetime(2026, 12, 2, 9, 0), "America/New_York")
    result = apply_import(store, other, data)
    assert result.outcome is Outcome.UNCHANGED and "another time" in result.message
    assert store.rows[1].start == datetime(2026, 12, 1, 19, tzinfo=UTC)


def test_cancel_of_something_never_imported() -> None:
    cancel, data = load("series_3_cancel.ics")
    result = apply_import(MemoryStore(), cancel, data, confirm_cancel=True)
    assert result.outcome is Outcome.NOT_FOUND and "never imported" in result.message


def test_an_older_cancellation_is_stale() -> None:
    store = MemoryStore()
    update, data = load("series_2_update.ics")
    apply_import(store, update, data)
    cancel = replace(load("series_3_cancel.ics")[0], sequence=0)
    assert apply_import(store, cancel, b"", confirm_cancel=True).outcome is Outcome.STALE


def test_a_cancelled_occurrence_of_another_date_changes_nothing() -> None:
    store = MemoryStore()
    request, data = load("series_1_request.ics")
    apply_import(store, request, data)
    cancel = replace(
        load("series_3_cancel.ics")[0], recurrence_id=datetime(2026, 12, 8, 19, tzinfo=UTC)
    )
    result = apply_import(store, cancel, b"", confirm_cancel=True)
    assert result.outcome is Outcome.UNCHANGED and "another date" in result.message


def test_needs_time_until_given_one() -> None:
    store = MemoryStore()
    event, data = load("all_day.ics")
    asked = apply_import(store, event, data)
    assert asked.outcome is Outcome.NEEDS_TIME and store.writes == 0
    given = event.with_start(datetime(2026, 12, 10, 14, 0), "Europe/London")
    assert apply_import(store, given, data).outcome is Outcome.ADDED


def test_plan_changes_nothing() -> None:
    store = MemoryStore()
    event, _ = load("google_request.ics")
    plan = plan_import(store, event)
    assert plan.outcome is Outcome.ADDED and plan.message.startswith("Adds")
    assert store.writes == 0


@pytest.fixture
def real_store(tmp_path: Path) -> Iterator[Store]:
    store = Store.open(tmp_path)
    yield store
    store.close()


def test_with_the_real_store(real_store: Store) -> None:
    target, kept = ImportTarget(real_store), real_store.kept_invitations
    request, data = load("series_1_request.ics")
    added = apply_import(target, request, data)
    assert added.interview is not None and added.interview.id is not None
    assert kept.load_invitation(added.interview.id) == data
    update, update_bytes = load("series_2_update.ics")
    assert apply_import(target, update, update_bytes).outcome is Outcome.UPDATED
    stored = target.get(added.interview.id)
    assert stored is not None and stored.ics_sequence == 1
    assert stored.start == datetime(2026, 12, 3, 15, tzinfo=UTC)
    assert kept.load_invitation(added.interview.id) == update_bytes
    assert len(real_store.interviews.list()) == 1
