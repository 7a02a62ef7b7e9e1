"""What the tray shows at an instant: which interview, the badge, its tone, the sentences.

Pure, like :mod:`phases`: the UI draws whatever :func:`tray_state` returns and arms its one
timer for :func:`next_display_change`.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from crickets.domain.actions import Action
from crickets.domain.countdown import badge_text, next_badge_change, relative_text
from crickets.domain.interview import Interview
from crickets.domain.phases import Phase, next_change, phase
from crickets.domain.reminders import next_reminder_at
from crickets.domain.settings import Settings
from crickets.domain.timefmt import both_zones, clock_time

#: A call nobody made stays in front of the person this long, so they can still act on it.
WAITED_OUT_VISIBLE = timedelta(hours=12)


class Tone(enum.Enum):
    IDLE = "idle"  # nothing scheduled
    CALM = "calm"  # counting down
    SOON = "soon"  # get-ready time
    NOW = "now"  # the start has passed, within the grace period
    OVERDUE = "overdue"  # nobody called: warning colour
    IN_CALL = "in-call"


_TONES = {
    Phase.UPCOMING: Tone.CALM,
    Phase.CONFIRM_WINDOW: Tone.CALM,
    Phase.GET_READY: Tone.SOON,
    Phase.DUE: Tone.NOW,
    Phase.OVERDUE: Tone.OVERDUE,
    Phase.WAITED_OUT: Tone.OVERDUE,
    Phase.IN_CALL: Tone.IN_CALL,
    Phase.ENDED: Tone.IN_CALL,
}
_PRIORITY = {Tone.IN_CALL: 0, Tone.OVERDUE: 1, Tone.NOW: 1, Tone.SOON: 2, Tone.CALM: 3}


@dataclass(frozen=True)
class TrayState:
    interview_id: int | None
    phase: Phase | None
    tone: Tone
    badge: str  # "42m", "+7m", "" when idle or in a call
    tooltip: str  # a full sentence, both zones when they differ
    status_line: str  # the menu's disabled first line


IDLE = TrayState(None, None, Tone.IDLE, "", "Crickets: nothing scheduled", "No interview scheduled")


def _visible(interview: Interview, settings: Settings, now: datetime) -> Phase | None:
    current = phase(interview, settings, now)
    if current.is_terminal:
        return None
    if current is Phase.WAITED_OUT and now - interview.start > WAITED_OUT_VISIBLE:
        return None
    return current


def focus(interviews: Sequence[Interview], settings: Settings, now: datetime) -> Interview | None:
    """The interview the tray is about: a call in progress, then one running late, then the
    next one to start."""
    ranked = [
        (_PRIORITY[_TONES[p]], i.start, i.id or 0, i)
        for i in interviews
        if (p := _visible(i, settings, now)) is not None
    ]
    return min(ranked, key=lambda r: r[:3])[3] if ranked else None


def _sentence(
    interview: Interview, current: Phase, my_zone: str, now: datetime, clock_24h: bool | None
) -> str:
    when = both_zones(interview.start, interview.zone, my_zone, clock_24h=clock_24h)
    title = interview.title
    if current is Phase.IN_CALL:
        since = (interview.call_started_at or interview.start).astimezone(interview.tzinfo)
        return f"{title}: in the call since {clock_time(since, clock_24h)}"
    if current is Phase.ENDED:
        return f"{title}: the call has ended. How did it go?"
    if current.is_waiting:
        ago = relative_text(interview.start, now)
        inline = both_zones(
            interview.start, interview.zone, my_zone, inline=True, clock_24h=clock_24h
        )
        return f"{title}: started {ago} ({inline}) and nobody has called yet"
    return f"{title}: {relative_text(interview.start, now)}, {when}"


def _status_line(
    interview: Interview, current: Phase, now: datetime, clock_24h: bool | None
) -> str:
    """The tray menu's first line: where things stand first, then which interview, and no
    times in two zones (the tooltip has them), so a narrow menu cuts only the title."""
    if current is Phase.IN_CALL:
        since = (interview.call_started_at or interview.start).astimezone(interview.tzinfo)
        where = f"In the call since {clock_time(since, clock_24h)}"
    elif current is Phase.ENDED:
        where = "The call has ended"
    elif current.is_waiting:
        where = f"Started {relative_text(interview.start, now)}, no call yet"
    else:
        when = relative_text(interview.start, now)
        where = when[:1].upper() + when[1:]
    return f"{where}: {interview.title}"


def tray_state(
    interviews: Sequence[Interview], settings: Settings, my_zone: str, now: datetime
) -> TrayState:
    chosen = focus(interviews, settings, now)
    if chosen is None:
        return IDLE
    current = phase(chosen, settings, now)
    tone = _TONES[current]
    badge = "" if tone is Tone.IN_CALL else badge_text(chosen.start, now)
    sentence = _sentence(chosen, current, my_zone, now, settings.clock_24h)
    status = _status_line(chosen, current, now, settings.clock_24h)
    return TrayState(chosen.id, current, tone, badge, sentence, status)


def next_display_change(
    interviews: Sequence[Interview],
    settings: Settings,
    now: datetime,
    log: Sequence[Action] = (),
    my_zone: str = "UTC",
) -> datetime | None:
    """The earliest instant at which the tray's picture, a phase or a reminder changes."""
    candidates: list[datetime | None] = [next_reminder_at(interviews, settings, now, log, my_zone)]
    for interview in interviews:
        candidates.append(next_change(interview, settings, now))
        if phase(interview, settings, now) is Phase.WAITED_OUT:
            candidates.append(interview.start + WAITED_OUT_VISIBLE)
    chosen = focus(interviews, settings, now)
    if chosen is not None:
        candidates.append(next_badge_change(chosen.start, now))
    future = [c for c in candidates if c is not None and c > now]
    return min(future, default=None)
