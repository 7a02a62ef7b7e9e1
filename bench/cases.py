"""What bench/run.py measures, one function per case, each against the floor in the same run.

The trays at rest run on the real clock (no libfaketime: a faked clock costs time on every
clock read, and the font cache a faked process writes, as root into /var/cache/fontconfig,
carries faked dates, so the next program to draw text rescans every font: that was the bare
tray's 537 ms, docs/decisions/166) and with the session's Secret Service as the keychain.
Only the latency cases fake the clock, to stand just before a reminder's moment; before each
timed start ``fc-list`` brings the font cache up to date, untimed, for both programs.
"""

from __future__ import annotations

import re
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app_under_test import App, FakeLogind
from session import Child, DesktopSession
from tests.private_bus import private_bus

from measure import Idle, Memory, idle_together, memory, run_time, time_to_icon, time_to_plate

ROOT = Path(__file__).resolve().parents[1]
BARE = [sys.executable, str(ROOT / "bench" / "bare_tray.py")]
CRICKETS = [sys.executable, "-m", "crickets"]
ICON_NAME = {"bare": "Bare", "crickets": "Crickets"}  # each icon window's name in the tray
#: The plate both draw (the bare tray's, and Crickets' calm badge on a light panel).
PLATE = "#263238"
GUIDE = "They haven't called"  # the guide's window title
SOON = ("--at", "2026-12-01 14:00", "--tz", "America/New_York", "--company", "Acme")
START = datetime(2026, 12, 1, 19, 0, tzinfo=UTC)  # SOON's start
GRACE = timedelta(minutes=5)  # the overdue guide opens at start + grace
LAST_HOUR = timedelta(minutes=50)  # the badge counts minutes: a redraw a minute


@dataclass
class Trays:
    """Both trays, started in alternating order, measured alike."""

    starts: dict[str, list[float]] = field(default_factory=dict)
    countdowns: dict[str, list[float]] = field(default_factory=dict)  # to the badge painted
    memory: dict[str, list[Memory]] = field(default_factory=dict)
    idle: dict[str, Idle] = field(default_factory=dict)


def _day_ahead(ahead: timedelta = timedelta(days=1, hours=2)) -> tuple[str, ...]:
    """An interview ``ahead`` of the real now (by default the badge reads 1d throughout)."""
    when = datetime.now(UTC) + ahead
    return ("--at", f"{when:%Y-%m-%d %H:%M}", "--tz", "UTC", "--company", "Acme")


def trays_at_rest(
    desktop: DesktopSession,
    work: Path,
    rounds: int,
    idle_s: float,
    settle_s: float,
    ahead: timedelta = timedelta(days=1, hours=2),
) -> Trays:
    """Start-up to icon and memory ``settle_s`` after start in each round; in the last round
    both trays are then observed idle over the same ``idle_s`` window. Crickets runs as on
    a real desktop: a logind on its system bus, its key in the Secret Service."""
    found = Trays()
    work.mkdir(parents=True, exist_ok=True)
    with private_bus(work) as system_bus, FakeLogind(system_bus):
        app = App(desktop, work, at="2026-12-01 14:00:00", real_keychain=True)
        env = {**app.env(faked=False), "DBUS_SYSTEM_BUS_ADDRESS": system_bus}
        desktop.run([*CRICKETS, "add", *_day_ahead(ahead)], env=env, check=True)
        spawn: dict[str, Callable[[], Child]] = {
            "bare": lambda: desktop.spawn(BARE, name="bare"),
            "crickets": lambda: desktop.spawn(CRICKETS, name="crickets", env=env),
        }
        for index in range(rounds):  # alternate the order, so drift hits both alike
            order = ("bare", "crickets") if index % 2 == 0 else ("crickets", "bare")
            children, started = {}, {}
            for name in order:
                desktop.run(["fc-list"])  # rebuild a font cache a faked clock spoilt, untimed
                up = time_to_icon(desktop, spawn[name], ICON_NAME[name])
                shot = work / f"{name}-icon.png"
                painted = time_to_plate(desktop, up.window, PLATE, up.t0, shot)
                children[name], started[name] = up.child, time.monotonic()
                found.starts.setdefault(name, []).append(up.seconds)
                found.countdowns.setdefault(name, []).append(painted)
            for name in order:
                time.sleep(max(0.0, started[name] + settle_s - time.monotonic()))
                found.memory.setdefault(name, []).append(memory(children[name].pid))
            if index == rounds - 1:
                pids = {name: child.pid for name, child in children.items()}
                found.idle = idle_together(pids, idle_s)
            for child in children.values():
                child.stop()
    return found


