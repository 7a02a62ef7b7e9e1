"""What a reminder window's button asks for, as a typed message rather than a string.

``resources/checklists/reminders.json`` names each button's action in a short word
(``draft:confirmation``, ``outcome:done``, ``they-called`` …). Those words are parsed once,
when the content is read (:mod:`crickets.ui.reminders.content`); from there on the window
and :class:`~crickets.ui.windows.Windows` pass a :class:`ReminderAction` and dispatch on
its kind, never on string prefixes.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from crickets.domain.draft_kinds import DraftKind
from crickets.domain.interview import Status


class ReminderActionKind(enum.Enum):
    DRAFT = "draft"  # open the drafts window on one kind of email
    OUTCOME = "outcome"  # record how the call went
    THEY_CALLED = "they-called"
    HAVENT_CALLED = "havent-called"  # open the guide
    JOIN = "join"  # open the meeting link
    DISMISS = "dismiss"  # nothing more than closing the reminder


_WITH_DRAFT = "draft:"
_WITH_OUTCOME = "outcome:"
_PLAIN = {
    kind.value: kind
    for kind in ReminderActionKind
    if kind not in (ReminderActionKind.DRAFT, ReminderActionKind.OUTCOME)
}


@dataclass(frozen=True)
class ReminderAction:
    kind: ReminderActionKind
    draft: DraftKind | None = None  # with DRAFT
    outcome: Status | None = None  # with OUTCOME

    @classmethod
    def parse(cls, name: str) -> ReminderAction:
        """The action a content file names; ValueError for a word Crickets does not know,
        so a typo in the content fails when it is read, not when the button is pressed."""
        if name.startswith(_WITH_DRAFT):
            return cls(ReminderActionKind.DRAFT, draft=DraftKind(name.removeprefix(_WITH_DRAFT)))
        if name.startswith(_WITH_OUTCOME):
            status = Status(name.removeprefix(_WITH_OUTCOME))
            return cls(ReminderActionKind.OUTCOME, outcome=status)
        if name in _PLAIN:
            return cls(_PLAIN[name])
        raise ValueError(f"unknown reminder action {name!r}")

    @property
    def name(self) -> str:
        """The content file's word for it (also the button's object name suffix)."""
        if self.draft is not None:
            return _WITH_DRAFT + self.draft.value
        if self.outcome is not None:
            return _WITH_OUTCOME + self.outcome.value
        return self.kind.value
