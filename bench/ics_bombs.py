"""Every hostile invitation shape, at every size up to the limit, accepted or refused in time.

Usage: .venv/bin/python bench/ics_bombs.py [--rounds N] [--budget SECONDS] [--no-write]
Times ``parse_invitation`` (what the import window and ``crickets import`` run) on each
shape of bench/ics_shapes.py at sizes up to ``limits.MAX_BYTES``, keeps the slowest of
``--rounds`` runs per shape, and writes bench/results.md (between the invitation markers).
The target (issue 15, item 4): any invitation up to the size limit is accepted or refused
within 1 s on this machine. A benchmark, not a timed test: machines differ.
"""

from __future__ import annotations

import argparse
import platform
import re
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "desktop"))

from crickets.invitations.ics.limits import MAX_BYTES, IcsError  # noqa: E402
from crickets.invitations.ics.parse import parse_invitation  # noqa: E402
from ics_shapes import SHAPES, sizes  # noqa: E402

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
RESULTS = ROOT / "bench" / "results.md"
START, END = "<!-- invitations:start -->", "<!-- invitations:end -->"


@dataclass(frozen=True)
class Timing:
    shape: str
    size: int  # the slowest size's bytes
    seconds: float
    outcome: str  # "accepted (n events)" or the refusal


def time_one(data: bytes) -> tuple[float, str]:
    started = time.perf_counter()
    try:
        found = parse_invitation(data, my_zone="Europe/London", now=NOW)
        outcome = f"accepted ({len(found.events)} events)"
    except IcsError as error:
        outcome = f"refused: {error.message}"
    return time.perf_counter() - started, outcome


def largest_accepted(shape: str) -> int | None:
    """The largest byte budget of ``shape`` still accepted (just under whichever cap
    refuses it), by bisection: the most work a file of that shape can get in."""
    low, high = 1024, MAX_BYTES
    if not time_one(SHAPES[shape](low))[1].startswith("accepted"):
        return None
    if time_one(SHAPES[shape](high))[1].startswith("accepted"):
        return high
    while high - low > 512:
        middle = (low + high) // 2
        if time_one(SHAPES[shape](middle))[1].startswith("accepted"):
            low = middle
        else:
            high = middle
    return low


def slowest(shape: str, rounds: int) -> Timing:
    worst = Timing(shape, 0, -1.0, "")
    budgets = set(sizes(MAX_BYTES))
    edge = largest_accepted(shape)
    if edge is not None:
        budgets.add(edge)
    for budget in sorted(budgets):
        data = SHAPES[shape](budget)
        seconds, outcome = max(time_one(data) for _ in range(rounds))
        if seconds > worst.seconds:
            worst = Timing(shape, len(data), seconds, outcome)
    return worst


def table(timings: list[Timing], target: float) -> str:
    machine = f"{platform.node()} ({platform.machine()}, {platform.python_version()})"
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    worst = max(t.seconds for t in timings)
    lines = [
        "## Hostile invitations",
        "",
        f"Measured {when} on {machine} by `bench/ics_bombs.py`: each shape of",
        f"`bench/ics_shapes.py` at sizes from 8 KiB up to the {MAX_BYTES // 1024} KiB limit and",
        "at the largest size still accepted (just under the cap that refuses it), the slowest",
        f"shown. Target: any invitation accepted or refused within {target:.0f} s.",
        "",
        "| shape | slowest at | time | of the target | outcome |",
        "|---|---|---|---|---|",
    ]
    for t in sorted(timings, key=lambda t: -t.seconds):
        outcome = t.outcome if len(t.outcome) <= 70 else t.outcome[:69] + "…"
        lines.append(
            f"| {t.shape} | {t.size / 1024:.0f} KiB | {t.seconds * 1000:.0f} ms "
            f"| {t.seconds / target:.2f}x | {outcome} |"
        )
    verdict = "met" if worst <= target else "NOT met"
    lines += ["", f"Slowest: {worst * 1000:.0f} ms, {worst / target:.2f}x the target ({verdict})."]
    return "\n".join(lines)


def write(section: str) -> None:
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    block = f"{START}\n{section}\n{END}"
    if START in text:
        text = re.sub(re.escape(START) + ".*?" + re.escape(END), lambda _: block, text, flags=re.S)
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    RESULTS.write_text(text, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--budget", type=float, default=1.0, help="seconds (default 1)")
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument("shapes", nargs="*", help="only these shapes")
    args = parser.parse_args()
    chosen = args.shapes or list(SHAPES)
    timings = []
    for shape in chosen:
        timing = slowest(shape, args.rounds)
        print(f"{shape:18} {timing.size / 1024:6.0f} KiB {timing.seconds * 1000:7.0f} ms  "
              f"{timing.outcome[:70]}", flush=True)  # fmt: skip
        timings.append(timing)
    section = table(timings, args.budget)
    print(section)
    if not args.no_write and not args.shapes:
        write(section)
    return 0 if max(t.seconds for t in timings) <= args.budget else 1


if __name__ == "__main__":
    sys.exit(main())
