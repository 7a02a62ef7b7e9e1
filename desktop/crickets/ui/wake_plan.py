"""When the controller's one timer wakes next: the next visible change, the hourly job or the
heartbeat, whichever comes first (docs/decisions/164).

Qt timers run on the monotonic clock, which stops while the machine sleeps, and another
process may write the store at any time. The heartbeat bounds how late either is noticed:
a minute where nothing else reports them, an hour where logind reports each resume and the
command line's reload requests reach the tray. The hourly job (storage's daily snapshot
check) rides on the same timer instead of a second one. No Qt here: the plan is plain
arithmetic on wall-clock instants, tested without an event loop.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

HEARTBEAT = timedelta(seconds=60)  # nothing else would notice a resume or a write
RESTING_HEARTBEAT = timedelta(hours=1)  # logind and the reload requests do
HOURLY = timedelta(hours=1)
PRECISE_WITHIN = timedelta(minutes=2)  # a real change this close gets a precise timer


@dataclass(frozen=True)
class Wake:
    at: datetime
    precise: bool  # a real change close by: on the millisecond, not batched by the system


class WakePlan:
    def __init__(self, heartbeat: timedelta = HEARTBEAT) -> None:
        self.heartbeat = heartbeat
        self._job: Callable[[], None] | None = None
        self._job_at: datetime | None = None  # the last run, or the start

    def rest(self, *, resumes_reported: bool, writes_reported: bool) -> None:
        """An hour's heartbeat when both a resume and a write are reported to the tray;
        otherwise at most a minute."""
        resting = resumes_reported and writes_reported
        self.heartbeat = RESTING_HEARTBEAT if resting else min(self.heartbeat, HEARTBEAT)

    def every_hour(self, job: Callable[[], None]) -> None:
        self._job = job

    def started(self, now: datetime) -> None:
        self._job_at = now  # the first run an hour after the start

    def run_due(self, now: datetime) -> None:
        """Run the hourly job if an hour has passed since its last run."""
        at = self._job_at
        if self._job is None or at is None:
            return
        if now < at:  # the clock was set back: count the hour from here
            self._job_at = now
        elif now - at >= HOURLY:
            self._job_at = now
            self._job()

    def next_wake(self, now: datetime, change: datetime | None) -> Wake:
        """The wake-up after ``now``, given the next visible ``change`` (if any)."""
        candidates = [now + self.heartbeat]
        if change is not None:
            candidates.append(change)
        if self._job is not None and self._job_at is not None:
            candidates.append(max(self._job_at + HOURLY, now))  # overdue: at once
        wake = min(candidates)
        return Wake(wake, wake == change and wake - now < PRECISE_WITHIN)
