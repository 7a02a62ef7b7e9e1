"""What was done so far, at the foot of a guided window: folded to one line by default, so
the steps keep the room; unfolded, the log in the person's words, newest last."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QToolButton, QVBoxLayout, QWidget

_ROWS_SHOWN = 4


class GuideLog(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.toggle = QToolButton(self)
        self.toggle.setObjectName("guide.log_toggle")
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setAutoRaise(True)
        self.toggle.toggled.connect(self._unfold)
        self.list = QListWidget(self)
        self.list.setObjectName("guide.log")
        self.list.setAccessibleName("What you have done so far")
        self.list.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toggle)
        layout.addWidget(self.list)
        self.show_lines([])

    def _unfold(self, on: bool) -> None:
        self.list.setVisible(on)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)

    def show_lines(self, lines: Sequence[str]) -> None:
        """The log's lines; the fold says how many there are and what came last."""
        self.list.clear()
        self.list.addItems(list(lines))
        self.list.scrollToBottom()
        rows = min(max(len(lines), 1), _ROWS_SHOWN)
        self.list.setFixedHeight(rows * self.list.sizeHintForRow(0) + 8 if lines else 32)
        if not lines:
            self.toggle.setText("What you have done: nothing yet")
            return
        last = lines[-1]
        self.toggle.setText(f"What you have done ({len(lines)}), last: {last}")

    def lines(self) -> list[str]:
        items = (self.list.item(i) for i in range(self.list.count()))
        return [item.text() for item in items if item is not None]
