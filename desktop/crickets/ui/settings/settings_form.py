"""One control for every value in :class:`crickets.domain.settings.Settings`.

:meth:`SettingsForm.settings` builds the Settings the controls show; the dataclass itself
decides which combinations are allowed, and its ValueError is what the person reads.

:attr:`SettingsForm.changed` fires with every keystroke, :attr:`SettingsForm.edited` when
the person has finished with a control (left a number or a time, picked from a list,
ticked a box): the window says what is wrong only then, not while "1" is on its way to
"120" (docs/decisions/078-settings-check-when-you-leave-a-field.md).
"""

from __future__ import annotations

from datetime import time, timedelta

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
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
from crickets.ui.settings.time_choices import TimeChoices, name_control

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


class SettingsForm(QWidget):
    changed = Signal()  # any control's value changed (each keystroke)
    edited = Signal()  # the person finished with a control

    def __init__(
        self, system_zone: str, parent: QWidget | None = None, *, system_24h: bool = True
    ) -> None:
        super().__init__(parent)
        self.spins: dict[str, QSpinBox] = {}
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        reminders = self._group((0, 0), "Reminders", REMINDERS)
        self.sound = QCheckBox("Play a sound at the start and when late")
        name_control(self.sound, "settings.sound", "Play a sound")
        reminders.addRow(self.sound)
        self._group((1, 0), "When nobody calls", WAITING)
        hours = self._group((0, 1), "Proposing new times", {})
        self.work_start = _time_edit("settings.work_start", "Working hours start")
        self.work_end = _time_edit("settings.work_end", "Working hours end")
        for edit in (self.work_start, self.work_end):
            edit.timeChanged.connect(self.changed)
            edit.editingFinished.connect(self.edited)
        hours.addRow("Working hours start", self.work_start)
        hours.addRow("Working hours end", self.work_end)
        hours.addRow(QLabel("Working days"))
        hours.addRow(self._days())
        self._spin_rows(hours, SLOTS)
        self.time = TimeChoices(system_zone, system_24h)
        self._grid.addWidget(self.time, 1, 1)
        self.time.changed.connect(self.changed)
        self.time.edited.connect(self.edited)
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
            name_control(spin, f"settings.{name}", f"{label}, in minutes")
            spin.setRange(low, high)
            spin.setSuffix(unit)
            spin.valueChanged.connect(self.changed)
            spin.editingFinished.connect(self.edited)
            self.spins[name] = spin
            form.addRow(label, spin)

    def _days(self) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.days: list[QCheckBox] = []
        for day in WEEKDAYS:
            check = QCheckBox(day[:3])
            name_control(check, f"settings.work_day.{day[:3].lower()}", day)
            check.toggled.connect(self.changed)
            check.toggled.connect(self.edited)  # a tick is a finished choice
            self.days.append(check)
            row.addWidget(check)
        return box

    def load(self, settings: Settings) -> None:
        for name, spin in self.spins.items():
            spin.setValue(round(getattr(settings, name).total_seconds() / 60))
        self.work_start.setTime(QTime(settings.work_start.hour, settings.work_start.minute))
        self.work_end.setTime(QTime(settings.work_end.hour, settings.work_end.minute))
        for index, check in enumerate(self.days):
            check.setChecked(index in settings.work_days)
        self.sound.setChecked(settings.sound)
        self.time.load(settings)

    def show_zone_problem(self) -> None:
        """Save was pressed: say what is wrong with the zone, if anything."""
        self.time.show_zone_problem()

    def settings(self) -> Settings:
        """The Settings shown; ValueError (a sentence) when they do not fit together."""
        zone, day_first, clock_24h = self.time.values()  # ValueError: a zone it is not

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
            day_first=day_first,
            clock_24h=clock_24h,
        )


def _time_edit(object_name: str, accessible_name: str) -> QTimeEdit:
    edit = QTimeEdit()
    name_control(edit, object_name, accessible_name)
    edit.setDisplayFormat("HH:mm")
    return edit


def _time(edit: QTimeEdit) -> time:
    chosen = edit.time()
    return time(chosen.hour(), chosen.minute())
