"""The countdown as text: the tray badge (``42m``) and the tooltip sentence.

Minutes are rounded up before the start (with 41.5 minutes left the badge says ``42m``),
and counted whole after it (``+7m`` from seven minutes past). Larger units only ever show
one number, so there is never a ``1h 60m`` and never ``+1440m``.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from crickets.domain.clock import require_aware

_MINUTE = 60
_HOUR = 60  # minutes
_DAY = 24 * 60  # minutes
_CAP_DAYS = 99


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
    start, now = require_aware(start), require_aware(now)
    if now < start:
        left = _minutes_left(start, now)
        return "<1m" if left <= 1 else _compact(left)
    past = _minutes_past(start, now)
    return "now" if past < 1 else "+" + _compact(past)


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
    if now < start:
        left = _minutes_left(start, now)
        if left <= 1:
            return start
        # The text holds while the rounded-up count stays in its bucket; it changes the
        # moment the count drops below the bucket's floor, i.e. when (start - t) <= floor-1.
        floor = max(_bucket_floor(left), 2)
        return start - (floor - 1) * minute
    past = _minutes_past(start, now)
    if past < 1:
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
    start, now = require_aware(start), require_aware(now)
    if now < start:
        left = _minutes_left(start, now)
        return "in less than a minute" if left <= 1 else f"in {_spoken(left)}"
    past = _minutes_past(start, now)
    return "just now" if past < 1 else f"{_spoken(past)} ago"
