"""The controller with a hand-moved clock: no sleeping, the timer is fired by hand."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from pytestqt.qtbot import QtBot

from crickets.domain.actions import ActionKind
from crickets.domain.clock import FixedClock
from crickets.domain.display import Tone, TrayState
from crickets.domain.interview import Interview, Status
from crickets.domain.reminders import Reminder, ReminderKind
from crickets.domain.settings import Settings
from crickets.storage.store import Store
from crickets.ui.controller import Controller
from crickets.wiring.session import build_use_cases
from tests.builders import make_interview

START = datetime(2026, 12, 1, 19, 0, tzinfo=UTC)  # 14:00 in New York, a Tuesday


def add(store: Store) -> Interview:
    return store.interviews.add(make_interview(id=None))


Fired = list[Reminder]


def controller_over(store: Store, clock: FixedClock) -> Controller:
    """A controller as the tray builds it (and builds again at a restart)."""
    use_cases = build_use_cases(store, clock)
    return Controller(use_cases.logbook, use_cases.rescheduling, changes=store)


def make(
    store: Store, clock: FixedClock, qtbot: QtBot
) -> tuple[Controller, Fired, list[TrayState]]:
    controller = controller_over(store, clock)
    fired: list[Reminder] = []
    states: list[TrayState] = []
    controller.reminder_due.connect(fired.append)
    controller.state_changed.connect(states.append)
    return controller, fired, states


def test_the_timer_is_armed_for_the_next_change_not_every_second(
    store: Store, qtbot: QtBot
) -> None:
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


def test_a_reminder_two_minutes_away_is_announced_and_a_badge_change_is_not(
    store: Store, qtbot: QtBot
) -> None:
    """The shell loads the windows' code on ``moment_close``: never a day ahead, even when
    only the badge is about to change; always before a reminder's moment."""
    add(store)
    clock = FixedClock(START - timedelta(days=1, hours=1))
    controller, _, _ = make(store, clock, qtbot)
    close: list[bool] = []
    controller.moment_close.connect(lambda: close.append(True))
    controller.start()
    change = controller.next_change(clock.now())
    assert change is not None
    clock.set(change - timedelta(seconds=30))  # the badge is about to change
    controller.tick()
    assert controller.timer.timerType() == Qt.TimerType.PreciseTimer  # a change is close
    assert close == []  # but no reminder: nothing is loaded
    clock.set(START - timedelta(minutes=1, seconds=50))  # the start reminder in 110 s
    controller.tick()
    assert close == [True]
    controller.stop()


def test_a_moment_far_from_any_change_still_gets_its_two_minutes_ahead(
    store: Store, qtbot: QtBot
) -> None:
    """At rest (an hour's heartbeat) with only a snoozed reminder ahead, the timer wakes two
    minutes before it, and the shell is told then, not at the moment itself."""
    add(store)
    clock = FixedClock(START - timedelta(days=2, hours=12))  # the badge reads 2d for hours
    controller, _, _ = make(store, clock, qtbot)
    close: list[bool] = []
    controller.moment_close.connect(lambda: close.append(True))
    controller.rest(resumes_reported=True, writes_reported=True)
    controller.start()
    ends = clock.now() + timedelta(minutes=37, seconds=11)  # no badge change near it
    controller.snooze(Reminder(1, ReminderKind.CONFIRM, clock.now(), START), ends)
    ahead = ends - timedelta(minutes=2)
    assert controller.timer.interval() == (ahead - clock.now()).total_seconds() * 1000 + 2
    assert close == []
    clock.set(ahead)
    controller.tick()
    assert close == [True]
    controller.stop()


def test_each_reminder_fires_once_as_the_clock_moves(store: Store, qtbot: QtBot) -> None:
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
    store: Store, qtbot: QtBot
) -> None:
    add(store)
    clock = FixedClock(START - timedelta(hours=3))
    controller, fired, _ = make(store, clock, qtbot)
    missed: list[tuple[Reminder, ...]] = []
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


def test_restart_neither_repeats_nor_loses_reminders(store: Store, qtbot: QtBot) -> None:
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


def test_open_and_snoozed_reminders_survive_a_restart(store: Store, qtbot: QtBot) -> None:
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


def test_a_write_from_another_process_is_picked_up_on_the_next_tick(
    store: Store, tmp_path: Path, qtbot: QtBot
) -> None:
    clock = FixedClock(START - timedelta(hours=1))
    controller, _, states = make(store, clock, qtbot)
    controller.start()
    assert [s.tone.value for s in states] == ["idle"]
    other = Store.open(tmp_path)  # the CLI, say
    add(other)
    other.close()
    controller.tick()
    assert (states[-1].tone.value, states[-1].badge) == ("calm", "1h")
    controller.stop()


def test_they_called_ends_the_waiting(store: Store, qtbot: QtBot) -> None:
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
    assert [a.kind.value for a in store.log.actions(iv.id)] == ["they-called"]
    controller.stop()


def test_the_clock_going_backwards_fires_nothing_twice(store: Store, qtbot: QtBot) -> None:
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


def test_a_slow_redraw_does_not_delay_the_next_wake_up(store: Store, qtbot: QtBot) -> None:
    """The first badge can take a while to draw; the timer is armed from after the drawing."""
    add(store)
    clock = FixedClock(START + timedelta(minutes=4, seconds=57))  # overdue in 3 s
    controller = controller_over(store, clock)
    controller.state_changed.connect(lambda _state: clock.advance(timedelta(milliseconds=400)))
    controller.start()
    assert controller.timer.interval() == 2_600 + 2
    controller.stop()


