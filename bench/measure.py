"""Measuring a process on the private desktop: time to tray icon, memory, idle cost."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Idle:
    cpu_seconds: float
    wakeups: int
    seconds: float

    def per_hour(self) -> tuple[float, float]:
        scale = 3600 / self.seconds
        return self.cpu_seconds * scale, self.wakeups * scale


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime + stime


def context_switches(pid: int) -> int:
    """Voluntary switches of every thread: each is the thread going to sleep after waking,
    so it counts wake-ups. (Involuntary ones count preemption by other load instead.)"""
    total = 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        for line in (task / "status").read_text().splitlines():
            if line.startswith("voluntary_ctxt_switches"):
                total += int(line.split()[1])
    return total


def idle(pid: int, seconds: float) -> Idle:
    cpu0, sw0, t0 = cpu_seconds(pid), context_switches(pid), time.monotonic()
    time.sleep(seconds)  # a benchmark observing another process, not a test
    return Idle(cpu_seconds(pid) - cpu0, context_switches(pid) - sw0, time.monotonic() - t0)


def time_to_icon(desktop: Any, start: Any, name: str, timeout: float = 20.0) -> tuple[Any, float]:
    """Start a process and time it until its tray icon is embedded in the panel."""
    t0 = time.monotonic()
    child = start()
    deadline = t0 + timeout
    while time.monotonic() < deadline:
        if any(w.name == name for w in desktop.tray_children()):
            return child, time.monotonic() - t0
        time.sleep(0.005)
    raise TimeoutError(f"{name} never showed a tray icon")


def median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
