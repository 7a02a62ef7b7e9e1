"""Both zones name the person's own day whenever it is not the interviewer's, in every text
that shows both; the clock is 12- or 24-hour as chosen."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from crickets import resources
from crickets.domain.display import tray_state
from crickets.domain.guides import elapsed_line, stop_line
from crickets.domain.interview import Status
from crickets.domain.reminder_text import render_reminder
from crickets.domain.reminders import ReminderKind
from crickets.domain.settings import Settings
from crickets.domain.slots import Slot
from crickets.domain.timefmt import both_zones, clock_time, echo_text, time_in_zone
from tests.builders import make_interview

KOLKATA = "Asia/Kolkata"
ST_JOHNS = "America/St_Johns"  # UTC−03:30 in January: 8 AM in India is 11 PM the day before
NY = "America/New_York"
LONDON = "Europe/London"
TOKYO = "Asia/Tokyo"
THURSDAY_8AM_IST = datetime(2026, 1, 15, 2, 30, tzinfo=UTC)
TUESDAY_2PM_EST = datetime(2026, 12, 1, 19, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("instant", "theirs", "mine", "inline", "text"),
    [
        (THURSDAY_8AM_IST, KOLKATA, ST_JOHNS, False, "8:00 AM IST (Wednesday 11:00 PM your time)"),
        (THURSDAY_8AM_IST, KOLKATA, ST_JOHNS, True, "8:00 AM IST, Wednesday 11:00 PM your time"),
        (TUESDAY_2PM_EST, NY, TOKYO, False, "2:00 PM EST (Wednesday 4:00 AM your time)"),
        (TUESDAY_2PM_EST, NY, LONDON, False, "2:00 PM EST (7:00 PM your time)"),
        (TUESDAY_2PM_EST, NY, LONDON, True, "2:00 PM EST, 7:00 PM your time"),
        (TUESDAY_2PM_EST, NY, "America/Toronto", False, "2:00 PM EST"),  # the clocks agree
        (THURSDAY_8AM_IST, KOLKATA, LONDON, False, "8:00 AM IST (2:30 AM your time)"),
    ],
)
def test_both_zones_name_my_day_when_it_differs(
    instant: datetime, theirs: str, mine: str, inline: bool, text: str
) -> None:
    assert both_zones(instant, theirs, mine, inline=inline) == text


@pytest.mark.parametrize(
    ("hour", "minute", "twelve", "twenty_four"),
    [
        (0, 0, "12:00 AM", "00:00"),
        (0, 30, "12:30 AM", "00:30"),
        (9, 5, "9:05 AM", "09:05"),
        (12, 0, "12:00 PM", "12:00"),
        (23, 59, "11:59 PM", "23:59"),
    ],
)
def test_the_clock_is_12_or_24_hour_as_chosen(
    hour: int, minute: int, twelve: str, twenty_four: str
) -> None:
    local = datetime(2026, 12, 1, hour, minute)
    assert clock_time(local) == clock_time(local, None) == clock_time(local, False) == twelve
    assert clock_time(local, True) == twenty_four


def test_the_24_hour_clock_reaches_both_zones() -> None:
    assert time_in_zone(TUESDAY_2PM_EST, NY, True) == "14:00 EST"
    shown = both_zones(THURSDAY_8AM_IST, KOLKATA, ST_JOHNS, clock_24h=True)
    assert shown == "08:00 IST (Wednesday 23:00 your time)"


def test_the_echo_says_00_00_at_midnight() -> None:
    midnight = datetime(2026, 12, 2, 5, 0, tzinfo=UTC)
    assert echo_text(midnight, NY) == (
        "Wednesday 2 December 2026, 00:00 EST (America/New_York, UTC−05:00)"
    )


# --- Every text that shows both zones names the day -------------------------------------------

INDIA = make_interview(datetime(2026, 1, 15, 8, 0), KOLKATA, role="Phone screen")
MY_DAY = "Wednesday 11:00 PM your time"


def test_the_tooltip_names_my_day() -> None:
    state = tray_state([INDIA], Settings(), ST_JOHNS, INDIA.start - timedelta(hours=2))
    assert f"8:00 AM IST ({MY_DAY})" in state.tooltip


def test_reminders_name_my_day() -> None:
    content = json.loads(resources.read_text("checklists", "reminders.json"))
    text = render_reminder(
        content, ReminderKind.GET_READY, INDIA, ST_JOHNS, INDIA.start - timedelta(minutes=15)
    )
    assert f"8:00 AM IST ({MY_DAY})" in text.text


def test_the_guide_names_my_day() -> None:
    late = INDIA.start + timedelta(minutes=7)
    assert elapsed_line(INDIA, ST_JOHNS, late).endswith(f"(8:00 AM IST, {MY_DAY})")
    stop = stop_line(INDIA, Settings(), ST_JOHNS, late)
    assert stop == "You can stop waiting at 8:30 AM IST (Wednesday 11:30 PM your time)."


def test_a_slot_names_my_day() -> None:
    slot = Slot(INDIA.start, timedelta(minutes=30), KOLKATA)
    assert slot.describe(KOLKATA, ST_JOHNS) == f"Thursday 15 January 2026, 8:00 AM IST ({MY_DAY})"


def test_the_tooltip_follows_the_clock_setting() -> None:
    settings = Settings(clock_24h=True)
    state = tray_state([INDIA], settings, ST_JOHNS, INDIA.start - timedelta(hours=2))
    assert "08:00 IST (Wednesday 23:00 your time)" in state.tooltip


def test_a_call_in_progress_follows_the_clock_setting() -> None:
    started = INDIA.with_status(Status.IN_CALL, at=INDIA.start)
    state = tray_state([started], Settings(clock_24h=True), ST_JOHNS, INDIA.start)
    assert state.tooltip.endswith("in the call since 08:00")
