from dataclasses import replace
from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from crickets.domain.actions import Action, ActionKind
from crickets.domain.interview import Status
from crickets.domain.reminders import ReminderKind, due_reminders, next_reminder_at, schedule
from crickets.domain.settings import Settings
from tests.builders import make_interview

S = Settings()
A = make_interview()
B = make_interview(id=2, company="Globex", local=A.local_start + timedelta(minutes=40))


def test_schedule_of_a_scheduled_interview() -> None:
    kinds = [(r.kind, r.at - A.start) for r in schedule(A, S, (), "UTC")]
    assert kinds == [
        (ReminderKind.CONFIRM, -timedelta(minutes=90)),
        (ReminderKind.GET_READY, -timedelta(minutes=15)),
        (ReminderKind.START, timedelta(0)),
        (ReminderKind.OVERDUE, timedelta(minutes=5)),
        (ReminderKind.STOP_WAITING, timedelta(minutes=30)),
    ]


def test_a_call_in_progress_only_asks_how_it_went() -> None:
    call = A.with_status(Status.IN_CALL, at=A.start + timedelta(minutes=3))
    (only,) = schedule(call, S, (), "UTC")
    assert only.kind is ReminderKind.HOW_DID_IT_GO
    assert only.at == A.start + timedelta(minutes=33)


def test_finished_interviews_have_no_reminders() -> None:
    for status in (Status.CANCELLED, Status.RESCHEDULED, Status.MISSED_BY_ME):
        assert schedule(replace(A, status=status), S, (), "UTC") == []


def test_a_thank_you_is_due_the_morning_after_unless_one_went_out() -> None:
    done = replace(A, status=Status.DONE)
    (thanks,) = schedule(done, S, (), "Europe/London")
    assert thanks.kind is ReminderKind.THANK_YOU
    assert thanks.at == datetime(2026, 12, 2, 9, 0, tzinfo=UTC)  # 9:00 in London, next day
    sent = [Action(1, A.start + timedelta(hours=2), ActionKind.EMAIL_COPIED, "thank-you")]
    assert schedule(done, S, sent, "Europe/London") == []


def test_a_nudge_two_working_days_after_an_unanswered_reschedule_request() -> None:
    friday = datetime(2026, 12, 4, 15, 0, tzinfo=UTC)
    missed = replace(A, status=Status.MISSED_BY_THEM)
    asked = [Action(1, friday, ActionKind.EMAIL_OPENED, "reschedule")]
    (nudge,) = schedule(missed, S, asked, "Europe/London")
    assert nudge.kind is ReminderKind.NUDGE
    assert nudge.at == datetime(2026, 12, 8, 15, 0, tzinfo=UTC)  # Tuesday: Mon and Tue count
    answered = [*asked, Action(1, friday + timedelta(days=1), ActionKind.RESCHEDULED, "to #2")]
    assert schedule(missed, S, answered, "Europe/London") == []
    other = [Action(2, friday, ActionKind.EMAIL_OPENED, "reschedule")]  # another interview's
    assert schedule(missed, S, other, "Europe/London") == []


def test_half_open_window_includes_the_end_and_excludes_the_start() -> None:
    at = A.start
    assert [r.kind for r in due_reminders([A], S, at - timedelta(seconds=1), at).fire] == [
        ReminderKind.START
    ]
    assert due_reminders([A], S, at, at + timedelta(seconds=1)).fire == ()


def test_slept_through_the_start_fires_what_still_helps_and_reports_the_rest() -> None:
    """Asleep from before the confirmation time until 10 minutes after the start."""
    due = due_reminders([A], S, A.start - timedelta(hours=2), A.start + timedelta(minutes=10))
    assert [r.kind for r in due.fire] == [ReminderKind.OVERDUE]
    assert [r.kind for r in due.missed] == [
        ReminderKind.CONFIRM,
        ReminderKind.GET_READY,
        ReminderKind.START,
    ]


def test_a_reminder_more_than_the_cutoff_late_is_missed_not_fired() -> None:
    due = due_reminders([A], S, A.start + timedelta(minutes=20), A.start + timedelta(hours=3))
    assert due.fire == ()
    assert [r.kind for r in due.missed] == [ReminderKind.STOP_WAITING]


def test_next_reminder_at() -> None:
    assert next_reminder_at([A, B], S, A.start - timedelta(days=1)) == A.start - timedelta(
        minutes=90
    )
    assert next_reminder_at([A], S, A.start + timedelta(hours=1)) is None


ticks = st.lists(st.integers(min_value=1, max_value=4 * 3600), min_size=1, max_size=40)


@given(st.integers(min_value=-4 * 3600, max_value=0), ticks)
def test_every_reminder_is_reported_exactly_once_across_any_tick_sequence(
    first: int, steps: list[int]
) -> None:
    since = A.start + timedelta(seconds=first)
    begin = since
    seen = []
    for step in steps:
        now = since + timedelta(seconds=step)
        due = due_reminders([A, B], S, since, now)
        seen += [(r.interview_id, r.kind) for r in due.fire + due.missed]
        since = now
    expected = [
        (r.interview_id, r.kind)
        for iv in (A, B)
        for r in schedule(iv, S, (), "UTC")
        if begin < r.at <= since
    ]
    assert len(seen) == len(set(seen))
    assert sorted(seen, key=str) == sorted(expected, key=str)


def test_a_call_recorded_as_done_after_the_morning_still_gets_its_thank_you() -> None:
    done = replace(A, status=Status.DONE)
    recorded = datetime(2026, 12, 2, 11, 30, tzinfo=UTC)  # after 9:00 London the next day
    log = [Action(1, recorded, ActionKind.OUTCOME, "done")]
    (thanks,) = schedule(done, S, log, "Europe/London")
    assert thanks.at == recorded
    due = due_reminders([done], S, recorded - timedelta(seconds=1), recorded, log, "Europe/London")
    assert [r.kind for r in due.fire] == [ReminderKind.THANK_YOU]
