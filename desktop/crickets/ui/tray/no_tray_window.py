"""When the desktop has no system tray: a small always-on-top countdown window instead.

It shows the same badge and sentence as the tray would and offers the tray's menu from a
button, so every action stays one click (or Alt+M) away. The first time, it says why.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QPushButton, QVBoxLayout, QWidget

from crickets.domain.display import TrayState
from crickets.ui.tray.badge_icon import badge_icon

EXPLANATION = (
    "This desktop has no system tray, so Crickets shows its countdown in this small window. "
    "Keep it open; closing it hides it until the next reminder."
)


class NoTrayWindow(QWidget):
    def __init__(self, menu: QMenu, explain: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("no_tray.window")
        self.setWindowTitle("Countdown")  # the desktop adds "— Crickets"
        # A dialog: a tiling desktop floats it small rather than giving it half the screen.
        self.setWindowFlags(Qt.WindowType.Dialog | Qt.WindowType.WindowStaysOnTopHint)
        self._icon = QLabel(self)
        self._icon.setObjectName("no_tray.badge")
        self._sentence = QLabel(self)
        self._sentence.setObjectName("no_tray.sentence")
        self._sentence.setWordWrap(True)
        actions = QPushButton("&Menu", self)
        actions.setObjectName("no_tray.menu")
        actions.setAccessibleName("Crickets menu")
        actions.setMenu(menu)
        row = QHBoxLayout()
        row.addWidget(self._icon)
        row.addWidget(self._sentence, 1)
        row.addWidget(actions)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        self._explanation = QLabel(EXPLANATION, self)
        self._explanation.setObjectName("no_tray.explanation")
        self._explanation.setWordWrap(True)
        self._explanation.setVisible(explain)
        layout.addWidget(self._explanation)
        self.setMinimumWidth(360)

    def set_state(self, state: TrayState, dark_panel: bool) -> None:
        icon = badge_icon(state.tone, state.badge, dark_panel)
        self._icon.setPixmap(icon.pixmap(32, 32))
        self._icon.setAccessibleName(state.badge or "Crickets")
        self._sentence.setText(state.tooltip)

    @property
    def sentence(self) -> str:
        return self._sentence.text()
