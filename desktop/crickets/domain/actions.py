"""The action log: what the person did about an interview, and when.

It lets a guided window resume after a restart ("14:09 called, no answer") and lets the
person look back. Reminder snoozes and dismissals are logged here too, so they survive a
restart.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from crickets.domain.clock import require_aware
from crickets.domain.timefmt import clock_time


class ActionKind(enum.Enum):
    CALLED = "called"  # detail: "no answer", "wrong number", ...
    VOICEMAIL_LEFT = "voicemail-left"
    EMAIL_COPIED = "email-copied"  # detail: the draft kind
    EMAIL_OPENED = "email-opened"
    EMAIL_SAVED = "email-saved"
    CHECKED = "checked"  # a checklist step ticked; detail: the step id
    THEY_CALLED = "they-called"
    STOPPED_WAITING = "stopped-waiting"
    RESCHEDULED = "rescheduled"  # detail: the new interview id
    OUTCOME = "outcome"  # detail: the Status value recorded
    SNOOZED = "snoozed"  # detail: "<reminder kind> until <ISO instant>"
    DISMISSED = "dismissed"  # detail: the reminder kind
    NOTE = "note"


_LABELS = {
    ActionKind.CALLED: "called",
    ActionKind.VOICEMAIL_LEFT: "voicemail left",
    ActionKind.EMAIL_COPIED: "email copied",
    ActionKind.EMAIL_OPENED: "email opened in the mail app",
    ActionKind.EMAIL_SAVED: "email saved as a draft file",
    ActionKind.CHECKED: "checked",
    ActionKind.THEY_CALLED: "they called",
    ActionKind.STOPPED_WAITING: "stopped waiting",
    ActionKind.RESCHEDULED: "rescheduled",
    ActionKind.OUTCOME: "outcome recorded",
    ActionKind.SNOOZED: "reminder snoozed",
    ActionKind.DISMISSED: "reminder dismissed",
    ActionKind.NOTE: "note",
}


@dataclass(frozen=True)
class Action:
    interview_id: int
    at: datetime  # aware
    kind: ActionKind
    detail: str = ""
    id: int | None = None

    def __post_init__(self) -> None:
        require_aware(self.at)

    def line(self, zone: str) -> str:
        """``2:09 PM called, no answer`` in the person's zone, for the window's log."""
        local = self.at.astimezone(ZoneInfo(zone))
        text = _LABELS[self.kind]
        return (
            f"{clock_time(local)} {text}, {self.detail}"
            if self.detail
            else (f"{clock_time(local)} {text}")
        )
