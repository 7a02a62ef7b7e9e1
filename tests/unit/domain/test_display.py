from dataclasses import replace
from datetime import timedelta

from hypothesis import given
from hypothesis import strategies as st

from crickets.domain.display import IDLE, Tone, focus, next_display_change, tray_state
from crickets.domain.interview import Status
from crickets.domain.settings import Settings
from tests.builders import make_interview

S = Settings()
A = make_interview(role="Phone screen")  # 14:00 New York = 19:00Z
B = make_interview(id=2, company="Globex", local=A.local_start + timedelta(days=1))
LONDON = "Europe/London"


def test_idle_when_nothing_is_scheduled() -> None:
    assert tray_state([], S, LONDON, A.start) == IDLE
    assert tray_state([replace(A, status=Status.DONE)], S, LONDON, A.start) == IDLE


def test_counting_down_with_both_zones_in_the_tooltip() -> None:
    state = tray_state([A, B], S, LONDON, A.start - timedelta(hours=1, minutes=12))
    assert (state.interview_id, state.badge, state.tone) == (1, "1h", Tone.CALM)
    assert state.tooltip == (
        "Phone screen with Acme: in 1 h 12 min, 2:00 PM EST (7:00 PM your time)"
    )


def test_one_zone_only_when_the_clocks_agree() -> None:
    state = tray_state([A], S, "America/Toronto", A.start - timedelta(minutes=42))
    assert state.tooltip.endswith("in 42 min, 2:00 PM EST")
    assert state.tone is Tone.CALM


def test_tones_through_the_call() -> None:
    tones = [
        tray_state([A], S, LONDON, A.start + offset).tone
        for offset in (-timedelta(minutes=10), timedelta(minutes=1), timedelta(minutes=7))
    ]
    assert tones == [Tone.SOON, Tone.NOW, Tone.OVERDUE]
    late = tray_state([A], S, LONDON, A.start + timedelta(minutes=7))
    assert late.badge == "+7m" and "nobody has called yet" in late.tooltip


def test_a_call_in_progress_wins_over_the_next_interview() -> None:
    call = B.with_status(Status.IN_CALL, at=B.start)
    state = tray_state([A, call], S, LONDON, B.start + timedelta(minutes=3))
    assert (state.interview_id, state.tone, state.badge) == (2, Tone.IN_CALL, "")


def test_a_missed_call_stays_in_front_for_a_while_then_yields() -> None:
    assert focus([A, B], S, A.start + timedelta(hours=2)) == A
    assert focus([A, B], S, A.start + timedelta(hours=13)) == B


@given(st.integers(min_value=-3 * 86400, max_value=3 * 86400), st.floats(0, 1))
def test_nothing_changes_before_the_announced_instant(seconds: int, frac: float) -> None:
    now = A.start + timedelta(seconds=seconds)
    change = next_display_change([A, B], S, now)
    state = tray_state([A, B], S, LONDON, now)
    if change is None:
        assert tray_state([A, B], S, LONDON, now + timedelta(days=30)) == state
        return
    assert change > now
    between = now + (change - now) * frac
    if between < change:
        assert tray_state([A, B], S, LONDON, between).badge == state.badge
        assert tray_state([A, B], S, LONDON, between).tone == state.tone
