"""Where an interview stands at an instant, and when that next changes (docs/architecture.md, Time).

Both are pure functions of ``(interview, settings, now)``. The UI arms one timer for the
earliest :func:`next_change` and recomputes everything from the wall clock when it fires.
"""

from __future__ import annotations

import enum
from datetime import datetime

from crickets.domain.clock import require_aware
from crickets.domain.interview import Interview, Status
from crickets.domain.settings import Settings


class Phase(enum.Enum):
    UPCOMING = "upcoming"
    CONFIRM_WINDOW = "confirm-window"  # time to send the short confirmation email
    GET_READY = "get-ready"
    DUE = "due"  # the start has passed, within the grace period
    OVERDUE = "overdue"  # nobody called: the guided window is open
    WAITED_OUT = "waited-out"  # past the stop-waiting instant
    IN_CALL = "in-call"
    ENDED = "ended"  # the call's planned end passed; outcome not recorded yet
    DONE = "done"
    MISSED_BY_THEM = "missed-by-them"
    MISSED_BY_ME = "missed-by-me"
    RESCHEDULED = "rescheduled"
    CANCELLED = "cancelled"

    @property
    def is_terminal(self) -> bool:
        return self in _TERMINAL.values()

    @property
    def is_waiting(self) -> bool:
        """Past the start and nobody has called yet."""
        return self in (Phase.DUE, Phase.OVERDUE, Phase.WAITED_OUT)


_TERMINAL = {
    Status.DONE: Phase.DONE,
    Status.MISSED_BY_THEM: Phase.MISSED_BY_THEM,
    Status.MISSED_BY_ME: Phase.MISSED_BY_ME,
    Status.RESCHEDULED: Phase.RESCHEDULED,
    Status.CANCELLED: Phase.CANCELLED,
}


def stop_waiting_at(interview: Interview, settings: Settings) -> datetime:
    return interview.start + settings.stop_waiting_after


def overdue_at(interview: Interview, settings: Settings) -> datetime:
    """When the "They haven't called" window opens by itself."""
    return interview.start + settings.grace


def _boundaries(interview: Interview, settings: Settings) -> list[datetime]:
    """Every instant at which the phase can change, for the interview as recorded."""
    if interview.status is Status.IN_CALL:
        return [interview.end]
    if interview.status is not Status.SCHEDULED:
        return []
    start = interview.start
    return [
        start - settings.confirm_before,
        start - settings.get_ready_before,
        start,
        overdue_at(interview, settings),
        stop_waiting_at(interview, settings),
    ]


def phase(interview: Interview, settings: Settings, now: datetime) -> Phase:
    now = require_aware(now)
    if interview.status in _TERMINAL:
        return _TERMINAL[interview.status]
    if interview.status is Status.IN_CALL:
        return Phase.IN_CALL if now < interview.end else Phase.ENDED
    confirm, ready, start, overdue, stop = _boundaries(interview, settings)
    for boundary, before in (
        (confirm, Phase.UPCOMING),
        (ready, Phase.CONFIRM_WINDOW),
        (start, Phase.GET_READY),
        (overdue, Phase.DUE),
        (stop, Phase.OVERDUE),
    ):
        if now < boundary:
            return before
    return Phase.WAITED_OUT


def next_change(interview: Interview, settings: Settings, now: datetime) -> datetime | None:
    """The first instant after ``now`` at which :func:`phase` gives another answer.

    ``None`` when nothing will change without the person doing something.
    """
    now = require_aware(now)
    current = phase(interview, settings, now)
    for boundary in sorted(_boundaries(interview, settings)):
        if boundary > now and phase(interview, settings, boundary) is not current:
            return boundary
    return None
