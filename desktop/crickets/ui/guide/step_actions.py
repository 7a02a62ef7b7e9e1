"""What a guide step offers, and what pressing one of its buttons asks for, as typed values.

``resources/checklists/guides.json`` names each step's action in a short word (``call``,
``voicemail``, ``draft:${email_kind}`` …). :func:`crickets.domain.guides.step_views` fills
the placeholders for the interview; the window then parses each word once, into a
:class:`StepAction`, when it builds the step. A pressed button travels from the step to the
window as a :class:`StepRequest`, and the window dispatches on its kind, never on a string.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from crickets.domain.drafts import DraftKind


class StepActionKind(enum.Enum):
    NONE = "none"  # words to read, and a box to tick
    CALL = "call"  # copy or dial their number, then say how the call went
    VOICEMAIL = "voicemail"  # the script to leave, and "I left a voicemail"
    CALLBACK_SCRIPT = "callback-script"  # what to say when calling back
    DRAFT = "draft"  # open one kind of email in the drafts window
    RESCHEDULE = "reschedule"  # find a new time
    NOTE = "note"  # a line for next time, kept in the log
    OPEN_LINK = "open-link"  # open or copy the meeting link


_WITH_DRAFT = "draft:"
_PLAIN = {kind.value: kind for kind in StepActionKind if kind is not StepActionKind.DRAFT}
_SCRIPTS = {
    StepActionKind.VOICEMAIL: DraftKind.VOICEMAIL,
    StepActionKind.CALLBACK_SCRIPT: DraftKind.CALLBACK,
}


@dataclass(frozen=True)
class StepAction:
    kind: StepActionKind
    draft: DraftKind | None = None  # with DRAFT

    @classmethod
    def parse(cls, name: str) -> StepAction:
        """The action a (filled) step names; ValueError for a word Crickets does not know."""
        if name.startswith(_WITH_DRAFT):
            return cls(StepActionKind.DRAFT, DraftKind(name.removeprefix(_WITH_DRAFT)))
        if name in _PLAIN:
            return cls(_PLAIN[name])
        raise ValueError(f"unknown guide step action {name!r}")

    @property
    def script(self) -> DraftKind | None:
        """The spoken script the step shows inline, if it shows one."""
        return _SCRIPTS.get(self.kind)


class StepRequestKind(enum.Enum):
    COPY = "copy"  # put ``text`` on the clipboard
    DIAL = "dial"  # hand ``text`` (a number) to the dialler
    DRAFT = "draft"  # open the drafts window on ``draft``
    RESCHEDULE = "reschedule"  # open the reschedule dialog
    REACHED = "reached"  # the call got through: they are talking now
    OPEN_LINK = "open-link"  # open ``text`` (the meeting link) in the browser


@dataclass(frozen=True)
class StepRequest:
    """What a step's button asks the guide window to do."""

    kind: StepRequestKind
    text: str = ""  # with COPY (the text), DIAL (the number) and OPEN_LINK (the link)
    draft: DraftKind | None = None  # with DRAFT
