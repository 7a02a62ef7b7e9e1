"""Times as a message to the interviewer writes them: in their zone, with the sender's own
clock beside it when the two differ ("2:00 PM EST (7:00 PM GMT my time)").

``crickets.domain.timefmt.both_zones`` says "your time" because it speaks to the person
using Crickets; in an email to the interviewer "your time" would mean theirs, so drafts
say "my time" instead.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from crickets.domain.clock import require_aware
from crickets.domain.timefmt import MONTHS, WEEKDAYS, clock_time, same_offset, zone_label


class TheirClock:
    """Formats instants for a reader in ``their_zone``, as of ``now``."""

    def __init__(self, their_zone: str, my_zone: str, now: datetime) -> None:
        self.their_zone = ZoneInfo(their_zone)
        self.my_zone = ZoneInfo(my_zone)
        self._their_name, self._my_name = their_zone, my_zone
        self.today = require_aware(now).astimezone(self.their_zone).date()

    def _theirs(self, instant: datetime) -> datetime:
        return require_aware(instant).astimezone(self.their_zone)

    def time(self, instant: datetime) -> str:
        """``2:00 PM EST``."""
        local = self._theirs(instant)
        return f"{clock_time(local)} {zone_label(local)}"

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
        """``today at 2:00 PM EST``, ``on Thursday 3 December at 10:00 AM EST``."""
        return f"{self.relative_day(instant)} at {self.time(instant)}"

    def full(self, instant: datetime) -> str:
        """``Tuesday 1 December at 2:00 PM EST``: no "today" that could be misread."""
        return f"{self.day(instant)} at {self.time(instant)}"

    def mine_aside(self, instant: datetime) -> str:
        """`` (7:00 PM GMT my time)``, naming the day when it differs; ``""`` when the
        clocks agree."""
        if same_offset(require_aware(instant), self._their_name, self._my_name):
            return ""
        mine = require_aware(instant).astimezone(self.my_zone)
        day = ""
        if mine.date() != self._theirs(instant).date():
            day = f"{WEEKDAYS[mine.weekday()]} "
        return f" ({day}{clock_time(mine)} {zone_label(mine)} my time)"

    def slot(self, start: datetime) -> str:
        """``Thursday 3 December, 10:00 AM EST (3:00 PM GMT my time)``."""
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
