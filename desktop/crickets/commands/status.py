"""``crickets status [--json] [--at ISO] [--all]``: each interview's phase at an instant."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime

from crickets.commands.context import CliContext, Subparsers, UsageError
from crickets.commands.parser import add_command, add_json_option
from crickets.domain.clock import require_aware
from crickets.domain.countdown import badge_text, relative_text
from crickets.domain.interview import Interview
from crickets.domain.phases import next_change, overdue_at, phase, stop_waiting_at
from crickets.domain.settings import Settings
from crickets.domain.zones.rules import quoted

_EARLIEST, _LATEST = datetime(1900, 1, 1, tzinfo=UTC), datetime(3000, 1, 1, tzinfo=UTC)


def register(subparsers: Subparsers) -> None:
    status = add_command(
        subparsers,
        "status",
        "where each interview stands now",
        "Where each interview stands: its phase (upcoming, confirm-window, get-ready, due, "
        "overdue, waited-out, in-call, ended, or the outcome you recorded), the countdown, "
        "and when the phase changes next. Finished interviews are left out unless --all.",
    )
    add_json_option(status, "the instant asked about and each interview's phase")
    status.add_argument(
        "--at", metavar="ISO", help="ask about another instant, e.g. 2026-12-01T19:06:00Z"
    )
    status.add_argument("--all", action="store_true", help="include finished interviews")
    status.set_defaults(func=run)


def parse_instant(text: str) -> datetime:
    """``--at`` as an instant in UTC, between the years 1900 and 2999: beyond them no
    interview is kept, and near datetime's own limits (year 1, year 9999) the conversion to
    UTC and the arithmetic of phases and countdowns would overflow."""
    try:
        instant = require_aware(datetime.fromisoformat(text.strip()))
    except (ValueError, OverflowError):
        raise UsageError(
            f"--at: {quoted(text)} is not an ISO 8601 instant with an offset, "
            "such as 2026-12-01T19:06:00Z or 2026-12-01T14:06:00-05:00"
        ) from None
    if not _EARLIEST <= instant < _LATEST:
        raise UsageError(f"--at: {quoted(text)} is too far off; give an instant from 1900 to 2999")
    return instant


def _iso(instant: datetime | None) -> str | None:
    return instant.isoformat(timespec="seconds") if instant else None


def describe(
    interview: Interview, settings: Settings, now: datetime
) -> dict[str, str | int | None]:
    current = phase(interview, settings, now)
    return {
        "id": interview.id,
        "title": interview.title,
        "company": interview.company,
        "phase": current.value,
        "start": _iso(interview.start),
        "start_local": _iso(interview.start.astimezone(interview.tzinfo)),
        "zone": interview.zone,
        "countdown": badge_text(interview.start, now),
        "overdue_at": _iso(overdue_at(interview, settings)),
        "stop_waiting_at": _iso(stop_waiting_at(interview, settings)),
        "next_change": _iso(next_change(interview, settings, now)),
    }


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    now = parse_instant(args.at) if args.at is not None else ctx.clock.now()
    book = ctx.use_cases.book
    settings = book.load_settings()
    interviews = [i for i in book.all() if args.all or not phase(i, settings, now).is_terminal]
    report = [describe(i, settings, now) for i in interviews]
    if args.json:
        ctx.print_json({"at": _iso(now), "interviews": report})
        return 0
    if not report:
        ctx.print("Nothing scheduled. Add an interview: crickets add --at TEXT --company NAME")
        return 0
    for interview, entry in zip(interviews, report, strict=True):
        when = relative_text(interview.start, now)
        ctx.print(
            f"#{entry['id']:<4} {entry['phase']:<15} {entry['countdown']:>5}  "
            f"{entry['title']} ({when})"
        )
    return 0
