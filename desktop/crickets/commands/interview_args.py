"""The options ``add`` and ``edit`` share, and how they become a validated Interview."""

from __future__ import annotations

import argparse
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Any

from crickets.commands.context import CliContext, UsageError
from crickets.commands.past import add_past_option
from crickets.commands.when import check_zone, move_to_zone, parse_start
from crickets.domain import validation
from crickets.domain.interview import Direction, Interview
from crickets.domain.slot_hours import parse_hours
from crickets.domain.zones.rules import ParsedTime

# option -> (Interview field, validator, the name a person knows the field by)
_TEXT_OPTIONS = {
    "company": ("company", validation.single_line, "company"),
    "role": ("role", validation.single_line, "role"),
    "contact": ("interviewer_name", validation.single_line, "interviewer's name"),
    "email": ("interviewer_email", validation.email, "interviewer's email"),
    "phone": ("interviewer_phone", validation.phone, "interviewer's phone"),
    "link": ("meeting_link", validation.link, "meeting link"),
    "my_phone": ("my_phone", validation.phone, "the number you gave them"),
    "notes": ("notes", validation.notes, "notes"),
    "their_hours": ("their_hours", validation.working_hours, "their working hours"),
}


def add_interview_options(parser: argparse.ArgumentParser, *, require_at: bool) -> None:
    parser.add_argument(
        "--at",
        required=require_at,
        metavar="TEXT",
        help='when, as typed: "tomorrow 2pm", "Tue 1 Dec 14:00", "2026-12-01 14:00"',
    )
    parser.add_argument(
        "--tz",
        metavar="ZONE",
        help="the zone the time was agreed in (default: your zone): an IANA name such as "
        "America/New_York, or an abbreviation such as EST, checked against the date",
    )
    add_reading_options(parser)
    parser.add_argument("--company", metavar="NAME", help="the company you are talking to")
    parser.add_argument("--role", metavar="TEXT", help='the job title, e.g. "Data Analyst"')
    parser.add_argument("--contact", metavar="NAME", help="the interviewer's name")
    parser.add_argument("--email", metavar="ADDRESS", help="the interviewer's email")
    parser.add_argument("--phone", metavar="NUMBER", help="the interviewer's phone number")
    directions = ", ".join(d.value for d in Direction)
    parser.add_argument(
        "--direction",
        choices=[d.value for d in Direction],
        metavar="WHO",
        help=f"who starts the call: {directions} (default: they-call)",
    )
    parser.add_argument("--link", metavar="URL", help="meeting link (Zoom, Meet, Teams …)")
    parser.add_argument(
        "--my-phone", dest="my_phone", metavar="NUMBER", help="the number you gave them"
    )
    parser.add_argument("--notes", metavar="TEXT", help="anything to have at hand in the call")
    parser.add_argument(
        "--their-hours",
        dest="their_hours",
        metavar="HH:MM-HH:MM",
        help="the interviewer's working hours on their clock, e.g. 09:00-17:30, for proposing "
        'new times (default: 09:00-17:30 Mon-Fri; "" clears it)',
    )
    parser.add_argument(
        "--duration", type=float, metavar="MINUTES", help="how long it lasts (default: 30)"
    )
    add_past_option(parser)


def add_reading_options(parser: argparse.ArgumentParser) -> None:
    """How to read a typed time that could mean two things (the refusal names these)."""
    parser.add_argument(
        "--fold",
        type=int,
        choices=(0, 1),
        help="for the hour that repeats when clocks go back: 0 the first, 1 the second",
    )
    order = parser.add_mutually_exclusive_group()
    order.add_argument(
        "--day-first",
        dest="day_first",
        action="store_const",
        const=True,
        help='read "04/05" as 4 May (default: as in Settings)',
    )
    order.add_argument(
        "--month-first",
        dest="day_first",
        action="store_const",
        const=False,
        help='read "04/05" as April 5',
    )


@dataclass(frozen=True)
class Built:
    """An interview made from the options, and how its time was read."""

    interview: Interview
    typed: ParsedTime | None  # the time --at gave, if any (asked about when it has passed)
    notes: tuple[str, ...] = ()  # what reading --at or --tz assumed, in plain words


def build_interview(args: argparse.Namespace, ctx: CliContext, base: Interview | None) -> Built:
    """``base`` with every given option applied (a new interview when ``base`` is None)."""
    book = ctx.use_cases.book
    settings = book.load_settings()
    mine = book.my_zone(settings)
    given = args.tz is not None
    if given:
        check_zone(args.tz, mine, ctx.clock.now().year)
    zone = args.tz if given else (base.zone if base else mine)
    parsed = parse_start(args, ctx, zone, mine, settings) if args.at is not None else None
    changes: dict[str, Any] = {}
    for option, (name, check, label) in _TEXT_OPTIONS.items():
        value = getattr(args, option)
        if value is not None:
            try:
                changes[name] = check(label, value)
            except validation.FieldError as error:
                raise UsageError(f"--{option.replace('_', '-')}: {error.problem}") from None
    if "their_hours" in changes:
        hours = changes["their_hours"]
        changes["their_hours"] = parse_hours(hours) if hours else None
    if args.direction:
        changes["direction"] = Direction(args.direction)
    if args.duration is not None:
        try:
            validation.duration_minutes("duration", args.duration)
        except validation.FieldError as error:
            raise UsageError(f"--duration: {error.problem}") from None
        changes["duration"] = timedelta(minutes=args.duration)
    read = parsed
    if given and base and parsed is None:  # the same wall-clock time, in another zone
        read = move_to_zone(base.local_start.replace(fold=0), args.tz, args.fold, mine)
    if read is not None:
        changes["local_start"], changes["zone"] = read.local, read.zone
    notes = read.notes if read else ()
    if base is None:
        if parsed is None:
            raise UsageError("--at is required: when is the interview?")
        return Built(Interview(**changes), parsed, notes)
    return Built(replace(base, **changes), parsed, notes)
