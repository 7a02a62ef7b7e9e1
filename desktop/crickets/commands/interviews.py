"""``crickets add | edit | list | show | delete`` (list and show print from :mod:`.listing`)."""

from __future__ import annotations

import argparse

from crickets.commands.clock_format import uses_24h
from crickets.commands.context import CliContext, Subparsers
from crickets.commands.interview_args import Built, add_interview_options, build_interview
from crickets.commands.listing import run_list, run_show
from crickets.commands.parser import add_command, add_id_argument, add_json_option
from crickets.commands.past import confirm_not_past
from crickets.commands.when import assumption_lines
from crickets.domain.interview import Interview
from crickets.domain.portable import interview_to_dict
from crickets.domain.timefmt import echo_text


def register(subparsers: Subparsers) -> None:
    add = add_command(
        subparsers,
        "add",
        "add an interview",
        "Add an interview. The time is read as you type it and echoed back in full, with "
        "anything Crickets assumed; a time that is ambiguous, does not exist or has passed "
        "is asked about, never guessed.",
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


def _clock(ctx: CliContext) -> bool:
    return uses_24h(ctx.use_cases.book.load_settings())


def _report_saved(
    verb: str, interview: Interview, built: Built, args: argparse.Namespace, ctx: CliContext
) -> int:
    """The stored interview, then what reading its time assumed: under the echo for a
    person, on stderr beside the JSON for a script (the JSON stays the `interview` shape)."""
    assumed = assumption_lines(built.notes)
    if args.json:
        ctx.print_json(interview_to_dict(interview))
        for line in assumed:
            ctx.warn(line)
        return 0
    ctx.print(f"{verb} #{interview.id}: {interview.title}")
    ctx.print(f"  {echo_text(interview.start, interview.zone, _clock(ctx))}")
    for line in assumed:
        ctx.print(f"  {line}")
    return 0


def run_add(args: argparse.Namespace, ctx: CliContext) -> int:
    built = build_interview(args, ctx, base=None)
    confirm_not_past(built.interview, args, ctx.clock.now(), _clock(ctx))
    return _report_saved("Added", ctx.use_cases.book.add(built.interview), built, args, ctx)


def run_edit(args: argparse.Namespace, ctx: CliContext) -> int:
    book = ctx.use_cases.book
    built = build_interview(args, ctx, base=book.require(args.id))
    if built.typed is not None:  # only a typed time is asked about: an old one stays editable
        confirm_not_past(built.interview, args, ctx.clock.now(), _clock(ctx))
    return _report_saved("Updated", book.update(built.interview), built, args, ctx)


def run_delete(args: argparse.Namespace, ctx: CliContext) -> int:
    interview = ctx.use_cases.book.delete(args.id)
    ctx.print(f"Deleted #{interview.id}: {interview.title}")
    return 0
