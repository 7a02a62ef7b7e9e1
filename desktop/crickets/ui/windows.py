"""Opens, raises and remembers the app's windows: one of each kind (per interview where it
matters), raised when asked for again, and released when closed.

Windows are asked for with a typed :class:`WindowRequest` and remembered under a typed
:class:`WindowKey`; the composition root (:mod:`crickets.wiring.windows`) registers one
factory per :class:`WindowKind`.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from crickets.application.interviews import InterviewBook
from crickets.domain.drafts import DraftKind
from crickets.domain.interview import Status
from crickets.domain.reminders import Reminder, ReminderKind
from crickets.ui.controller import Controller
from crickets.ui.reminders.actions import ReminderAction, ReminderActionKind
from crickets.ui.reminders.content import ReminderContent
from crickets.ui.reminders.reminder_window import ReminderWindow

logger = logging.getLogger("crickets.windows")


class WindowKind(enum.Enum):
    EDITOR = "editor"
    LIST = "list"
    SETTINGS = "settings"
    TEMPLATES = "templates"
    DRAFTS = "drafts"
    RESCHEDULE = "reschedule"
    HAVENT_CALLED = "havent-called"
    MISSED_CALL = "missed-call"
    IMPORT = "import"


@dataclass(frozen=True)
class WindowRequest:
    """Which window, about which interview, opened on what (a draft kind, a file)."""

    kind: WindowKind
    interview_id: int | None = None
    draft: DraftKind | None = None
    path: Path | None = None


@dataclass(frozen=True)
class WindowKey:
    """The identity of an open window: one per kind and interview; a reminder window is
    keyed by its reminder's kind."""

    kind: WindowKind | ReminderKind
    interview_id: int | None = None

    def __str__(self) -> str:  # for the log: "drafts:3", "reminder:start:3"
        prefix = "reminder:" if isinstance(self.kind, ReminderKind) else ""
        suffix = f":{self.interview_id}" if self.interview_id is not None else ""
        return f"{prefix}{self.kind.value}{suffix}"


WindowFactory = Callable[[WindowRequest], QWidget]


@runtime_checkable
class Refreshable(Protocol):
    """A window that shows stored data and re-reads it when the data changed."""

    def refresh(self) -> None: ...


@runtime_checkable
class DraftSelectable(Protocol):
    """A window that can switch to one kind of draft (the drafts window)."""

    def select(self, kind: DraftKind) -> None: ...


@runtime_checkable
class FileReceiving(Protocol):
    """A window that reads a file handed to it (the import dialog: a dropped invitation,
    one opened with Crickets, or one a second launch passed on)."""

    def receive_file(self, path: Path) -> None: ...


class Windows(QObject):
    def __init__(
        self, controller: Controller, book: InterviewBook, content: ReminderContent
    ) -> None:
        super().__init__(controller)
        self._controller, self._book, self._content = controller, book, content
        self._open: dict[WindowKey, QWidget] = {}
        #: One factory per kind of window, registered by the composition root.
        self.factories: dict[WindowKind, WindowFactory] = {}

    # -- bookkeeping ------------------------------------------------------------------------

    def raise_or_create(self, key: WindowKey, build: Callable[[], QWidget]) -> QWidget:
        window = self._open.get(key)
        if window is None:
            window = build()
            window.setObjectName(window.objectName() or str(key))
            window.setAcceptDrops(True)  # an invitation dropped on any window is imported
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # next time: fresh content
            self._track(key, window)
        window.show()
        window.raise_()
        window.activateWindow()
        logger.info("window shown: %s", key)
        return window

    def _track(self, key: WindowKey, window: QWidget) -> None:
        """Remember ``window`` under ``key`` until it is destroyed (if still the one there)."""
        self._open[key] = window
        window.destroyed.connect(
            lambda _=None, k=key, w=window: self._open.get(k) is w and self._open.pop(k)
        )

    def close(self, key: WindowKey) -> None:
        window = self._open.pop(key, None)
        if isinstance(window, ReminderWindow):
            window.discard()  # replaced by a fresh one: not a snooze
        elif window is not None:
            window.close()

    def get(self, key: WindowKey) -> QWidget | None:
        return self._open.get(key)

    def open_keys(self) -> list[WindowKey]:
        return list(self._open)

    def refresh_open(self) -> None:
        """The data changed: every open window that shows stored data re-reads it."""
        for window in list(self._open.values()):
            if isinstance(window, Refreshable):
                window.refresh()

    # -- reminders --------------------------------------------------------------------------

    def show_reminder(self, reminder: Reminder) -> ReminderWindow | None:
        interview = self._book.get(reminder.interview_id)
        if interview is None:
            return None
        if reminder.kind is ReminderKind.OVERDUE and WindowKind.HAVENT_CALLED in self.factories:
            self.open(WindowRequest(WindowKind.HAVENT_CALLED, interview.id))
            return None
        clock = self._book.clock
        screen = self._content.render(
            reminder.kind, interview, self._controller.my_zone, clock.now()
        )
        key = WindowKey(reminder.kind, reminder.interview_id)
        self.close(key)
        window = ReminderWindow(reminder, screen, interview, clock)
        window.snooze_requested.connect(self._controller.snooze)
        window.dismissed.connect(self._controller.dismiss)
        window.action_requested.connect(self.act)
        window.finished.connect(window.deleteLater)
        self._track(key, window)
        window.present()
        logger.info("window shown: %s", key)
        return window

    def act(self, reminder: Reminder, action: ReminderAction) -> None:
        """What a reminder's button asked for."""
        iid = reminder.interview_id
        match action.kind:
            case ReminderActionKind.DRAFT:
                self.open(WindowRequest(WindowKind.DRAFTS, iid, draft=action.draft))
            case ReminderActionKind.OUTCOME if action.outcome is not None:
                self._controller.set_status(iid, action.outcome)
            case ReminderActionKind.THEY_CALLED:
                self._controller.set_status(iid, Status.IN_CALL)
            case ReminderActionKind.HAVENT_CALLED:
                self.open(WindowRequest(WindowKind.HAVENT_CALLED, iid))
            case ReminderActionKind.JOIN:
                self._join(iid)

    def _join(self, interview_id: int) -> None:
        interview = self._book.get(interview_id)
        if interview and interview.meeting_link:
            QDesktopServices.openUrl(QUrl(interview.meeting_link))

    # -- everything else --------------------------------------------------------------------

    def open(self, request: WindowRequest) -> QWidget | None:
        """Open (or raise) the window ``request`` asks for, through its registered factory;
        an open window is switched to the draft or handed the file the request names."""
        factory = self.factories.get(request.kind)
        if factory is None:
            return None
        key = WindowKey(request.kind, request.interview_id)
        window = self.raise_or_create(key, lambda: factory(request))
        if request.draft is not None and isinstance(window, DraftSelectable):
            window.select(request.draft)
        if request.path is not None and isinstance(window, FileReceiving):
            window.receive_file(request.path)
        return window
