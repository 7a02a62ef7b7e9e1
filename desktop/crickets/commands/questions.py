"""What to type next when a time is asked about: the command line's way out of a question.

The domain asks (:class:`AmbiguousTime`, with the readings it could be) in words that fit
both the add window and the terminal; only the command line knows its options, so the
refusal is completed here: ``--day-first``/``--month-first`` for "04/05", ``--fold`` for
the hour that happens twice, and otherwise the first reading typed out exactly (an ISO
date and time is never asked about).
"""

from __future__ import annotations

from crickets.domain.zones.rules import AmbiguousTime, ParsedTime

ORDER_WAY = "say which with --day-first or --month-first"
FOLD_WAY = "say which with --fold 0 (the first) or --fold 1 (the second)"


def question_text(question: AmbiguousTime, option: str) -> str:
    """One line: the question, its readings, and the options that answer it."""
    readings = "; ".join(choice.echo for choice in question.choices)
    return f"{option}: {question.message} It could be: {readings}. {way_out(question)}."


def way_out(question: AmbiguousTime) -> str:
    choices = question.choices
    if len(choices) == 2 and _same_wall_clock(*choices):
        return f"To go on, {FOLD_WAY}"
    if len(choices) == 2 and _day_month_swapped(*choices):
        return f"To go on, {ORDER_WAY}"
    return f"To go on, type the one you mean exactly, e.g. {_typed(choices[0])}"


def _same_wall_clock(a: ParsedTime, b: ParsedTime) -> bool:
    """The repeated hour: one wall-clock time in one zone, two instants."""
    return a.zone == b.zone and a.local.replace(fold=0) == b.local.replace(fold=0)


def _day_month_swapped(a: ParsedTime, b: ParsedTime) -> bool:
    first, second = a.local.date(), b.local.date()
    return first != second and (first.day, first.month) == (second.month, second.day)


def _typed(choice: ParsedTime) -> str:
    """``--at "2026-11-27 00:00" --tz Europe/London``: read exactly, asked nothing. Also
    the answer to a question about ``--tz`` alone ("EST" for a June date): the time and
    the zone typed out are what ``edit`` and ``import`` take too."""
    return f'--at "{choice.local.strftime("%Y-%m-%d %H:%M")}" --tz {choice.zone}'
