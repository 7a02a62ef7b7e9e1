"""``crickets import FILE`` and ``crickets export-ics ID``: calendar invitations.

The invitation use cases (and icalendar with them) are imported inside the handlers, so
``crickets --help`` and every other command start without them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from crickets.commands.clock_format import uses_24h
from crickets.commands.context import CliContext, Subparsers, UsageError
from crickets.commands.file_args import typed_path
from crickets.commands.ics_report import Viewer, describe, report_applied, report_dry_run
from crickets.commands.interview_args import add_reading_options
from crickets.commands.parser import add_command, add_id_argument, add_json_option
from crickets.commands.when import assumption_lines, check_zone, parse_start
from crickets.domain.settings import Settings

if TYPE_CHECKING:
    from crickets.application.invitations import ImportCandidate, Invitation


def register(subparsers: Subparsers) -> None:
    imp = add_command(
        subparsers,
        "import",
        "import an invitation (.ics) from any calendar",
        "Import an invitation from Google Calendar, Outlook, Apple Calendar, Zoom, Teams "
        "or a scheduling tool. An updated invitation moves the same interview; an older "
        "one is ignored; a cancellation is applied once you confirm with --yes.",
    )
    imp.add_argument("file", metavar="FILE", help="the .ics file, or - for standard input")
    imp.add_argument(
        "--dry-run", action="store_true", help="show what would be imported; change nothing"
    )
    add_json_option(imp, "what was (or would be) imported")
    imp.add_argument("--yes", action="store_true", help="confirm a cancellation")
    imp.add_argument(
        "--pick", type=int, metavar="N", help="which event to import when the file has several"
    )
    imp.add_argument(
        "--at",
        metavar="TEXT",
        help='the time, when the invitation has none (an all-day event): "2026-12-10 14:00"',
    )
    imp.add_argument(
        "--tz",
        metavar="ZONE",
        help="the zone --at is in (default: the invitation's, else yours): an IANA name "
        "or an abbreviation such as EST",
    )
    add_reading_options(imp)
    imp.set_defaults(func=run_import)

    export = add_command(
        subparsers,
        "export-ics",
        "write an interview as an .ics file for any calendar",
        "Write an interview as an .ics file that any calendar opens; export again after a "
        "reschedule and the calendar updates the same entry.",
    )
    add_id_argument(export, "the interview to export")
    export.add_argument("--out", metavar="FILE", help="write to FILE instead of the screen")
    export.set_defaults(func=run_export_ics)


def _read(name: str) -> bytes:
    """The file's bytes (``-``: standard input's); a folder or an unreadable file is
    refused in one line by the application layer."""
    from crickets.application.invitations import read_invitation_file, read_invitation_stream

    if name != "-":
        return read_invitation_file(typed_path(name, "import"))
    try:
        return read_invitation_stream(sys.stdin.buffer)
    except OSError as error:
        raise UsageError(f"cannot read {name}: {error.strerror or error}") from None


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
    mine = _viewer(ctx, args)
    for index, event in enumerate(invitation.events, start=1):
        describe(ctx, event, index, total, mine)
    raise UsageError(f"{args.file} has {total} events; choose one with --pick N (1 to {total})")


def _no_store_needed(ctx: CliContext, args: argparse.Namespace) -> bool:
    """A dry run creates no data store: where there is none, it reads defaults."""
    return bool(args.dry_run) and not ctx.session.has_store


def _settings(ctx: CliContext, args: argparse.Namespace) -> Settings:
    return Settings() if _no_store_needed(ctx, args) else ctx.use_cases.book.load_settings()


def _my_zone(ctx: CliContext, args: argparse.Namespace) -> str:
    if _no_store_needed(ctx, args):
        return ctx.session.zones.home_zone(Settings().home_zone)
    return ctx.use_cases.book.my_zone()


def _viewer(ctx: CliContext, args: argparse.Namespace) -> Viewer:
    """The person's zone and clock, for the report."""
    return Viewer(_my_zone(ctx, args), uses_24h(_settings(ctx, args)))


def _reader(ctx: CliContext, args: argparse.Namespace) -> Callable[[bytes], Invitation]:
    """The parser for the person's zone and address (the defaults where no store exists)."""
    from crickets.application.invitations import invitation_reader

    if _no_store_needed(ctx, args):
        return invitation_reader(_my_zone(ctx, args), "", ctx.clock)
    return ctx.use_cases.invitations.reader()


def _with_time(
    candidate: ImportCandidate, args: argparse.Namespace, ctx: CliContext
) -> ImportCandidate:
    mine = _my_zone(ctx, args)
    zone = args.tz if args.tz is not None else candidate.zone or mine
    when = argparse.Namespace(at=args.at, day_first=args.day_first, fold=args.fold)
    parsed = parse_start(when, ctx, zone, mine, _settings(ctx, args))
    for line in assumption_lines(parsed.notes):
        ctx.warn(line)
    return candidate.with_start(parsed.local, parsed.zone)


def run_import(args: argparse.Namespace, ctx: CliContext) -> int:
    from crickets.application.errors import Refused

    if args.tz is not None:  # a zone that is none is refused before the file is read
        check_zone(args.tz, _my_zone(ctx, args), ctx.clock.now().year)
    data = _read(args.file)
    try:
        invitation = _reader(ctx, args)(data)
    except Refused as error:
        raise UsageError(f"{args.file}: {error}") from None
    chosen = _choose(invitation, args, ctx)
    numbers = list(range(1, len(invitation.events) + 1)) if chosen is None else [chosen + 1]
    picked = [invitation.events[n - 1] for n in numbers]
    if args.at is not None:
        picked = [_with_time(e, args, ctx) for e in picked]
    if args.dry_run:
        has_store = ctx.session.has_store
        plans = [ctx.use_cases.invitations.plan(e) if has_store else None for e in picked]
        return report_dry_run(
            ctx,
            args,
            invitation,
            list(zip(numbers, picked, strict=True)),
            plans,
            _viewer(ctx, args),
        )
    candidate = picked[0]
    if not candidate.has_time and not candidate.cancelled:
        example = f"{candidate.day.isoformat()} 14:00" if candidate.day else "2026-12-10 14:00"
        raise UsageError(
            f"“{candidate.title}” has no usable time ({candidate.needs_time}); "
            f'give it with --at "{example}"'
        )
    result = ctx.use_cases.invitations.apply(candidate, data, confirm_cancel=args.yes)
    return report_applied(ctx, args, invitation, candidate, result, _viewer(ctx, args))


def run_export_ics(args: argparse.Namespace, ctx: CliContext) -> int:
    use_cases = ctx.use_cases
    interview = use_cases.book.require(args.id)
    data = use_cases.invitations.export_ics(interview)
    ctx.emit_bytes(data, args.out, f"Wrote #{interview.id} ({interview.title}) to {args.out}")
    return 0
