"""The one way the program learns the time.

The domain never reads the clock itself; callers pass ``now`` or a :class:`Clock`.
:class:`SystemClock` is the real one, :class:`FixedClock` the one tests move by hand.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current instant, timezone-aware, in UTC."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)  # noqa: TID251 — the one sanctioned clock read


class FixedClock:
    """A clock that only moves when told to (tests, benchmarks, ``status --at``)."""

    def __init__(self, start: datetime) -> None:
        self._now = require_aware(start)

    def now(self) -> datetime:
        return self._now

    def set(self, instant: datetime) -> None:
        self._now = require_aware(instant)

    def advance(self, delta: timedelta) -> None:
        self._now = self._now + delta


def require_aware(instant: datetime) -> datetime:
    """Return ``instant`` in UTC; a naive datetime is a programming error."""
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError(f"naive datetime where an instant was required: {instant!r}")
    return instant.astimezone(UTC)
