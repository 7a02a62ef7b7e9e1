"""They're running late: the call is expected at the new time (countdown, phases, reminders),
the agreed time is kept, and the moment is not counted as a miss."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest

from crickets.domain.interview import LATE_LIMIT
from crickets.domain.phases import Phase, phase
from crickets.domain.reminders import ReminderKind, due_reminders
from crickets.domain.settings import Settings
from crickets.storage.store import Store
from tests.builders import make_interview

START = datetime(2026, 12, 1, 19, 0, tzinfo=UTC)  # 2:00 PM in New York
LATER = START + timedelta(minutes=20)
IV = make_interview()
LATE = IV.running_late(LATER)
S = Settings()


def test_the_start_moves_and_the_agreement_stays() -> None:
    assert (LATE.start, LATE.agreed_start, LATE.local_start) == (LATER, START, IV.local_start)
    assert LATE.is_running_late and not IV.is_running_late
    assert LATE.end == LATER + IV.duration


@pytest.mark.parametrize(
    ("minutes", "before", "after"),
    [
        (8, Phase.OVERDUE, Phase.GET_READY),  # 2:08: nobody called yet, but they said 2:20
        (21, Phase.OVERDUE, Phase.DUE),
        (26, Phase.OVERDUE, Phase.OVERDUE),  # 2:26 and still nothing: the guide again
    ],
)
def test_the_phase_counts_from_the_new_start(minutes: int, before: Phase, after: Phase) -> None:
    now = START + timedelta(minutes=minutes)
    assert (phase(IV, S, now), phase(LATE, S, now)) == (before, after)


def test_its_time_and_the_guide_come_again_at_the_new_start() -> None:
    moved_at = START + timedelta(minutes=8)

    def fired(since: datetime, now: datetime) -> list[tuple[ReminderKind, datetime]]:
        return [(r.kind, r.at) for r in due_reminders([LATE], S, since, now).fire]

    assert fired(moved_at, LATER - timedelta(seconds=1)) == []  # get-ready was at 2:05
    assert fired(LATER - timedelta(seconds=1), LATER) == [(ReminderKind.START, LATER)]
    overdue = LATER + S.grace
    assert fired(LATER, overdue) == [(ReminderKind.OVERDUE, overdue)]


@pytest.mark.parametrize(
    ("wall", "expected"),
    [
        (time(14, 20), datetime(2026, 12, 1, 19, 20, tzinfo=UTC)),
        (time(15, 5), datetime(2026, 12, 1, 20, 5, tzinfo=UTC)),
        (time(0, 10), datetime(2026, 12, 2, 5, 10, tzinfo=UTC)),  # after midnight: next day
        (time(13, 50), datetime(2026, 12, 2, 18, 50, tzinfo=UTC)),  # not back in time
    ],
)
def test_a_time_on_their_clock_is_the_next_one_after_the_agreed_start(
    wall: time, expected: datetime
) -> None:
    assert IV.next_at(wall) == expected


def test_a_time_in_the_spring_gap_moves_on_as_the_clock_does() -> None:
    early = make_interview(datetime(2026, 3, 8, 1, 45))  # New York springs forward at 2:00
    assert early.next_at(time(2, 30)) == datetime(2026, 3, 8, 7, 30, tzinfo=UTC)  # 3:30 EDT


@pytest.mark.parametrize(
    "new", [START, START - timedelta(minutes=1), START + LATE_LIMIT + timedelta(minutes=1)]
)
def test_a_late_start_must_be_later_and_not_a_new_day(new: datetime) -> None:
    with pytest.raises(ValueError, match=r"late start|reschedule"):
        IV.running_late(new)


def test_a_late_start_that_no_longer_fits_the_time_is_ignored() -> None:
    edited = replace(LATE, local_start=datetime(2026, 12, 3, 10, 0))  # moved to Thursday
    assert edited.start == edited.agreed_start
    assert not edited.is_running_late


def test_a_follow_on_starts_on_its_own_time() -> None:
    after = LATE.follow_on(datetime(2026, 12, 3, 10, 0), "America/New_York")
    assert after.late_start is None and after.start == after.agreed_start


def test_the_late_start_is_kept_by_the_store(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    try:
        added = store.interviews.add(replace(IV, id=None))
        store.interviews.update(added.running_late(LATER))
        kept = store.interviews.get(added.id or 0)
        listed = store.interviews.list()
    finally:
        store.close()
    assert kept is not None and kept.late_start == LATER and kept.start == LATER
    assert listed == [kept]
