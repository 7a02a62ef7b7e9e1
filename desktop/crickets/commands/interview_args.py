"""The options ``add`` and ``edit`` share, and how they become a validated Interview."""

from __future__ import annotations

import argparse
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from crickets.commands.context import CliContext, UsageError
from crickets.commands.past import add_past_option
from crickets.commands.questions import question_text
from crickets.domain import validation
from crickets.domain.interview import Direction, Interview
from crickets.domain.settings import Settings

# The error types and DST checks live in zones.py, which needs no dateutil; the typed-text
# parser (and dateutil's) loads only when a time is actually typed: `crickets` starting the
# tray builds this parser too.
from crickets.domain.zones.rules import AmbiguousTime, ParsedTime, TimeParseError, resolve_local

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
        help="IANA zone the time was agreed in (default: your zone), e.g. America/New_York",
    )
    add_reading_options(parser)
    parser.add_argument("--company", metavar="NAME", help="the company you are talking to")
    parser.add_argument("--role", metavar="TEXT", help='the job, e.g. "Data analyst"')
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


def _zone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise UsageError(
            f"--tz: {name!r} is not a time zone name; use one like America/New_York"
        ) from None
    return name


def parse_start(
    args: argparse.Namespace, ctx: CliContext, zone: str, settings: Settings | None = None
) -> ParsedTime:
    settings = settings or ctx.use_cases.book.load_settings()
    day_first = args.day_first if args.day_first is not None else settings.day_first
    from crickets.domain.timeparse import parse_when

    try:
        return parse_when(
            args.at, zone=zone, now=ctx.clock.now(), day_first=day_first, fold=args.fold
        )
    except AmbiguousTime as question:
        raise UsageError(question_text(question, "--at")) from None
    except TimeParseError as error:
        raise UsageError(f"--at: {error.message}") from None


def _resolve(local: datetime, zone: str, fold: int | None) -> ParsedTime:
    """A kept wall-clock time in a new zone: checked like a typed one (DST gap, repeat)."""
    try:
        return resolve_local(local, zone, fold)
    except AmbiguousTime as question:
        raise UsageError(question_text(question, "--tz")) from None
    except TimeParseError as error:
        raise UsageError(f"--tz: {error.message}") from None


def build_interview(
    args: argparse.Namespace, ctx: CliContext, base: Interview | None
) -> tuple[Interview, ParsedTime | None]:
    """``base`` with every given option applied (a new interview when ``base`` is None)."""
    book = ctx.use_cases.book
    settings = book.load_settings()
    zone = _zone(args.tz) if args.tz else (base.zone if base else book.my_zone(settings))
    parsed = parse_start(args, ctx, zone, settings) if args.at else None
    changes: dict[str, Any] = {}
    for option, (name, check, label) in _TEXT_OPTIONS.items():
        value = getattr(args, option)
        if value is not None:
            try:
                changes[name] = check(label, value)
            except validation.FieldError as error:
                raise UsageError(f"--{option.replace('_', '-')}: {error.problem}") from None
    if args.direction:
        changes["direction"] = Direction(args.direction)
    if args.duration is not None:
        try:
            validation.duration_minutes("duration", args.duration)
        except validation.FieldError as error:
            raise UsageError(f"--duration: {error.problem}") from None
        changes["duration"] = timedelta(minutes=args.duration)
    if parsed:
        changes["local_start"], changes["zone"] = parsed.local, parsed.zone
    elif args.tz and base:  # the same wall-clock time, agreed in another zone
        moved = _resolve(base.local_start.replace(fold=0), zone, args.fold)
        changes["local_start"], changes["zone"] = moved.local, moved.zone
    if base is None:
        if parsed is None:
            raise UsageError("--at is required: when is the interview?")
        return Interview(**changes), parsed
    return replace(base, **changes), parsed
