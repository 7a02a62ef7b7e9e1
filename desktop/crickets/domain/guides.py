"""The two guided flows ("They haven't called", "I missed their call") as data that unfolds.

Steps come from ``resources/checklists/guides.json``. A step becomes relevant at
``start + after``; it is done when the action log says so. Everything here is pure: the
window recomputes the views from ``(interview, settings, now, actions)`` on each tick.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from string import Template
from typing import Any
from zoneinfo import ZoneInfo

from crickets.domain.actions import Action, ActionKind
from crickets.domain.countdown import relative_text, remaining
from crickets.domain.followups import EMAILED
from crickets.domain.interview import Direction, Interview
from crickets.domain.phases import stop_waiting_at
from crickets.domain.reminder_text import phone_values
from crickets.domain.settings import Settings
from crickets.domain.timefmt import both_zones, clock_time

ACTIONS = frozenset({"none", "call", "voicemail", "callback-script", "reschedule", "note"})


class Flow(enum.Enum):
    HAVENT_CALLED = "havent-called"
    MISSED_CALL = "missed-call"


class GuideError(ValueError):
    """The guide content is malformed; the message names the step."""


@dataclass(frozen=True)
class Step:
    id: str
    title: str
    text: str
    items: tuple[str, ...] = ()
    details_title: str = ""
    details: tuple[str, ...] = ()
    after: timedelta | str = timedelta(0)  # or the name of a setting: "grace", "min_wait" …
    action: str = "none"


@dataclass(frozen=True)
class StepView:
    step: Step  # placeholders filled
    relevant_from: datetime
    unlocked: bool
    done: bool


def load_flow(content: dict[str, Any], flow: Flow) -> tuple[Step, ...]:
    """The flow's steps, checked: unique ids, known actions, lists of text."""
    raw = content.get(flow.value)
    if not isinstance(raw, list) or not raw:
        raise GuideError(f"the guide {flow.value!r} has no steps")
    steps: list[Step] = []
    for entry in raw:
        ident = str(entry.get("id", "")) if isinstance(entry, dict) else ""
        if not ident or any(s.id == ident for s in steps):
            raise GuideError(f"a step of {flow.value!r} has a missing or repeated id: {ident!r}")
        action = str(entry.get("action", "none"))
        if action not in ACTIONS and not action.startswith("draft:"):
            raise GuideError(f"step {ident!r} has an unknown action {action!r}")
        steps.append(
            Step(
                id=ident,
                title=str(entry["title"]),
                text=str(entry.get("text", "")),
                items=tuple(str(i) for i in entry.get("items", [])),
                details_title=str(entry.get("details_title", "")),
                details=tuple(str(d) for d in entry.get("details", [])),
                after=_after(ident, entry.get("after", 0)),
                action=action,
            )
        )
    return tuple(steps)


#: Step timings that follow the person's settings rather than a fixed number of minutes.
NAMED_AFTER = {
    "grace": lambda s: s.grace,
    "min_wait": lambda s: s.min_wait,
    "stop_waiting": lambda s: s.stop_waiting_after,
}


def _after(ident: str, value: Any) -> timedelta | str:
    if isinstance(value, str):
        if value not in NAMED_AFTER:
            raise GuideError(f"step {ident!r} becomes relevant after an unknown setting {value!r}")
        return value
    try:
        return timedelta(minutes=float(value))
    except (TypeError, ValueError):
        raise GuideError(f"step {ident!r} has an unusable 'after': {value!r}") from None


def relevant_after(step: Step, settings: Settings) -> timedelta:
    """How long after the start ``step`` becomes relevant, under ``settings``."""
    if isinstance(step.after, str):
        offset: timedelta = NAMED_AFTER[step.after](settings)
        return offset
    return step.after


def values(interview: Interview, settings: Settings, my_zone: str) -> dict[str, str]:
    start, stop = interview.start, stop_waiting_at(interview, settings)
    follow_on = interview.is_follow_on
    i_call = interview.direction is Direction.I_CALL

    def both(instant: datetime) -> str:
        return both_zones(instant, interview.zone, my_zone, clock_24h=settings.clock_24h)

    return {
        **phone_values(interview),
        "notes_or_none": interview.notes.splitlines()[0] if interview.notes else "none yet",
        "zone_name": interview.zone,
        "when": both(start),
        "stop_time": both(stop),
        "min_wait_time": both(start + settings.min_wait),
        "call_title": "Call them again" if i_call else "If you have their number, call them",
        "email_kind": "second-miss" if follow_on else "follow-up",
        "email_title": "Ask them to call you" if follow_on else "Then send a short email",
        "email_text": (
            "This was already the second try. Write that you are still keen and ask them to "
            "call you when it suits them, so the next move is theirs."
            if follow_on
            else "Say which call was planned, that you tried to reach them, how long you stay "
            "available, and that you are happy to find another time."
        ),
    }


def _fill(step: Step, filled: dict[str, str]) -> Step:
    def sub(text: str) -> str:
        return Template(text).safe_substitute(filled)

    return Step(
        id=step.id,
        title=sub(step.title),
        text=sub(step.text),
        items=tuple(sub(i) for i in step.items),
        details_title=sub(step.details_title),
        details=tuple(sub(d) for d in step.details),
        after=step.after,
        action=sub(step.action),
    )


_DONE_BY = {
    "call": ActionKind.CALLED,
    "voicemail": ActionKind.VOICEMAIL_LEFT,
    "reschedule": ActionKind.RESCHEDULED,
}


def _completes(action: Action, step: Step) -> bool:
    """Whether a logged action finishes ``step`` (ticked by hand, or its action was taken)."""
    if action.kind is ActionKind.CHECKED:
        return action.detail == step.id
    if step.action.startswith("draft:"):
        return action.kind in EMAILED and action.detail == step.action.removeprefix("draft:")
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
    views = []
    for step in steps:
        shown = _fill(step, filled)
        relevant = interview.start + relevant_after(step, settings)
        done = any(_completes(action, shown) for action in log)
        views.append(StepView(shown, relevant, now >= relevant, done))
    return views


def elapsed_line(interview: Interview, my_zone: str, now: datetime) -> str:
    """``2:07 PM — 7 minutes past the start (2:00 PM EST, 7:00 PM your time)``."""
    mine = clock_time(now.astimezone(ZoneInfo(my_zone)))
    count = remaining(interview.start, now)  # rounded as the badge and the reminders are
    start = both_zones(interview.start, interview.zone, my_zone, inline=True)
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
