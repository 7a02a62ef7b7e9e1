"""The Settings window over the Preferences use case: every value round-trips, bad
combinations are refused inline. Start-at-login is a stand-in, never the real one."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import time, timedelta
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from crickets.application.preferences import Preferences
from crickets.domain.profile import Profile
from crickets.domain.settings import DEFAULTS, Settings
from crickets.storage.errors import StoreBusy
from crickets.storage.repositories.settings import SettingsAndProfile
from crickets.storage.store import Store
from crickets.ui.settings.settings_window import SettingsWindow

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")


SYSTEM_ZONE = "America/Halifax"  # what the machine says, handed in by the app


class Autostart:
    """Stands in for the app's start-at-login (the Autostart port)."""

    def __init__(self, enabled: bool = False, fails: bool = False) -> None:
        self.enabled, self.fails = enabled, fails
        self.calls: list[bool] = []

    def is_enabled(self) -> bool:
        return self.enabled

    def set_enabled(self, wanted: bool) -> None:
        self.calls.append(wanted)
        if self.fails:
            raise PermissionError("~/.config/autostart is not writable")
        self.enabled = wanted


@pytest.fixture
def default_store(tmp_path: Path) -> Iterator[Store]:
    """A store in the test's folder with every setting at its default."""
    opened = Store.open(tmp_path / "defaults")
    yield opened
    opened.close()


def open_window(qtbot: QtBot, store: Store, autostart: Autostart) -> SettingsWindow:
    window = SettingsWindow(Preferences(store.settings, autostart), SYSTEM_ZONE)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    return window


W = TypeVar("W", bound=QWidget)


def child(window: QWidget, kind: type[W], name: str) -> W:
    found = window.findChild(kind, name)
    assert found is not None, name
    return found


def set_spin(qtbot: QtBot, window: QWidget, name: str, minutes: int) -> None:
    spin = child(window, QSpinBox, name)
    spin.setFocus()
    QTest.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(spin, str(minutes))


def toggle(qtbot: QtBot, window: QWidget, name: str) -> None:
    """Space on the focused check box, as from the keyboard."""
    check = child(window, QCheckBox, name)
    check.setFocus()
    QTest.keyClick(check, Qt.Key.Key_Space)