def test_a_store_that_cannot_be_written_never_stops_the_countdown(
    store: Store, tmp_path: Path, qtbot: QtBot
) -> None:
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


def test_the_guide_of_a_call_missed_days_ago_does_not_reopen(store: Store, qtbot: QtBot) -> None:
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


def test_an_open_nudge_is_shown_again_after_a_restart(store: Store, qtbot: QtBot) -> None:
    """A follow-up exists only in the light of the log: a restart must look it up with it."""
    iid = add(store).id
    assert iid is not None
    clock = FixedClock(START + timedelta(minutes=20))
    steps = build_use_cases(store, clock).logbook
    steps.set_outcome(iid, Status.MISSED_BY_THEM, "stopped waiting: no call")
    clock.set(datetime(2026, 12, 2, 10, 0, tzinfo=UTC))  # Wednesday, 10:00 in London
    steps.record(iid, ActionKind.EMAIL_COPIED, "reschedule")  # new times offered by email
    nudge_at = datetime(2026, 12, 4, 10, 0, tzinfo=UTC)  # two working days later: Friday
    clock.set(nudge_at - timedelta(minutes=1))
    first, fired, _ = make(store, clock, qtbot)
    first.start()
    clock.set(nudge_at + timedelta(minutes=1))
    first.tick()
    assert [(r.kind, r.at) for r in fired] == [(ReminderKind.NUDGE, nudge_at)]
    first.stop()  # the app quits with the nudge still showing
    second, shown_again, _ = make(store, clock, qtbot)
    second.start()
    assert shown_again == fired
    second.stop()


@pytest.mark.parametrize(
    ("locale", "setting", "shown"),
    [
        (QLocale.Language.German, None, "14:00 EST (19:00 your time)"),  # the system's: 24 h
        (QLocale.Language.English, None, "2:00 PM EST (7:00 PM your time)"),  # en_US: 12 h
        (QLocale.Language.German, False, "2:00 PM EST (7:00 PM your time)"),  # the setting wins
        (QLocale.Language.English, True, "14:00 EST (19:00 your time)"),
    ],
)
def test_the_tray_reads_the_clock_setting_else_the_desktops_locale(
    store: Store,
    qtbot: QtBot,
    locale: QLocale.Language,
    setting: bool | None,
    shown: str,
) -> None:
    QLocale.setDefault(QLocale(locale))  # German: 24-hour; English (US): 12-hour
    store.settings.save_settings(Settings(home_zone="Europe/London", clock_24h=setting))
    add(store)
    controller, _, states = make(store, FixedClock(START - timedelta(hours=1)), qtbot)
    controller.start()
    assert states[-1].tooltip.endswith(shown)
    controller.stop()


def test_at_rest_the_timer_waits_an_hour_where_resumes_and_writes_are_reported(
    store: Store, qtbot: QtBot
) -> None:
    """logind reports a resume and the command line's reload requests arrive: nothing needs
    the minute heartbeat, so a tray a day ahead wakes once an hour, not once a minute."""
    add(store)
    clock = FixedClock(START - timedelta(days=1, hours=2))  # next badge change in 2 h
    controller, _, _ = make(store, clock, qtbot)
    controller.rest(resumes_reported=True, writes_reported=True)
    controller.start()
    assert controller.timer.interval() == 3600_000 + 2
    assert controller.timer.timerType() == Qt.TimerType.CoarseTimer
    clock.set(START - timedelta(minutes=30))  # close: armed for the next visible change
    controller.tick()
    assert controller.timer.interval() == 60_000 + 2
    controller.stop()


@pytest.mark.parametrize(("resumes", "writes"), [(False, True), (True, False), (False, False)])
def test_without_logind_or_reload_requests_the_minute_heartbeat_stays(
    store: Store, qtbot: QtBot, resumes: bool, writes: bool
) -> None:
    add(store)
    clock = FixedClock(START - timedelta(days=1, hours=2))
    controller, _, _ = make(store, clock, qtbot)
    controller.rest(resumes_reported=resumes, writes_reported=writes)
    controller.start()
    assert controller.timer.interval() == 60_000 + 2  # a resume is noticed within a minute
    controller.stop()


def test_the_hourly_job_rides_on_the_one_timer(store: Store, qtbot: QtBot) -> None:
    add(store)
    clock = FixedClock(START - timedelta(days=3, minutes=10))  # 3d, 2d in 10 min, then a day
    controller, _, _ = make(store, clock, qtbot)
    runs: list[datetime] = []
    controller.every_hour(lambda: runs.append(clock.now()))
    controller.rest(resumes_reported=True, writes_reported=True)
    controller.start()
    assert runs == []  # not at the start: an hour after it
    clock.advance(timedelta(minutes=20))
    controller.tick()  # e.g. a reload: the hour is counted from the last run, not re-armed
    assert runs == [] and controller.timer.interval() == 40 * 60_000 + 2
    clock.advance(timedelta(minutes=40))
    controller.tick()
    assert runs == [START - timedelta(days=3, minutes=-50)]
    controller.tick()
    assert len(runs) == 1  # once an hour, however often it ticks
    clock.set(START - timedelta(days=4))  # the clock set back a day: the hour counts from here
    controller.tick()
    clock.advance(timedelta(minutes=59))
    controller.tick()
    assert len(runs) == 1
    clock.advance(timedelta(minutes=1))
    controller.tick()
    assert len(runs) == 2
    controller.stop()
