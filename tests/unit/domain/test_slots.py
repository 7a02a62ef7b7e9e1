"""Reschedule slots suit both people: working weekdays and hours on both sides, mid-morning
and early afternoon first, a busy day moves a slot to another day (never into the night),
and when the working days never meet the plan says so and notes whose evening it is."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crickets.domain.interview import Interview, Status
from crickets.domain.settings import Settings
from crickets.domain.slot_hours import WorkingHours
from crickets.domain.slots import HORIZON, Slot, SlotPlan, plan_slots, propose_slots
from tests.builders import make_interview

LONDON = "Europe/London"
NY = "America/New_York"
TOKYO = "Asia/Tokyo"
KOLKATA = "Asia/Kolkata"
LA = "America/Los_Angeles"
WED = datetime(2026, 11, 25, 15, 5, tzinfo=UTC)
SUMMER_WED = datetime(2026, 6, 10, 15, 0, tzinfo=UTC)
NINE, HALF_FIVE = time(9, 0), time(17, 30)


def local(slot: Slot, zone: str) -> datetime:
    return slot.start.astimezone(ZoneInfo(zone))


def inside(slot: Slot, zone: str, start: time = NINE, end: time = HALF_FIVE) -> bool:
    """A working weekday, and the whole slot inside working hours, on ``zone``'s clock."""
    first, last = local(slot, zone), slot.end.astimezone(ZoneInfo(zone))
    return (
        first.weekday() < 5
        and first.date() == last.date()
        and start <= first.time()
        and last.time() <= end
    )


def plan(
    mine: str, theirs: str | None, now: datetime = WED, busy: tuple[Interview, ...] = ()
) -> SlotPlan:
    return plan_slots(busy, Settings(), mine, now, their_zone=theirs)


# --- The cases from the issue --------------------------------------------------------------


@pytest.mark.parametrize(
    ("mine", "theirs", "now", "overlap", "first", "note"),
    [
        # New York and Tokyo never meet: Tokyo's early morning, New York's evening
        (
            NY,
            TOKYO,
            SUMMER_WED,
            False,
            "Friday 12 June 2026, 7:30 AM JST (Thursday 6:30 PM your time), "
            "in your evening and the interviewer's early morning",
            "in your evening and the interviewer's early morning",
        ),
        # Kolkata and Los Angeles: India's early morning, a California weekday evening
        (
            KOLKATA,
            LA,
            SUMMER_WED,
            False,
            "Wednesday 10 June 2026, 6:30 PM PDT (Thursday 7:00 AM your time), "
            "in your early morning and the interviewer's evening",
            "the interviewer's evening",
        ),
        # Tokyo and New York: never 1:00 AM in New York
        (
            TOKYO,
            NY,
            SUMMER_WED,
            False,
            "Thursday 11 June 2026, 6:30 PM EDT (Friday 7:30 AM your time), "
            "in your early morning and the interviewer's evening",
            "in your early morning",
        ),
        # London and Los Angeles meet for half an hour: that half hour, on three days
        (
            LONDON,
            LA,
            SUMMER_WED,
            True,
            "Thursday 11 June 2026, 9:00 AM PDT (5:00 PM your time)",
            "",
        ),
        (
            LONDON,
            NY,
            WED,
            True,
            "Thursday 26 November 2026, 10:30 AM EST (3:30 PM your time)",
            "",
        ),
    ],
)
def test_the_cases_from_the_issue(
    mine: str, theirs: str, now: datetime, overlap: bool, first: str, note: str
) -> None:
    found = plan(mine, theirs, now)
    assert found.overlap is overlap
    assert len(found.slots) == 3
    assert found.slots[0].describe(theirs, mine) == first
    assert all(note in slot.note for slot in found.slots)
    assert (found.note == "") is overlap
    for slot in found.slots:
        assert local(slot, theirs).weekday() < 5 and local(slot, mine).weekday() < 5
        assert time(7) <= local(slot, theirs).time() and local(slot, theirs).hour < 22
        assert time(7) <= local(slot, mine).time() and local(slot, mine).hour < 22
        assert inside(slot, theirs) and inside(slot, mine) if overlap else slot.note


@pytest.mark.parametrize(("mine", "theirs"), [(NY, TOKYO), (KOLKATA, LA), (TOKYO, NY)])
def test_no_overlap_is_said_once_for_the_plan(mine: str, theirs: str) -> None:
    found = plan(mine, theirs, SUMMER_WED)
    assert found.note == (
        f"Your working hours and the interviewer's ({theirs}) do not meet on any of the next "
        "10 working days, so these are the least bad times; each says whose morning or "
        "evening it is."
    )


def test_a_busy_day_moves_the_slot_to_another_day_not_into_the_night() -> None:
    thursday = [
        make_interview(datetime(2026, 11, 26, h, m), LONDON, id=h * 100 + m)
        for h in range(9, 18)
        for m in (0, 30)
    ]
    found = plan(LONDON, NY, busy=tuple(thursday))
    days = [local(s, LONDON).date() for s in found.slots]
    assert days == [date(2026, 11, 27), date(2026, 11, 30), date(2026, 12, 1)]
    assert found.overlap and all(inside(s, LONDON) and inside(s, NY) for s in found.slots)


def test_slots_keep_clear_of_other_interviews_with_slack() -> None:
    one = make_interview(datetime(2026, 11, 26, 10, 0), LONDON)
    first = propose_slots([one], Settings(), LONDON, WED)[0]
    slack = Settings().slot_slack
    assert first.start >= one.end + slack or first.end <= one.start - slack


