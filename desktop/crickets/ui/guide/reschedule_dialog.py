"""Finding a new time: three proposals in the interviewer's zone, then the agreed time.

Entering the agreed time creates the follow-on interview (linked to the missed one) through
:class:`~crickets.application.rescheduling.Rescheduling`; the app then resumes the countdown
on it (:attr:`RescheduleDialog.rescheduled`). The new time can go to any calendar as an
.ics file, written by :class:`~crickets.application.invitations.Invitations`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from crickets.application.errors import Refused
from crickets.application.rescheduling import Rescheduling
from crickets.atomic_files import write_atomically
from crickets.domain.drafts import DraftKind
from crickets.domain.errors import StoreError
from crickets.domain.interview import Interview
from crickets.ui.interviews.when_field import WhenField
from crickets.ui.interviews.zone_picker import ZonePicker
from crickets.ui.outlets import SavePathChooser, save_path_chooser

if TYPE_CHECKING:
    from crickets.application.invitations import Invitations


class RescheduleDialog(QDialog):
    draft_requested = Signal(int, object)  # interview id, DraftKind
    rescheduled = Signal(object)  # the new Interview, as stored

    def __init__(
        self,
        interview: Interview,
        rescheduling: Rescheduling,
        invitations: Invitations,
        *,
        choose_path: SavePathChooser | None = None,  # None: the Save dialog
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.interview, self._rescheduling = interview, rescheduling
        self._invitations = invitations
        self._choose_path = choose_path or save_path_chooser(
            "Add to my calendar", "Calendar (*.ics)", parent=self
        )
        self.created: Interview | None = None
        self.setObjectName("reschedule")
        self.setWindowTitle(f"Crickets — a new time for {interview.title}")
        book = rescheduling.logbook.book
        settings = book.load_settings()
        my_zone = book.my_zone(settings)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<b>Times you could offer</b> (your free working hours):", self))
        for index, slot in enumerate(rescheduling.proposals(interview)):
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
        self.when = WhenField(book.clock, my_zone, settings.day_first, self)
        self.when.edit.setObjectName("reschedule.when")
        self.zone = ZonePicker(
            "reschedule.zone", "Time zone the new time was agreed in", parent=self
        )
        self.zone.set_zone(interview.zone)
        self.when.set_zone(interview.zone)
        self.zone.zone_changed.connect(lambda: self.when.set_zone(self.zone.zone()))
        layout.addWidget(self.when)
        layout.addWidget(self.zone)
        self.status = QLabel(self)
        self.status.setObjectName("reschedule.status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        layout.addLayout(self._buttons())
        self.when.changed.connect(self._update)
        self._update()

    def _kind(self) -> DraftKind:
        return DraftKind.SECOND_MISS if self.interview.is_follow_on else DraftKind.RESCHEDULE

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.create_button = QPushButton("&Create the new interview", self)
        self.create_button.setObjectName("reschedule.create")
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.accept_time)
        self.calendar_button = QPushButton("Add to my &calendar (.ics)…", self)
        self.calendar_button.setObjectName("reschedule.ics")
        self.calendar_button.setEnabled(False)
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
        try:
            self.created = self._rescheduling.reschedule(
                int(self.interview.id or 0), parsed.local, parsed.zone
            )
        except (Refused, StoreError) as error:  # deleted meanwhile, or not writable
            self.status.setText(f"The new interview was not created: {error}")
        else:
            self.rescheduled.emit(self.created)
            self.calendar_button.setEnabled(True)
            self.create_button.setText("Created ✓")
        self._update()

    def _to_calendar(self) -> None:
        """Add to my calendar: an .ics with the store's stable UID, so calendars update it."""
        if self.created is None:
            return
        path = self._choose_path(self._invitations.file_name(self.created))
        if path is None:
            return
        try:
            write_atomically(path, self._invitations.export_ics(self.created), mode=0o644)
        except OSError as error:
            self.status.setText(f"Could not save {path}: {error.strerror or error}.")
            return
        self.status.setText(f"Saved {path.name}: open it to add the new time to your calendar.")
