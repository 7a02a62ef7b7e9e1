""" "They're running late": the time the interviewer said they would start at, entered on
their clock, echoed in both zones, and the countdown moved to it.

The time is typed on the interviewer's clock because that is how they say it ("we'll
start at 2:20"); the echo shows it on the person's clock too before anything moves. The
move itself is :meth:`~crickets.application.logbook.Logbook.running_late`: the call is then
not counted as missed, and the log says when it moved.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QTimeEdit, QVBoxLayout

from crickets.application.errors import Refused
from crickets.application.logbook import Logbook
from crickets.domain.errors import StoreError
from crickets.domain.interview import Interview
from crickets.domain.timefmt import both_zones, zone_label
from crickets.ui.guide.guide_top import line

_STEP = 5  # minutes: the first time offered is a round one


class LatePanel(QFrame):
    start_moved = Signal(object)  # the Interview as stored, expected at its new time

    def __init__(self, logbook: Logbook, interview: Interview, parent: QFrame | None = None):
        super().__init__(parent)
        self._logbook, self._book, self.interview = logbook, logbook.book, interview
        self.setObjectName("guide.late")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        settings = self._book.load_settings()
        self._clock_24h = settings.clock_24h
        self._my_zone = self._book.my_zone(settings)
        self.time_edit = QTimeEdit(self)
        self.time_edit.setObjectName("guide.late.time")
        self.time_edit.setDisplayFormat("HH:mm" if self._clock_24h else "h:mm AP")
        self.echo = line(self, "guide.late.echo")
        self.status = line(self, "guide.late.status")
        self.move_button = QPushButton("&Move the countdown", self)
        self.move_button.setObjectName("guide.late.move")
        self.move_button.setAutoDefault(False)
        self.move_button.clicked.connect(self.move_start)
        self._layout()
        self.time_edit.timeChanged.connect(lambda _t: self._echo())
        self.reset()

    def _layout(self) -> None:
        zone = zone_label(self._book.now().astimezone(self.interview.tzinfo))
        ask = QLabel(f"They said they'd start at ({zone}, their clock):", self)
        ask.setBuddy(self.time_edit)
        self.time_edit.setAccessibleName(f"The time they said they would start at, {zone}")
        row = QHBoxLayout()
        row.addWidget(ask)
        row.addWidget(self.time_edit)
        row.addWidget(self.move_button)
        row.addStretch(1)
        column = QVBoxLayout(self)
        column.addLayout(row)
        column.addWidget(self.echo)
        column.addWidget(self.status)

    def reset(self) -> None:
        """Offer the next round five minutes, ten minutes from now (or from the start)."""
        now = self._book.now()
        soonest = max(now, self.interview.start) + timedelta(minutes=10)
        local = soonest.astimezone(self.interview.tzinfo)
        minutes = -(-(local.hour * 60 + local.minute) // _STEP) * _STEP % (24 * 60)
        self.time_edit.setTime(QTime(minutes // 60, minutes % 60))
        self.status.clear()
        self._echo()

    def chosen(self) -> datetime:
        """The instant the entered time stands for: the first after the agreed start."""
        chosen = self.time_edit.time()
        return self.interview.next_at(time(chosen.hour(), chosen.minute()))

    def _echo(self) -> None:
        text = both_zones(
            self.chosen(), self.interview.zone, self._my_zone, clock_24h=self._clock_24h
        )
        self.echo.setText(f"The call would then start at {text}.")

    def move_start(self) -> None:
        try:
            stored = self._logbook.running_late(int(self.interview.id or 0), self.chosen())
        except (Refused, StoreError) as error:
            self.status.setText(str(error))
            return
        self.interview = stored
        self.status.setText("Moved. The countdown now runs to the new time.")
        self.start_moved.emit(stored)