def cli_timings(desktop: DesktopSession, work: Path, rounds: int) -> dict[str, list[float]]:
    """Each command once per round, interleaved with the floor, after one untimed warm-up."""
    work.mkdir(parents=True, exist_ok=True)
    app = App(desktop, work, at="2026-12-01 14:00:00", real_keychain=True)
    env = app.env(faked=False)
    desktop.run([*CRICKETS, "add", *_day_ahead()], env=env, check=True)
    commands = {
        "floor": [sys.executable, "-c", "import PySide6.QtCore"],
        "crickets list": [*CRICKETS, "list"],
        "crickets status --json": [*CRICKETS, "status", "--json"],
        "crickets add": [*CRICKETS, "add", *_day_ahead()],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    for index in range(rounds + 1):
        for name, args in commands.items():
            seconds = run_time(args, env)
            if index:  # the first round only warms the caches
                times[name].append(seconds)
    return times


def _shown_at(log: Path, key: str) -> datetime | None:
    """When the app logged ``window shown: <key>`` (its faked wall clock, UTC)."""
    for line in log.read_text().splitlines() if log.exists() else []:
        if f"window shown: {key}" in line:
            stamp = re.match(r"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3})", line)
            if stamp:
                return datetime.strptime(stamp.group(1), "%Y-%m-%d %H:%M:%S,%f").replace(tzinfo=UTC)
    return None


def reminder_latency(desktop: DesktopSession, key: str, moment: datetime) -> float:
    """From a reminder's moment to its window shown (ms), the app started 4 s before it:
    ``key`` names the window in the app's log (``reminder:start:1``, ``havent-called:1``)."""
    with tempfile.TemporaryDirectory() as tmp:
        app = App(desktop, Path(tmp), at="2026-12-01 18:00:00")
        app.add(*SOON)
        app.set_time(f"{moment - timedelta(seconds=4):%Y-%m-%d %H:%M:%S}")
        child = app.start()
        log = app.data / "crickets.log"
        shown = desktop.wait_until(lambda: _shown_at(log, key), timeout=20, what=key)
        child.stop()
    assert shown is not None  # wait_until returns only a found instant
    return (shown - moment).total_seconds() * 1000


def resume_latency(desktop: DesktopSession, with_logind: bool) -> float:
    """From the resume (logind's signal, or only the wall clock jumping) to the guide (s).
    The system bus is a private one, so "without logind" means no logind, whatever the host
    runs."""
    with tempfile.TemporaryDirectory() as tmp, private_bus(Path(tmp)) as address:
        logind = FakeLogind(address) if with_logind else None
        try:
            app = App(desktop, Path(tmp), at="2026-12-01 18:00:00")
            app.add(*SOON)
            app.set_time("2026-12-01 18:30:00")
            child = app.start(extra_env={"DBUS_SYSTEM_BUS_ADDRESS": address})
            app.tray_icon()
            time.sleep(1)
            app.set_time("2026-12-01 19:06:00")
            t0 = time.monotonic()
            if logind is not None:
                logind.wake()
            desktop.find_window(GUIDE, timeout=90)
            seconds = time.monotonic() - t0
            child.stop()
            return seconds
        finally:
            if logind is not None:
                logind.close()
