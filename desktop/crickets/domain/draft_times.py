"""Times as a message to the interviewer writes them: in their zone, with the sender's own
clock beside it when the two differ ("2:00 PM EST (7:00 PM GMT my time)").

A message never says "12:00 AM": people read it as either end of the day, so 00:00 is
written "midnight EST at the start of Wednesday 2 December" (noon stays "12:00 PM").

``crickets.domain.timefmt.both_zones`` says "your time" because it speaks to the person
using Crickets; in an email to the interviewer "your time" would mean theirs, so drafts
say "my time" instead.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from crickets.domain.clock import require_aware
from crickets.domain.timefmt import (
    MONTHS,
    WEEKDAYS,
    clock_time,
    is_midnight,
    same_offset,
    zone_label,
)


class TheirClock:
    """Formats instants for a reader in ``their_zone``, as of ``now``."""

    def __init__(
        self, their_zone: str, my_zone: str, now: datetime, clock_24h: bool | None = None
    ) -> None:
        self.their_zone = ZoneInfo(their_zone)
        self.my_zone = ZoneInfo(my_zone)
        self._their_name, self._my_name = their_zone, my_zone
        self.today = require_aware(now).astimezone(self.their_zone).date()
        self.clock_24h = clock_24h

    def _theirs(self, instant: datetime) -> datetime:
        return require_aware(instant).astimezone(self.their_zone)

    def _clock(self, local: datetime) -> str:
        """``2:00 PM EST``, ``midnight EST``: never "12:00 AM"."""
        shown = "midnight" if is_midnight(local) else clock_time(local, self.clock_24h)
        return f"{shown} {zone_label(local)}"

    def _midnight(self, instant: datetime) -> str:
        """``midnight EST at the start of Wednesday 2 December``."""
        return f"{self.time(instant)} at the start of {self.day(instant)}"

    def time(self, instant: datetime) -> str:
        """``2:00 PM EST``; ``midnight EST``."""
        return self._clock(self._theirs(instant))

    def day(self, instant: datetime) -> str:
        """``Tuesday 1 December``, with the year only when it is not this year."""
        local = self._theirs(instant)
        text = f"{WEEKDAYS[local.weekday()]} {local.day} {MONTHS[local.month - 1]}"
        return text if local.year == self.today.year else f"{text} {local.year}"

    def relative_day(self, instant: datetime) -> str:
        """``today``, ``tomorrow``, ``yesterday`` or ``on Tuesday 1 December``."""
        offset = (self._theirs(instant).date() - self.today).days
        named = {0: "today", 1: "tomorrow", -1: "yesterday"}
        return named.get(offset, f"on {self.day(instant)}")

    def when(self, instant: datetime) -> str:
        """``today at 2:00 PM EST``, ``on Thursday 3 December at 10:00 AM EST``; at 00:00
        ``at midnight EST at the start of Wednesday 2 December`` ("tomorrow at midnight"
        would leave the night in doubt)."""
        if is_midnight(self._theirs(instant)):
            return f"at {self._midnight(instant)}"
        return f"{self.relative_day(instant)} at {self.time(instant)}"

    def full(self, instant: datetime) -> str:
        """``Tuesday 1 December at 2:00 PM EST``: no "today" that could be misread; at 00:00
        ``Wednesday 2 December at midnight EST, at the start of that day``."""
        text = f"{self.day(instant)} at {self.time(instant)}"
        if is_midnight(self._theirs(instant)):
            return f"{text}, at the start of that day"
        return text

    def mine_aside(self, instant: datetime) -> str:
        """`` (7:00 PM GMT my time)``, naming the day when it differs; ``""`` when the
        clocks agree."""
        if same_offset(require_aware(instant), self._their_name, self._my_name):
            return ""
        mine = require_aware(instant).astimezone(self.my_zone)
        weekday = WEEKDAYS[mine.weekday()]
        if is_midnight(mine):
            return f" ({self._clock(mine)} at the start of {weekday} my time)"
        day = f"{weekday} " if mine.date() != self._theirs(instant).date() else ""
        return f" ({day}{self._clock(mine)} my time)"

    def slot(self, start: datetime) -> str:
        """``Thursday 3 December, 10:00 AM EST (3:00 PM GMT my time)``."""
        if is_midnight(self._theirs(start)):
            return f"{self._midnight(start)}{self.mine_aside(start)}"
        return f"{self.day(start)}, {self.time(start)}{self.mine_aside(start)}"


def working_days_later(
    start: datetime, days: int, work_days: tuple[int, ...], zone: str
) -> datetime:
    """The same wall-clock time ``days`` working days after ``start`` in ``zone``: when a
    reschedule request that got no answer deserves a gentle nudge (two working days)."""
    local = require_aware(start).astimezone(ZoneInfo(zone)).replace(tzinfo=None)
    counted = 0
    while counted < days:
        local += timedelta(days=1)
        if local.weekday() in work_days:
            counted += 1
    return local.replace(tzinfo=ZoneInfo(zone))
