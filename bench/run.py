"""Crickets' benchmarks, each figure against a floor measured in the same run.

Usage: .venv/bin/python bench/run.py [--rounds N] [--idle SECONDS] [--settle SECONDS]
       [--last-hour SECONDS]
       [--no-heartbeat-case]
Writes the Performance section of bench/results.md (between its markers) and prints it.
Needs the desktop-test packages (scripts/install-system-deps.sh) and libfaketime.
The floor is bench/bare_tray.py for the tray and ``python -c "import PySide6.QtCore"`` for
the command line; the cases are in bench/cases.py, the readings in bench/measure.py.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "desktop"))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from session import DesktopSession  # noqa: E402

from cases import (  # noqa: E402
    GRACE,
    LAST_HOUR,
    START,
    Trays,
    cli_timings,
    reminder_latency,
    resume_latency,
    trays_at_rest,
)
from measure import median  # noqa: E402

Row = tuple[str, str, str, str, str, bool | None]


def _spread(values: list[float], scale: float = 1000, unit: str = "ms") -> str:
    return f"{min(values) * scale:.0f} / {median(values) * scale:.0f} {unit}"


def tray_rows(t: Trays) -> list[Row]:
    starts = {name: median(values) for name, values in t.starts.items()}
    ratio = starts["crickets"] / starts["bare"]
    counts = {name: median(values) for name, values in t.countdowns.items()}
    mem = {
        name: {kind: median([getattr(m, kind) for m in ms]) for kind in ("rss", "pss", "private")}
        for name, ms in t.memory.items()
    }
    extra = mem["crickets"]["rss"] - mem["bare"]["rss"]
    (bare_cpu, bare_wake), (cpu, wake) = t.idle["bare"].per_hour(), t.idle["crickets"].per_hour()
    rows: list[Row] = [
        (
            "Start-up to tray icon (min / median)",
            _spread(t.starts["bare"]),
            _spread(t.starts["crickets"]),
            f"{ratio:.2f}x",
            "≤ 1.3x",
            ratio <= 1.3,
        ),
        (
            "Start-up to the countdown painted in the icon (min / median)",
            _spread(t.countdowns["bare"]),
            _spread(t.countdowns["crickets"]),
            f"{counts['crickets'] / counts['bare']:.2f}x",
            "–",
            None,
        ),
        (
            "RSS 60 s after start (median)",
            f"{mem['bare']['rss']:.1f} MiB",
            f"{mem['crickets']['rss']:.1f} MiB",
            f"+{extra:.1f} MiB",
            "≤ +12 MiB",
            extra <= 12,
        ),
    ]
    for kind, label in (("pss", "PSS"), ("private", "Private (clean + dirty)")):
        rows.append(
            (
                f"{label} 60 s after start (median)",
                f"{mem['bare'][kind]:.1f} MiB",
                f"{mem['crickets'][kind]:.1f} MiB",
                f"+{mem['crickets'][kind] - mem['bare'][kind]:.1f} MiB",
                "–",
                None,
            )
        )
    rows += [
        (
            "Wake-ups per hour at rest (voluntary switches, all threads)",
            f"{bare_wake:.0f}",
            f"{wake:.0f}",
            f"+{wake - bare_wake:.0f}",
            "≤ bare + 12",
            wake <= bare_wake + 12,
        ),
        (
            "CPU per hour at rest",
            f"{bare_cpu:.3f} s",
            f"{cpu:.3f} s",
            f"+{cpu - bare_cpu:.3f} s",
            "≤ 0.1 s",
            cpu <= 0.1,
        ),
    ]
    return rows


def last_hour_rows(t: Trays | None) -> list[Row]:
    """In the last hour the badge counts minutes: one redraw a minute is the target (the
    tray redraws only when its text changes: tests/gui/tray); the cost is shown here."""
    if t is None:
        return []
    (_, bare_wake), (cpu, wake) = t.idle["bare"].per_hour(), t.idle["crickets"].per_hour()
    return [
        (
            f"Last hour: wake-ups per hour, CPU per hour ({t.idle['crickets'].seconds:.0f} s)",
            f"{bare_wake:.0f}",
            f"{wake:.0f}, {cpu:.3f} s",
            f"+{wake - bare_wake:.0f}",
            "≤ 1 redraw a minute",
            None,
        )
    ]


def cli_rows(times: dict[str, list[float]]) -> list[Row]:
    floor = times.pop("floor")
    rows: list[Row] = []
    for name, values in times.items():
        ratio = median(values) / median(floor)
        rows.append(
            (
                f"`{name}` (min / median)",
                _spread(floor),
                _spread(values),
                f"{ratio:.2f}x",
                "≤ 1.5x",
                ratio <= 1.5,
            )
        )
    return rows


def latency_rows(
    start_ms: list[float], overdue_ms: list[float], logind_s: float, beat: float | None
) -> list[Row]:
    """The moments' latencies over several starts: judged on the median, the spread shown
    (one reading alone moves by tens of milliseconds with the machine's load)."""
    start, overdue = statistics.median(start_ms), statistics.median(overdue_ms)
    return [
        (
            "Start moment → reminder window shown (median; min–max)",
            "–",
            f"{start:.0f} ms; {min(start_ms):.0f}–{max(start_ms):.0f}",
            "–",
            "< 100 ms",
            start < 100,
        ),
        (
            "Overdue moment → guide window shown (median; min–max)",
            "–",
            f"{overdue:.0f} ms; {min(overdue_ms):.0f}–{max(overdue_ms):.0f}",
            "–",
            "< 100 ms",
            overdue < 100,
        ),
        (
            "Resume (logind signal) → guide window",
            "–",
            f"{logind_s * 1000:.0f} ms",
            "–",
            "< 1 s",
            logind_s < 1,
        ),
        (
            "Resume without logind (minute heartbeat) → guide window",
            "–",
            f"{beat:.1f} s" if beat is not None else "not run",
            "–",
            "< 60 s",
            beat < 60 if beat is not None else None,
        ),
    ]


def report(rows: list[Row], trays: Trays, rounds: int) -> str:
    mark = {True: "met", False: "**not met**", None: ""}
    idle = trays.idle["crickets"]
    threads = ", ".join(f"{name} {n}" for name, n in sorted(idle.threads.items()) if n)
    bare = ", ".join(f"{name} {n}" for name, n in sorted(trays.idle["bare"].threads.items()) if n)
    seconds = idle.seconds
    return "\n".join(
        [
            f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {platform.node() or 'a machine'} "
            f"({platform.machine()}, Python {platform.python_version()}; Xvfb, trayer, D-Bus, "
            "dunst, gnome-keyring as the Secret Service, a stand-in logind on the system bus) "
            f"by `bench/run.py`: {rounds} interleaved rounds (min / median), an interview a day "
            f"ahead, both trays idle over the same {seconds:.0f} s window (scaled to an hour).",
            "",
            "| measure | floor | Crickets | difference | target | |",
            "|---|---|---|---|---|---|",
            *[f"| {a} | {b} | {c} | {d} | {e} | {mark[f]} |" for a, b, c, d, e, f in rows],
            "",
            f"Wake-ups in that window by thread: Crickets {threads or 'none'}; "
            f"the bare tray {bare or 'none'}.",
            "",
            READING,
        ]
    )


READING = """\
Run with `.venv/bin/python bench/run.py` (5 rounds, 600 s idle) on a quiet machine; `--rounds
3 --idle 60` is a quick look. How each figure is taken: docs/decisions/166. At rest, a day
ahead, the tray's only timer waits for the next change of the badge or the hour (164); it
redraws only when the badge changes (165). Without logind the heartbeat stays at a minute,
hence the last row. The Secret Service read, memory and the command line: 160, 161; the
icon shown before the rest loads (so the countdown follows it), no QtNetwork, no import hook,
no SVG engine: 179, 178, 180; the key and the first decryption in a short-lived process,
no event filter on the application, a window's code loaded two minutes before its moment:
181."""


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


def cache_bytecode() -> None:
    """Compile Crickets' modules first, as an installed copy has them (pip compiles a wheel
    at install): where PYTHONDONTWRITEBYTECODE is set (as on CI machines) every start would
    otherwise compile ~300 modules again, about 55 ms a command that no user pays."""
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(ROOT / "desktop")],
        check=True,
        capture_output=True,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds (≥ 5)")
    parser.add_argument("--idle", type=float, default=600.0, help="seconds of idle to observe")
    parser.add_argument("--settle", type=float, default=60.0, help="start to memory reading")
    parser.add_argument(
        "--last-hour", type=float, default=300.0, help="seconds observed 50 min ahead (0: skip)"
    )
    parser.add_argument("--no-heartbeat-case", action="store_true", help="skip the ~60 s case")
    parser.add_argument("--no-write", action="store_true", help="print only; keep results.md")
    args = parser.parse_args()
    cache_bytecode()
    with DesktopSession() as desktop, tempfile.TemporaryDirectory() as tmp:
        trays = trays_at_rest(desktop, Path(tmp) / "trays", args.rounds, args.idle, args.settle)
        last = (
            trays_at_rest(desktop, Path(tmp) / "last", 1, args.last_hour, 10, LAST_HOUR)
            if args.last_hour
            else None
        )
        cli = cli_timings(desktop, Path(tmp) / "cli", args.rounds)
        start_ms = [
            reminder_latency(desktop, "reminder:start:1", START) for _ in range(args.rounds)
        ]
        overdue_ms = [
            reminder_latency(desktop, "havent-called:1", START + GRACE) for _ in range(args.rounds)
        ]
        logind_s = resume_latency(desktop, with_logind=True)
        beat = None if args.no_heartbeat_case else resume_latency(desktop, with_logind=False)
    rows = [*tray_rows(trays), *last_hour_rows(last), *cli_rows(cli)]
    rows += latency_rows(start_ms, overdue_ms, logind_s, beat)
    text = report(rows, trays, args.rounds)
    if not args.no_write:
        write_section(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
