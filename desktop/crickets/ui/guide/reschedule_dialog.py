"""Finding a new time: three proposals in the interviewer's zone, then the agreed time.

The proposals are :meth:`~crickets.application.rescheduling.Rescheduling.plan`, the same
three times the reschedule email lists (one email, three times), with the plan's note when
the two working days do not meet. After a second miss there is nothing to propose: the
email asks them to call, and the dialog only takes the time they name.

Entering the agreed time creates the follow-on interview (linked to the missed one) through
:class:`~crickets.application.rescheduling.Rescheduling`; the app then resumes the countdown
on it (:attr:`RescheduleDialog.rescheduled`). The new time can go to any calendar as an
.ics file, written by :class:`~crickets.application.invitations.Invitations`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
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


OFFER = "Times you could offer, in one email (free in your working hours and theirs):"
OFFER_ANYWAY = "Times you could offer, in one email:"
SECOND_MISS = (
    "This call was already moved once, so the email asks them to call you when it suits "
    "them: there are no times to propose. When they name one, enter it below."
)


def _wrapped(text: str, name: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


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
        self.setWindowTitle(f"A new time for {interview.title}")
        book = rescheduling.logbook.book
        settings = book.load_settings()
        my_zone = book.my_zone(settings)
        layout = QVBoxLayout(self)
        self._offer(layout, settings.clock_24h, my_zone)
        layout.addWidget(QLabel("<b>A new time was agreed</b>:", self))  # fixed markup
        self.when = WhenField(book.clock, my_zone, settings.day_first, self)
        self.when.edit.setObjectName("reschedule.when")
        self.zone = ZonePicker(
            "reschedule.zone", "Time zone the new time was agreed in", parent=self
        )
        self.zone.set_zone(interview.zone)
        self.when.set_zone(interview.zone)
        self.zone.zone_changed.connect(lambda: self.when.set_zone(self.zone.zone()))
        layout.addWidget(self.when)
        zone_label = QLabel("Time &zone it was agreed in:", self)
        zone_label.setObjectName("reschedule.zone_label")
        zone_label.setBuddy(self.zone)  # Alt+Z, and screen readers name the picker by it
        layout.addWidget(zone_label)
        layout.addWidget(self.zone)
        self.status = QLabel(self)
        self.status.setObjectName("reschedule.status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        layout.addLayout(self._buttons())
        self.setMinimumWidth(560)  # wrapped lines need a width to wrap at
        self.when.changed.connect(self._update)
        self._update()

    def _kind(self) -> DraftKind:
        return DraftKind.SECOND_MISS if self.interview.is_follow_on else DraftKind.RESCHEDULE

    def _offer(self, layout: QVBoxLayout, clock_24h: bool | None, my_zone: str) -> None:
        """The email that asks for a new time: three proposals, or (after a second miss)
        a request that they call."""
        interview = self.interview
        if interview.is_follow_on:
            layout.addWidget(_wrapped(SECOND_MISS, "reschedule.intro", self))
            email = "&Write the email asking them to call you…"
        else:
            plan = self._rescheduling.plan(interview)
            intro = OFFER if plan.overlap else OFFER_ANYWAY
            layout.addWidget(_wrapped(intro, "reschedule.intro", self))
            if plan.note:
                layout.addWidget(_wrapped(plan.note, "reschedule.note", self))
            for index, slot in enumerate(plan.slots):
                text = slot.describe(interview.zone, my_zone, clock_24h=clock_24h)
                layout.addWidget(
                    _wrapped(f"{index + 1}.  {text}", f"reschedule.slot.{index}", self)
                )
            email = "&Write one email with these three times…"
        offer = QPushButton(email, self)
        offer.setObjectName("reschedule.email")
        offer.setAutoDefault(False)
        offer.clicked.connect(
            lambda: self.draft_requested.emit(int(interview.id or 0), self._kind())
        )
        layout.addWidget(offer)

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