def test_a_finished_interview_does_not_block_a_slot() -> None:
    done = make_interview(datetime(2026, 11, 26, 10, 30), LONDON).with_status(Status.DONE)
    assert local(propose_slots([done], Settings(), LONDON, WED)[0], LONDON).time() == time(10, 30)


# --- Shape of the offer --------------------------------------------------------------------


def test_three_slots_on_the_next_working_days_inside_working_hours() -> None:
    slots = propose_slots([], Settings(), LONDON, WED)
    days = [local(s, LONDON).date().isoformat() for s in slots]
    assert days == ["2026-11-26", "2026-11-27", "2026-11-30"]  # Thu, Fri, skip the weekend, Mon
    assert all(inside(s, LONDON) for s in slots)


def test_slots_vary_the_time_of_day_and_prefer_mid_morning_or_early_afternoon() -> None:
    slots = propose_slots([], Settings(), LONDON, WED)
    times = [local(s, LONDON).time() for s in slots]
    assert len(set(times)) == 3
    assert all(time(9, 30) <= t <= time(15, 30) for t in times)
    assert all(not (time(12) <= t < time(13)) for t in times)  # not across lunch


def test_the_three_slots_fall_on_three_days_on_both_calendars() -> None:
    for mine, theirs in [(NY, TOKYO), (TOKYO, NY), (LONDON, LA), (KOLKATA, LA)]:
        slots = plan(mine, theirs, SUMMER_WED).slots
        assert len({local(s, mine).date() for s in slots}) == 3
        assert len({local(s, theirs).date() for s in slots}) == 3


def test_a_slot_carries_the_instant_and_the_interviewers_zone() -> None:
    slot = plan(LONDON, NY).slots[0]
    assert slot.their_zone == NY and slot.start.tzinfo is UTC
    assert slot.local_start.isoformat() == "2026-11-26T10:30:00-05:00"
    assert slot.local_start == slot.start


def test_the_interviewers_hours_can_be_given() -> None:
    early = WorkingHours(time(7, 0), time(15, 0))
    slots = propose_slots([], Settings(), LONDON, WED, their_zone=NY, their_hours=early)
    assert all(inside(s, NY, time(7), time(15)) for s in slots)
    assert all(inside(s, LONDON) for s in slots)


def test_without_the_interviewers_zone_only_the_persons_hours_count() -> None:
    found = plan(LONDON, None)
    assert found.overlap and all(s.their_zone == LONDON for s in found.slots)


def test_no_working_day_in_reach_gives_no_slot_and_says_so() -> None:
    only_sunday = Settings(work_days=(6,))
    found = plan_slots([], only_sunday, LONDON, WED, their_zone=NY)
    assert found.slots == () and not found.overlap
    assert found.note.endswith("no time between 7 AM and 10 PM on both sides is free either.")
    alone = propose_slots([], only_sunday, LONDON, WED)
    assert [local(s, LONDON).weekday() for s in alone] == [6, 6, 6]


def test_the_note_is_part_of_the_description() -> None:
    slot = plan(NY, TOKYO, SUMMER_WED).slots[0]
    assert slot.describe(TOKYO, NY).endswith(
        ", in your evening and the interviewer's early morning"
    )


# --- The property ----------------------------------------------------------------------------

ZONES = [LONDON, NY, TOKYO, KOLKATA, LA, "Australia/Sydney", "Asia/Kathmandu", "Europe/Berlin"]


def _overlap_exists(mine: str, theirs: str, now: datetime) -> bool:
    """Brute force, independent of the module: a half hour inside both working days on one
    of the person's next ten working days."""
    day, counted = now.astimezone(ZoneInfo(mine)).date(), 0
    while counted < HORIZON:
        day += timedelta(days=1)
        if day.weekday() >= 5:
            continue
        counted += 1
        at = datetime.combine(day, NINE, tzinfo=ZoneInfo(mine)).astimezone(UTC)
        while at.astimezone(ZoneInfo(mine)).time() <= time(17):
            probe = Slot(at, timedelta(minutes=30))
            if inside(probe, mine) and inside(probe, theirs):
                return True
            at += timedelta(minutes=15)
    return False


@given(
    st.sampled_from(ZONES),
    st.sampled_from(ZONES),
    st.integers(min_value=0, max_value=2 * 365 * 24 * 4).map(lambda q: timedelta(minutes=15 * q)),
)
@settings(max_examples=60, deadline=None)
def test_every_slot_is_a_working_weekday_for_both_when_they_overlap(
    mine: str, theirs: str, offset: timedelta
) -> None:
    now = datetime(2026, 1, 1, tzinfo=UTC) + offset
    found = plan(mine, theirs, now)
    assert found.overlap is _overlap_exists(mine, theirs, now)
    if found.overlap:
        assert found.slots  # fewer than three only when the overlap is that short
        assert all(inside(s, mine) and inside(s, theirs) and not s.note for s in found.slots)
    for slot in found.slots:
        assert local(slot, mine).weekday() < 5 and local(slot, theirs).weekday() < 5
        assert 7 <= local(slot, mine).hour < 22 and 7 <= local(slot, theirs).hour < 22
    assert len({local(s, theirs).date() for s in found.slots}) >= min(2, len(found.slots))
