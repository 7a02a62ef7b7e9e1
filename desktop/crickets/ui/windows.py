"""Opens, raises and remembers the app's windows: one of each kind (per interview where it
matters), raised when asked for again, and released when closed."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from crickets import resources
from crickets.domain.clock import Clock
from crickets.domain.interview import Interview, Status
from crickets.domain.reminder_text import render_reminder
from crickets.domain.reminders import Reminder, ReminderKind
from crickets.ui.controller import Controller
from crickets.ui.reminders.reminder_window import ReminderWindow

logger = logging.getLogger("crickets.windows")
_OUTCOMES = {
    "done": Status.DONE,
    "missed-by-them": Status.MISSED_BY_THEM,
    "missed-by-me": Status.MISSED_BY_ME,
    "cancelled": Status.CANCELLED,
}


class Windows(QObject):
    def __init__(self, controller: Controller, store: Any, clock: Clock) -> None:
        super().__init__(controller)
        self._controller, self._store, self._clock = controller, store, clock
        self._open: dict[str, QWidget] = {}
        self._content: dict[str, Any] | None = None
        #: Windows other parts of the app provide, by name; each builds a QWidget.
        self.factories: dict[str, Callable[..., QWidget]] = {}

    # -- bookkeeping ------------------------------------------------------------------------

    def raise_or_create(self, key: str, build: Callable[[], QWidget]) -> QWidget:
        window = self._open.get(key)
        if window is None:
            window = build()
            window.setObjectName(window.objectName() or key)
            window.setAcceptDrops(True)  # an invitation dropped on any window is imported
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # next time: fresh content
            self._track(key, window)
        window.show()
        window.raise_()
        window.activateWindow()
        logger.info("window shown: %s", key)
        return window

    def _track(self, key: str, window: QWidget) -> None:
        """Remember ``window`` under ``key`` until it is destroyed (if still the one there)."""
        self._open[key] = window
        window.destroyed.connect(
            lambda _=None, k=key, w=window: self._open.get(k) is w and self._open.pop(k)
        )

    def close(self, key: str) -> None:
        window = self._open.pop(key, None)
        if isinstance(window, ReminderWindow):
            window.discard()  # replaced by a fresh one: not a snooze
        elif window is not None:
            window.close()

    def get(self, key: str) -> QWidget | None:
        return self._open.get(key)

    def open_keys(self) -> list[str]:
        return list(self._open)

    def _interview(self, interview_id: int) -> Interview | None:
        found: Interview | None = self._store.get(interview_id)
        return found

    # -- reminders --------------------------------------------------------------------------

    def reminder_content(self) -> dict[str, Any]:
        if self._content is None:
            self._content = json.loads(resources.read_text("checklists", "reminders.json"))
        return self._content

    def show_reminder(self, reminder: Reminder) -> ReminderWindow | None:
        interview = self._interview(reminder.interview_id)
        if interview is None:
            return None
        if reminder.kind is ReminderKind.OVERDUE and "havent_called" in self.factories:
            self.open("havent_called", interview.id)
            return None
        now = self._clock.now()
        text = render_reminder(self.reminder_content(), reminder.kind, interview,
                               self._controller.my_zone, now)  # fmt: skip
        key = f"reminder:{reminder.interview_id}:{reminder.kind.value}"
        self.close(key)
        window = ReminderWindow(reminder, text, interview, self._clock)
        window.snooze_requested.connect(self._controller.snooze)
        window.dismissed.connect(self._controller.dismiss)
        window.action_requested.connect(self.act)
        window.finished.connect(window.deleteLater)
        self._track(key, window)
        window.present()
        logger.info("window shown: %s", key)
        return window

    def act(self, reminder: Reminder, action: str) -> None:
        """What a reminder's button asked for."""
        iid = reminder.interview_id
        if action.startswith("draft:"):
            self.open("drafts", iid, kind=action.removeprefix("draft:"))
        elif action.startswith("outcome:"):
            self._controller.set_status(iid, _OUTCOMES[action.removeprefix("outcome:")])
        elif action == "they-called":
            self._controller.set_status(iid, Status.IN_CALL)
        elif action == "havent-called":
            self.open("havent_called", iid)
        elif action == "join":
            interview = self._interview(iid)
            if interview and interview.meeting_link:
                QDesktopServices.openUrl(QUrl(interview.meeting_link))

    # -- everything else --------------------------------------------------------------------

    def open(self, name: str, interview_id: int | None = None, **options: Any) -> QWidget | None:
        """Open the window ``name`` (a registered factory) about ``interview_id``."""
        factory = self.factories.get(name)
        if factory is None:
            return None
        key = f"{name}:{interview_id}" if interview_id is not None else name
        window = self.raise_or_create(key, lambda: factory(interview_id, **options))
        select = getattr(window, "select", None)
        if callable(select) and options:
            select(**options)
        return window
