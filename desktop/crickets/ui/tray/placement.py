"""Where the countdown shows: the tray icon, or, on a desktop without a system tray, the
small always-on-top window until a tray host turns up (at login it may start after us; on
GNOME a tray extension may be switched on later).

The first time the fallback window appears it says why; that it did is remembered through
:class:`~crickets.application.explanations.Explanations`, so it says so once.

While there is a tray nothing here runs. While there is none, a tray host turning up is
noticed two ways (docs/decisions/177-no-tray-keeps-watching.md): a StatusNotifierWatcher
(KDE, waybar, GNOME's AppIndicator extension) registering on the session bus arrives as a
D-Bus signal, with no polling; an XEmbed host (an X11 panel) is visible only to an X client,
so on X11 Qt is asked again every 30 seconds. A watcher may register a moment before its
host does, so Qt is asked at once and again a little later.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Slot
from PySide6.QtDBus import QDBusConnection, QDBusServiceWatcher
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QSystemTrayIcon

from crickets.application.explanations import Explanation, Explanations
from crickets.domain.display import TrayState
from crickets.ui.tray.tray_icon import Tray

if TYPE_CHECKING:  # a desktop without a tray is rare: its window's code loads when needed
    from crickets.ui.tray.no_tray_window import NoTrayWindow

SNI_WATCHER = "org.kde.StatusNotifierWatcher"
XEMBED_RECHECK_MS = 30_000
#: After a watcher registered: when its host may have registered too (ms after it).
AFTER_WATCHER_MS = (2_000, 10_000)

logger = logging.getLogger("crickets.tray")


class TrayPlacement(QObject):
    def __init__(
        self,
        tray: Tray,
        explanations: Explanations,
        parent: QObject | None = None,
        *,
        bus: QDBusConnection | None = None,
        xembed: bool | None = None,  # None: whether Qt runs on X11 (an XEmbed tray is possible)
    ) -> None:
        super().__init__(parent)
        self._tray, self._explanations = tray, explanations
        self._bus, self._xembed = bus, xembed
        self.no_tray: NoTrayWindow | None = None
        self._recheck = QTimer(self)
        self._recheck.setTimerType(Qt.TimerType.VeryCoarseTimer)
        self._recheck.setInterval(XEMBED_RECHECK_MS)
        self._recheck.timeout.connect(self.look_again)
        self._watcher: QDBusServiceWatcher | None = None

    def place(self) -> None:
        """The tray icon when there is a tray; otherwise the window, and keep looking."""
        if QSystemTrayIcon.isSystemTrayAvailable():
            self._tray.icon.show()
            return
        from crickets.ui.fitting import float_at_size, place_on_screen
        from crickets.ui.tray.no_tray_window import NoTrayWindow

        explain = self._explanations.needed(Explanation.NO_TRAY)
        self.no_tray = NoTrayWindow(self._tray.menu, explain=explain)
        self._explanations.given(Explanation.NO_TRAY)
        place_on_screen(self.no_tray)
        float_at_size(self.no_tray)
        self.no_tray.show()
        self._watch()

    def _watch(self) -> None:
        bus = self._bus if self._bus is not None else QDBusConnection.sessionBus()
        if bus.isConnected():
            self._watcher = QDBusServiceWatcher(
                SNI_WATCHER, bus, QDBusServiceWatcher.WatchModeFlag.WatchForRegistration, self
            )
            self._watcher.serviceRegistered.connect(self._watcher_appeared)
        xembed = self._xembed
        if xembed is None:
            xembed = QGuiApplication.platformName() == "xcb"
        if xembed:
            self._recheck.start()

    def show_state(self, state: TrayState) -> None:
        self._tray.set_state(state)
        if self.no_tray is not None:
            self.no_tray.set_state(state, self._tray.dark_panel())

    def bring_back(self) -> None:
        """A reminder is due: a fallback window closed earlier shows the countdown again."""
        if self.no_tray is not None:
            self.no_tray.show()

    @property
    def watching(self) -> bool:
        """Whether a tray host is still being looked for (the fallback window is up)."""
        return self._watcher is not None or self._recheck.isActive()

    def remove(self) -> None:
        self._stop_watching()
        self._tray.icon.hide()

    @Slot(str)
    def _watcher_appeared(self, _service: str) -> None:
        logger.info("a StatusNotifierWatcher appeared on the session bus")
        if not self.look_again():
            for delay in AFTER_WATCHER_MS:
                QTimer.singleShot(delay, self, self._look_if_watching)

    @Slot()
    def _look_if_watching(self) -> None:
        if self.no_tray is not None:  # still without a tray
            self.look_again()

    @Slot()
    def look_again(self) -> bool:
        """Move into a tray that is there now (True), closing the fallback window."""
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return False
        self._stop_watching()
        self._tray.icon.show()
        if self.no_tray is not None:
            self.no_tray.close()
            self.no_tray = None
        logger.info("a system tray appeared: the countdown moved into it")
        return True

    def _stop_watching(self) -> None:
        self._recheck.stop()
        if self._watcher is not None:
            self._watcher.deleteLater()
            self._watcher = None
