"""The controller with a hand-moved clock: no sleeping, the timer is fired by hand."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from crickets.domain.clock import FixedClock
from crickets.domain.display import Tone
from crickets.domain.interview import Interview, Status
from crickets.domain.reminders import ReminderKind
from crickets.storage.store import Store
from crickets.ui.controller import Controller

START = datetime(2026, 12, 1, 19, 0, tzinfo=UTC)  # 14:00 in New York


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    s = Store.open(tmp_path)
    yield s
    s.close()


def add(store: Store, **kw: object) -> Interview:
    fields: dict[str, object] = {
        "company": "Acme",
        "local_start": datetime(2026, 12, 1, 14, 0),
        "zone": "America/New_York",
        **kw,
    }
    return store.add(Interview(**fields))  # type: ignore[arg-type]


def make(store: Store, clock: FixedClock, qtbot) -> tuple[Controller, list, list]:  # type: ignore[no-untyped-def]
    controller = Controller(store, clock, zone_for=lambda s: "Europe/London")
    fired: list = []
    states: list = []
    controller.reminder_due.connect(fired.append)
    controller.state_changed.connect(states.append)
    return controller, fired, states


def test_the_timer_is_armed_for_the_next_change_not_every_second(store, qtbot) -> None:  # type: ignore[no-untyped-def]
    add(store)
    clock = FixedClock(START - timedelta(days=1, hours=2))  # next badge change in 2 h
    controller, _, states = make(store, clock, qtbot)
    controller.start()
    assert states[-1].badge == "1d"
    assert controller.timer.isActive()
    assert controller.timer.interval() == 60_000 + 2  # the heartbeat caps the wait
    assert controller.timer.timerType() == Qt.TimerType.CoarseTimer
    clock.set(START + timedelta(minutes=4, seconds=30))  # the overdue window is 30 s away
    controller.tick()
    assert controller.timer.interval() == 30_000 + 2
    assert controller.timer.timerType() == Qt.TimerType.PreciseTimer
    controller.stop()


def test_each_reminder_fires_once_as_the_clock_moves(store, qtbot) -> None:  # type: ignore[no-untyped-def]
    add(store)
    clock = FixedClock(START - timedelta(hours=3))
    controller, fired, _ = make(store, clock, qtbot)
    controller.start()
    for minutes in range(-180, 40):
        clock.set(START + timedelta(minutes=minutes))
        controller.tick()
        controller.tick()  # a second tick at the same instant adds nothing
    kinds = [r.kind for r in fired]
    assert kinds == [
        ReminderKind.CONFIRM,
        ReminderKind.GET_READY,
        ReminderKind.START,
        ReminderKind.OVERDUE,
        ReminderKind.STOP_WAITING,
    ]
    controller.stop()


def test_a_suspend_across_the_start_opens_the_overdue_reminder_on_the_next_tick(
    store, qtbot
) -> None:  # type: ignore[no-untyped-def]
    add(store)
    clock = FixedClock(START - timedelta(hours=3))
    controller, fired, _ = make(store, clock, qtbot)
    missed: list = []
    controller.reminders_missed.connect(missed.append)
    controller.start()
    clock.set(START + timedelta(minutes=6))  # woke up six minutes after the start
    controller.tick()
    assert [r.kind for r in fired] == [ReminderKind.OVERDUE]
    assert [r.kind for r in missed[0]] == [
        ReminderKind.CONFIRM,
        ReminderKind.GET_READY,
        ReminderKind.START,
    ]
    assert controller.state is not None and controller.state.tone is Tone.OVERDUE
    controller.stop()


def test_restart_neither_repeats_nor_loses_reminders(store, qtbot) -> None:  # type: ignore[no-untyped-def]
    add(store)
    clock = FixedClock(START - timedelta(minutes=20))
    first, fired, _ = make(store, clock, qtbot)
    first.start()
    clock.set(START - timedelta(minutes=15))
    first.tick()
    assert [r.kind for r in fired] == [ReminderKind.GET_READY]
    first.dismiss(fired[0])
    first.stop()
    clock.set(START + timedelta(seconds=30))  # the app was closed over the start
    second, fired_again, _ = make(store, clock, qtbot)
    second.start()
    assert [r.kind for r in fired_again] == [ReminderKind.START]
    second.stop()


def test_open_and_snoozed_reminders_survive_a_restart(store, qtbot) -> None:  # type: ignore[no-untyped-def]
    add(store)
    clock = FixedClock(START - timedelta(minutes=16))
    first, fired, _ = make(store, clock, qtbot)
    first.start()
    clock.set(START - timedelta(minutes=15))
    first.tick()
    first.snooze(fired[0], START - timedelta(minutes=5))
    first.stop()
    second, again, _ = make(store, clock, qtbot)
    second.start()
    assert again == []  # snoozed, not open
    clock.set(START - timedelta(minutes=5))
    second.tick()
    assert [r.kind for r in again] == [ReminderKind.GET_READY]
    second.stop()
    third, shown, _ = make(store, clock, qtbot)
    third.start()  # it was showing when the app stopped: shown again
    assert [r.kind for r in shown] == [ReminderKind.GET_READY]
    third.stop()


def test_a_write_from_another_process_is_picked_up_on_the_next_tick(store, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    clock = FixedClock(START - timedelta(hours=1))
    controller, _, states = make(store, clock, qtbot)
    controller.start()
    assert states[-1].tone is Tone.IDLE
    other = Store.open(tmp_path)  # the CLI, say
    add(other)
    other.close()
    controller.tick()
    assert states[-1].tone is Tone.CALM and states[-1].badge == "1h"
    controller.stop()


def test_they_called_ends_the_waiting(store, qtbot) -> None:  # type: ignore[no-untyped-def]
    iv = add(store)
    clock = FixedClock(START + timedelta(minutes=2))
    controller, fired, states = make(store, clock, qtbot)
    controller.start()
    assert iv.id is not None
    controller.set_status(iv.id, Status.IN_CALL)
    assert states[-1].tone is Tone.IN_CALL
    clock.set(START + timedelta(minutes=10))
    controller.tick()
    assert ReminderKind.OVERDUE not in [r.kind for r in fired]
    assert [a.kind.value for a in store.actions(iv.id)] == ["they-called"]
    controller.stop()


def test_the_clock_going_backwards_fires_nothing_twice(store, qtbot) -> None:  # type: ignore[no-untyped-def]
    add(store)
    clock = FixedClock(START - timedelta(minutes=14))
    controller, fired, _ = make(store, clock, qtbot)
    controller.start()
    clock.set(START + timedelta(minutes=1))
    controller.tick()
    clock.set(START - timedelta(minutes=30))  # someone set the clock back
    controller.tick()
    clock.set(START + timedelta(minutes=1))
    controller.tick()
    assert [r.kind for r in fired].count(ReminderKind.START) == 1
    controller.stop()


def test_a_slow_redraw_does_not_delay_the_next_wake_up(store, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The first badge can take a while to draw; the timer is armed from after the drawing."""
    add(store)
    clock = FixedClock(START + timedelta(minutes=4, seconds=57))  # overdue in 3 s
    controller = Controller(store, clock, zone_for=lambda s: "Europe/London")
    controller.state_changed.connect(lambda _state: clock.advance(timedelta(milliseconds=400)))
    controller.start()
    assert controller.timer.interval() == 2_600 + 2
    controller.stop()


