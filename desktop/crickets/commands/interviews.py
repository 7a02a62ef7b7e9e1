"""``crickets add | edit | list | show | delete``."""

from __future__ import annotations

import argparse
from typing import Any

from crickets.commands.context import CliContext, UsageError
from crickets.commands.interview_args import add_interview_options, build_interview
from crickets.domain.interview import Interview
from crickets.domain.phases import phase
from crickets.domain.portable import interview_to_dict
from crickets.domain.timefmt import both_zones, day_text, echo_text
from crickets.services.system_zone import home_zone


def register(subparsers: Any) -> None:
    add = subparsers.add_parser("add", help="add an interview")
    add_interview_options(add, require_at=True)
    add.add_argument("--json", action="store_true", help="print the stored interview as JSON")
    add.set_defaults(func=run_add)

    edit = subparsers.add_parser("edit", help="change an interview")
    edit.add_argument("id", type=int)
    add_interview_options(edit, require_at=False)
    edit.add_argument("--json", action="store_true")
    edit.set_defaults(func=run_edit)

    listing = subparsers.add_parser("list", help="every interview, soonest first")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=run_list)

    show = subparsers.add_parser("show", help="one interview in full")
    show.add_argument("id", type=int)
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=run_show)

    delete = subparsers.add_parser("delete", help="delete an interview")
    delete.add_argument("id", type=int)
    delete.set_defaults(func=run_delete)


def _require(ctx: CliContext, interview_id: int) -> Interview:
    interview = ctx.store.get(interview_id)
    if interview is None:
        raise UsageError(f"there is no interview #{interview_id}; `crickets list` shows them all")
    return interview


def _my_zone(ctx: CliContext) -> str:
    return home_zone(ctx.store.load_settings().home_zone)


def _when(interview: Interview, mine: str) -> str:
    local = interview.start.astimezone(interview.tzinfo)
    return f"{day_text(local)}, {both_zones(interview.start, interview.zone, mine)}"


def _report_saved(
    verb: str, interview: Interview, args: argparse.Namespace, ctx: CliContext
) -> int:
    if args.json:
        ctx.print_json(interview_to_dict(interview))
        return 0
    ctx.print(f"{verb} #{interview.id}: {interview.title}")
    ctx.print(f"  {echo_text(interview.start, interview.zone)}")
    return 0


def run_add(args: argparse.Namespace, ctx: CliContext) -> int:
    interview, _ = build_interview(args, ctx, base=None)
    return _report_saved("Added", ctx.store.add(interview), args, ctx)


def run_edit(args: argparse.Namespace, ctx: CliContext) -> int:
    interview, _ = build_interview(args, ctx, base=_require(ctx, args.id))
    ctx.store.update(interview)
    return _report_saved("Updated", _require(ctx, args.id), args, ctx)


def run_list(args: argparse.Namespace, ctx: CliContext) -> int:
    interviews = ctx.store.list()
    if args.json:
        ctx.print_json([interview_to_dict(i) for i in interviews])
        return 0
    if not interviews:
        ctx.print('No interviews yet. Add one: crickets add --at "Tue 2pm" --company Acme')
        return 0
    settings, now = ctx.store.load_settings(), ctx.clock.now()
    mine = home_zone(settings.home_zone)
    for interview in interviews:
        state = phase(interview, settings, now).value
        ctx.print(f"#{interview.id:<4} {_when(interview, mine):<52} {state:<15} {interview.title}")
    return 0


def run_show(args: argparse.Namespace, ctx: CliContext) -> int:
    interview = _require(ctx, args.id)
    if args.json:
        ctx.print_json(interview_to_dict(interview))
        return 0
    rows = [
        ("When", _when(interview, _my_zone(ctx))),
        ("Zone", interview.zone),
        ("Duration", f"{int(interview.duration.total_seconds() // 60)} min"),
        ("Who calls", interview.direction.value),
        ("Status", interview.status.value),
        ("Company", interview.company),
        ("Role", interview.role),
        ("Interviewer", interview.interviewer_name),
        ("Email", interview.interviewer_email),
        ("Phone", interview.interviewer_phone),
        ("Link", interview.meeting_link),
        ("Number you gave", interview.my_phone),
        ("Reschedules", f"#{interview.reschedules_id}" if interview.reschedules_id else ""),
        ("Notes", interview.notes),
    ]
    ctx.print(f"#{interview.id} {interview.title}")
    for label, value in rows:
        if value:
            ctx.print(f"  {label + ':':<17}{value}")
    return 0


def run_delete(args: argparse.Namespace, ctx: CliContext) -> int:
    interview = _require(ctx, args.id)
    ctx.store.delete(args.id)
    ctx.print(f"Deleted #{interview.id}: {interview.title}")
    return 0
