"""Every use case over one opened data folder, built once by the composition root and
handed to the command line and the windows.

Drafting and invitations are built on first use: they bring the mail and calendar code,
which the tray and most commands never need (docs/decisions/161-load-on-use.md).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from crickets.application.interviews import InterviewBook
from crickets.application.logbook import Logbook
from crickets.application.preferences import Preferences
from crickets.application.reminder_state import ReminderState
from crickets.application.rescheduling import Rescheduling

if TYPE_CHECKING:
    from crickets.application.drafting import Drafting
    from crickets.application.invitations import Invitations


@dataclass(frozen=True)
class UseCases:
    book: InterviewBook
    logbook: Logbook
    reminders: ReminderState
    rescheduling: Rescheduling
    preferences: Preferences
    make_drafting: Callable[[], Drafting] = field(repr=False)
    make_invitations: Callable[[], Invitations] = field(repr=False)

    @cached_property
    def drafting(self) -> Drafting:
        return self.make_drafting()

    @cached_property
    def invitations(self) -> Invitations:
        return self.make_invitations()
