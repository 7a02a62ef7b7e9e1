"""Turning a reminder's content (data from resources/) into the words a window shows.

Placeholders use :class:`string.Template` safe substitution: text from the interview is
inserted as data, never interpreted, and an unknown ``${name}`` is left as typed.

A reminder's ``again`` entry replaces what it names for a follow-on interview (one that
was rescheduled after a missed call): missed a second time, the advice is to ask them to
call, never to propose more times, as the guide and the second-miss email say.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from string import Template
from typing import Any

from crickets.domain.countdown import relative_text
from crickets.domain.interview import Interview
from crickets.domain.reminders import ReminderKind
from crickets.domain.timefmt import both_zones


@dataclass(frozen=True)
class ReminderText:
    title: str
    text: str
    checks: tuple[str, ...]
    primary: tuple[str, str]  # (action, label)
    extra: tuple[tuple[str, str], ...]  # (action, label)


NOT_RECORDED = "(not recorded: add it to the interview)"


def phone_values(interview: Interview) -> dict[str, str]:
    """Both numbers for reminder and guide texts, saying plainly when one is missing."""
    return {
        "my_phone_or_unknown": interview.my_phone or NOT_RECORDED,
        "interviewer_phone_or_unknown": interview.interviewer_phone or NOT_RECORDED,
    }


def _values(
    interview: Interview, my_zone: str, now: datetime, clock_24h: bool | None
) -> dict[str, str]:
    return {
        "title": interview.title,
        "company": interview.company or "the interviewer",
        "relative": relative_text(interview.start, now),
        "when": both_zones(interview.start, interview.zone, my_zone, clock_24h=clock_24h),
        **phone_values(interview),
    }


def _fill(text: str, values: dict[str, str]) -> str:
    return Template(text).safe_substitute(values)


def for_interview(entry: dict[str, Any], interview: Interview) -> dict[str, Any]:
    """A reminder's content for this interview: its ``again`` variant over it for a
    follow-on interview."""
    again = entry.get("again")
    if interview.is_follow_on and isinstance(again, dict):
        return {**entry, **again}
    return entry


def render_reminder(
    content: dict[str, Any],
    kind: ReminderKind,
    interview: Interview,
    my_zone: str,
    now: datetime,
    *,
    clock_24h: bool | None = None,
) -> ReminderText:
    entry = for_interview(content[kind.value], interview)
    values = _values(interview, my_zone, now, clock_24h)
    hints = content.get("_direction_hints", {})
    values["direction_hint"] = _fill(str(hints.get(interview.direction.value, "")), values)
    labels = content.get("_action_labels", {})
    extra = tuple(
        (action, str(labels.get(action, action)))
        for action in entry.get("extra", [])
        if action != "join" or interview.meeting_link
    )
    action, label = entry["primary"]
    return ReminderText(
        title=_fill(entry["title"], values),
        text=_fill(entry["text"], values),
        checks=tuple(_fill(c, values) for c in entry.get("checks", [])),
        primary=(str(action), _fill(str(label), values)),
        extra=extra,
    )
