"""Sleep and clock jumps: injected clocks simulate a night's suspend without waiting; a private
D-Bus daemon plays logind, so the PrepareForSleep path is exercised for real."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtDBus import QDBusConnection, QDBusMessage
from pytestqt.qtbot import QtBot

from crickets.domain.clock import FixedClock
from crickets.ui.system.sleep_watch import (
    DEFAULT_INTERVAL_MS,
    LOGIND_MANAGER,
    LOGIND_PATH,
    LOGIND_SERVICE,
    MAX_INTERVAL_MS,
    SleepWatch,
)
from tests.private_bus import private_bus

START = datetime(2026, 11, 25, 13, 0, tzinfo=UTC)


class Monotonic:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clocks() -> tuple[FixedClock, Monotonic]:
    return FixedClock(START), Monotonic()


def test_a_suspend_is_a_clock_jump(qtbot: QtBot, clocks: tuple[FixedClock, Monotonic]) -> None:
    wall, mono = clocks
    watch = SleepWatch(wall, mono, bus=_dead_bus())
    watch.start()
    wall.advance(timedelta(hours=2))  # the lid was closed for two hours...
    mono.now += 60  # ...during which the monotonic clock stood still
    with qtbot.waitSignal(watch.clock_jumped, timeout=1000) as jumped:
        watch.check()
    assert jumped.args == [pytest.approx(7200 - 60)]
    watch.stop()


def test_an_ordinary_beat_and_small_drift_are_quiet(
    qtbot: QtBot, clocks: tuple[FixedClock, Monotonic]
) -> None:
    wall, mono = clocks
    watch = SleepWatch(wall, mono, bus=_dead_bus())
    watch.start()
    with qtbot.assertNotEmitted(watch.clock_jumped):
        for _ in range(3):
            wall.advance(timedelta(seconds=55))
            mono.now += 55
            watch.check()
        wall.advance(timedelta(seconds=60))  # NTP nudged the wall clock by 5 s
        mono.now += 55
        watch.check()
    watch.stop()


def test_the_clock_set_back_is_a_negative_jump(
    qtbot: QtBot, clocks: tuple[FixedClock, Monotonic]
) -> None:
    wall, mono = clocks
    watch = SleepWatch(wall, mono, bus=_dead_bus())
    watch.start()
    wall.advance(timedelta(hours=-1))
    mono.now += 30
    with qtbot.waitSignal(watch.clock_jumped, timeout=1000) as jumped:
        watch.check()
    assert jumped.args == [pytest.approx(-3630)]
    watch.stop()


def test_the_heartbeat_checks_by_itself(qtbot: QtBot, clocks: tuple[FixedClock, Monotonic]) -> None:
    wall, mono = clocks
    watch = SleepWatch(wall, mono, interval_ms=1, bus=_dead_bus())
    watch.start()
    wall.advance(timedelta(hours=8))
    with qtbot.waitSignal(watch.clock_jumped, timeout=5000):
        pass  # the timer fires on its own
    watch.stop()


def test_the_heartbeat_beats_at_least_once_a_minute(clocks: tuple[FixedClock, Monotonic]) -> None:
    wall, mono = clocks
    assert 0 < DEFAULT_INTERVAL_MS <= MAX_INTERVAL_MS == 60_000
    assert SleepWatch(wall, mono).interval_ms == DEFAULT_INTERVAL_MS
    with pytest.raises(ValueError):
        SleepWatch(wall, mono, interval_ms=61_000)


def test_without_a_system_bus_it_is_silent(
    qtbot: QtBot, clocks: tuple[FixedClock, Monotonic]
) -> None:
    """No system bus at all (this machine, a container), or a bus without logind: no
    warning, no error, the heartbeat still runs. (Qt warnings fail this test.)"""
    wall, mono = clocks
    for bus in (None, _dead_bus()):
        watch = SleepWatch(wall, mono, bus=bus)
        watch.start()
        if not Path("/run/dbus/system_bus_socket").exists():
            assert not watch.logind
        watch.stop()


# -- logind on a private bus ----------------------------------------------------------------------


@dataclass
class FakeLogind:
    address: str
    logind: QDBusConnection

    def connection(self, name: str) -> QDBusConnection:
        return QDBusConnection.connectToBus(self.address, name)

    def prepare_for_sleep(self, sleeping: bool) -> None:
        message = QDBusMessage.createSignal(LOGIND_PATH, LOGIND_MANAGER, "PrepareForSleep")
        message.setArguments([sleeping])
        assert self.logind.send(message)


@pytest.fixture
def fake_logind() -> Iterator[FakeLogind]:
    if shutil.which("dbus-daemon") is None:
        pytest.skip("dbus-daemon is not installed")
    with (
        tempfile.TemporaryDirectory(prefix="crk-bus-", dir="/tmp") as tmp,
        private_bus(Path(tmp)) as address,
    ):
        logind = QDBusConnection.connectToBus(address, "fake-logind")
        try:
            assert logind.isConnected() and logind.registerService(LOGIND_SERVICE)
            yield FakeLogind(address, logind)
        finally:
            for name in ("fake-logind", "watch-1", "watch-2"):
                QDBusConnection.disconnectFromBus(name)


def test_logind_resume_is_reported_and_not_twice(
    qtbot: QtBot, clocks: tuple[FixedClock, Monotonic], fake_logind: FakeLogind
) -> None:
    wall, mono = clocks
    watch = SleepWatch(wall, mono, bus=fake_logind.connection("watch-1"))
    watch.start()
    assert watch.logind

    wall.advance(timedelta(hours=9))  # slept all night
    with qtbot.waitSignal(watch.resumed, timeout=5000):
        fake_logind.prepare_for_sleep(True)  # going down: not a resume
        fake_logind.prepare_for_sleep(False)
    with qtbot.assertNotEmitted(watch.clock_jumped):
        mono.now += 55
        wall.advance(timedelta(seconds=55))
        watch.check()  # the heartbeat does not report the same night again
    watch.stop()


def test_a_stopped_watch_hears_nothing(
    qtbot: QtBot, clocks: tuple[FixedClock, Monotonic], fake_logind: FakeLogind
) -> None:
    wall, mono = clocks
    stopped = SleepWatch(wall, mono, bus=fake_logind.connection("watch-1"))
    stopped.start()
    stopped.stop()
    listening = SleepWatch(wall, mono, bus=fake_logind.connection("watch-2"))
    listening.start()
    heard: list[str] = []
    stopped.resumed.connect(lambda: heard.append("stopped"))
    with qtbot.waitSignal(listening.resumed, timeout=5000):
        fake_logind.prepare_for_sleep(False)
    assert heard == []  # the same signal reached the other watch, so this one had its chance
    listening.stop()


def _dead_bus() -> QDBusConnection:
    return QDBusConnection.connectToBus("unix:path=/nonexistent/crickets-bus", "crickets-dead")


def test_without_heartbeat_only_logind_wakes_it(
    qtbot: QtBot, clocks: tuple[FixedClock, Monotonic]
) -> None:
    """The tray's controller is the heartbeat; the watch then adds no timer of its own."""
    wall, mono = clocks
    watch = SleepWatch(wall, mono, interval_ms=1, bus=_dead_bus())
    watch.start(heartbeat=False)
    wall.advance(timedelta(hours=8))
    assert not watch._timer.isActive()  # no heartbeat of its own: nothing can fire
    watch.stop()
