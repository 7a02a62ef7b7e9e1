"""Opens, raises and remembers the app's windows: one of each kind (per interview where it
matters), raised when asked for again, and released when closed.

Windows are asked for with a typed :class:`WindowRequest` and remembered under a typed
:class:`WindowKey`; the composition root (:mod:`crickets.wiring.windows`) registers one
factory per :class:`WindowKind`. An interview's *moments* (its reminders and its guide)
share one window at a time; :mod:`crickets.ui.moments` says which one wins.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QWidget

from crickets.application.interviews import InterviewBook
from crickets.application.ports import LinkOpener
from crickets.domain.interview import Interview
from crickets.domain.reminders import Reminder, ReminderKind
from crickets.ui.attention import bring_forward
from crickets.ui.closed_guides import ClosedGuides
from crickets.ui.controller import Controller
from crickets.ui.moments import GUIDE_STANDS_FOR, Arrival, arrival, is_guide, stage
from crickets.ui.reminders.actions import ReminderAction, ReminderActionKind
from crickets.ui.reminders.dispatch import ReminderDispatch
from crickets.ui.window_keys import (
    DraftSelectable,
    FileReceiving,
    Refreshable,
    WindowKey,
    WindowKind,
    WindowRequest,
    desktop_title,
)

if TYPE_CHECKING:
    from crickets.ui.reminders.content import ReminderContent, ReminderScreen
    from crickets.ui.reminders.reminder_window import ReminderWindow

__all__ = ["WindowKey", "WindowKind", "WindowRequest", "Windows", "desktop_title"]

logger = logging.getLogger("crickets.windows")


WindowFactory = Callable[[WindowRequest], QWidget]


class BrowserOnUse:
    """The desktop's browser (:class:`crickets.ui.outlets.QtLinkOpener`), loaded when a
    reminder's link is first opened: the outlets' code is not needed at rest."""

    def open_link(self, url: str) -> bool:
        from crickets.ui.outlets import QtLinkOpener

        return QtLinkOpener().open_link(url)


class Windows(QObject):
    def __init__(
        self,
        controller: Controller,
        book: InterviewBook,
        content: ReminderContent,
        links: LinkOpener | None = None,  # None: the desktop's browser (ui.outlets)
    ) -> None:
        super().__init__(controller)
        self._controller, self._book, self._content = controller, book, content
        self._open: dict[WindowKey, QWidget] = {}
        self._drops: QObject | None = None
        self._dropping = False
        self._closed_guides = ClosedGuides(
            lambda iid: controller.forget(iid, GUIDE_STANDS_FOR), self
        )
        #: One factory per kind of window, registered by the composition root.
        self.factories: dict[WindowKind, WindowFactory] = {}
        #: What a reminder's buttons do (``act(reminder, action)``).
        self.buttons = ReminderDispatch(controller, book, self.open, links or BrowserOnUse())

    # -- bookkeeping ------------------------------------------------------------------------

    def raise_or_create(self, key: WindowKey, build: Callable[[], QWidget]) -> QWidget:
        from crickets.ui.fitting import float_at_size, place_on_screen  # with the first window

        if key not in self._open:
            window = build()
            window.setObjectName(window.objectName() or str(key))
            window.setAcceptDrops(True)  # an invitation dropped on any window is imported
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # next time: fresh content
            self._track(key, window)
            place_on_screen(window)
            if stage(key.kind) is not None:  # the guide: a dialog, floated at this size
                float_at_size(window)
        logger.info("window shown: %s", key)
        return self._raise(key)

    def _track(self, key: WindowKey, window: QWidget) -> None:
        """Remember ``window`` under ``key`` until it is destroyed (if still the one there)."""
        window.setWindowTitle(desktop_title(window.windowTitle()))
        self._open[key] = window
        self._watch_drops()
        if is_guide(key.kind):
            self._closed_guides.watch(key, window)  # one the person closes stays closed
        window.destroyed.connect(lambda _=None, k=key, w=window: self._forget(k, w))

    def _forget(self, key: WindowKey, window: QWidget) -> None:
        if self._open.get(key) is window:
            del self._open[key]
            self._watch_drops()

    def accept_drops_with(self, drops: QObject) -> None:
        """``drops`` (an event filter) sees every event of the app while a window is open,
        so a calendar file dropped anywhere on it, text fields too, is caught; with no window
        open (the tray at rest) nothing filters the app's events."""
        self._drops = drops
        self._watch_drops()

    def _watch_drops(self) -> None:
        app, drops, wanted = QCoreApplication.instance(), self._drops, bool(self._open)
        if app is None or drops is None or wanted == self._dropping:
            return
        if wanted:
            app.installEventFilter(drops)
        else:
            app.removeEventFilter(drops)
        self._dropping = wanted

    def close(self, key: WindowKey) -> None:
        from crickets.ui.reminders.reminder_window import ReminderWindow  # loaded on use

        window = self._open.pop(key, None)
        self._watch_drops()
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

    # -- one moment window per interview ------------------------------------------------------

    def _moment(self, interview_id: int) -> WindowKey | None:
        """The key of the reminder or guide window showing for the interview, if any."""
        for key in self._open:
            if key.interview_id == interview_id and stage(key.kind) is not None:
                return key
        return None

    def _replace_moment(self, interview_id: int, keep: WindowKey) -> None:
        """Close the interview's moment window unless it is ``keep``; what it showed is not
        shown again (a restart included)."""
        shown = self._moment(interview_id)
        if shown is None or shown == keep:
            return
        if isinstance(shown.kind, ReminderKind):
            self._controller.forget(interview_id, (shown.kind,))
        self.close(shown)  # a guide closed here is forgotten through its close event

    # -- reminders --------------------------------------------------------------------------

    def show_reminder(self, reminder: Reminder) -> QWidget | None:
        """The window now showing ``reminder``'s moment: its own window, or the guide (it
        opens the guide, or the guide already open takes it in); None when a later moment
        of the same interview is already showing, so this one is not shown at all."""
        interview = self._book.get(reminder.interview_id)
        if interview is None:
            return None
        iid = reminder.interview_id
        shown = self._moment(iid)
        has_guide = WindowKind.HAVENT_CALLED in self.factories
        match arrival(reminder.kind, shown.kind if shown else None, has_guide):
            case Arrival.OPENS_GUIDE:
                return self.open(WindowRequest(WindowKind.HAVENT_CALLED, iid))
            case Arrival.TAKEN_IN if shown is not None:
                self._controller.forget(iid, (reminder.kind,))
                return self._raise(shown)
            case Arrival.OVERTAKEN:
                self._controller.forget(iid, (reminder.kind,))
                logger.info("reminder overtaken: %s:%s", reminder.kind.value, iid)
                return None
        key = WindowKey(reminder.kind, iid)
        self._replace_moment(iid, keep=key)
        self.close(key)  # the same reminder again: shown fresh
        return self._present(reminder, interview, key)

    def _raise(self, key: WindowKey) -> QWidget:
        window = self._open[key]
        if stage(key.kind) is not None:  # a moment: in front, or marked urgent (Wayland)
            bring_forward(window)
            return window
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def screen(self, kind: ReminderKind, interview: Interview) -> ReminderScreen:
        """What a reminder says now (its window and its notification), on the person's
        clock and in their zone."""
        settings = self._controller.settings
        return self._content.render(
            kind,
            interview,
            self._controller.my_zone,
            self._book.now(),
            clock_24h=settings.clock_24h,
        )

    def _present(self, reminder: Reminder, interview: Interview, key: WindowKey) -> QWidget:
        # Imported at its first moment, not at start (docs/decisions/162): a few ms.
        from crickets.ui.fitting import float_at_size, place_on_screen
        from crickets.ui.reminders.reminder_window import ReminderWindow

        screen = self.screen(reminder.kind, interview)
        window = ReminderWindow(reminder, screen, interview, self._book.clock)
        window.snooze_requested.connect(self._controller.snooze)
        window.dismissed.connect(self._controller.dismiss)
        window.action_requested.connect(lambda r, action, w=window: self._act(w, r, action))
        window.finished.connect(window.deleteLater)
        self._track(key, window)
        place_on_screen(window)
        float_at_size(window)
        window.present()
        logger.info("window shown: %s", key)
        return window

    def _act(self, window: ReminderWindow, reminder: Reminder, action: ReminderAction) -> None:
        """A reminder's button: Join tells its window how it went; the rest are done."""
        if action.kind is not ReminderActionKind.JOIN:
            self.buttons.act(reminder, action)
            return
        link = self.buttons.join(reminder)
        if link is None:
            window.joined()
        else:
            window.link_failed(link)

    # -- everything else --------------------------------------------------------------------

    def open(self, request: WindowRequest) -> QWidget | None:
        """Open (or raise) the window ``request`` asks for, through its registered factory;
        an open window is switched to the draft or handed the file the request names. A
        guide takes the place of the interview's reminder window."""
        factory = self.factories.get(request.kind)
        if factory is None:
            return None
        key = WindowKey(request.kind, request.interview_id)
        if is_guide(request.kind) and request.interview_id is not None:
            self._replace_moment(request.interview_id, keep=key)
        window = self.raise_or_create(key, lambda: factory(request))
        if request.draft is not None and isinstance(window, DraftSelectable):
            window.select(request.draft)
        if request.path is not None and isinstance(window, FileReceiving):
            window.receive_file(request.path)
        return window
