"""The fields of one interview, each checked as typed by the same rules as the command line.

:meth:`InterviewForm.changes` gives the typed :class:`InterviewFields` once everything is
acceptable; until then every field with a problem says so underneath it. What a pasted
invitation fills in arrives as a typed :class:`FormFill`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from crickets.application.interviews import InterviewFields
from crickets.domain import validation
from crickets.domain.clock import Clock
from crickets.domain.interview import Direction, Interview
from crickets.domain.slot_hours import format_hours, parse_hours
from crickets.ui.interviews.fields import Check, CheckedField, error_label, show_error
from crickets.ui.interviews.when_field import WhenField
from crickets.ui.interviews.zone_picker import ZonePicker

# Interview field -> (label, check), in the order the form shows them.
PEOPLE: dict[str, tuple[str, Check]] = {
    "company": ("Company", validation.single_line),
    "role": ("Role", validation.single_line),
    "interviewer_name": ("Interviewer's name", validation.single_line),
    "interviewer_email": ("Interviewer's email", validation.email),
    "interviewer_phone": ("Interviewer's phone", validation.phone),
}
CONTACT: dict[str, tuple[str, Check]] = {
    "meeting_link": ("Meeting link", validation.link),
    "my_phone": ("The number you gave them", validation.phone),
    "notes": ("Notes", validation.notes),
}
DIRECTIONS = (
    ("They call me", Direction.THEY_CALL),
    ("I call them", Direction.I_CALL),
    ("Video call (link)", Direction.VIDEO),
)


@dataclass(frozen=True)
class FormFill:
    """What a pasted invitation gives the form; an empty or missing value leaves the field
    as the person had it (nothing is guessed)."""

    company: str = ""
    role: str = ""
    interviewer_name: str = ""
    interviewer_email: str = ""
    interviewer_phone: str = ""
    meeting_link: str = ""
    when_text: str = ""  # as the person would type it, read by the "When" field
    zone: str = ""
    duration: timedelta | None = None
    direction: Direction | None = None

    def texts(self) -> dict[str, str]:
        """The text fields given, by the form's field name."""
        given = {
            "company": self.company,
            "role": self.role,
            "interviewer_name": self.interviewer_name,
            "interviewer_email": self.interviewer_email,
            "interviewer_phone": self.interviewer_phone,
            "meeting_link": self.meeting_link,
        }
        return {name: text for name, text in given.items() if text}


class InterviewForm(QWidget):
    changed = Signal()

    def __init__(
        self,
        clock: Clock,
        my_zone: str,
        day_first: bool | None,
        parent: QWidget | None = None,
        *,
        clock_24h: bool = False,
    ) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.texts: dict[str, CheckedField] = {}
        self._add_texts(form, PEOPLE)
        self.when = WhenField(clock, my_zone, day_first, clock_24h=clock_24h)
        form.addRow("When", self.when)
        self.zone = ZonePicker("editor.zone", "Time zone the time was agreed in")
        self.zone_error = error_label("editor.zone.error", "Problem with the time zone")
        form.addRow("Time zone", _stacked(self.zone, self.zone_error))
        self.duration = _duration_spin()
        form.addRow("Duration", self.duration)
        self.direction = QComboBox()
        self.direction.setObjectName("editor.direction")
        self.direction.setAccessibleName("Who calls whom")
        for label, direction in DIRECTIONS:
            self.direction.addItem(label, direction.value)
        form.addRow("Who calls whom", self.direction)
        self.their_hours = CheckedField(
            "editor.their_hours", "Their working hours", validation.working_hours
        )
        line = self.their_hours.editor
        assert isinstance(line, QLineEdit)
        line.setPlaceholderText("9:00-17:30 (their time)")
        line.setToolTip("The interviewer's working day, for proposing new times")
        self.their_hours.changed.connect(self.changed)
        form.addRow("Their working hours", self.their_hours)
        self._add_texts(form, CONTACT)
        self.setFocusProxy(self.texts["company"])
        self.zone.set_zone(my_zone)
        self.zone.zone_changed.connect(self._zone_changed)
        self.when.changed.connect(self.changed)
        self._zone_changed()

    def _add_texts(self, form: QFormLayout, specs: dict[str, tuple[str, Check]]) -> None:
        for name, (label, check) in specs.items():
            field = CheckedField(f"editor.{name}", label, check, multiline=name == "notes")
            field.changed.connect(self.changed)
            self.texts[name] = field
            form.addRow(label, field)

    def _zone_changed(self) -> None:
        show_error(self.zone_error, self.zone, self.zone.problem())
        self.when.set_zone(self.zone.zone())

    def load(self, interview: Interview) -> None:
        for name, field in self.texts.items():
            field.set_text(getattr(interview, name))
        self.duration.setValue(round(interview.duration.total_seconds() / 60))
        self.direction.setCurrentIndex(self.direction.findData(interview.direction.value))
        self.zone.set_zone(interview.zone)
        self.when.set_local(interview.local_start, interview.zone)
        hours = interview.their_hours
        self.their_hours.set_text(format_hours(hours) if hours else "")

    def apply_fields(self, fill: FormFill) -> None:
        """Fill what ``fill`` gives (paste); every other field stays as it is."""
        for name, text in fill.texts().items():
            self.texts[name].set_text(text)
        if fill.zone:
            self.zone.set_zone(fill.zone)
        if fill.when_text:
            self.when.edit.setText(fill.when_text)
        if fill.duration is not None:
            self.duration.setValue(round(fill.duration.total_seconds() / 60))
        if fill.direction is not None:
            self.direction.setCurrentIndex(self.direction.findData(fill.direction.value))

    def changes(self) -> InterviewFields | None:
        """The interview's fields as typed, or None while any field has a problem."""
        values = {name: field.value() for name, field in self.texts.items()}
        texts = {name: value for name, value in values.items() if value is not None}
        parsed, zone = self.when.parsed(), self.zone.zone()
        hours = self.their_hours.value()
        if parsed is None or zone is None or hours is None or len(texts) < len(values):
            return None
        return InterviewFields(
            local_start=parsed.local,
            zone=parsed.zone,
            duration=timedelta(minutes=self.duration.value()),
            direction=Direction(self.direction.currentData()),
            company=texts["company"],
            role=texts["role"],
            interviewer_name=texts["interviewer_name"],
            interviewer_email=texts["interviewer_email"],
            interviewer_phone=texts["interviewer_phone"],
            meeting_link=texts["meeting_link"],
            my_phone=texts["my_phone"],
            notes=texts["notes"],
            their_hours=parse_hours(hours) if hours else None,
        )


def _stacked(*widgets: QWidget) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    box.setFocusProxy(widgets[0])
    return box


def _duration_spin() -> QSpinBox:
    spin = QSpinBox()
    spin.setObjectName("editor.duration")
    spin.setAccessibleName("Duration in minutes")
    spin.setRange(5, 480)
    spin.setSingleStep(5)
    spin.setSuffix(" min")
    spin.setValue(30)
    return spin
