"""The options ``add`` and ``edit`` share, and how they become a validated Interview."""

from __future__ import annotations

import argparse
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from crickets.commands.context import CliContext, UsageError
from crickets.domain import validation
from crickets.domain.interview import Direction, Interview
from crickets.domain.settings import Settings

# The error types and DST checks live in zones.py, which needs no dateutil; the typed-text
# parser (and dateutil's) loads only when a time is actually typed: `crickets` starting the
# tray builds this parser too.
from crickets.domain.zones.rules import AmbiguousTime, ParsedTime, TimeParseError, resolve_local
from crickets.services.system_zone import home_zone

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
        help='when, as typed: "2026-12-01 14:00", "Tue 1 Dec 2pm", "tomorrow 10:30"',
    )
    parser.add_argument(
        "--tz",
        metavar="ZONE",
        help="IANA zone the time was agreed in (default: your zone), e.g. America/New_York",
    )
    parser.add_argument(
        "--fold",
        type=int,
        choices=(0, 1),
        help="for the hour that repeats when clocks go back: 0 first, 1 second",
    )
    order = parser.add_mutually_exclusive_group()
    order.add_argument(
        "--day-first",
        dest="day_first",
        action="store_const",
        const=True,
        help='read "04/05" as 4 May',
    )
    order.add_argument(
        "--month-first",
        dest="day_first",
        action="store_const",
        const=False,
        help='read "04/05" as April 5',
    )
    parser.add_argument("--company")
    parser.add_argument("--role")
    parser.add_argument("--contact", metavar="NAME", help="the interviewer's name")
    parser.add_argument("--email", help="the interviewer's email")
    parser.add_argument("--phone", help="the interviewer's phone number")
    parser.add_argument("--direction", choices=[d.value for d in Direction])
    parser.add_argument("--link", help="meeting link (Zoom, Meet, Teams …)")
    parser.add_argument("--my-phone", dest="my_phone", help="the number you gave them")
    parser.add_argument("--notes")
    parser.add_argument("--duration", type=float, metavar="MINUTES")


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
    settings = settings or ctx.store.load_settings()
    day_first = args.day_first if args.day_first is not None else settings.day_first
    from crickets.domain.timeparse import parse_when

    try:
        return parse_when(
            args.at, zone=zone, now=ctx.clock.now(), day_first=day_first, fold=args.fold
        )
    except AmbiguousTime as question:
        options = "; ".join(choice.echo for choice in question.choices)
        raise UsageError(f"--at: {question.message} It could be: {options}.") from None
    except TimeParseError as error:
        raise UsageError(f"--at: {error.message}") from None


def _resolve(local: datetime, zone: str, fold: int | None) -> ParsedTime:
    """A kept wall-clock time in a new zone: checked like a typed one (DST gap, repeat)."""
    try:
        return resolve_local(local, zone, fold)
    except AmbiguousTime as question:
        options = "; ".join(choice.echo for choice in question.choices)
        raise UsageError(f"--tz: {question.message} It could be: {options}.") from None
    except TimeParseError as error:
        raise UsageError(f"--tz: {error.message}") from None


def build_interview(
    args: argparse.Namespace, ctx: CliContext, base: Interview | None
) -> tuple[Interview, ParsedTime | None]:
    """``base`` with every given option applied (a new interview when ``base`` is None)."""
    settings = ctx.store.load_settings()
    zone = _zone(args.tz) if args.tz else (base.zone if base else home_zone(settings.home_zone))
    parsed = parse_start(args, ctx, zone) if args.at else None
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
