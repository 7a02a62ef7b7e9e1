"""``crickets add | edit | list | show | delete``."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from crickets.commands import table
from crickets.commands.context import CliContext, Subparsers
from crickets.commands.interview_args import add_interview_options, build_interview
from crickets.commands.parser import add_command, add_id_argument, add_json_option
from crickets.commands.past import confirm_not_past
from crickets.domain.interview import Interview
from crickets.domain.phases import phase
from crickets.domain.portable import interview_to_dict
from crickets.domain.settings import Settings
from crickets.domain.timefmt import (
    both_zones,
    day_text,
    echo_text,
    long_text,
    my_clock,
    same_offset,
)


def register(subparsers: Subparsers) -> None:
    add = add_command(
        subparsers,
        "add",
        "add an interview",
        "Add an interview. The time is read as you type it and echoed back in full; a time "
        "that is ambiguous, does not exist or has passed is asked about, never guessed.",
    )
    add_interview_options(add, require_at=True)
    add_json_option(add, "the stored interview")
    add.set_defaults(func=run_add)

    edit = add_command(
        subparsers,
        "edit",
        "change an interview",
        "Change the given fields of an interview; the others stay. --tz alone keeps the "
        "wall-clock time and moves it to another zone.",
    )
    add_id_argument(edit, "the interview to change")
    add_interview_options(edit, require_at=False)
    add_json_option(edit, "the changed interview")
    edit.set_defaults(func=run_edit)

    listing = add_command(
        subparsers,
        "list",
        "every interview, soonest first",
        "List every interview, soonest first, with its time in the interviewer's zone, "
        "yours beside it when they differ, and its phase now.",
    )
    add_json_option(listing, "every interview")
    listing.set_defaults(func=run_list)

    show = add_command(
        subparsers, "show", "one interview in full", "Show every field of one interview."
    )
    add_id_argument(show, "the interview to show")
    add_json_option(show, "the interview")
    show.set_defaults(func=run_show)

    delete = add_command(
        subparsers,
        "delete",
        "delete an interview",
        "Delete an interview and its log. The daily snapshot keeps it "
        "(crickets backups, crickets restore).",
    )
    add_id_argument(delete, "the interview to delete")
    delete.set_defaults(func=run_delete)


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
    confirm_not_past(interview, args, ctx.clock.now())
    return _report_saved("Added", ctx.use_cases.book.add(interview), args, ctx)


def run_edit(args: argparse.Namespace, ctx: CliContext) -> int:
    book = ctx.use_cases.book
    interview, parsed = build_interview(args, ctx, base=book.require(args.id))
    if parsed is not None:  # only a new time is asked about: an old interview may be edited
        confirm_not_past(interview, args, ctx.clock.now())
    return _report_saved("Updated", book.update(interview), args, ctx)


def run_list(args: argparse.Namespace, ctx: CliContext) -> int:
    book = ctx.use_cases.book
    interviews = book.all()
    if args.json:
        ctx.print_json([interview_to_dict(i) for i in interviews])
        return 0
    if not interviews:
        ctx.print('No interviews yet. Add one: crickets add --at "Tue 2pm" --company Acme')
        return 0
    settings = book.load_settings()
    for line in table.rows(_listing(interviews, settings, book.my_zone(settings), ctx)):
        ctx.print(line)
    return 0


def _listing(
    interviews: Sequence[Interview], settings: Settings, mine: str, ctx: CliContext
) -> list[list[str]]:
    """One row per interview; "Your time" is a column of its own, present only when some
    interview is in another zone (so the columns after it stay in line)."""
    now = ctx.clock.now()
    yours = [
        "" if same_offset(i.start, i.zone, mine) else my_clock(i.start, i.zone, mine)
        for i in interviews
    ]
    mixed = any(yours)
    header = ["#", "When", *(["Your time"] if mixed else []), "Phase", "Interview"]
    body = [
        [
            f"#{interview.id}",
            long_text(interview.start, interview.zone),
            *([mine_at] if mixed else []),
            phase(interview, settings, now).value,
            interview.title,
        ]
        for interview, mine_at in zip(interviews, yours, strict=True)
    ]
    return [header, *body]


def run_show(args: argparse.Namespace, ctx: CliContext) -> int:
    book = ctx.use_cases.book
    interview = book.require(args.id)
    if args.json:
        ctx.print_json(interview_to_dict(interview))
        return 0
    rows = [
        ("When", _when(interview, book.my_zone())),
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
    interview = ctx.use_cases.book.delete(args.id)
    ctx.print(f"Deleted #{interview.id}: {interview.title}")
    return 0
