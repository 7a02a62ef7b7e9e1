"""The inline "Deleted 'Phone screen with Acme' — Undo" bar.

It only reports what the person chose: :attr:`UndoBar.undo_requested` or
:attr:`UndoBar.dismissed` (the Dismiss button, or :data:`UNDO_SECONDS` without an answer,
so a deleted interview does not keep its reminders for long).
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from crickets.ui.interviews.fields import named_button

UNDO_SECONDS = 30


class UndoBar(QFrame):
    undo_requested = Signal()
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("list.undo_bar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.text = QLabel()
        self.text.setObjectName("list.undo_text")
        self.text.setAccessibleName("What was just deleted")
        self.undo = named_button("Undo", "list.undo", "Undo the delete")
        self.dismiss = named_button("Dismiss", "list.dismiss", "Dismiss: delete for good")
        row = QHBoxLayout(self)
        row.addWidget(self.text, 1)
        row.addWidget(self.undo)
        row.addWidget(self.dismiss)
        self.timer = QTimer(self)
        self.timer.setObjectName("list.undo_timer")
        self.timer.setSingleShot(True)
        self.timer.setInterval(UNDO_SECONDS * 1000)
        self.timer.timeout.connect(self.dismissed)
        self.undo.clicked.connect(self.undo_requested)
        self.dismiss.clicked.connect(self.dismissed)
        self.setVisible(False)

    def offer(self, message: str) -> None:
        self.text.setText(message)
        self.setVisible(True)
        self.timer.start()

    def close_bar(self) -> None:
        self.timer.stop()
        self.setVisible(False)
