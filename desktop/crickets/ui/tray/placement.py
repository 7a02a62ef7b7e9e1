"""Where the countdown shows: the tray icon, or, on a desktop without a system tray, the
small always-on-top window, until a tray host turns up (at login it may start after us).

The first time the fallback window appears it says why; that it did is remembered through
:class:`~crickets.application.explanations.Explanations`, so it says so once.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QSystemTrayIcon

from crickets.application.explanations import Explanation, Explanations
from crickets.domain.display import TrayState
from crickets.ui.tray.no_tray_window import NoTrayWindow
from crickets.ui.tray.tray_icon import Tray

TRAY_RETRY_MS = 5_000
TRAY_RETRY_FOR_MS = 60_000


class TrayPlacement(QObject):
    def __init__(
        self, tray: Tray, explanations: Explanations, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._tray, self._explanations = tray, explanations
        self.no_tray: NoTrayWindow | None = None
        self._wait = QTimer(self)
        self._wait.timeout.connect(self._retry)
        self._waited_ms = 0

    def place(self) -> None:
        """The tray icon when there is a tray; otherwise the window, and keep looking."""
        if QSystemTrayIcon.isSystemTrayAvailable():
            self._tray.icon.show()
            return
        explain = self._explanations.needed(Explanation.NO_TRAY)
        self.no_tray = NoTrayWindow(self._tray.menu, explain=explain)
        self._explanations.given(Explanation.NO_TRAY)
        self.no_tray.show()
        self._wait.start(TRAY_RETRY_MS)

    def show_state(self, state: TrayState) -> None:
        self._tray.set_state(state)
        if self.no_tray is not None:
            self.no_tray.set_state(state, self._tray.dark_panel())

    def bring_back(self) -> None:
        """A reminder is due: a fallback window closed earlier shows the countdown again."""
        if self.no_tray is not None:
            self.no_tray.show()

    def remove(self) -> None:
        self._wait.stop()
        self._tray.icon.hide()

    def _retry(self) -> None:
        self._waited_ms += TRAY_RETRY_MS
        if QSystemTrayIcon.isSystemTrayAvailable():
            self._wait.stop()
            self._tray.icon.show()
            if self.no_tray is not None:
                self.no_tray.close()
                self.no_tray = None
        elif self._waited_ms >= TRAY_RETRY_FOR_MS:
            self._wait.stop()
