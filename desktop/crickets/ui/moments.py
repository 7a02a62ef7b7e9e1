"""One window per interview for its moments: which of its reminders and guides wins.

An interview's day runs through moments (confirm, get ready, it's time, nobody called,
waited long enough, how did it go, the thank-you and the nudge the days after). Each used to
open its own window, and by the guide the person had four on top of each other, hiding the
checklist. Now a later moment takes the place of the earlier one's window, and an earlier
one that turns up late (a snooze running out after the start) is not shown at all.

The guide ("They haven't called" or "I missed their call") stands for the waiting moments:
it opens for "nobody called" and takes in "waited long enough", since its own checklist
says what to do then (docs/decisions/075-one-window-per-interview.md).
"""

from __future__ import annotations

import enum

from crickets.domain.reminders import ReminderKind
from crickets.ui.window_keys import WindowKind

GUIDES = frozenset({WindowKind.HAVENT_CALLED, WindowKind.MISSED_CALL})

#: The reminders a guide stands for: once it is open (or closed by the person), their own
#: windows are not shown again.
GUIDE_STANDS_FOR = (ReminderKind.OVERDUE, ReminderKind.STOP_WAITING)

_ORDER: tuple[ReminderKind | str, ...] = (
    ReminderKind.CONFIRM,
    ReminderKind.GET_READY,
    ReminderKind.START,
    ReminderKind.OVERDUE,
    ReminderKind.STOP_WAITING,
    "guide",
    ReminderKind.HOW_DID_IT_GO,
    ReminderKind.THANK_YOU,
    ReminderKind.NUDGE,
)
_STAGES = {moment: index for index, moment in enumerate(_ORDER)}


class Arrival(enum.Enum):
    """What becomes of a reminder that is due, given the interview's window on screen."""

    SHOWN = "shown"  # its own window, replacing the one on screen
    OPENS_GUIDE = "opens-guide"  # nobody called: the guide is its window
    TAKEN_IN = "taken-in"  # the guide on screen covers it: raised, no window of its own
    OVERTAKEN = "overtaken"  # a later moment is on screen: not shown


def is_guide(kind: WindowKind | ReminderKind) -> bool:
    return kind in GUIDES


def stage(kind: WindowKind | ReminderKind) -> int | None:
    """How far along the interview's day a window's moment is; None for windows that are
    not moments (the editor, drafts, settings…), which never replace one another."""
    if isinstance(kind, ReminderKind):
        return _STAGES[kind]
    return _STAGES["guide"] if is_guide(kind) else None


def arrival(
    reminder: ReminderKind, on_screen: WindowKind | ReminderKind | None, has_guide: bool
) -> Arrival:
    """Where ``reminder`` goes when ``on_screen`` is the interview's moment window (None:
    nothing showing); ``has_guide``: the app can open the guide (not in every test)."""
    if on_screen is not None and is_guide(on_screen) and reminder in GUIDE_STANDS_FOR:
        return Arrival.TAKEN_IN
    if reminder is ReminderKind.OVERDUE and has_guide:
        return Arrival.OPENS_GUIDE
    shown = stage(on_screen) if on_screen is not None else None
    if shown is None or reminder is on_screen:  # the same one again (a snooze ran out)
        return Arrival.SHOWN
    return Arrival.SHOWN if _STAGES[reminder] > shown else Arrival.OVERTAKEN
