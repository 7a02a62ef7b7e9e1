"""The running app's Qt side: tray (or the no-tray window), controller, windows, messages.

Built by :mod:`crickets.app` with everything it needs; owns no policy of its own beyond
routing each intent and event to the piece that handles it.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QSystemTrayIcon

from crickets import ipc
from crickets.domain.clock import Clock
from crickets.domain.display import TrayState
from crickets.domain.interview import Status
from crickets.domain.reminder_text import render_reminder
from crickets.domain.reminders import Reminder, ReminderKind
from crickets.domain.settings import Settings
from crickets.storage.errors import StorageError
from crickets.ui.controller import Controller
from crickets.ui.invitations.drop_import import CalendarDropFilter
from crickets.ui.reminders.sound import Cue, Sound
from crickets.ui.system.notify_chain import NotifyChain, default_notifiers
from crickets.ui.system.single_instance import ListenResult, SingleInstanceServer
from crickets.ui.system.sleep_watch import SleepWatch
from crickets.ui.tray.badge_icon import app_icon
from crickets.ui.tray.no_tray_window import NoTrayWindow
from crickets.ui.tray.tray_icon import Tray
from crickets.ui.window_factories import register_windows
from crickets.ui.windows import Windows

logger = logging.getLogger("crickets.shell")
HOURLY_MS = 3600 * 1000
TRAY_RETRY_MS = 5_000
TRAY_RETRY_FOR_MS = 60_000
_SOUNDED = {ReminderKind.START: Cue.DUE, ReminderKind.OVERDUE: Cue.OVERDUE}


def create_application() -> QApplication:
    """The one QApplication, named for the desktop and kept alive with no window open."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("crickets")
    app.setApplicationDisplayName("Crickets")
    app.setDesktopFileName("crickets")
    app.setQuitOnLastWindowClosed(False)
    return app


def show_fatal(message: str) -> None:
    """One clear message when the app cannot start at all (never a traceback)."""
    app = QApplication.instance() or QApplication([])
    box = QMessageBox(QMessageBox.Icon.Critical, "Crickets cannot start", message)
    box.setObjectName("fatal")
    box.exec()
    del app


def warm_up_guides() -> None:
    """Import what the guided window needs ahead of time, so it opens without delay."""
    import crickets.domain.drafts
    import crickets.domain.guides
    import crickets.ui.guide.guide_window  # noqa: F401


