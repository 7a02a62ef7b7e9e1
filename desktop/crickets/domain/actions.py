"""The action log: what the person did about an interview, and when.

It lets a guided window resume after a restart and lets the person look back; what a draft
says the person did comes from it too. Reminder snoozes and dismissals are logged here as
well, so they survive a restart. :mod:`crickets.domain.action_words` says each entry in the
person's words ("7:09 PM  You called: no answer").
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from crickets.domain.clock import require_aware


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
    RUNNING_LATE = "running-late"  # detail: the new start, ISO 8601 with its offset
    LINK_OPENED = "link-opened"  # the meeting link was opened from Crickets


@dataclass(frozen=True)
class Action:
    interview_id: int
    at: datetime  # aware
    kind: ActionKind
    detail: str = ""
    id: int | None = None

    def __post_init__(self) -> None:
        require_aware(self.at)
