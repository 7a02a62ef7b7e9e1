"""The top of a guided window: who was to call and how to reach them, how late it is, and
the one thing to do now.

Everything shown is handed in by the window on each refresh; the only thing the top says
back is that the person finished the "now" step (``now_done``), which the window logs.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from crickets.domain.guide_header import guide_header
from crickets.domain.guides import StepView, elapsed_line, stop_line
from crickets.domain.interview import Interview
from crickets.domain.settings import Settings
from crickets.domain.timefmt import both_zones

_SELECTABLE = Qt.TextInteractionFlag.TextSelectableByMouse | (
    Qt.TextInteractionFlag.TextSelectableByKeyboard
)


def line(parent: QWidget, name: str, style: str = "", *, selectable: bool = False) -> QLabel:
    """A wrapped line of plain text, named for tests and screen readers."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)  # names and links are never markup
    if style:
        label.setStyleSheet(style)
    if selectable:
        label.setTextInteractionFlags(_SELECTABLE)
    return label


class GuideTop(QWidget):
    now_done = Signal(str)  # the id of the step shown as "Now", finished

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.who = line(self, "guide.who", "font-weight: 600;")
        self.reach = line(self, "guide.reach", selectable=True)
        self.write_to = line(self, "guide.write_to", selectable=True)
        self.elapsed = line(self, "guide.elapsed", "font-size: 13pt; font-weight: 600;")
        self.stop = line(self, "guide.stop")
        self.note = line(self, "guide.note", "font-style: italic;")
        for label in (self.who, self.reach, self.write_to, self.elapsed, self.stop, self.note):
            layout.addWidget(label)
        layout.addWidget(self._now_box())
        self._now_id = ""

    def _now_box(self) -> QFrame:
        self.now_frame = QFrame(self)
        self.now_frame.setObjectName("guide.now_box")
        self.now_frame.setFrameShape(QFrame.Shape.StyledPanel)
        self.now_frame.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.now_frame.setAutoFillBackground(True)
        row = QHBoxLayout(self.now_frame)
        self.now = line(self.now_frame, "guide.now", "font-size: 12pt; font-weight: 600;")
        self.now.setAccessibleDescription("What to do now")
        self.now_button = QPushButton("&Done", self.now_frame)
        self.now_button.setObjectName("guide.now.done")
        self.now_button.setAutoDefault(False)
        self.now_button.clicked.connect(lambda: self.now_done.emit(self._now_id))
        row.addWidget(self.now, 1)
        row.addWidget(self.now_button)
        return self.now_frame

    @property
    def now_step_id(self) -> str:
        """The id of the step shown as "Now" ("" when there is none)."""
        return self._now_id

    def show_state(
        self, interview: Interview, settings: Settings, my_zone: str, now: datetime, *, missed: bool
    ) -> None:
        """Who and how to reach them, how late it is, when to stop waiting (not after a call
        the person missed), and what was recorded or moved."""
        header = guide_header(interview, missed=missed)
        self.who.setText(header.who)
        self.reach.setText(header.reach)
        self.write_to.setText(header.write_to)
        clock_24h = settings.clock_24h
        self.elapsed.setText(elapsed_line(interview, my_zone, now, clock_24h=clock_24h))
        self.stop.setText(stop_line(interview, settings, my_zone, now))
        self.stop.setVisible(not missed)
        self.note.setText(_note(interview, my_zone, clock_24h))
        self.note.setVisible(bool(self.note.text()))

    def show_now(self, view: StepView | None) -> None:
        """The one thing to do now, or nothing (the frame hides)."""
        self._now_id = view.step.id if view is not None else ""
        self.now_frame.setVisible(view is not None)
        if view is None:
            return
        self.now.setText(f"Now: {view.step.now}.")
        self.now_button.setVisible(not view.step.fallback)
        self.now_button.setAccessibleName(f"Done: {view.step.now}")


def _note(interview: Interview, my_zone: str, clock_24h: bool | None) -> str:
    """What was recorded, or that the start moved because they are running late."""
    if interview.status.is_terminal:
        return f"Recorded: {interview.status.value.replace('-', ' ')}."
    if interview.is_running_late:
        agreed = both_zones(interview.agreed_start, interview.zone, my_zone, clock_24h=clock_24h)
        return f"They're running late: the call was agreed for {agreed}."
    return ""
