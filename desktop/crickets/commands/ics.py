"""``crickets import FILE`` and ``crickets export-ics ID``: calendar invitations.

icalendar is imported inside the handlers, so ``crickets --help`` and every other command
start without it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crickets.commands.context import CliContext, UsageError
from crickets.domain.settings import Settings
from crickets.domain.timefmt import both_zones, echo_text
from crickets.paths import database_path
from crickets.services.system_zone import home_zone

if TYPE_CHECKING:
    from crickets.invitations.ics.apply import ApplyResult
    from crickets.invitations.ics.candidate import ImportCandidate, Invitation


def register(subparsers: Any) -> None:
    imp = subparsers.add_parser("import", help="import an invitation (.ics) from any calendar")
    imp.add_argument("file", metavar="FILE", help="the .ics file, or - for standard input")
    imp.add_argument(
        "--dry-run", action="store_true", help="show what would be imported; change nothing"
    )
    imp.add_argument("--json", action="store_true", help="print the result as JSON")
    imp.add_argument("--yes", action="store_true", help="confirm a cancellation")
    imp.add_argument(
        "--pick", type=int, metavar="N", help="which event to import when the file has several"
    )
    imp.add_argument(
        "--at",
        metavar="TEXT",
        help='the time, when the invitation has none (an all-day event): "2026-12-10 14:00"',
    )
    imp.add_argument("--tz", metavar="ZONE", help="the zone --at is in (default: your zone)")
    imp.set_defaults(func=run_import)

    export = subparsers.add_parser(
        "export-ics", help="write an interview as an .ics file for any calendar"
    )
    export.add_argument("id", type=int)
    export.add_argument("--out", metavar="FILE", help="write to FILE instead of the screen")
    export.set_defaults(func=run_export_ics)


def _read(name: str) -> bytes:
    from crickets.invitations.ics.limits import MAX_BYTES

    try:
        if name == "-":
            return sys.stdin.buffer.read(MAX_BYTES + 1)
        path = Path(name)
        if path.is_dir():
            raise UsageError(f"{name} is a folder; give the .ics file inside it")
        with path.open("rb") as handle:
            return handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise UsageError(f"cannot read {name}: {error.strerror or error}") from None


def _who(candidate: ImportCandidate) -> str:
    email = f"<{candidate.interviewer_email}>" if candidate.interviewer_email else ""
    return " ".join(p for p in (candidate.interviewer_name, email) if p)


def _describe(ctx: CliContext, e: ImportCandidate, index: int, total: int, mine: str) -> None:
    ctx.print(f"Event {index} of {total}: {e.title}")
    rows: list[tuple[str, str]] = []
    if e.start is not None and e.zone is not None:
        rows += [
            ("When", echo_text(e.start, e.zone)),
            ("In UTC", e.start.strftime("%Y-%m-%d %H:%M UTC")),
            ("Your time", both_zones(e.start, mine, mine)),
        ]
    else:
        day = f" (on {e.day.isoformat()})" if e.day else ""
        rows.append(("When", f"needs a time{day}: {e.needs_time}"))
    rows += [
        ("Zone", e.zone or ""),
        ("Length", f"{int(e.duration.total_seconds() // 60)} min"),
        ("Company", e.company),
        ("Role", e.role),
        ("Interviewer", _who(e)),
        ("Phone", e.phone),
        ("Link", f"{e.meeting_link} ({e.link_kind})" if e.meeting_link else ""),
        ("Who calls", e.direction.value),
        ("Status", "CANCELLED by the organiser" if e.cancelled else ""),
        ("Version", f"{e.sequence} ({e.method})" if e.method else str(e.sequence)),
    ]
    for label, value in rows:
        if value:
            ctx.print(f"  {label + ':':<13}{value}")
    for warning in e.warnings:
        ctx.print(f"  {'Warning:':<13}{warning}")


def _choose(invitation: Invitation, args: argparse.Namespace, ctx: CliContext) -> int | None:
    """The index (0-based) of the event to import; None to show them all."""
    total = len(invitation.events)
    if args.pick is not None:
        if not 1 <= args.pick <= total:
            raise UsageError(f"--pick: choose a number from 1 to {total}")
        return int(args.pick) - 1
    if total == 1:
        return 0
    if args.dry_run:
        return None
    mine = _my_zone(ctx, args)
    for index, event in enumerate(invitation.events, start=1):
        _describe(ctx, event, index, total, mine)
    raise UsageError(f"{args.file} has {total} events; choose one with --pick N (1 to {total})")


def _no_store_needed(ctx: CliContext, args: argparse.Namespace) -> bool:
    """A dry run creates no data store: where there is none, it reads defaults."""
    return bool(args.dry_run) and not database_path(ctx.data_dir).exists()


def _settings(ctx: CliContext, args: argparse.Namespace) -> Settings:
    return Settings() if _no_store_needed(ctx, args) else ctx.store.load_settings()


def _my_zone(ctx: CliContext, args: argparse.Namespace) -> str:
    return home_zone(_settings(ctx, args).home_zone)


def _my_email(ctx: CliContext, args: argparse.Namespace) -> str:
    return "" if _no_store_needed(ctx, args) else ctx.store.load_profile().email


def _with_time(candidate: ImportCandidate, args: argparse.Namespace, ctx: CliContext) -> Any:
    from crickets.commands.interview_args import parse_start

    zone = args.tz or candidate.zone or _my_zone(ctx, args)
    when = argparse.Namespace(at=args.at, day_first=None, fold=None)
    parsed = parse_start(when, ctx, zone, settings=_settings(ctx, args))
    return candidate.with_start(parsed.local, parsed.zone)


def run_import(args: argparse.Namespace, ctx: CliContext) -> int:
    from crickets.invitations.ics.apply import apply_import, plan_import
    from crickets.invitations.ics.parse import IcsError, parse_invitation

    data = _read(args.file)
    now = ctx.clock.now()
    mine = _my_zone(ctx, args)
    try:
        invitation = parse_invitation(data, my_zone=mine, now=now, my_email=_my_email(ctx, args))
    except IcsError as error:
        raise UsageError(f"{args.file}: {error.message}") from None
    chosen = _choose(invitation, args, ctx)
    numbers = list(range(1, len(invitation.events) + 1)) if chosen is None else [chosen + 1]
    picked = [invitation.events[n - 1] for n in numbers]
    if args.at:
        picked = [_with_time(e, args, ctx) for e in picked]
    if args.dry_run:
        has_store = database_path(ctx.data_dir).exists()
        plans = [plan_import(ctx.store, e) if has_store else None for e in picked]
        return _report_dry_run(
            ctx, args, invitation, list(zip(numbers, picked, strict=True)), plans, mine
        )
    candidate = picked[0]
    if not candidate.has_time and not candidate.cancelled:
        example = f"{candidate.day.isoformat()} 14:00" if candidate.day else "2026-12-10 14:00"
        raise UsageError(
            f"“{candidate.title}” has no usable time ({candidate.needs_time}); "
            f'give it with --at "{example}"'
        )
    result = apply_import(ctx.store, candidate, data, confirm_cancel=args.yes)
    return _report_applied(ctx, args, invitation, candidate, result, mine)


def _report_dry_run(
    ctx: CliContext,
    args: argparse.Namespace,
    invitation: Invitation,
    picked: list[tuple[int, ImportCandidate]],  # (its number in the file, the event)
    plans: list[ApplyResult | None],
    mine: str,
) -> int:
    if args.json:
        events = []
        for (_number, event), plan in zip(picked, plans, strict=True):
            entry = event.to_dict()
            entry["plan"] = (
                {"outcome": plan.outcome.value, "message": plan.message} if plan else None
            )
            events.append(entry)
        ctx.print_json(
            {
                "file": args.file,
                "dry_run": True,
                "method": invitation.method,
                "warnings": list(invitation.warnings),
                "events": events,
            }
        )
        return 0
    for warning in invitation.warnings:
        ctx.print(f"Warning: {warning}")
    total = len(invitation.events)
    for (number, event), plan in zip(picked, plans, strict=True):
        _describe(ctx, event, number, total, mine)
        if plan is not None:
            ctx.print(f"  {'Would:':<13}{plan.message}")
    ctx.print("Dry run: nothing was changed.")
    return 0


def _report_applied(
    ctx: CliContext,
    args: argparse.Namespace,
    invitation: Invitation,
    candidate: ImportCandidate,
    result: ApplyResult,
    mine: str,
) -> int:
    from crickets.domain.portable import interview_to_dict
    from crickets.invitations.ics.apply import Outcome

    if result.outcome is Outcome.CONFIRM_CANCEL:
        raise UsageError(f"{result.message} Run again with --yes to do so.")
    if result.outcome is Outcome.NEEDS_TIME:
        raise UsageError(f'{result.message} Use --at "2026-12-10 14:00".')
    if args.json:
        ctx.print_json(
            {
                "outcome": result.outcome.value,
                "changed": result.outcome.changes,
                "message": result.message,
                "interview": interview_to_dict(result.interview) if result.interview else None,
                "event": candidate.to_dict(),
                "warnings": [*invitation.warnings, *candidate.warnings],
            }
        )
    else:
        ctx.print(result.message)
        for warning in (*invitation.warnings, *candidate.warnings):
            ctx.print(f"  Warning: {warning}")
    return 1 if result.outcome is Outcome.NOT_FOUND else 0


def run_export_ics(args: argparse.Namespace, ctx: CliContext) -> int:
    from crickets.invitations.ics.export import interview_to_ics, uid_word

    interview = ctx.store.get(args.id)
    if interview is None:
        raise UsageError(f"there is no interview #{args.id}; `crickets list` shows them all")
    data = interview_to_ics(interview, now=ctx.clock.now(), uid_token=uid_word(ctx.store))
    ctx.emit_bytes(data, args.out, f"Wrote #{interview.id} ({interview.title}) to {args.out}")
    return 0
