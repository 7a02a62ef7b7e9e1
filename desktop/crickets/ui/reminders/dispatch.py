"""What a reminder window's button does: open a draft or the guide, record how the call
went, or join the meeting.

Kept apart from the window (which only says which :class:`ReminderAction` was pressed) and
from the registry of windows (which only opens what it is asked for). Joining goes through
the :class:`~crickets.application.ports.LinkOpener` port, as the guide's link step does: the
log says the link was opened (``link-opened``) only when something opened it, and otherwise
the window shows the link to copy (docs/decisions/132-join-through-the-link-port.md).

The guide's notification carries two of them as buttons, for desktops where the guide
cannot take the focus (Wayland): "Open the guide" and "They called"; :meth:`ReminderDispatch.
answer` acts on the one the notification daemon reported pressed
(docs/decisions/175-notification-actions.md).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from crickets.application.interviews import InterviewBook
from crickets.application.ports import LinkOpener
from crickets.domain.actions import ActionKind
from crickets.domain.interview import Status
from crickets.domain.reminders import Reminder, ReminderKind
from crickets.ui.controller import Controller
from crickets.ui.reminders.actions import ReminderAction, ReminderActionKind
from crickets.ui.system.action_notice import NoticeAction
from crickets.ui.window_keys import WindowKind, WindowRequest

OPEN_GUIDE = NoticeAction("open-guide", "Open the guide")
THEY_CALLED = NoticeAction("they-called", "They called")
_NOTICE_ACTIONS = {ReminderKind.OVERDUE: (OPEN_GUIDE, THEY_CALLED)}
_ANSWERS = {
    OPEN_GUIDE.key: ReminderAction(ReminderActionKind.HAVENT_CALLED),
    THEY_CALLED.key: ReminderAction(ReminderActionKind.THEY_CALLED),
}
logger = logging.getLogger("crickets.reminders")


def notice_actions(kind: ReminderKind) -> tuple[NoticeAction, ...]:
    """The buttons a reminder's notification carries (the guide's: open it, they called)."""
    return _NOTICE_ACTIONS.get(kind, ())


class ReminderDispatch:
    def __init__(
        self,
        controller: Controller,
        book: InterviewBook,
        open_window: Callable[[WindowRequest], object],
        links: LinkOpener,
    ) -> None:
        self._controller, self._book, self._open = controller, book, open_window
        self.links = links

    def act(self, reminder: Reminder, action: ReminderAction) -> None:
        """What a reminder's button asked for (Join: see :meth:`join`)."""
        iid = reminder.interview_id
        match action.kind:
            case ReminderActionKind.DRAFT:
                self._open(WindowRequest(WindowKind.DRAFTS, iid, draft=action.draft))
            case ReminderActionKind.OUTCOME if action.outcome is not None:
                self._controller.set_status(iid, action.outcome)
            case ReminderActionKind.THEY_CALLED:
                self._controller.set_status(iid, Status.IN_CALL)
            case ReminderActionKind.HAVENT_CALLED:
                self._open(WindowRequest(WindowKind.HAVENT_CALLED, iid))
            case ReminderActionKind.JOIN:
                self.join(reminder)

    def answer(self, reminder: Reminder, key: str) -> None:
        """A button of ``reminder``'s notification, pressed: the same as the window's or the
        tray's. "They called" only while the interview still waits for the call (a button
        pressed on an old notification changes no outcome recorded since)."""
        action = _ANSWERS.get(key)
        if action is None:
            return
        if action.kind is ReminderActionKind.THEY_CALLED:
            interview = self._book.get(reminder.interview_id)
            if interview is None or interview.status is not Status.SCHEDULED:
                logger.info('"they called" from an old notification: nothing to change')
                return
        self.act(reminder, action)

    def join(self, reminder: Reminder) -> str | None:
        """Open the interview's meeting link; logged only when it opened. The link to show
        for copying when it did not open, else None."""
        interview = self._book.get(reminder.interview_id)
        link = interview.meeting_link if interview is not None else ""
        if not link:
            return None  # no link (deleted meanwhile): nothing to open, nothing claimed
        if not self.links.open_link(link):
            return link
        self._controller.record(reminder.interview_id, ActionKind.LINK_OPENED)
        return None
