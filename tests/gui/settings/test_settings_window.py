"""The Settings window over the Preferences use case: every value round-trips, bad
combinations are refused inline. Start-at-login is a stand-in, never the real one."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import time, timedelta
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QLocale, Qt, QTime
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


def focus(qtbot: QtBot, widget: QWidget) -> None:
    """Give ``widget`` the keyboard focus (its window active), as a click would."""
    widget.window().activateWindow()
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def set_spin(qtbot: QtBot, window: QWidget, name: str, minutes: int) -> None:
    spin = child(window, QSpinBox, name)
    focus(qtbot, spin)
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


def leave(qtbot: QtBot, widget: QWidget) -> None:
    """Tab from ``widget`` to the next control: the one left has been finished with."""
    QTest.keyClick(widget, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not widget)


def test_nothing_is_flagged_while_typing_only_when_the_field_is_left(
    qtbot: QtBot, default_store: Store
) -> None:
    window = open_window(qtbot, default_store, Autostart())
    error = child(window, QLabel, "settings.error")
    set_spin(qtbot, window, "settings.grace", 20)  # on its way to 2, the "2" of 20 was fine
    assert not error.isVisible()  # still typing: nothing said yet
    leave(qtbot, child(window, QSpinBox, "settings.grace"))
    assert error.isVisible()
    assert error.text() == (
        "These settings cannot be saved: grace ≤ minimum wait ≤ stop waiting is required"
    )
    set_spin(qtbot, window, "settings.grace", 10)
    assert not error.isVisible()  # fixed: the message goes at once, before leaving


def test_save_refuses_settings_that_do_not_fit_and_says_why(
    qtbot: QtBot, default_store: Store
) -> None:
    window = open_window(qtbot, default_store, Autostart())
    set_spin(qtbot, window, "settings.grace", 20)
    error = child(window, QLabel, "settings.error")
    QTest.keyClick(child(window, QSpinBox, "settings.grace"), Qt.Key.Key_Return)  # Save
    assert "grace ≤ minimum wait ≤ stop waiting" in error.text() and error.isVisible()
    assert window.isVisible()
    assert default_store.settings.load_settings() == DEFAULTS


def test_working_hours_must_end_after_they_start(qtbot: QtBot, default_store: Store) -> None:
    window = open_window(qtbot, default_store, Autostart())
    child(window, QTimeEdit, "settings.work_end").setTime(QTime(8, 0))
    error = child(window, QLabel, "settings.error")
    assert not error.isVisible()
    assert not window.save()
    assert "working hours must end after they start" in error.text()


def test_no_working_day_is_refused(qtbot: QtBot, default_store: Store) -> None:
    window = open_window(qtbot, default_store, Autostart())
    for day in ("mon", "tue", "wed", "thu", "fri"):
        child(window, QCheckBox, f"settings.work_day.{day}").setChecked(False)
    assert "at least one" in child(window, QLabel, "settings.error").text()  # a tick is final
    assert not window.save()
    assert default_store.settings.load_settings() == DEFAULTS


def test_an_unknown_home_zone_is_explained_once_the_field_is_left(
    qtbot: QtBot, default_store: Store
) -> None:
    window = open_window(qtbot, default_store, Autostart())
    zone = child(window, QComboBox, "settings.home_zone")
    assert zone.currentText() == f"The system's time zone ({SYSTEM_ZONE})"
    focus(qtbot, zone)
    QTest.keyClick(zone, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(zone, "Atlantis")
    problem = child(window, QLabel, "settings.home_zone.error")
    assert not problem.isVisible()
    leave(qtbot, zone)
    assert problem.isVisible() and "not a time zone name" in problem.text()
    assert not window.save()


def test_a_bad_profile_email_is_shown_when_left_and_blocks_saving(
    qtbot: QtBot, default_store: Store
) -> None:
    window = open_window(qtbot, default_store, Autostart())
    email = child(window, QLineEdit, "settings.email")
    focus(qtbot, email)
    QTest.keyClicks(email, "sam at home")
    problem = child(window, QLabel, "settings.email.error")
    assert not problem.isVisible()
    leave(qtbot, email)
    assert problem.isVisible() and "is not an email address" in problem.text()
    assert not window.save()
    assert default_store.settings.load_profile() == Profile()


def test_the_clock_can_be_chosen_or_left_to_the_system(qtbot: QtBot, default_store: Store) -> None:
    window = open_window(qtbot, default_store, Autostart())
    clock = child(window, QComboBox, "settings.clock_24h")
    assert clock.currentText() == "As my system does (12-hour)"  # the tests' US locale
    clock.setCurrentIndex(clock.findText("24-hour: 14:00"))
    assert window.save()
    assert default_store.settings.load_settings().clock_24h is True
    again = open_window(qtbot, default_store, Autostart())
    assert child(again, QComboBox, "settings.clock_24h").currentText() == "24-hour: 14:00"


def test_the_system_choice_names_the_clock_the_locale_uses(
    qtbot: QtBot, default_store: Store
) -> None:
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    window = open_window(qtbot, default_store, Autostart())
    clock = child(window, QComboBox, "settings.clock_24h")
    assert clock.currentText() == "As my system does (24-hour)"


def test_restore_defaults_fills_the_defaults_without_saving(
    qtbot: QtBot, default_store: Store
) -> None:
    custom = Settings(grace=timedelta(minutes=10), sound=False, home_zone="Asia/Tokyo")
    default_store.settings.save_settings(custom)
    window = open_window(qtbot, default_store, Autostart())
    assert window.form.settings() == custom
    child(window, QComboBox, "settings.clock_24h").setCurrentIndex(2)
    QTest.mouseClick(child(window, QPushButton, "settings.defaults"), Qt.MouseButton.LeftButton)
    assert window.form.settings() == DEFAULTS
    assert child(window, QTimeEdit, "settings.work_end").time() == QTime(17, 30)
    assert child(window, QComboBox, "settings.clock_24h").currentIndex() == 0
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


def type_into(qtbot: QtBot, window: QWidget, name: str, text: str) -> None:
    """Replace a line's text from the keyboard."""
    line = child(window, QLineEdit, name)
    focus(qtbot, line)
    QTest.keyClick(line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(line, text)


def test_name_phone_and_sign_off_are_set_here_and_sign_the_drafts(
    qtbot: QtBot, default_store: Store
) -> None:
    window = open_window(qtbot, default_store, Autostart())
    sign_off = child(window, QLineEdit, "settings.sign_off")
    assert sign_off.text() == "" and sign_off.placeholderText().startswith("Best regards,")
    type_into(qtbot, window, "settings.name", "Sam Lee")
    type_into(qtbot, window, "settings.phone", "+44 20 7946 0018")
    type_into(qtbot, window, "settings.sign_off", "Warm wishes")
    assert window.save()
    stored = default_store.settings.load_profile()
    assert stored == Profile(name="Sam Lee", phone="+44 20 7946 0018", sign_off="Warm wishes")
    assert stored.closing == "Warm wishes,"  # what the drafts put above the name
    again = open_window(qtbot, default_store, Autostart())
    assert child(again, QLineEdit, "settings.sign_off").text() == "Warm wishes"


def test_saving_keeps_a_sign_off_set_elsewhere_while_the_window_was_open(
    qtbot: QtBot, default_store: Store
) -> None:
    """``crickets profile --sign-off`` while Settings is open: saving a new name there
    changes the name only."""
    default_store.settings.save_profile(Profile(name="Sam", email="sam@example.org"))
    window = open_window(qtbot, default_store, Autostart())
    default_store.settings.save_profile(
        Profile(name="Sam", email="sam@example.org", sign_off="Cheers")
    )
    type_into(qtbot, window, "settings.name", "Sam Lee")
    assert window.save()
    assert default_store.settings.load_profile() == Profile(
        name="Sam Lee", email="sam@example.org", sign_off="Cheers"
    )


def test_saving_untouched_settings_keeps_every_profile_field(
    qtbot: QtBot, default_store: Store
) -> None:
    mine = Profile(
        name="Sam Lee", email="sam@example.org", phone="+1 415 555 0199", sign_off="Best"
    )
    default_store.settings.save_profile(mine)
    window = open_window(qtbot, default_store, Autostart())
    set_spin(qtbot, window, "settings.grace", 9)
    assert window.save()
    assert default_store.settings.load_profile() == mine
    assert default_store.settings.load_settings().grace == timedelta(minutes=9)


def test_a_cleared_sign_off_goes_back_to_crickets_own(qtbot: QtBot, default_store: Store) -> None:
    default_store.settings.save_profile(Profile(name="Sam", sign_off="Cheers"))
    window = open_window(qtbot, default_store, Autostart())
    type_into(qtbot, window, "settings.sign_off", "")
    QTest.keyClick(child(window, QLineEdit, "settings.sign_off"), Qt.Key.Key_Delete)
    assert window.save()
    assert default_store.settings.load_profile() == Profile(name="Sam")
    assert default_store.settings.load_profile().closing == "Best regards,"
