"""The guide content as it is kept in ``resources/checklists/guides.json``: the steps of each
flow, checked once when they are loaded.

A step has words (title, text, items, details), an ``after`` (minutes past the start, or the
name of a setting such as ``grace``), an ``action`` (the button it offers), the interviews it
is ``only`` for (a video call or a phone call; the first try or a call already moved once),
and the one thing to do ``now`` while it is the next open step. :mod:`crickets.domain.guides`
fills and unfolds them.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from crickets.domain.interview import Direction, Interview
from crickets.domain.settings import Settings

ACTIONS = frozenset(
    {"none", "call", "voicemail", "callback-script", "reschedule", "note", "open-link"}
)
#: What a step may be limited to (``"only"``): who calls whom (``phone`` is either way by
#: phone), and whether this is the first try or a call that was already moved once.
TAGS = frozenset({"phone", "they-call", "i-call", "video", "first", "again"})
#: Tags no interview has together: two steps limited to such a pair never show together, so
#: they may share an id (two wordings of one step, ticked off as one).
_APART = (
    {"first", "again"},
    {"phone", "video"},
    {"they-call", "i-call"},
    {"they-call", "video"},
    {"i-call", "video"},
)


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
    only: frozenset[str] = frozenset()  # shown only for interviews with all these tags
    now: str = ""  # the one thing to do, while this is the next open step
    fallback: bool = False  # ``now`` only when no other step has one to show


def _apart(a: frozenset[str], b: frozenset[str]) -> bool:
    return any(pair <= a | b for pair in _APART)


def load_flow(content: dict[str, Any], flow: Flow) -> tuple[Step, ...]:
    """The flow's steps, checked: ids unique among steps that can show together, known
    actions and tags, lists of text."""
    raw = content.get(flow.value)
    if not isinstance(raw, list) or not raw:
        raise GuideError(f"the guide {flow.value!r} has no steps")
    steps: list[Step] = []
    for entry in raw:
        ident = str(entry.get("id", "")) if isinstance(entry, dict) else ""
        only = _only(ident, entry.get("only", []) if isinstance(entry, dict) else [])
        if not ident or any(s.id == ident and not _apart(s.only, only) for s in steps):
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
                only=only,
                now=str(entry.get("now", "")),
                fallback=bool(entry.get("fallback", False)),
            )
        )
    return tuple(steps)


def _only(ident: str, value: Any) -> frozenset[str]:
    tags = frozenset(str(t) for t in value) if isinstance(value, list) else None
    if tags is None or not tags <= TAGS:
        raise GuideError(f"step {ident!r} is limited to unknown interviews: {value!r}")
    return tags


def tags(interview: Interview) -> frozenset[str]:
    """What ``only`` can ask of an interview."""
    direction = interview.direction
    kind = "video" if direction is Direction.VIDEO else "phone"
    return frozenset({kind, direction.value, "again" if interview.is_follow_on else "first"})


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