def test_a_store_that_cannot_be_written_never_stops_the_countdown(store, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    add(store)
    store.close()
    read_only = Store.open(tmp_path, read_only=True)  # every write raises StoreReadOnly
    clock = FixedClock(START - timedelta(minutes=20))
    controller, fired, states = make(read_only, clock, qtbot)
    controller.start()
    assert states[-1].badge == "20m" and controller.timer.isActive()
    clock.set(START - timedelta(minutes=15))
    controller.tick()
    assert [r.kind for r in fired] == [ReminderKind.GET_READY]
    assert controller.timer.isActive()
    controller.stop()
    read_only.close()


def test_the_guide_of_a_call_missed_days_ago_does_not_reopen(store, qtbot) -> None:  # type: ignore[no-untyped-def]
    add(store)
    clock = FixedClock(START + timedelta(minutes=4))
    first, fired, _ = make(store, clock, qtbot)
    first.start()
    clock.set(START + timedelta(minutes=6))
    first.tick()
    assert [r.kind for r in fired] == [ReminderKind.OVERDUE]  # shown, never dismissed
    first.stop()
    clock.set(START + timedelta(minutes=20))
    soon, again, _ = make(store, clock, qtbot)
    soon.start()
    assert [r.kind for r in again] == [ReminderKind.OVERDUE]  # still helpful: reopened
    soon.stop()
    clock.set(START + timedelta(days=5))
    later, late, _ = make(store, clock, qtbot)
    later.start()
    assert late == []
    later.stop()
