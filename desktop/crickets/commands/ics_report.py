"""What ``crickets import`` prints: each event in full, a dry run's plan, the result.

The ``--json`` shapes (``event``, ``planned-event``, ``import-result``) are documented in
docs/cli.md and checked against it by tests/unit/commands/test_json_contract.py.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from typing import TYPE_CHECKING

from crickets.commands.context import CliContext, UsageError
from crickets.commands.exit_codes import ExitCode
from crickets.domain.timefmt import both_zones, echo_text

if TYPE_CHECKING:
    from crickets.application.invitations import ApplyResult, ImportCandidate, Invitation


def _who(candidate: ImportCandidate) -> str:
    email = f"<{candidate.interviewer_email}>" if candidate.interviewer_email else ""
    return " ".join(p for p in (candidate.interviewer_name, email) if p)


@dataclass(frozen=True)
class Viewer:
    """Who reads the report: the person's zone, and whether their clock has 24 hours."""

    zone: str
    clock_24h: bool


def describe(ctx: CliContext, e: ImportCandidate, index: int, total: int, mine: Viewer) -> None:
    ctx.print(f"Event {index} of {total}: {e.title}")
    rows: list[tuple[str, str]] = []
    if e.start is not None and e.zone is not None:
        rows += [
            ("When", echo_text(e.start, e.zone, mine.clock_24h)),
            ("In UTC", e.start.strftime("%Y-%m-%d %H:%M UTC")),
            ("Your time", both_zones(e.start, mine.zone, mine.zone, clock_24h=mine.clock_24h)),
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


def report_dry_run(
    ctx: CliContext,
    args: argparse.Namespace,
    invitation: Invitation,
    picked: list[tuple[int, ImportCandidate]],  # (its number in the file, the event)
    plans: list[ApplyResult | None],
    mine: Viewer,
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
        describe(ctx, event, number, total, mine)
        if plan is not None:
            ctx.print(f"  {'Would:':<13}{plan.message}")
    ctx.print("Dry run: nothing was changed.")
    return 0


def report_applied(
    ctx: CliContext,
    args: argparse.Namespace,
    invitation: Invitation,
    candidate: ImportCandidate,
    result: ApplyResult,
    mine: Viewer,
) -> int:
    from crickets.application.invitations import Outcome
    from crickets.domain.portable import interview_to_dict

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
    return ExitCode.NOT_FOUND if result.outcome is Outcome.NOT_FOUND else ExitCode.OK
