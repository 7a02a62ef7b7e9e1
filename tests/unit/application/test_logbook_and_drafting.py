"""The use cases over a real store: "they're running late" moves the countdown and is logged;
a draft's claims follow the log; the reschedule plan is the one the email lists."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest

from crickets.application.errors import Refused
from crickets.application.reminder_state import ReminderState, Situation
from crickets.application.use_cases import UseCases
from crickets.domain.actions import ActionKind
from crickets.domain.clock import FixedClock
from crickets.domain.drafts import DraftKind
from crickets.domain.interview import Interview, Status
from crickets.domain.phases import Phase, phase
from crickets.domain.reminders import Reminder, ReminderKind
from crickets.domain.settings import Settings
from crickets.domain.slot_hours import WorkingHours
from crickets.storage.store import Store
from crickets.wiring.session import build_use_cases
from tests.builders import make_interview

START = datetime(2026, 12, 1, 19, 0, tzinfo=UTC)  # 2:00 PM in New York
LATER = START + timedelta(minutes=20)  # "we'll start at 2:20"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path)
    opened.settings.save_settings(Settings(home_zone="Europe/London"))
    yield opened
    opened.close()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START + timedelta(minutes=8))


@pytest.fixture
def use_cases(store: Store, clock: FixedClock) -> UseCases:
    return build_use_cases(store, clock)


@pytest.fixture
def interview(store: Store) -> Interview:
    return store.interviews.add(make_interview(id=None, interviewer_phone="+1 415 555 0100"))


def test_running_late_moves_the_start_and_logs_it(
    use_cases: UseCases, store: Store, interview: Interview, clock: FixedClock
) -> None:
    iid = interview.id or 0
    assert phase(interview, Settings(), clock.now()) is Phase.OVERDUE  # 8 minutes late
    moved = use_cases.logbook.running_late(iid, LATER)
    kept = store.interviews.get(iid)
    assert kept == moved and kept is not None
    assert kept.start == LATER and kept.agreed_start == START
    assert kept.local_start == interview.local_start  # the agreement itself is unchanged
    assert phase(kept, Settings(), clock.now()) is Phase.GET_READY  # not a miss: due at 2:20
    log = store.log.actions(iid)
    assert [(a.kind, a.detail) for a in log] == [
        (ActionKind.RUNNING_LATE, "2026-12-01T19:20+00:00")
    ]


def showing_after_a_restart(store: Store, now: datetime) -> list[Reminder]:
    """The reminders a fresh start would show again, read back from the app state."""
    situation = Situation(store.interviews.list(), Settings(), store.log.actions(), "Europe/London")
    return ReminderState(store.state).open_reminders(situation, now)


def test_running_late_closes_the_open_reminders(
    use_cases: UseCases, store: Store, interview: Interview, clock: FixedClock
) -> None:
    iid = interview.id or 0
    overdue = Reminder(iid, ReminderKind.OVERDUE, START + timedelta(minutes=5), LATER)
    use_cases.reminders.mark_open(overdue)
    assert [r.kind for r in showing_after_a_restart(store, clock.now())] == [ReminderKind.OVERDUE]
    use_cases.logbook.running_late(iid, LATER)
    assert showing_after_a_restart(store, clock.now()) == []


@pytest.mark.parametrize(
    ("new_start", "says"),
    [
        (START + timedelta(minutes=5), "already passed"),  # now is 2:08
        (START - timedelta(minutes=10), "already passed"),
        (START + timedelta(hours=3, minutes=1), "Reschedule"),
    ],
)
def test_a_time_that_is_no_late_start_is_refused(
    use_cases: UseCases, store: Store, interview: Interview, new_start: datetime, says: str
) -> None:
    with pytest.raises(Refused, match=says):
        use_cases.logbook.running_late(interview.id or 0, new_start)
    assert store.log.actions(interview.id) == []
    assert store.interviews.get(interview.id or 0) == interview


def test_a_late_start_before_the_agreed_one_is_refused(
    use_cases: UseCases, interview: Interview, clock: FixedClock
) -> None:
    clock.set(START - timedelta(hours=1))  # they wrote in the morning
    with pytest.raises(Refused, match="not later than the agreed start"):
        use_cases.logbook.running_late(interview.id or 0, START - timedelta(minutes=10))


def test_a_call_that_already_happened_keeps_its_time(
    use_cases: UseCases, interview: Interview
) -> None:
    use_cases.logbook.set_outcome(interview.id or 0, Status.IN_CALL)
    with pytest.raises(Refused, match="no longer waiting"):
        use_cases.logbook.running_late(interview.id or 0, LATER)


def test_a_draft_claims_the_call_only_once_it_is_logged(
    use_cases: UseCases, interview: Interview
) -> None:
    before = use_cases.drafting.compose(DraftKind.FOLLOW_UP, interview).draft.body
    use_cases.logbook.record(interview.id or 0, ActionKind.CALLED, "no answer")
    after = use_cases.drafting.compose(DraftKind.FOLLOW_UP, interview).draft.body
    assert "tried calling" not in before
    assert "I also tried calling you on +1 415 555 0100." in after


def test_the_reschedule_email_lists_the_plans_three_times(
    use_cases: UseCases, interview: Interview
) -> None:
    plan = use_cases.rescheduling.plan(interview)
    assert plan.overlap and len(plan.slots) == 3 and plan.note == ""
    body = use_cases.drafting.compose(DraftKind.RESCHEDULE, interview).draft.body
    listed = [line for line in body.splitlines() if line.startswith("- ")]
    assert len(listed) == 3
    days = [f"{s.local_start.day} {s.local_start.strftime('%B')}" for s in plan.slots]
    assert all(day in text for day, text in zip(days, listed, strict=True))


def test_the_plan_follows_the_interviewers_own_hours(use_cases: UseCases, store: Store) -> None:
    short_day = WorkingHours(time(12, 0), time(14, 0))
    missed = store.interviews.add(make_interview(id=None, their_hours=short_day))
    plan = use_cases.rescheduling.plan(missed)
    assert len(plan.slots) == 3
    for slot in plan.slots:
        start, end = slot.start.astimezone(missed.tzinfo), slot.end.astimezone(missed.tzinfo)
        assert time(12, 0) <= start.time() and end.time() <= time(14, 0)