class Shell(QObject):
    def __init__(
        self,
        app: QApplication,
        store: Any,
        clock: Clock,
        zone_for: Callable[[Settings], str],
        socket: str,
        data_dir: Path,
        background: bool = False,
        demo: bool = False,
        hourly: Callable[[], object] | None = None,
    ) -> None:
        super().__init__(app)
        self.app, self.store, self.clock = app, store, clock
        self.data_dir, self.background, self.demo = data_dir, background, demo
        app.setWindowIcon(app_icon())
        self.controller = Controller(store, clock, zone_for, parent=self)
        self.tray = Tray(self)
        self.windows = Windows(self.controller, store, clock)
        register_windows(self)
        self.notifier = NotifyChain(default_notifiers(self.tray.icon, parent=self), parent=self)
        self.sound = Sound(enabled=True)
        self.server = SingleInstanceServer(socket, parent=self)
        self.sleep = SleepWatch(clock, parent=self)
        self.no_tray: NoTrayWindow | None = None
        self._tray_wait = QTimer(self)
        self._starter = QTimer(self)  # the first tick, on the first event-loop turn
        self._starter.setSingleShot(True)
        self._starter.timeout.connect(self._start_counting)
        self._hourly = QTimer(self)  # e.g. storage's daily snapshot check
        self._hourly.setTimerType(Qt.TimerType.VeryCoarseTimer)
        self._hourly.setInterval(HOURLY_MS)
        self._has_hourly = hourly is not None
        if hourly is not None:
            self._hourly.timeout.connect(hourly)
        self._tray_waited_ms = 0
        self._wire()

    # -- wiring -------------------------------------------------------------------------------

    def _wire(self) -> None:
        c, t, w = self.controller, self.tray, self.windows
        c.state_changed.connect(self._show_state)
        c.reminder_due.connect(self._remind)
        c.reminders_missed.connect(self._report_missed)
        c.data_changed.connect(lambda: self._refresh_open_windows())
        t.they_called_requested.connect(lambda i: c.set_status(i, Status.IN_CALL))
        t.call_over_requested.connect(
            lambda i: w.show_reminder(
                Reminder(i, ReminderKind.HOW_DID_IT_GO, self.clock.now(), self.clock.now())
            )
        )
        t.havent_called_requested.connect(lambda i: w.open("havent_called", i))
        t.missed_call_requested.connect(lambda i: w.open("missed_call", i))
        t.drafts_requested.connect(lambda kind: w.open("drafts", self._focus_id(), kind=kind))
        t.interview_requested.connect(lambda i: w.open("editor", i))
        t.add_requested.connect(lambda: w.open("editor", None))
        t.import_requested.connect(self.choose_import)
        t.list_requested.connect(lambda: w.open("list"))
        t.settings_requested.connect(lambda: w.open("settings"))
        t.quit_requested.connect(self.app.quit)
        t.icon.messageClicked.connect(self.focus)  # a clicked balloon opens what matters now
        self.server.focus_requested.connect(self.focus)
        self.server.reload_requested.connect(c.reload)
        self.server.open_requested.connect(self.import_file)
        self.sleep.resumed.connect(c.tick)
        self._tray_wait.timeout.connect(self._retry_tray)
        self.app.installEventFilter(self)
        self.drops = CalendarDropFilter(self)
        self.drops.dropped.connect(self.import_file)
        self.app.installEventFilter(self.drops)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.app and event.type() == QEvent.Type.ApplicationPaletteChange:
            self.tray.refresh_palette()
        return False

    def _focus_id(self) -> int | None:
        return self.controller.state.interview_id if self.controller.state else None

    # -- lifecycle ----------------------------------------------------------------------------

    def start(self) -> None:
        if self.server.listen() is ListenResult.ALREADY_RUNNING:  # lost a start-up race
            ipc.send(self.server.path, ipc.Request(ipc.Command.FOCUS))
            QTimer.singleShot(0, self.app.quit)
            return
        self.sleep.start(heartbeat=False)  # the controller's own tick is the heartbeat
        self._place_tray()
        # The icon goes up first; the first decryption and badge drawing follow on the first
        # turn of the event loop, so the tray appears without waiting for them.
        self._starter.start(0)
        if self._has_hourly:
            self._hourly.start()

    def _start_counting(self) -> None:
        self.controller.start()
        if not self.background and not self.demo and not self.controller.interviews:
            self.windows.open("editor")  # a first start: the one thing to do is add one
        self.sound.enabled = self.controller.settings.sound
        if self.demo:
            self.notifier.notify(
                "Crickets demo", "A practice interview starts in about a minute. Watch the tray."
            )

    def stop(self) -> None:
        self._starter.stop()  # quitting before the first tick: it must not run afterwards
        self._hourly.stop()
        self.controller.stop()
        self.sleep.stop()
        self.server.close()
        self.tray.icon.hide()

    def _place_tray(self) -> None:
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray.icon.show()
            return
        explained = self.store.get_state("no_tray.explained") == "yes"
        self.no_tray = NoTrayWindow(self.tray.menu, explain=not explained)
        try:
            self.store.set_state("no_tray.explained", "yes")
        except StorageError:  # a read-only store: explaining again next time is harmless
            logger.info("could not remember that the no-tray window was explained")
        self.no_tray.show()
        self._tray_wait.start(TRAY_RETRY_MS)  # the tray host may start after us at login

    def _retry_tray(self) -> None:
        self._tray_waited_ms += TRAY_RETRY_MS
        if QSystemTrayIcon.isSystemTrayAvailable():
            self._tray_wait.stop()
            self.tray.icon.show()
            if self.no_tray is not None:
                self.no_tray.close()
                self.no_tray = None
        elif self._tray_waited_ms >= TRAY_RETRY_FOR_MS:
            self._tray_wait.stop()

    # -- events -------------------------------------------------------------------------------

    def _show_state(self, state: TrayState) -> None:
        self.tray.set_state(state)
        if self.no_tray is not None:
            self.no_tray.set_state(state, self.tray.dark_panel())

    def _remind(self, reminder: Reminder) -> None:
        """The window first (it is what the person needs), then the sound and notification."""
        interview = self.store.get(reminder.interview_id)
        if interview is None:
            return
        if self.no_tray is not None:
            self.no_tray.show()  # closed earlier: a reminder brings the countdown back
        self.windows.show_reminder(reminder)
        if reminder.kind is ReminderKind.START:
            QTimer.singleShot(0, warm_up_guides)  # the guide may be needed in a few minutes
        self.sound.enabled = self.controller.settings.sound
        cue = _SOUNDED.get(reminder.kind)
        if cue is not None:
            self.sound.play(cue)
        text = render_reminder(
            self.windows.reminder_content(),
            reminder.kind,
            interview,
            self.controller.my_zone,
            self.clock.now(),
        )
        self.notifier.notify(text.title, text.text)

    def _report_missed(self, missed: tuple[Reminder, ...]) -> None:
        count = len(missed)
        noun = "reminder" if count == 1 else "reminders"
        self.notifier.notify(
            "Crickets",
            f"{count} {noun} passed while Crickets was not running or the computer slept.",
        )

    def _refresh_open_windows(self) -> None:
        for key in self.windows.open_keys():
            window = self.windows.get(key)
            refresh = getattr(window, "refresh", None)
            if callable(refresh):
                refresh()

    def focus(self) -> None:
        """A second launch: show what matters now."""
        state = self.controller.state
        if (
            state is not None
            and state.phase is not None
            and state.phase.is_waiting
            and state.interview_id
        ):
            self.windows.open("havent_called", state.interview_id)
        else:
            self.windows.open("list")

    def choose_import(self) -> None:
        self.windows.open("import_")

    def import_file(self, path: str) -> None:
        """An invitation dropped on a window, opened with the app, or sent by a second launch."""
        self.windows.open("import_", None, path=path)
