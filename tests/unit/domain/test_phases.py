from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crickets.domain.interview import Status
from crickets.domain.phases import Phase, next_change, phase, stop_waiting_at
from crickets.domain.settings import Settings
from tests.builders import make_interview

IV = make_interview()  # 14:00 America/New_York on 1 December 2026 = 19:00Z
Z = UTC


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (datetime(2026, 11, 30, 19, 0, tzinfo=Z), Phase.UPCOMING),
        (datetime(2026, 12, 1, 17, 29, tzinfo=Z), Phase.UPCOMING),
        (datetime(2026, 12, 1, 17, 30, tzinfo=Z), Phase.CONFIRM_WINDOW),
        (datetime(2026, 12, 1, 18, 44, tzinfo=Z), Phase.CONFIRM_WINDOW),
        (datetime(2026, 12, 1, 18, 45, tzinfo=Z), Phase.GET_READY),
        (datetime(2026, 12, 1, 18, 50, tzinfo=Z), Phase.GET_READY),
        (datetime(2026, 12, 1, 19, 0, tzinfo=Z), Phase.DUE),
        (datetime(2026, 12, 1, 19, 4, 59, tzinfo=Z), Phase.DUE),
        (datetime(2026, 12, 1, 19, 5, tzinfo=Z), Phase.OVERDUE),
        (datetime(2026, 12, 1, 19, 6, tzinfo=Z), Phase.OVERDUE),
        (datetime(2026, 12, 1, 19, 30, tzinfo=Z), Phase.WAITED_OUT),
        (datetime(2026, 12, 9, 0, 0, tzinfo=Z), Phase.WAITED_OUT),
    ],
)
def test_phase_of_a_scheduled_interview(now: datetime, expected: Phase, settings: Settings) -> None:
    assert phase(IV, settings, now) is expected


def test_stop_waiting_instant_is_thirty_minutes_after_the_start(settings: Settings) -> None:
    assert stop_waiting_at(IV, settings) == datetime(2026, 12, 1, 19, 30, tzinfo=Z)


def test_in_call_then_ended(settings: Settings) -> None:
    started = datetime(2026, 12, 1, 19, 12, tzinfo=Z)
    call = IV.with_status(Status.IN_CALL, at=started)
    assert phase(call, settings, started + timedelta(minutes=29)) is Phase.IN_CALL
    assert phase(call, settings, started + timedelta(minutes=30)) is Phase.ENDED
    assert next_change(call, settings, started) == started + timedelta(minutes=30)
    assert next_change(call, settings, started + timedelta(hours=1)) is None


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (Status.DONE, Phase.DONE),
        (Status.MISSED_BY_THEM, Phase.MISSED_BY_THEM),
        (Status.MISSED_BY_ME, Phase.MISSED_BY_ME),
        (Status.RESCHEDULED, Phase.RESCHEDULED),
        (Status.CANCELLED, Phase.CANCELLED),
    ],
)
def test_terminal_outcomes_never_change(
    status: Status, expected: Phase, settings: Settings
) -> None:
    done = replace(IV, status=status)
    for now in (IV.start - timedelta(days=1), IV.start, IV.start + timedelta(days=1)):
        assert phase(done, settings, now) is expected
        assert next_change(done, settings, now) is None
    assert expected.is_terminal


def test_next_change_walks_every_boundary_in_order(settings: Settings) -> None:
    now = IV.start - timedelta(days=2)
    seen = [phase(IV, settings, now)]
    while (change := next_change(IV, settings, now)) is not None:
        now = change
        seen.append(phase(IV, settings, now))
    assert seen == [
        Phase.UPCOMING,
        Phase.CONFIRM_WINDOW,
        Phase.GET_READY,
        Phase.DUE,
        Phase.OVERDUE,
        Phase.WAITED_OUT,
    ]


def test_zero_length_stages_are_skipped() -> None:
    tight = Settings(get_ready_before=timedelta(0), confirm_before=timedelta(0), grace=timedelta(0))
    now = IV.start - timedelta(hours=1)
    assert next_change(IV, tight, now) == IV.start
    assert phase(IV, tight, IV.start) is Phase.OVERDUE


minutes = st.integers(min_value=0, max_value=180)


@st.composite
def settings_strategy(draw: st.DrawFn) -> Settings:
    confirm = draw(minutes)
    ready = draw(st.integers(min_value=0, max_value=confirm))
    grace = draw(st.integers(min_value=0, max_value=30))
    least = draw(st.integers(min_value=grace, max_value=60))
    stop = draw(st.integers(min_value=least, max_value=120))
    return Settings(
        confirm_before=timedelta(minutes=confirm),
        get_ready_before=timedelta(minutes=ready),
        grace=timedelta(minutes=grace),
        min_wait=timedelta(minutes=least),
        stop_waiting_after=timedelta(minutes=stop),
    )


instants = st.integers(min_value=-3 * 86400, max_value=3 * 86400).map(
    lambda s: IV.start + timedelta(seconds=s)
)


@given(settings_strategy(), instants, st.sampled_from(list(Status)), st.floats(0, 1))
def test_phase_changes_only_at_announced_instants(
    settings: Settings, now: datetime, status: Status, frac: float
) -> None:
    interview = replace(
        IV, status=status, call_started_at=IV.start if status is Status.IN_CALL else None
    )
    current = phase(interview, settings, now)
    change = next_change(interview, settings, now)
    if change is None:
        for later in (now + timedelta(days=1), now + timedelta(days=365)):
            assert phase(interview, settings, later) is current
        return
    assert change > now
    between = now + (change - now) * frac
    if between < change:
        assert phase(interview, settings, between) is current
    assert phase(interview, settings, change - timedelta(microseconds=1)) is current
    assert phase(interview, settings, change) is not current
