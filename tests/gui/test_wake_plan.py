"""The one timer's plan, as plain arithmetic (no event loop): docs/decisions/164."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from crickets.ui.wake_plan import HEARTBEAT, RESTING_HEARTBEAT, WakePlan

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def test_the_next_change_wins_when_it_comes_before_the_heartbeat() -> None:
    plan = WakePlan()
    soon = plan.next_wake(NOW, NOW + timedelta(seconds=30))
    assert (soon.at, soon.precise) == (NOW + timedelta(seconds=30), True)
    beat = plan.next_wake(NOW, NOW + timedelta(hours=3))
    assert (beat.at, beat.precise) == (NOW + HEARTBEAT, False)


def test_resting_waits_for_a_far_change_or_the_hour() -> None:
    plan = WakePlan()
    plan.rest(resumes_reported=True, writes_reported=True)
    far = plan.next_wake(NOW, NOW + timedelta(minutes=20))
    assert (far.at, far.precise) == (NOW + timedelta(minutes=20), False)  # batched: not close
    assert plan.next_wake(NOW, None).at == NOW + RESTING_HEARTBEAT
    plan.rest(resumes_reported=False, writes_reported=True)  # e.g. logind went away
    assert plan.next_wake(NOW, None).at == NOW + HEARTBEAT


def test_an_hourly_job_overdue_wakes_at_once_and_runs_once() -> None:
    runs: list[int] = []
    plan = WakePlan(RESTING_HEARTBEAT)
    plan.every_hour(lambda: runs.append(1))
    plan.started(NOW)
    assert plan.next_wake(NOW + timedelta(minutes=45), None).at == NOW + timedelta(hours=1)
    late = NOW + timedelta(hours=2)  # the event loop was busy past the hour
    assert plan.next_wake(late, None).at == late
    plan.run_due(late)
    plan.run_due(late)
    assert runs == [1]
    assert plan.next_wake(late, None).at == late + timedelta(hours=1)
