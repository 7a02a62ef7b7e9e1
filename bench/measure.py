"""Measuring processes on the private desktop: time to tray icon, memory, idle cost, timing.

Everything is read from /proc or timed from the outside, the same way for the bare tray and
for Crickets.
"""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
POLL_S = 0.005  # how often the tray's window tree is read while waiting for an icon


@dataclass(frozen=True)
class Idle:
    cpu_seconds: float
    wakeups: int
    seconds: float
    threads: dict[str, int] = field(default_factory=dict)  # wake-ups by thread name

    def per_hour(self) -> tuple[float, float]:
        scale = 3600 / self.seconds
        return self.cpu_seconds * scale, self.wakeups * scale


@dataclass(frozen=True)
class Memory:
    """MiB: resident (VmRSS), proportional (Pss) and private (Private_Clean + _Dirty)."""

    rss: float
    pss: float
    private: float


def memory(pid: int) -> Memory:
    status = _fields(Path(f"/proc/{pid}/status"))
    try:  # smaps_rollup: one read, Linux 4.14+
        rollup = _fields(Path(f"/proc/{pid}/smaps_rollup"))
    except OSError:
        rollup = {}
    private = rollup.get("Private_Clean", 0) + rollup.get("Private_Dirty", 0)
    return Memory(status.get("VmRSS", 0) / 1024, rollup.get("Pss", 0) / 1024, private / 1024)


def _fields(path: Path) -> dict[str, int]:
    """``Name:   123 kB`` lines as {name: kB}."""
    fields = {}
    for line in path.read_text().splitlines():
        name, _, rest = line.partition(":")
        parts = rest.split()
        if len(parts) == 2 and parts[1] == "kB" and parts[0].isdigit():
            fields[name] = int(parts[0])
    return fields


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime + stime, all threads


def context_switches(pid: int) -> dict[str, int]:
    """Voluntary switches per thread (``name/tid``): each is a thread going back to sleep
    after waking, so they count wake-ups. (Involuntary ones count preemption instead.)"""
    counts = {}
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            fields = dict(line.split(":", 1) for line in (task / "status").read_text().splitlines())
        except OSError:  # the thread ended meanwhile
            continue
        counts[f"{fields['Name'].strip()}/{task.name}"] = int(fields["voluntary_ctxt_switches"])
    return counts


def idle_together(pids: Mapping[str, int], seconds: float) -> dict[str, Idle]:
    """Observe several processes over the same window (so the same background hits all)."""
    before = {name: (cpu_seconds(pid), context_switches(pid)) for name, pid in pids.items()}
    t0 = time.monotonic()
    time.sleep(seconds)  # a benchmark observing other processes, not a test
    elapsed = time.monotonic() - t0
    result = {}
    for name, pid in pids.items():
        cpu0, switches0 = before[name]
        threads: dict[str, int] = {}
        for thread, n in context_switches(pid).items():
            label = thread.rsplit("/", 1)[0]
            threads[label] = threads.get(label, 0) + n - switches0.get(thread, 0)
        result[name] = Idle(cpu_seconds(pid) - cpu0, sum(threads.values()), elapsed, threads)
    return result


@dataclass(frozen=True)
class Started:
    child: Any
    window: str  # the tray icon's X window
    seconds: float  # from start to the icon embedded in the panel
    t0: float  # time.monotonic() at start


def time_to_icon(
    desktop: Any, start: Callable[[], Any], name: str, timeout: float = 20.0
) -> Started:
    """Start a process and time it until its tray icon (a window named ``name``, inside one
    of trayer's sockets) is embedded in the panel."""
    t0 = time.monotonic()
    child = start()
    deadline = t0 + timeout
    while time.monotonic() < deadline:
        for window in desktop.tray_children():
            if window.name == name:
                return Started(child, window.id, time.monotonic() - t0, t0)
        time.sleep(POLL_S)
    raise TimeoutError(f"{name} never showed a tray icon")


def time_to_plate(
    desktop: Any, window: str, colour: str, since: float, shot: Path, timeout: float = 20.0
) -> float:
    """Seconds from ``since`` until the tray icon ``window`` shows its countdown: ``colour``
    (the badge's plate) covers a fair part of it (a 22 px icon is ~480 pixels). Each look is
    a screenshot and a histogram, so this is exact to about 30 ms, alike for both trays."""
    deadline = since + timeout
    while time.monotonic() < deadline:
        try:
            if desktop.colors(desktop.screenshot(shot, window=window)).get(colour, 0) >= 40:
                return time.monotonic() - since
        except subprocess.CalledProcessError:  # the window went away meanwhile
            pass
    raise TimeoutError(f"window {window} never showed {colour}")


def run_time(args: Sequence[str], env: Mapping[str, str]) -> float:
    """Seconds from start to exit of one command (which must succeed)."""
    t0 = time.monotonic()
    subprocess.run(list(args), env=dict(env), check=True, capture_output=True, timeout=60)
    return time.monotonic() - t0


def median(values: Sequence[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
