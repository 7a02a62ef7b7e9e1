"""Every use case over one opened data folder, built once by the composition root and
handed to the command line and the windows."""

from __future__ import annotations

from dataclasses import dataclass

from crickets.application.drafting import Drafting
from crickets.application.interviews import InterviewBook
from crickets.application.invitations import Invitations
from crickets.application.logbook import Logbook
from crickets.application.preferences import Preferences
from crickets.application.reminder_state import ReminderState
from crickets.application.rescheduling import Rescheduling


@dataclass(frozen=True)
class UseCases:
    book: InterviewBook
    logbook: Logbook
    reminders: ReminderState
    drafting: Drafting
    invitations: Invitations
    rescheduling: Rescheduling
    preferences: Preferences
