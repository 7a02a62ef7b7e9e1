"""``--at`` and ``--tz``: a typed time read in the zone given, asked about, never guessed.

``--tz`` takes what people write: an IANA name, or an abbreviation such as ``EST``, which
:func:`~crickets.domain.zones.arguments.zone_argument` reads as a place *and* a season.
tzdata defines "EST" as a fixed UTC−05:00, so taken as a zone name it would keep a June
interview an hour off New York time without a word; read as people mean it, ``--tz EST``
for a June date is asked about (EST exactly, or New York's summer time), with the way to
answer, and the interview keeps a place (America/New_York), never the fixed offset.

The person's own zone goes to the parser too: "tomorrow" counts from their day, and an
abbreviation with several meanings ("IST") is read as their zone when it shows it. What
the reading assumed (``ParsedTime.notes``) is returned, for the command to print.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import datetime

from crickets.commands.context import CliContext, UsageError
from crickets.commands.questions import question_text
from crickets.domain.settings import Settings
from crickets.domain.zones.arguments import resolve_argument, zone_argument

# The error types and DST checks need no dateutil; the typed-text parser (and dateutil's)
# loads only when a time is actually typed: `crickets` starting the tray builds this
# parser too.
from crickets.domain.zones.rules import AmbiguousTime, ParsedTime, TimeParseError

ASSUMED = "Assumed:"


def check_zone(name: str, my_zone: str, year: int) -> str:
    """``--tz`` as given, once it names a zone (an IANA name or an abbreviation); refused
    in one line otherwise, whatever was typed (300 characters, a path, control codes)."""
    try:
        zone_argument(name, year=year, my_zone=my_zone)
    except TimeParseError as error:
        raise UsageError(f"--tz: {error.message}") from None
    return name


def parse_start(
    args: argparse.Namespace, ctx: CliContext, zone: str, my_zone: str, settings: Settings
) -> ParsedTime:
    """``--at`` read in ``zone`` (``--tz``, the interview's or the person's own)."""
    day_first = args.day_first if args.day_first is not None else settings.day_first
    from crickets.domain.timeparse import parse_when

    try:
        return parse_when(
            args.at,
            zone=zone,
            now=ctx.clock.now(),
            day_first=day_first,
            fold=args.fold,
            my_zone=my_zone,
        )
    except AmbiguousTime as question:
        raise UsageError(question_text(question, "--at")) from None
    except TimeParseError as error:
        raise UsageError(f"--at: {error.message}") from None


def move_to_zone(local: datetime, name: str, fold: int | None, my_zone: str) -> ParsedTime:
    """A kept wall-clock time in the zone ``--tz`` names (``edit --tz`` without ``--at``),
    checked like a typed one: a DST gap refused, a repeated hour or a season asked about."""
    try:
        return resolve_argument(local, name, fold, my_zone=my_zone)
    except AmbiguousTime as question:
        raise UsageError(question_text(question, "--tz")) from None
    except TimeParseError as error:
        raise UsageError(f"--tz: {error.message}") from None


def assumption_lines(notes: Sequence[str]) -> list[str]:
    """``Assumed: IST read as Asia/Kolkata time, your own zone …``, one per assumption."""
    return [f"{ASSUMED} {note}" for note in notes]
