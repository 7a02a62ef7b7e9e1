"""The countdown as text: the tray badge (``42m``), the tooltip and reminder sentences.

One rounding rule (:func:`remaining`) feeds every text, so the icon, the tooltip and a
notification never disagree ("2m" beside "in about a minute"): minutes are rounded up
before the start (with 41.5 minutes left the badge says ``42m`` and the sentence
``in 42 min``), and counted whole after it (``+7m``, ``7 min ago`` from seven minutes
past). The badge's larger units only ever show one number, so there is never a ``1h 60m``
and never ``+1440m``; sentences spell the same count out (``in 1 h 12 min``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from crickets.domain.clock import require_aware

_MINUTE = 60
_HOUR = 60  # minutes
_DAY = 24 * 60  # minutes
_CAP_DAYS = 99


@dataclass(frozen=True)
class Remaining:
    """The countdown in whole minutes, as every text shows it."""

    minutes: int  # before the start: rounded up (1 = "less than a minute"); after: whole
    ahead: bool  # the start is still to come

    @property
    def under_a_minute(self) -> bool:
        """Less than a minute to go, or less than a minute gone."""
        return self.minutes <= 1 if self.ahead else self.minutes < 1


def remaining(start: datetime, now: datetime) -> Remaining:
    """The one rounding rule: up before the start, so nobody is late by trusting it."""
    start, now = require_aware(start), require_aware(now)
    if now < start:
        return Remaining(_minutes_left(start, now), ahead=True)
    return Remaining(_minutes_past(start, now), ahead=False)


def _minutes_left(start: datetime, now: datetime) -> int:
    return math.ceil((start - now).total_seconds() / _MINUTE)


def _minutes_past(start: datetime, now: datetime) -> int:
    return math.floor((now - start).total_seconds() / _MINUTE)


def _compact(minutes: int) -> str:
    if minutes < _HOUR:
        return f"{minutes}m"
    if minutes < _DAY:
        return f"{minutes // _HOUR}h"
    return f"{min(minutes // _DAY, _CAP_DAYS)}d"


def badge_text(start: datetime, now: datetime) -> str:
    """``3d``, ``5h``, ``42m``, ``<1m``, ``now``, ``+7m``, ``+2h``, ``+3d``."""
    count = remaining(start, now)
    if count.ahead:
        return "<1m" if count.under_a_minute else _compact(count.minutes)
    return "now" if count.under_a_minute else "+" + _compact(count.minutes)


def _bucket_floor(minutes: int) -> int:
    """The smallest minute count that shows the same compact text as ``minutes``."""
    if minutes < _HOUR:
        return minutes
    if minutes < _DAY:
        return minutes // _HOUR * _HOUR
    if minutes // _DAY >= _CAP_DAYS:
        return _CAP_DAYS * _DAY
    return minutes // _DAY * _DAY


def next_badge_change(start: datetime, now: datetime) -> datetime | None:
    """The first instant after ``now`` at which :func:`badge_text` shows something else.

    ``None`` once the text can no longer change (the day count is capped).
    """
    start, now = require_aware(start), require_aware(now)
    minute = timedelta(minutes=1)
    count = remaining(start, now)
    if count.ahead:
        if count.under_a_minute:
            return start
        # The text holds while the rounded-up count stays in its bucket; it changes the
        # moment the count drops below the bucket's floor, i.e. when (start - t) <= floor-1.
        floor = max(_bucket_floor(count.minutes), 2)
        return start - (floor - 1) * minute
    past = count.minutes
    if count.under_a_minute:
        return start + minute
    if past >= _CAP_DAYS * _DAY:
        return None
    if past < _HOUR:
        return start + (past + 1) * minute
    if past < _DAY:
        return start + (past // _HOUR + 1) * _HOUR * minute
    return start + (past // _DAY + 1) * _DAY * minute


def _spoken(minutes: int) -> str:
    if minutes < _HOUR:
        return f"{minutes} min"
    if minutes < _DAY:
        hours, rest = divmod(minutes, _HOUR)
        return f"{hours} h {rest} min" if rest else f"{hours} h"
    days, rest = divmod(minutes, _DAY)
    hours = rest // _HOUR
    unit = "day" if days == 1 else "days"
    return f"{days} {unit} {hours} h" if hours else f"{days} {unit}"


def relative_text(start: datetime, now: datetime) -> str:
    """For sentences: ``in 1 h 12 min``, ``in less than a minute``, ``7 min ago``."""
    count = remaining(start, now)
    if count.ahead:
        return "in less than a minute" if count.under_a_minute else f"in {_spoken(count.minutes)}"
    return "just now" if count.under_a_minute else f"{_spoken(count.minutes)} ago"
