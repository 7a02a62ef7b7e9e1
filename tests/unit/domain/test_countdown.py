from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crickets.domain.countdown import badge_text, next_badge_change, relative_text

START = datetime(2026, 12, 1, 19, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("before_start", "text"),
    [
        (timedelta(days=3, hours=1), "3d"),
        (timedelta(days=1), "1d"),
        (timedelta(hours=23, minutes=59, seconds=1), "1d"),  # rounds up to 1440 min
        (timedelta(hours=23, minutes=58, seconds=59), "23h"),
        (timedelta(hours=5, minutes=10), "5h"),
        (timedelta(minutes=61), "1h"),
        (timedelta(minutes=60), "1h"),
        (timedelta(minutes=59, seconds=30), "1h"),  # 59.5 min rounds up to 60
        (timedelta(minutes=59), "59m"),
        (timedelta(minutes=41, seconds=30), "42m"),  # minutes are rounded up
        (timedelta(minutes=9), "9m"),
        (timedelta(seconds=61), "2m"),
        (timedelta(seconds=60), "<1m"),
        (timedelta(seconds=1), "<1m"),
        (timedelta(0), "now"),
        (-timedelta(seconds=59), "now"),
        (-timedelta(minutes=1), "+1m"),
        (-timedelta(minutes=7, seconds=59), "+7m"),
        (-timedelta(minutes=59, seconds=59), "+59m"),
        (-timedelta(minutes=60), "+1h"),
        (-timedelta(hours=25), "+1d"),
        (timedelta(days=400), "99d"),
        (-timedelta(days=400), "+99d"),
    ],
)
def test_badge_text(before_start: timedelta, text: str) -> None:
    assert badge_text(START, START - before_start) == text


@pytest.mark.parametrize(
    ("before_start", "text"),
    [
        (timedelta(hours=1, minutes=12), "in 1 h 12 min"),
        (timedelta(hours=2), "in 2 h"),
        (timedelta(days=1, hours=3), "in 1 day 3 h"),
        (timedelta(days=2), "in 2 days"),
        (timedelta(seconds=30), "in less than a minute"),
        (-timedelta(seconds=30), "just now"),
        (-timedelta(minutes=7), "7 min ago"),
    ],
)
def test_relative_text(before_start: timedelta, text: str) -> None:
    assert relative_text(START, START - before_start) == text


def test_badge_never_mixes_units_or_shows_thousands_of_minutes() -> None:
    for seconds in range(-3 * 86400, 3 * 86400, 97):
        text = badge_text(START, START + timedelta(seconds=seconds))
        digits = "".join(c for c in text if c.isdigit())
        assert not digits or int(digits) < 100, text
        assert "60m" not in text and "24h" not in text


offsets = st.integers(min_value=-5 * 86400 * 1000, max_value=5 * 86400 * 1000).map(
    lambda ms: timedelta(milliseconds=ms)
)


@given(offsets, st.floats(min_value=0, max_value=1))
def test_badge_changes_exactly_at_the_announced_instant(offset: timedelta, frac: float) -> None:
    now = START + offset
    change = next_badge_change(START, now)
    assert change is not None and change > now
    text = badge_text(START, now)
    between = now + (change - now) * frac
    if between < change:
        assert badge_text(START, between) == text
    assert badge_text(START, change) != text
    assert badge_text(START, change - timedelta(microseconds=1)) == text


def test_no_change_announced_once_the_day_count_is_capped() -> None:
    assert next_badge_change(START, START + timedelta(days=120)) is None


def test_naive_instants_are_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        badge_text(START, datetime(2026, 12, 1, 18, 0))