def test_every_value_round_trips_through_the_store(qtbot: QtBot, default_store: Store) -> None:
    autostart = Autostart()
    window = open_window(qtbot, default_store, autostart)
    for name, minutes in (
        ("settings.confirm_before", 120),
        ("settings.get_ready_before", 20),
        ("settings.stale_after", 90),
        ("settings.grace", 7),
        ("settings.min_wait", 20),
        ("settings.stop_waiting_after", 40),
        ("settings.slot_slack", 15),
    ):
        set_spin(qtbot, window, name, minutes)
    child(window, QTimeEdit, "settings.work_start").setTime(QTime(8, 30))
    child(window, QTimeEdit, "settings.work_end").setTime(QTime(16, 0))
    for name in ("settings.work_day.fri", "settings.work_day.sat", "settings.sound"):
        toggle(qtbot, window, name)
    child(window, QComboBox, "settings.day_first").setCurrentIndex(1)
    zone = child(window, QComboBox, "settings.home_zone")
    zone.setFocus()
    QTest.keyClick(zone, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(zone, "Europe/Berlin")
    for name, text in (("settings.name", "Sam Lee"), ("settings.email", "sam@example.org")):
        QTest.keyClicks(child(window, QLineEdit, name), text)
    toggle(qtbot, window, "settings.autostart")
    with qtbot.waitSignal(window.settings_saved) as saved:
        QTest.keyClick(child(window, QLineEdit, "settings.email"), Qt.Key.Key_Return)
    expected = Settings(
        confirm_before=timedelta(minutes=120),
        get_ready_before=timedelta(minutes=20),
        grace=timedelta(minutes=7),
        min_wait=timedelta(minutes=20),
        stop_waiting_after=timedelta(minutes=40),
        stale_after=timedelta(minutes=90),
        work_start=time(8, 30),
        work_end=time(16, 0),
        work_days=(0, 1, 2, 3, 5),
        slot_slack=timedelta(minutes=15),
        home_zone="Europe/Berlin",
        sound=False,
        day_first=True,
    )
    assert saved.args == [expected]
    assert default_store.settings.load_settings() == expected
    assert default_store.settings.load_profile() == Profile(name="Sam Lee", email="sam@example.org")
    assert autostart.calls == [True]
    assert not window.isVisible()
    again = open_window(qtbot, default_store, autostart)
    assert again.form.settings() == expected
    assert child(again, QCheckBox, "settings.autostart").isChecked()
    assert child(again, QLineEdit, "settings.name").text() == "Sam Lee"


def test_a_grace_longer_than_the_wait_is_refused_inline(qtbot: QtBot, default_store: Store) -> None:
    window = open_window(qtbot, default_store, Autostart())
    set_spin(qtbot, window, "settings.grace", 20)
    error = child(window, QLabel, "settings.error")
    assert error.isVisible()
    assert error.text() == (
        "These settings cannot be saved: grace ≤ minimum wait ≤ stop waiting is required"
    )
    save = child(window, QPushButton, "settings.save")
    assert not save.isEnabled()
    QTest.keyClick(save, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert default_store.settings.load_settings() == DEFAULTS
    set_spin(qtbot, window, "settings.grace", 10)
    assert not error.isVisible() and save.isEnabled()


def test_working_hours_must_end_after_they_start(qtbot: QtBot, default_store: Store) -> None:
    window = open_window(qtbot, default_store, Autostart())
    child(window, QTimeEdit, "settings.work_end").setTime(QTime(8, 0))
    error = child(window, QLabel, "settings.error")
    assert "working hours must end after they start" in error.text()
    assert not child(window, QPushButton, "settings.save").isEnabled()


def test_no_working_day_is_refused(qtbot: QtBot, default_store: Store) -> None:
    window = open_window(qtbot, default_store, Autostart())
    for day in ("mon", "tue", "wed", "thu", "fri"):
        child(window, QCheckBox, f"settings.work_day.{day}").setChecked(False)
    assert "at least one" in child(window, QLabel, "settings.error").text()
    assert not window.save()
    assert default_store.settings.load_settings() == DEFAULTS


def test_an_unknown_home_zone_is_explained(qtbot: QtBot, default_store: Store) -> None:
    window = open_window(qtbot, default_store, Autostart())
    zone = child(window, QComboBox, "settings.home_zone")
    assert zone.currentText() == f"The system's time zone ({SYSTEM_ZONE})"
    zone.setEditText("Atlantis")
    assert "not a time zone name" in child(window, QLabel, "settings.home_zone.error").text()
    assert not child(window, QPushButton, "settings.save").isEnabled()


def test_a_bad_profile_email_is_shown_and_blocks_saving(qtbot: QtBot, default_store: Store) -> None:
    window = open_window(qtbot, default_store, Autostart())
    QTest.keyClicks(child(window, QLineEdit, "settings.email"), "sam at home")
    assert "is not an email address" in child(window, QLabel, "settings.email.error").text()
    assert not child(window, QPushButton, "settings.save").isEnabled()


def test_restore_defaults_fills_the_defaults_without_saving(
    qtbot: QtBot, default_store: Store
) -> None:
    custom = Settings(grace=timedelta(minutes=10), sound=False, home_zone="Asia/Tokyo")
    default_store.settings.save_settings(custom)
    window = open_window(qtbot, default_store, Autostart())
    assert window.form.settings() == custom
    QTest.mouseClick(child(window, QPushButton, "settings.defaults"), Qt.MouseButton.LeftButton)
    assert window.form.settings() == DEFAULTS
    assert default_store.settings.load_settings() == custom
    QTest.keyClick(child(window, QPushButton, "settings.defaults"), Qt.Key.Key_Escape)
    assert not window.isVisible()
    assert default_store.settings.load_settings() == custom


class BusySettings(SettingsAndProfile):
    def save_settings(self, settings: Settings) -> None:
        raise StoreBusy("Another Crickets process is writing; try again in a moment.")


def test_a_store_that_cannot_save_says_why(qtbot: QtBot, tmp_path: Path) -> None:
    busy = Store.open(tmp_path / "busy")
    busy.settings = BusySettings(busy.database)
    window = open_window(qtbot, busy, Autostart())
    assert not window.save()
    message = child(window, QLabel, "settings.message")
    assert message.text() == (
        "Not saved: Another Crickets process is writing; try again in a moment."
    )
    assert window.isVisible()
    busy.close()


def test_autostart_that_cannot_be_changed_is_reported(qtbot: QtBot, default_store: Store) -> None:
    autostart = Autostart(fails=True)
    window = open_window(qtbot, default_store, autostart)
    child(window, QCheckBox, "settings.autostart").setChecked(True)
    with qtbot.waitSignal(window.settings_saved):
        assert not window.save()
    assert autostart.calls == [True]
    message = child(window, QLabel, "settings.message")
    assert "starting at login could not be changed" in message.text()
    assert window.isVisible()


def test_autostart_that_cannot_be_read_is_said_and_shown_off(
    qtbot: QtBot, default_store: Store
) -> None:
    class Unreadable(Autostart):
        def is_enabled(self) -> bool:
            raise PermissionError("~/.config/autostart is not readable")

    window = SettingsWindow(Preferences(default_store.settings, Unreadable()), SYSTEM_ZONE)
    qtbot.addWidget(window)
    message = child(window, QLabel, "settings.message")
    assert "Could not tell whether Crickets starts at login" in message.text()
    assert not child(window, QCheckBox, "settings.autostart").isChecked()
