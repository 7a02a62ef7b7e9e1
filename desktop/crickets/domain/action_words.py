"""The action log in the person's own words: ``7:09 PM  You called: no answer``.

The log stores short codes (a reminder kind, a draft kind, a step id, an ISO instant) so
that drafts and reminders can read it; a person never sees them. :func:`log_line` is the one
place an entry becomes a sentence, for every window that shows the log.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from zoneinfo import ZoneInfo

from crickets.domain.actions import Action, ActionKind
from crickets.domain.timefmt import clock_time

_REMINDERS = {
    "confirm": "the confirmation reminder",
    "get-ready": "the get-ready reminder",
    "start": "the “it's time” reminder",
    "overdue": "the “they haven't called” reminder",
    "stop-waiting": "the “waited long enough” reminder",
    "how-did-it-go": "the “how did it go?” reminder",
    "thank-you": "the thank-you reminder",
    "nudge": "the reminder to follow up on new times",
}
_MESSAGES = {
    "confirmation": "the confirmation email",
    "follow-up": "the follow-up email",
    "reschedule": "the email with three new times",
    "second-miss": "the email asking them to call you",
    "apology": "the apology email",
    "thank-you": "the thank-you email",
    "nudge": "the gentle reminder email",
    "voicemail": "the voicemail script",
    "callback": "the call-back script",
}
_CALLS = {
    "no answer": "You called: no answer",
    "wrong number": "You called: wrong number",
    "reached": "You called and reached them",
}
_OUTCOMES = {
    "done": "You recorded that the call happened",
    "missed-by-them": "You recorded that they did not call",
    "missed-by-me": "You recorded that you missed their call",
    "cancelled": "You recorded that it was cancelled",
    "rescheduled": "You recorded that it moved to a new time",
    "scheduled": "You set it back to scheduled",
    "in-call": "The call started",
    "stopped waiting: no call": "You stopped waiting: nobody called",
}


class _Words:
    """What one entry needs besides itself: the person's zone, clock and the step titles."""

    def __init__(self, zone: str, clock_24h: bool | None, steps: Mapping[str, str]) -> None:
        self.zone, self.clock_24h, self.steps = ZoneInfo(zone), clock_24h, steps

    def time(self, instant: datetime) -> str:
        return clock_time(instant.astimezone(self.zone), self.clock_24h)

    def instant(self, text: str) -> str:
        """An ISO instant from the log as a time on the person's clock ("" when unreadable)."""
        try:
            parsed = datetime.fromisoformat(text.strip())
        except ValueError:
            return ""
        return self.time(parsed) if parsed.tzinfo is not None else ""

    def snoozed(self, detail: str) -> str:
        kind, _, until = detail.partition(" until ")
        what = _REMINDERS.get(kind, "a reminder")
        when = self.instant(until)
        return f"You snoozed {what} until {when}" if when else f"You snoozed {what}"

    def ticked(self, step_id: str) -> str:
        title = self.steps.get(step_id)
        return f"You ticked off “{title}”" if title else f"You ticked off the step “{step_id}”"

    def late(self, detail: str) -> str:
        when = self.instant(detail)
        moved = f": you moved the start to {when}" if when else ""
        return f"They're running late{moved}"


def _message(detail: str) -> str:
    return _MESSAGES.get(detail, "a message")


def _call_started(detail: str) -> str:
    if detail in ("", "in-call"):
        return "The call started"
    return f"The call started: {detail}"


_SAYINGS: dict[ActionKind, Callable[[_Words, str], str]] = {
    ActionKind.CALLED: lambda _w, d: _CALLS.get(d, f"You called: {d}" if d else "You called"),
    ActionKind.VOICEMAIL_LEFT: lambda _w, _d: "You left a voicemail",
    ActionKind.EMAIL_COPIED: lambda _w, d: f"You copied {_message(d)}",
    ActionKind.EMAIL_OPENED: lambda _w, d: f"You opened {_message(d)} in your mail app",
    ActionKind.EMAIL_SAVED: lambda _w, d: f"You saved {_message(d)} as a draft file",
    ActionKind.CHECKED: lambda w, d: w.ticked(d),
    ActionKind.THEY_CALLED: lambda _w, d: _call_started(d),
    ActionKind.STOPPED_WAITING: lambda _w, _d: "You stopped waiting",
    ActionKind.RESCHEDULED: lambda _w, _d: "You entered the new time you agreed with them",
    ActionKind.OUTCOME: lambda _w, d: _OUTCOMES.get(d, f"You recorded: {d}"),
    ActionKind.SNOOZED: lambda w, d: w.snoozed(d),
    ActionKind.DISMISSED: lambda _w, d: f"You dismissed {_REMINDERS.get(d, 'a reminder')}",
    ActionKind.NOTE: lambda _w, d: f"Your note: {d}",
    ActionKind.RUNNING_LATE: lambda w, d: w.late(d),
    ActionKind.LINK_OPENED: lambda _w, _d: "You opened the meeting link",
}


def log_line(
    action: Action,
    zone: str,
    *,
    clock_24h: bool | None = None,
    step_titles: Mapping[str, str] | None = None,
) -> str:
    """``7:09 PM  You called: no answer``: the entry at its time on the person's clock
    (``zone``), in words. ``step_titles`` names the guide's steps for a ticked-off step."""
    words = _Words(zone, clock_24h, step_titles or {})
    return f"{words.time(action.at)}  {_SAYINGS[action.kind](words, action.detail)}"
