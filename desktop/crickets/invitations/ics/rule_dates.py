"""The dates of a repeat rule between two dates, at a cost the file cannot choose.

:func:`occurrences` walks the rule's periods (days, weeks, months or years, every
INTERVAL-th) from the caller's first date of interest to its last, and tests each day of
each period against the rule: a day that cannot match is skipped without work, a period
without any match costs only its days, and nothing ever runs past the last date. Every day
tested is charged to the :class:`WorkBudget` of the file being read, so a thousand rules,
or one that never matches, cost a bounded amount and then fail cleanly with a
:class:`~crickets.invitations.ics.recur.RecurrenceError` (issue 15, item 4;
docs/decisions/063-invitation-work-bounds.md).
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime, timedelta

from crickets.invitations.ics.recur import MAX_OCCURRENCES, RecurrenceError, Rule

#: Days tested over every rule of one file: a few hundred per ordinary rule.
FILE_DAYS = 100_000


class WorkBudget:
    """How many days one file may make Crickets test against its repeat rules."""

    def __init__(self, days: int = FILE_DAYS) -> None:
        self.left = days
        self.spent = 0

    def spend(self, days: int = 1) -> None:
        if self.left < days:
            self.left = 0
            raise RecurrenceError("its repeat rules need more work than any invitation does")
        self.left -= days
        self.spent += days


_BUDGET: ContextVar[WorkBudget | None] = ContextVar("crickets_ics_budget", default=None)


@contextmanager
def work_budget(budget: WorkBudget) -> Iterator[WorkBudget]:
    """Charge every day tested inside the block to ``budget``."""
    token = _BUDGET.set(budget)
    try:
        yield budget
    finally:
        _BUDGET.reset(token)


def occurrences(
    rule: Rule, *, until: datetime, since: datetime | None = None
) -> Iterator[datetime]:
    """The rule's occurrences up to ``until`` (naive, inclusive), at most MAX_OCCURRENCES.

    ``since``: occurrences before it are not needed (a rule with COUNT still counts them
    from its start). Raises :class:`RecurrenceError` when the cap or the file's budget is
    reached before ``until``.
    """
    last = min(until, rule.until) if rule.until is not None else until
    skip_to = since if since is not None and rule.count is None else None
    budget = _BUDGET.get() or WorkBudget()
    found = 0
    for days in _periods(rule, skip_to, last.date()):
        budget.spend(len(days))
        for day in days:
            if not _matches(rule, day):
                continue
            occurrence = datetime.combine(day, rule.start.time())
            if occurrence < rule.start:
                continue
            if occurrence > last:
                return
            if found >= MAX_OCCURRENCES:
                raise RecurrenceError(f"it repeats more than {MAX_OCCURRENCES} times")
            found += 1
            yield occurrence
            if rule.count is not None and found >= rule.count:
                return


def _periods(rule: Rule, since: datetime | None, last: date) -> Iterator[list[date]]:
    """The days of each period the rule repeats in, from the one holding ``since`` (or the
    start) to the one holding ``last``; days that cannot match are left out."""
    first = rule.start.date()
    if rule.freq == "DAILY":
        step = rule.interval
        k = max(0, (since.date() - first).days // step) if since else 0
        day = first + timedelta(days=k * step)
        while day <= last:
            yield [day]
            day += timedelta(days=step)
    elif rule.freq == "WEEKLY":
        week = first - timedelta(days=(first.weekday() - rule.week_start) % 7)
        step = 7 * rule.interval
        k = max(0, (since.date() - week).days // step) if since else 0
        week += timedelta(days=k * step)
        wanted = {weekday for weekday, _n in rule.weekdays}
        while week <= last:
            yield [d for d in (week + timedelta(days=i) for i in range(7)) if d.weekday() in wanted]
            week += timedelta(days=step)
    elif rule.freq == "MONTHLY":
        index = first.year * 12 + first.month - 1
        if since:
            index += max(0, (since.year * 12 + since.month - 1 - index) // rule.interval) * (
                rule.interval
            )
        while index // 12 <= last.year:
            year, month = divmod(index, 12)
            if not rule.months or month + 1 in rule.months:
                yield _month_days(year, month + 1)
            index += rule.interval
    else:  # YEARLY
        year = first.year
        if since:
            year += max(0, (since.year - year) // rule.interval) * rule.interval
        while year <= last.year:
            months = rule.months or tuple(range(1, 13))
            yield [d for month in months for d in _month_days(year, month)]
            year += rule.interval


def _month_days(year: int, month: int) -> list[date]:
    if not 1 <= year <= 9999:
        raise RecurrenceError("it repeats beyond the calendar")
    return [date(year, month, day) for day in range(1, calendar.monthrange(year, month)[1] + 1)]


def _matches(rule: Rule, day: date) -> bool:
    if rule.months and day.month not in rule.months:
        return False
    if rule.monthdays:
        length = calendar.monthrange(day.year, day.month)[1]
        if not any(day.day == (n if n > 0 else length + n + 1) for n in rule.monthdays):
            return False
    if rule.weekdays:
        return any(
            weekday == day.weekday() and (n == 0 or _nth(rule, day, n))
            for weekday, n in rule.weekdays
        )
    return True


def _nth(rule: Rule, day: date, n: int) -> bool:
    """Whether ``day`` is the ``n``-th of its weekday in its month (or year); negative
    counts from the end."""
    if rule.ordinal_in_month:
        position, length = day.day, calendar.monthrange(day.year, day.month)[1]
    else:
        position = day.timetuple().tm_yday
        length = 366 if calendar.isleap(day.year) else 365
    index = (position - 1) // 7 + 1 if n > 0 else -((length - position) // 7 + 1)
    return index == n
