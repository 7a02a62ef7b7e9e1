import json
import re
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crickets import resources
from crickets.domain.countdown import badge_text, next_badge_change, relative_text, remaining
from crickets.domain.display import tray_state
from crickets.domain.reminder_text import render_reminder
from crickets.domain.reminders import ReminderKind
from crickets.domain.settings import Settings
from tests.builders import make_interview

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


# --- One rounding rule: the badge, the tooltip and the reminders agree -------------------------

CONTENT = json.loads(resources.read_text("checklists", "reminders.json"))
IV = make_interview(role="Phone screen")
_SPOKEN = re.compile(r"(?:(\d+) days?)? ?(?:(\d+) h)? ?(?:(\d+) min)?")


def _spoken_minutes(text: str) -> tuple[int, bool]:
    """(minutes, ahead) from ``in 1 h 12 min``, ``7 min ago``; 1/0 for under a minute."""
    if text in ("in less than a minute", "just now"):
        return (1, True) if text.startswith("in") else (0, False)
    ahead = text.startswith("in ")
    match = _SPOKEN.fullmatch(text.removeprefix("in ").removesuffix(" ago"))
    assert match, text
    days, hours, minutes = (int(g or 0) for g in match.groups())
    return days * 1440 + hours * 60 + minutes, ahead


def _badge_for(minutes: int, ahead: bool) -> str:
    """The compact form of a count, written here independently of the module."""
    if ahead and minutes <= 1:
        return "<1m"
    if not ahead and minutes < 1:
        return "now"
    if minutes < 60:
        shown = f"{minutes}m"
    elif minutes < 1440:
        shown = f"{minutes // 60}h"
    else:
        shown = f"{min(minutes // 1440, 99)}d"
    return shown if ahead else f"+{shown}"


@given(st.integers(min_value=-2 * 86400, max_value=3 * 86400))
def test_badge_tooltip_and_reminder_round_alike(seconds: int) -> None:
    now = IV.start - timedelta(seconds=seconds)
    relative = relative_text(IV.start, now)
    count = remaining(IV.start, now)
    badge = badge_text(IV.start, now)
    assert badge == _badge_for(*_spoken_minutes(relative)) == _badge_for(count.minutes, count.ahead)
    reminder = render_reminder(CONTENT, ReminderKind.GET_READY, IV, "Europe/London", now)
    assert f"starts {relative}," in reminder.text
    if count.ahead:
        assert relative in tray_state([IV], Settings(), "Europe/London", now).tooltip


@pytest.mark.parametrize(
    ("before_start", "badge", "sentence"),
    [
        (timedelta(seconds=61), "2m", "in 2 min"),  # never "about a minute" beside "2m"
        (timedelta(seconds=60), "<1m", "in less than a minute"),
        (timedelta(minutes=59, seconds=30), "1h", "in 1 h"),
        (timedelta(hours=23, minutes=59, seconds=1), "1d", "in 1 day"),
        (-timedelta(seconds=59), "now", "just now"),
        (-timedelta(minutes=7, seconds=59), "+7m", "7 min ago"),
    ],
)
def test_the_edges_round_alike(before_start: timedelta, badge: str, sentence: str) -> None:
    now = START - before_start
    assert (badge_text(START, now), relative_text(START, now)) == (badge, sentence)
