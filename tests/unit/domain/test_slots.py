from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from crickets.domain.settings import Settings
from crickets.domain.slots import propose_slots
from tests.unit.conftest import make_interview

LONDON = ZoneInfo("Europe/London")
WED = datetime(2026, 11, 25, 15, 5, tzinfo=UTC)


def test_three_slots_on_the_next_working_days_inside_working_hours() -> None:
    slots = propose_slots([], Settings(), "Europe/London", WED)
    days = [s.start.astimezone(LONDON).date().isoformat() for s in slots]
    assert days == ["2026-11-26", "2026-11-27", "2026-11-30"]  # Thu, Fri, skip the weekend, Mon
    for slot in slots:
        local = slot.start.astimezone(LONDON)
        assert time(9) <= local.time() and (local + slot.duration).time() <= time(17)


def test_slots_vary_the_time_of_day() -> None:
    slots = propose_slots([], Settings(), "Europe/London", WED)
    assert len({s.start.astimezone(LONDON).time() for s in slots}) == 3


def test_slots_keep_clear_of_other_interviews_with_slack() -> None:
    busy = [
        make_interview(datetime(2026, 11, 26, h, 0), "Europe/London", id=h) for h in range(9, 17)
    ]
    slots = propose_slots(busy, Settings(), "Europe/London", WED)
    assert all(s.start.astimezone(LONDON).date().isoformat() != "2026-11-26" for s in slots)
    one = make_interview(datetime(2026, 11, 26, 9, 0), "Europe/London")
    first = propose_slots([one], Settings(), "Europe/London", WED)[0]
    assert (
        first.start >= one.end + Settings().slot_slack
        or first.end <= one.start - Settings().slot_slack
    )


def test_prefers_hours_that_suit_the_interviewer_too() -> None:
    slots = propose_slots([], Settings(), "Europe/London", WED, their_zone="America/New_York")
    for slot in slots:
        theirs = slot.start.astimezone(ZoneInfo("America/New_York")).time()
        assert time(8) <= theirs <= time(17, 30)
    text = slots[0].describe("America/New_York", "Europe/London")
    assert "EST" in text and "your time" in text


def test_no_working_days_in_reach_gives_fewer_slots() -> None:
    only_sunday = Settings(work_days=(6,))
    slots = propose_slots([], only_sunday, "Europe/London", WED, count=3)
    assert [s.start.astimezone(LONDON).weekday() for s in slots] == [6, 6, 6]
    assert all(s.start - WED < timedelta(days=22) for s in slots)
