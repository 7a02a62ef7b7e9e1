"""The kinds of draft Crickets writes, and how each is named in menus.

Their own module: the tray's menu, the window keys and the reminders' buttons name a kind at
rest, and :mod:`crickets.domain.drafts` (which composes a draft) is loaded only when a
draft is written.
"""

from __future__ import annotations

import enum


class DraftKind(enum.Enum):
    CONFIRMATION = "confirmation"
    FOLLOW_UP = "follow-up"
    RESCHEDULE = "reschedule"
    SECOND_MISS = "second-miss"
    APOLOGY = "apology"
    THANK_YOU = "thank-you"
    NUDGE = "nudge"
    VOICEMAIL = "voicemail"
    CALLBACK = "callback"

    @property
    def is_spoken(self) -> bool:
        """A script to say on the phone: no subject, no recipient, no mail outputs."""
        return self in (DraftKind.VOICEMAIL, DraftKind.CALLBACK)

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    DraftKind.CONFIRMATION: "Confirmation (1–2 hours before)",
    DraftKind.FOLLOW_UP: "Follow-up: they haven't called",
    DraftKind.RESCHEDULE: "Reschedule: three new times",
    DraftKind.SECOND_MISS: "Missed again: ask them to call you",
    DraftKind.APOLOGY: "Apology: I missed their call",
    DraftKind.THANK_YOU: "Thank-you after the interview",
    DraftKind.NUDGE: "Gentle reminder about a new time",
    DraftKind.VOICEMAIL: "Voicemail script (spoken)",
    DraftKind.CALLBACK: "Call-back script (spoken)",
}
