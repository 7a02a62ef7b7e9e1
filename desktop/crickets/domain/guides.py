"""The two guided flows ("They haven't called", "I missed their call") as data that unfolds.

Steps come from ``resources/checklists/guides.json``. A step becomes relevant at
``start + after``; it is done when the action log says so. A step may be only for some
interviews (``only``: a video call or a phone call, the first try or a call that was already
moved once), and may name the one thing to do ``now`` while it is the next open step: the
window shows that line at its top. Everything here is pure: the window recomputes the views
from ``(interview, settings, now, actions)`` on each tick.

The content itself (loading and checking it) is :mod:`crickets.domain.guide_content`; its
names are re-exported here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from string import Template
from zoneinfo import ZoneInfo

from crickets.domain.actions import Action, ActionKind
from crickets.domain.countdown import relative_text, remaining
from crickets.domain.dial_in import dial_in
from crickets.domain.followups import EMAILED
from crickets.domain.guide_content import (
    ACTIONS,
    Flow,
    GuideError,
    Step,
    load_flow,
    relevant_after,
    tags,
)
from crickets.domain.interview import Direction, Interview
from crickets.domain.phases import stop_waiting_at
from crickets.domain.reminder_text import NOT_RECORDED, phone_values
from crickets.domain.settings import Settings
from crickets.domain.timefmt import both_zones, clock_time

__all__ = [
    "ACTIONS",
    "Flow",
    "GuideError",
    "Step",
    "StepView",
    "elapsed_line",
    "load_flow",
    "now_step",
    "step_views",
    "stop_line",
    "values",
]


@dataclass(frozen=True)
class StepView:
    step: Step  # placeholders filled
    relevant_from: datetime
    unlocked: bool
    done: bool


def values(interview: Interview, settings: Settings, my_zone: str) -> dict[str, str]:
    """Every placeholder of the guide content; an empty value leaves out the item (and the
    "now" line) that mentions it."""
    start, stop = interview.start, stop_waiting_at(interview, settings)
    i_call = interview.direction is Direction.I_CALL

    def both(instant: datetime) -> str:
        return both_zones(instant, interview.zone, my_zone, clock_24h=settings.clock_24h)

    return {
        **phone_values(interview),
        "meeting_link_or_unknown": interview.meeting_link or NOT_RECORDED,
        "dial_in": dial_in(interview),
        "notes_or_none": interview.notes.splitlines()[0] if interview.notes else "none yet",
        "zone_name": interview.zone,
        "when": both(start),
        "stop_time": both(stop),
        "min_wait_time": both(start + settings.min_wait),
        "call_title": "Call them again" if i_call else "If you have their number, call them",
        "their_number": interview.interviewer_phone,  # "" leaves out what needs it
    }


def _fill(step: Step, filled: dict[str, str]) -> Step:
    def sub(text: str) -> str:
        return Template(text).safe_substitute(filled)

    def known(text: str) -> bool:
        """Text about a value the interview does not have is left out."""
        return all(filled.get(name) for name in Template(text).get_identifiers())

    return replace(
        step,
        title=sub(step.title),
        text=sub(step.text),
        items=tuple(sub(i) for i in step.items if known(i)),
        details_title=sub(step.details_title),
        details=tuple(sub(d) for d in step.details),
        action=sub(step.action),
        now=sub(step.now) if known(step.now) else "",
    )


_DONE_BY = {
    "call": ActionKind.CALLED,
    "voicemail": ActionKind.VOICEMAIL_LEFT,
    "reschedule": ActionKind.RESCHEDULED,
    "open-link": ActionKind.LINK_OPENED,
}
#: Call results that do not finish the call step: the number has to be found first.
NOT_A_CALL = frozenset({"wrong number"})


def _completes(action: Action, step: Step) -> bool:
    """Whether a logged action finishes ``step`` (ticked by hand, or its action was taken)."""
    if action.kind is ActionKind.CHECKED:
        return action.detail == step.id
    if step.action.startswith("draft:"):
        return action.kind in EMAILED and action.detail == step.action.removeprefix("draft:")
    if action.kind is ActionKind.CALLED and action.detail in NOT_A_CALL:
        return False
    return _DONE_BY.get(step.action) is action.kind


def step_views(
    steps: Sequence[Step],
    interview: Interview,
    settings: Settings,
    my_zone: str,
    now: datetime,
    log: Sequence[Action],
) -> list[StepView]:
    filled = values(interview, settings, my_zone)
    mine = tags(interview)
    views = []
    for step in (s for s in steps if s.only <= mine):
        shown = _fill(step, filled)
        relevant = interview.start + relevant_after(step, settings)
        done = any(_completes(action, shown) for action in log)
        views.append(StepView(shown, relevant, now >= relevant, done))
    return views


def now_step(views: Sequence[StepView]) -> StepView | None:
    """The one thing to do now: the first open step that says so, else a fallback one."""
    open_steps = [v for v in views if v.unlocked and not v.done and v.step.now]
    first = next((v for v in open_steps if not v.step.fallback), None)
    return first or next(iter(open_steps), None)


def elapsed_line(
    interview: Interview, my_zone: str, now: datetime, *, clock_24h: bool | None = None
) -> str:
    """``2:07 PM — 7 minutes past the start (2:00 PM EST, 7:00 PM your time)``."""
    mine = clock_time(now.astimezone(ZoneInfo(my_zone)), clock_24h)
    count = remaining(interview.start, now)  # rounded as the badge and the reminders are
    start = both_zones(interview.start, interview.zone, my_zone, inline=True, clock_24h=clock_24h)
    if count.ahead:
        return f"{mine}: the call is due {relative_text(interview.start, now)} ({start})"
    unit = "minute" if count.minutes == 1 else "minutes"
    return f"{mine}: {count.minutes} {unit} past the start ({start})"


def stop_line(interview: Interview, settings: Settings, my_zone: str, now: datetime) -> str:
    stop = stop_waiting_at(interview, settings)
    when = both_zones(stop, interview.zone, my_zone, clock_24h=settings.clock_24h)
    if now >= stop:
        return f"You have waited long enough (since {when}). You can stop waiting now."
    return f"You can stop waiting at {when}."
