"""The settings' "Time" group: the person's zone, how to read 04/05, and the clock.

The zone says what is wrong with it when the person leaves the field (or presses Save),
not at each keystroke; a message already showing goes as soon as the zone is fixed.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QWidget

from crickets.domain.settings import Settings
from crickets.ui.interviews.fields import error_label, show_error
from crickets.ui.interviews.zone_picker import ZonePicker

DAY_ORDER = (
    ("Ask me when it matters", None),
    ("Day first: 04/05 is 4 May", True),
    ("Month first: 04/05 is April 5", False),
)


def clock_choices(system_24h: bool) -> tuple[tuple[str, bool | None], ...]:
    """The clock control's entries; the first says which clock "the system's" is."""
    system = "24-hour" if system_24h else "12-hour"
    return (
        (f"As my system does ({system})", None),
        ("12-hour: 2:00 PM", False),
        ("24-hour: 14:00", True),
    )


def name_control(widget: QWidget, object_name: str, accessible_name: str) -> None:
    widget.setObjectName(object_name)
    widget.setAccessibleName(accessible_name)


class TimeChoices(QGroupBox):
    changed = Signal()  # a value changed (each keystroke)
    edited = Signal()  # the person finished with a control

    def __init__(self, system_zone: str, system_24h: bool, parent: QWidget | None = None) -> None:
        super().__init__("Time", parent)
        form = QFormLayout(self)
        self.home_zone = ZonePicker("settings.home_zone", "Your time zone", system_zone=system_zone)
        self.zone_error = error_label("settings.home_zone.error", "Problem with your time zone")
        form.addRow("Your time zone", self.home_zone)
        form.addRow(self.zone_error)
        self.day_first = self._choice(form, "Dates like 04/05", DAY_ORDER)
        name_control(self.day_first, "settings.day_first", "How to read dates like 04/05")
        self._clocks = clock_choices(system_24h)
        self.clock = self._choice(form, "Clock", self._clocks)
        name_control(self.clock, "settings.clock_24h", "12-hour or 24-hour clock")
        self.home_zone.zone_changed.connect(self._zone_changed)
        line = self.home_zone.lineEdit()
        if line is not None:
            line.editingFinished.connect(self.show_zone_problem)
        self.home_zone.activated.connect(lambda _index: self.show_zone_problem())

    def _choice(
        self, form: QFormLayout, label: str, entries: tuple[tuple[str, bool | None], ...]
    ) -> QComboBox:
        box = QComboBox()
        for text, _value in entries:
            box.addItem(text)
        box.currentIndexChanged.connect(self.changed)
        box.activated.connect(lambda _index: self.edited.emit())
        form.addRow(label, box)
        return box

    def _zone_changed(self) -> None:
        if self.zone_error.isVisible() and self.home_zone.zone() is not None:
            show_error(self.zone_error, self.home_zone, "")
        self.changed.emit()

    def show_zone_problem(self) -> None:
        """The zone field was left (or Save pressed): say what is wrong with it, if anything."""
        show_error(self.zone_error, self.home_zone, self.home_zone.problem())
        self.edited.emit()

    def load(self, settings: Settings) -> None:
        self.home_zone.set_zone(settings.home_zone)
        self.day_first.setCurrentIndex([v for _, v in DAY_ORDER].index(settings.day_first))
        self.clock.setCurrentIndex([v for _, v in self._clocks].index(settings.clock_24h))

    def values(self) -> tuple[str, bool | None, bool | None]:
        """(home zone, day first, 24-hour clock); ValueError when the zone is not one."""
        zone = self.home_zone.zone()
        if zone is None:
            raise ValueError(self.home_zone.problem())
        day_first = DAY_ORDER[self.day_first.currentIndex()][1]
        return zone, day_first, self._clocks[self.clock.currentIndex()][1]
