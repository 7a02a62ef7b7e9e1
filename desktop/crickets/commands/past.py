"""A time that has already passed is asked about, not stored without a word.

``crickets add --at "2026-12-01 14:00"`` typed a week later would add an interview that is
at once "waited-out": almost always a typo in the date, or an example copied as it was.
The person confirms with ``--past`` (to record an interview that happened, or one under
way that nobody called about).
"""

from __future__ import annotations

import argparse
from datetime import datetime

from crickets.commands.context import UsageError
from crickets.domain.countdown import relative_text
from crickets.domain.interview import Interview
from crickets.domain.timefmt import long_text

PAST_HELP = "the time has passed and that is meant (otherwise a time in the past is refused)"


def add_past_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--past", action="store_true", help=PAST_HELP)


def confirm_not_past(
    interview: Interview, args: argparse.Namespace, now: datetime, clock_24h: bool | None = None
) -> None:
    """Refuse (exit 2) a start before ``now`` unless ``--past`` was given."""
    if args.past or interview.start >= now:
        return
    when = long_text(interview.start, interview.zone, clock_24h)
    raise UsageError(
        f"--at: {when} has passed ({relative_text(interview.start, now)}); "
        "if that is meant, run again with --past"
    )
