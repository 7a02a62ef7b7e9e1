"""One control for every value in :class:`crickets.domain.settings.Settings`.

:meth:`SettingsForm.settings` builds the Settings the controls show; the dataclass itself
decides which combinations are allowed, and its ValueError is what the person reads.
"""

from __future__ import annotations

from datetime import time, timedelta

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from crickets.domain.settings import Settings
from crickets.domain.timefmt import WEEKDAYS
from crickets.ui.interviews.fields import error_label, show_error
from crickets.ui.interviews.zone_picker import ZonePicker

#: Settings field -> (label, unit after the number, lowest, highest), in minutes.
Spins = dict[str, tuple[str, str, int, int]]

REMINDERS: Spins = {
    "confirm_before": ("Confirmation email reminder", " min before", 0, 1440),
    "get_ready_before": ("Get-ready reminder", " min before", 0, 720),
    "stale_after": ("Skip reminders late by more than", " min", 1, 1440),
}
WAITING: Spins = {
    "grace": ("Open \u201cThey haven't called\u201d", " min after the start", 0, 120),
    "min_wait": ("Wait at least", " min", 0, 240),
    "stop_waiting_after": ("Stop waiting after", " min", 0, 480),
}
SLOTS: Spins = {"slot_slack": ("Free time around a proposed time", " min", 0, 240)}
DAY_ORDER = (
    ("Ask me when it matters", None),
    ("Day first: 04/05 is 4 May", True),
    ("Month first: 04/05 is April 5", False),
)


class SettingsForm(QWidget):
    changed = Signal()

    def __init__(self, system_zone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._system_zone = system_zone  # what "the system's time zone" stands for here
        self.spins: dict[str, QSpinBox] = {}
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        reminders = self._group((0, 0), "Reminders", REMINDERS)
        self.sound = QCheckBox("Play a sound at the start and when late")
        _name(self.sound, "settings.sound", "Play a sound")
        reminders.addRow(self.sound)
        self._group((1, 0), "When nobody calls", WAITING)
        hours = self._group((0, 1), "Proposing new times", {})
        self.work_start = _time_edit("settings.work_start", "Working hours start")
        self.work_end = _time_edit("settings.work_end", "Working hours end")
        for edit in (self.work_start, self.work_end):
            edit.timeChanged.connect(self.changed)
        hours.addRow("Working hours start", self.work_start)
        hours.addRow("Working hours end", self.work_end)
        hours.addRow(QLabel("Working days"))
        hours.addRow(self._days())
        self._spin_rows(hours, SLOTS)
        self._time_group()
        self.load(Settings())

    def _group(self, cell: tuple[int, int], title: str, spins: Spins) -> QFormLayout:
        """A titled group in the two-column grid (row, column)."""
        box = QGroupBox(title)
        form = QFormLayout(box)
        self._grid.addWidget(box, *cell)
        self._spin_rows(form, spins)
        return form

    def _spin_rows(self, form: QFormLayout, spins: Spins) -> None:
        for name, (label, unit, low, high) in spins.items():
            spin = QSpinBox()
            _name(spin, f"settings.{name}", f"{label}, in minutes")
            spin.setRange(low, high)
            spin.setSuffix(unit)
            spin.valueChanged.connect(self.changed)
            self.spins[name] = spin
            form.addRow(label, spin)

    def _days(self) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.days: list[QCheckBox] = []
        for day in WEEKDAYS:
            check = QCheckBox(day[:3])
            _name(check, f"settings.work_day.{day[:3].lower()}", day)
            check.toggled.connect(self.changed)
            self.days.append(check)
            row.addWidget(check)
        return box

    def _time_group(self) -> None:
        form = self._group((1, 1), "Time", {})
        self.home_zone = ZonePicker(
            "settings.home_zone", "Your time zone", system_zone=self._system_zone
        )
        self.zone_error = error_label("settings.home_zone.error", "Problem with your time zone")
        form.addRow("Your time zone", self.home_zone)
        form.addRow(self.zone_error)
        self.day_first = QComboBox()
        _name(self.day_first, "settings.day_first", "How to read dates like 04/05")
        for label, _value in DAY_ORDER:
            self.day_first.addItem(label)
        form.addRow("Dates like 04/05", self.day_first)
        self.home_zone.zone_changed.connect(self._zone_changed)
        self.day_first.currentIndexChanged.connect(self.changed)

    def _zone_changed(self) -> None:
        show_error(self.zone_error, self.home_zone, self.home_zone.problem())
        self.changed.emit()

    def load(self, settings: Settings) -> None:
        for name, spin in self.spins.items():
            spin.setValue(round(getattr(settings, name).total_seconds() / 60))
        self.work_start.setTime(QTime(settings.work_start.hour, settings.work_start.minute))
        self.work_end.setTime(QTime(settings.work_end.hour, settings.work_end.minute))
        for index, check in enumerate(self.days):
            check.setChecked(index in settings.work_days)
        self.home_zone.set_zone(settings.home_zone)
        self.sound.setChecked(settings.sound)
        self.day_first.setCurrentIndex([v for _, v in DAY_ORDER].index(settings.day_first))

    def settings(self) -> Settings:
        """The Settings shown; ValueError (a sentence) when they do not fit together."""
        zone = self.home_zone.zone()
        if zone is None:
            raise ValueError(self.home_zone.problem())

        def minutes(name: str) -> timedelta:
            return timedelta(minutes=self.spins[name].value())

        return Settings(
            confirm_before=minutes("confirm_before"),
            get_ready_before=minutes("get_ready_before"),
            grace=minutes("grace"),
            min_wait=minutes("min_wait"),
            stop_waiting_after=minutes("stop_waiting_after"),
            stale_after=minutes("stale_after"),
            slot_slack=minutes("slot_slack"),
            work_start=_time(self.work_start),
            work_end=_time(self.work_end),
            work_days=tuple(i for i, check in enumerate(self.days) if check.isChecked()),
            home_zone=zone,
            sound=self.sound.isChecked(),
            day_first=DAY_ORDER[self.day_first.currentIndex()][1],
        )


def _name(widget: QWidget, object_name: str, accessible_name: str) -> None:
    widget.setObjectName(object_name)
    widget.setAccessibleName(accessible_name)


def _time_edit(object_name: str, accessible_name: str) -> QTimeEdit:
    edit = QTimeEdit()
    _name(edit, object_name, accessible_name)
    edit.setDisplayFormat("HH:mm")
    return edit


def _time(edit: QTimeEdit) -> time:
    chosen = edit.time()
    return time(chosen.hour(), chosen.minute())
