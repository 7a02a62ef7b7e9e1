"""The real shell, offscreen: every window the app can ask for opens, and the menu's
intents reach the right place."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from crickets.domain.clock import FixedClock
from crickets.domain.interview import Interview, Status
from crickets.domain.reminders import Reminder, ReminderKind
from crickets.storage.store import Store
from crickets.ui.shell import Shell

START = datetime(2026, 12, 1, 19, 0, tzinfo=UTC)
WINDOWS = {
    "editor": "editor", "list": "list", "settings": "settings", "drafts": "drafts",
    "reschedule": "reschedule", "havent_called": "guide.havent-called",
    "missed_call": "guide.missed-call", "templates": "templates", "import_": "import",
}  # fmt: skip


@pytest.fixture
def shell(tmp_path: Path, qtbot):  # type: ignore[no-untyped-def]
    store = Store.open(tmp_path)
    store.add(Interview(datetime(2026, 12, 1, 14, 0), "America/New_York", company="Acme",
                        interviewer_phone="+1 415 555 0134"))  # fmt: skip
    app = QApplication.instance()
    running = Shell(app, store, FixedClock(START + timedelta(minutes=6)),  # type: ignore[arg-type]
                    zone_for=lambda s: "Europe/London", socket=str(tmp_path / "s.sock"),
                    data_dir=tmp_path)  # fmt: skip
    running.controller.start()
    yield running
    for key in running.windows.open_keys():
        running.windows.close(key)
    running.stop()
    store.close()


@pytest.mark.parametrize(("name", "object_name"), sorted(WINDOWS.items()))
def test_every_window_opens(shell: Shell, name: str, object_name: str) -> None:
    window = shell.windows.open(name, 1)
    assert window is not None and window.objectName() == object_name
    assert window.isVisible()
    again = shell.windows.open(name, 1)
    assert again is window  # raised, not duplicated


def test_every_factory_is_covered(shell: Shell) -> None:
    assert set(shell.windows.factories) == set(WINDOWS)


def test_the_tray_menu_reaches_the_guide_and_records_they_called(shell: Shell) -> None:
    shell.tray.rebuild_menu()
    shell.tray.action("tray.havent_called").trigger()  # type: ignore[union-attr]
    assert shell.windows.get("havent_called:1") is not None
    shell.tray.action("tray.they_called").trigger()  # type: ignore[union-attr]
    assert shell.store.get(1).status is Status.IN_CALL


def test_a_closed_window_is_freed_and_reopens_fresh(shell: Shell) -> None:
    first = shell.windows.open("drafts", 1)
    assert first is not None
    first.close()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert "drafts:1" not in shell.windows.open_keys()
    assert shell.windows.open("drafts", 1) is not None


def test_showing_a_reminder_again_replaces_it_without_snoozing(shell: Shell) -> None:
    reminder = Reminder(1, ReminderKind.GET_READY, START, START + timedelta(hours=1))
    first = shell.windows.show_reminder(reminder)
    second = shell.windows.show_reminder(reminder)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert first is not second
    assert shell.windows.get("reminder:1:get-ready") is second
    assert [a.kind.value for a in shell.store.actions(1)] == []  # no snooze logged


def test_saving_the_editor_keeps_a_status_changed_meanwhile(shell: Shell, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLineEdit, QPushButton

    editor = shell.windows.open("editor", 1)
    assert editor is not None
    shell.controller.set_status(1, Status.IN_CALL)  # "They called" while the form is open
    company = editor.findChild(QLineEdit, "editor.company")
    company.setText("Acme Corp")
    editor.findChild(QPushButton, "editor.save").click()
    saved = shell.store.get(1)
    assert saved.company == "Acme Corp" and saved.status is Status.IN_CALL


def test_an_outcome_from_the_list_goes_through_the_controller(shell: Shell) -> None:
    from crickets.ui.interviews.list_window import InterviewsWindow

    listing = shell.windows.open("list")
    assert isinstance(listing, InterviewsWindow)
    listing.select(1)
    listing.mark_outcome(Status.CANCELLED)
    assert shell.store.get(1).status is Status.CANCELLED
    assert [(a.kind.value, a.detail) for a in shell.store.actions(1)] == [("outcome", "cancelled")]
