"""Finding a new time: three proposals in the interviewer's zone, then the agreed time.

Entering the agreed time creates the follow-on interview (linked to the missed one) and
the countdown resumes at once; the new time can then go to any calendar as an .ics file.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from crickets.domain.clock import Clock
from crickets.domain.interview import Interview
from crickets.domain.slots import propose_slots
from crickets.ui.interviews.when_field import WhenField
from crickets.ui.interviews.zone_picker import ZonePicker


class RescheduleDialog(QDialog):
    draft_requested = Signal(int, str)  # interview id, draft kind
    rescheduled = Signal(object)  # the new Interview

    def __init__(
        self,
        interview: Interview,
        store: Any,
        clock: Clock,
        my_zone: str,
        reschedule: Callable[[int, Any, str], Interview | None],
        export_ics: Callable[[Interview], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.interview, self._reschedule, self._export = interview, reschedule, export_ics
        self.created: Interview | None = None
        self.setObjectName("reschedule")
        self.setWindowTitle(f"Crickets — a new time for {interview.title}")
        settings = store.load_settings()
        slots = propose_slots(
            store.list(),
            settings,
            my_zone,
            clock.now(),
            duration=interview.duration,
            their_zone=interview.zone,
        )
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<b>Times you could offer</b> (your free working hours):", self))
        for index, slot in enumerate(slots):
            label = QLabel(f"{index + 1}.  {slot.describe(interview.zone, my_zone)}", self)
            label.setObjectName(f"reschedule.slot.{index}")
            layout.addWidget(label)
        offer = QPushButton("&Write the email with these times…", self)
        offer.setObjectName("reschedule.email")
        offer.clicked.connect(
            lambda: self.draft_requested.emit(int(interview.id or 0), self._kind())
        )
        layout.addWidget(offer)
        layout.addWidget(QLabel("<b>A new time was agreed</b>:", self))
        self.when = WhenField(clock, my_zone, settings.day_first, self)
        self.when.edit.setObjectName("reschedule.when")
        self.zone = ZonePicker(
            "reschedule.zone", "Time zone the new time was agreed in", parent=self
        )
        self.zone.set_zone(interview.zone)
        self.when.set_zone(interview.zone)
        self.zone.zone_changed.connect(lambda: self.when.set_zone(self.zone.zone()))
        layout.addWidget(self.when)
        layout.addWidget(self.zone)
        layout.addLayout(self._buttons())
        self.when.changed.connect(self._update)
        self._update()

    def _kind(self) -> str:
        return "second-miss" if self.interview.is_follow_on else "reschedule"

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.create_button = QPushButton("&Create the new interview", self)
        self.create_button.setObjectName("reschedule.create")
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.accept_time)
        self.calendar_button = QPushButton("Add to my &calendar (.ics)…", self)
        self.calendar_button.setObjectName("reschedule.ics")
        self.calendar_button.setEnabled(False)
        self.calendar_button.setVisible(self._export is not None)
        self.calendar_button.clicked.connect(self._to_calendar)
        close = QPushButton("Close", self)
        close.setObjectName("reschedule.close")
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        for button in (self.create_button, self.calendar_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(close)
        return row

    def _update(self) -> None:
        self.create_button.setEnabled(self.when.parsed() is not None and self.created is None)

    def accept_time(self) -> None:
        parsed = self.when.parsed()
        if parsed is None or self.created is not None:
            return
        self.created = self._reschedule(int(self.interview.id or 0), parsed.local, parsed.zone)
        if self.created is not None:
            self.rescheduled.emit(self.created)
            self.calendar_button.setEnabled(True)
            self.create_button.setText("Created ✓")
        self._update()

    def _to_calendar(self) -> None:
        if self.created is not None and self._export is not None:
            self._export(self.created)
