"""``crickets list`` and ``crickets show ID``: the interviews, as a person reads them.

Times are in the interviewer's zone with the person's beside it, on the clock the person
uses (:mod:`.clock_format`: their setting, else the locale). Every stored text is shown
escaped (:mod:`.terminal`): a cell is escaped before the columns are measured, so a name
with a control character neither acts on the terminal nor pushes the columns out of line.
Records the store could not read are named on stderr, so none goes missing in silence.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from crickets.commands import table
from crickets.commands.clock_format import uses_24h
from crickets.commands.context import CliContext
from crickets.commands.terminal import visible
from crickets.domain.interview import Interview
from crickets.domain.phases import phase
from crickets.domain.portable import interview_to_dict
from crickets.domain.settings import Settings
from crickets.domain.slot_hours import format_hours
from crickets.domain.timefmt import both_zones, day_text, long_text, my_clock, same_offset

_LABEL = 17  # the width of show's labels ("Number you gave:")


def run_list(args: argparse.Namespace, ctx: CliContext) -> int:
    book = ctx.use_cases.book
    interviews = book.all()
    damaged = book.unreadable_text()
    if args.json:
        ctx.print_json([interview_to_dict(i) for i in interviews])
    elif not interviews and not damaged:
        ctx.print('No interviews yet. Add one: crickets add --at "Tue 2pm" --company Acme')
    elif interviews:
        settings = book.load_settings()
        for line in table.rows(_listing(interviews, settings, book.my_zone(settings), ctx)):
            ctx.print(line)
    if damaged:
        ctx.warn(damaged)
    return 0


def _listing(
    interviews: Sequence[Interview], settings: Settings, mine: str, ctx: CliContext
) -> list[list[str]]:
    """One row per interview; "Your time" is a column of its own, present only when some
    interview is in another zone (so the columns after it stay in line)."""
    now, clock = ctx.clock.now(), uses_24h(settings)
    yours = [
        "" if same_offset(i.start, i.zone, mine) else my_clock(i.start, i.zone, mine, clock)
        for i in interviews
    ]
    mixed = any(yours)
    header = ["#", "When", *(["Your time"] if mixed else []), "Phase", "Interview"]
    body = [
        [
            f"#{interview.id}",
            long_text(interview.start, interview.zone, clock),
            *([mine_at] if mixed else []),
            phase(interview, settings, now).value,
            visible(interview.title),
        ]
        for interview, mine_at in zip(interviews, yours, strict=True)
    ]
    return [header, *body]


def _when(interview: Interview, mine: str, clock_24h: bool) -> str:
    local = interview.start.astimezone(interview.tzinfo)
    both = both_zones(interview.start, interview.zone, mine, clock_24h=clock_24h)
    return f"{day_text(local)}, {both}"


def run_show(args: argparse.Namespace, ctx: CliContext) -> int:
    book = ctx.use_cases.book
    interview = book.require(args.id)
    if args.json:
        ctx.print_json(interview_to_dict(interview))
        return 0
    settings = book.load_settings()
    rows = [
        ("When", _when(interview, book.my_zone(settings), uses_24h(settings))),
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
        ("Their hours", _their_hours(interview)),
        ("Reschedules", f"#{interview.reschedules_id}" if interview.reschedules_id else ""),
    ]
    ctx.print(f"#{interview.id} {interview.title}")
    for label, value in rows:
        if value:
            ctx.print(f"  {label + ':':<{_LABEL}}{value}")
    _print_notes(interview.notes, ctx)
    return 0


def _their_hours(interview: Interview) -> str:
    hours = interview.their_hours
    return f"{format_hours(hours)} their time" if hours else ""


def _print_notes(notes: str, ctx: CliContext) -> None:
    """Notes may hold several lines: each is printed under the first, indented, and only
    a line break starts a new one (a carriage return or escape in them is shown)."""
    if not notes:
        return
    first, *more = notes.split("\n")
    ctx.print(f"  {'Notes:':<{_LABEL}}{first}")
    for line in more:
        ctx.print(f"  {'':<{_LABEL}}{line}")
