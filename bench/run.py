"""Crickets' benchmarks, each a ratio against a bare PySide6 tray app in the same run.

Usage: .venv/bin/python bench/run.py [--rounds N] [--idle SECONDS] [--no-heartbeat-case]
Writes bench/results.md (between the performance markers) and prints the table.
Needs the desktop-test packages (scripts/install-system-deps.sh) and libfaketime.
"""

from __future__ import annotations

import argparse
import platform
import re
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "desktop"))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from app_under_test import App, FakeLogind  # noqa: E402
from session import DesktopSession  # noqa: E402
from tests.private_bus import private_bus  # noqa: E402

from measure import idle, median, rss_mib, time_to_icon  # noqa: E402

BARE = [sys.executable, str(ROOT / "bench" / "bare_tray.py")]
GUIDE = "Crickets — They haven't called"
DAY_AWAY = ("--at", "2026-12-02 14:00", "--tz", "America/New_York", "--company", "Acme")
SOON = ("--at", "2026-12-01 14:00", "--tz", "America/New_York", "--company", "Acme")


def startup_and_memory(desktop: DesktopSession, rounds: int, idle_s: float) -> dict[str, float]:
    starts = {"bare": [], "crickets": []}  # type: dict[str, list[float]]
    rss = {"bare": [], "crickets": []}  # type: dict[str, list[float]]
    idles = {}
    with tempfile.TemporaryDirectory() as tmp:
        app = App(desktop, Path(tmp), at="2026-12-01 14:00:00")
        app.add(*DAY_AWAY)
        for index in range(rounds):  # alternate, so drift hits both alike
            for name in ("bare", "crickets"):
                start = (lambda: desktop.spawn(BARE, name="bare")) if name == "bare" else app.start
                child, seconds = time_to_icon(
                    desktop, start, "Bare" if name == "bare" else "Crickets"
                )
                time.sleep(2)  # let start-up work settle before reading memory
                starts[name].append(seconds)
                rss[name].append(rss_mib(child.pid))
                if index == rounds - 1:
                    idles[name] = idle(child.pid, idle_s)
                child.stop()
    bare_cpu, bare_wake = idles["bare"].per_hour()
    cpu, wake = idles["crickets"].per_hour()
    return {
        "start_bare_ms": median(starts["bare"]) * 1000,
        "start_crickets_ms": median(starts["crickets"]) * 1000,
        "rss_bare": median(rss["bare"]),
        "rss_crickets": median(rss["crickets"]),
        "idle_cpu_bare": bare_cpu,
        "idle_cpu": cpu,
        "idle_wake_bare": bare_wake,
        "idle_wake": wake,
        "idle_seconds": idles["crickets"].seconds,
    }


def _shown_at(log: Path) -> datetime | None:
    for line in log.read_text().splitlines() if log.exists() else []:
        if "window shown: havent-called" in line:
            stamp = re.match(r"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3})", line)
            if stamp:
                return datetime.strptime(stamp.group(1), "%Y-%m-%d %H:%M:%S,%f").replace(tzinfo=UTC)
    return None


def overdue_latency(desktop: DesktopSession) -> float:
    """From the overdue instant (start + grace, 19:05:00) to the guide window shown (ms)."""
    with tempfile.TemporaryDirectory() as tmp:
        app = App(desktop, Path(tmp), at="2026-12-01 18:00:00")
        app.add(*SOON)
        app.set_time("2026-12-01 19:04:56")
        child = app.start()
        desktop.find_window(GUIDE, timeout=20)
        shown = _shown_at(app.data / "crickets.log")
        child.stop()
    overdue = datetime(2026, 12, 1, 19, 5, tzinfo=UTC)
    return (shown - overdue).total_seconds() * 1000 if shown else float("nan")


def resume_latency(desktop: DesktopSession, with_logind: bool) -> float:
    """From the resume (logind's signal, or the wall clock jumping) to the window visible (s)."""
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


def report(
    r: dict[str, float], overdue_ms: float, logind_s: float, heartbeat_s: float | None
) -> str:
    ratio = r["start_crickets_ms"] / r["start_bare_ms"]
    rows = [
        (
            "Start-up to tray icon shown",
            f"{r['start_bare_ms']:.0f} ms",
            f"{r['start_crickets_ms']:.0f} ms",
            f"{ratio:.2f}x",
            "≤ 1.3x",
        ),
        (
            "Resident memory after start",
            f"{r['rss_bare']:.1f} MiB",
            f"{r['rss_crickets']:.1f} MiB",
            f"+{r['rss_crickets'] - r['rss_bare']:.1f} MiB",
            "≤ +8 MiB",
        ),
        (
            "Idle CPU per hour (interview a day away)",
            f"{r['idle_cpu_bare']:.3f} s",
            f"{r['idle_cpu']:.3f} s",
            f"+{r['idle_cpu'] - r['idle_cpu_bare']:.3f} s",
            "≤ 0.1 s",
        ),
        (
            "Idle wake-ups per hour (voluntary context switches)",
            f"{r['idle_wake_bare']:.0f}",
            f"{r['idle_wake']:.0f}",
            f"+{r['idle_wake'] - r['idle_wake_bare']:.0f}",
            "≤ 70",
        ),
        ("Overdue instant → guide window shown", "–", f"{overdue_ms:.0f} ms", "–", "< 100 ms"),
        ("Resume (logind signal) → guide window", "–", f"{logind_s * 1000:.0f} ms", "–", "< 1 s"),
        (
            "Resume (no logind: heartbeat) → guide window",
            "–",
            f"{heartbeat_s:.1f} s" if heartbeat_s is not None else "not run",
            "–",
            "< 60 s",
        ),
    ]
    lines = [
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {platform.node() or 'this machine'} "
        f"({platform.machine()}, {platform.python_version()}, Xvfb + trayer), "
        f"idle window {r['idle_seconds']:.0f} s scaled to an hour.",
        "",
        "| measure | bare PySide6 tray | Crickets | difference | target |",
        "|---|---|---|---|---|",
        *[f"| {a} | {b} | {c} | {d} | {e} |" for a, b, c, d, e in rows],
    ]
    return "\n".join(lines)


def write_section(text: str) -> None:
    results = ROOT / "bench" / "results.md"
    start, end = "<!-- performance:start -->", "<!-- performance:end -->"
    body = results.read_text() if results.exists() else "# Benchmark results\n"
    block = f"{start}\n## Performance\n\n{text}\n{end}"
    if start in body and end in body:
        body = body[: body.index(start)] + block + body[body.index(end) + len(end) :]
    else:
        body = body.rstrip() + "\n\n" + block + "\n"
    results.write_text(body)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--idle", type=float, default=120.0, help="seconds of idle to observe")
    parser.add_argument(
        "--no-heartbeat-case", action="store_true", help="skip the ~60 s resume case"
    )
    args = parser.parse_args()
    with DesktopSession() as desktop:
        figures = startup_and_memory(desktop, args.rounds, args.idle)
        overdue_ms = overdue_latency(desktop)
        logind_s = resume_latency(desktop, with_logind=True)
        heartbeat_s = None if args.no_heartbeat_case else resume_latency(desktop, with_logind=False)
    text = report(figures, overdue_ms, logind_s, heartbeat_s)
    write_section(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
