"""The first start's one welcome window: what Crickets does, where its data lives (the real
folder, selectable to copy) and how to try the demo, then the way to the Add interview form.

The words are data (``resources/screens/welcome.json``); the shell decides when it is shown
(once, never in the demo or a login start: docs/decisions/130-welcome-once.md).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from string import Template

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crickets import resources

_FIELDS = ("title", "heading", "about", "data", "demo", "add", "later")


@dataclass(frozen=True)
class WelcomeText:
    title: str
    heading: str
    about: str
    data: str
    demo: str
    add: str
    later: str

    @classmethod
    def load(cls, data_dir: Path) -> WelcomeText:
        """The shipped words, with the data folder filled in (safe substitution)."""
        content = json.loads(resources.read_text("screens", "welcome.json"))
        values = {"data_dir": str(data_dir)}
        filled = {k: Template(str(content[k])).safe_substitute(values) for k in _FIELDS}
        return cls(**filled)


def _paragraph(text: str, name: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class WelcomeWindow(QDialog):
    add_requested = Signal()  # the person wants to add their first interview

    def __init__(self, text: WelcomeText, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        self.setWindowTitle(text.title)  # the desktop adds "— Crickets"
        layout = QVBoxLayout(self)
        heading = _paragraph(text.heading, "welcome.heading", self)
        heading.setStyleSheet("font-size: 15pt; font-weight: 600;")
        layout.addWidget(heading)
        for name in ("about", "data"):
            layout.addWidget(_paragraph(getattr(text, name), f"welcome.{name}", self))
        folder = QLineEdit(str(data_dir), self)  # any length fits, and it copies whole
        folder.setObjectName("welcome.folder")
        folder.setReadOnly(True)
        folder.setAccessibleName("Your data folder")
        folder.setCursorPosition(0)
        layout.addWidget(folder)
        layout.addWidget(_paragraph(text.demo, "welcome.demo", self))
        layout.addLayout(self._buttons(text))
        self.setMinimumWidth(520)  # wrapped lines need a width to wrap at

    def _buttons(self, text: WelcomeText) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addStretch(1)
        later = QPushButton(text.later, self)
        later.setObjectName("welcome.later")
        later.setAutoDefault(False)
        later.clicked.connect(self.reject)
        add = QPushButton(text.add, self)
        add.setObjectName("welcome.add")
        add.setDefault(True)
        add.clicked.connect(self._add)
        row.addWidget(later)
        row.addWidget(add)
        self._add_button = add
        return row

    def showEvent(self, event: QShowEvent) -> None:
        """Enter adds the first interview, whatever took the focus first."""
        super().showEvent(event)
        self._add_button.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def _add(self) -> None:
        self.accept()
        self.add_requested.emit()
