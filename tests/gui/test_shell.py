"""The real shell, offscreen, assembled as the app assembles it: every window the app can
ask for opens, and the menu's and the reminders' intents reach the right place."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from crickets.domain.clock import FixedClock
from crickets.domain.drafts import DraftKind
from crickets.domain.interview import Status
from crickets.domain.reminders import Reminder, ReminderKind
from crickets.storage.store import Store
from crickets.ui.reminders.actions import ReminderAction, ReminderActionKind
from crickets.ui.shell import Shell
from crickets.ui.windows import WindowKey, WindowKind, WindowRequest, desktop_title
from tests.builders import make_interview
from tests.gui.running import running_tray

START = datetime(2026, 12, 1, 19, 0, tzinfo=UTC)
WINDOWS = {
    WindowKind.EDITOR: "editor",
    WindowKind.LIST: "list",
    WindowKind.SETTINGS: "settings",
    WindowKind.DRAFTS: "drafts",
    WindowKind.RESCHEDULE: "reschedule",
    WindowKind.HAVENT_CALLED: "guide.havent-called",
    WindowKind.MISSED_CALL: "guide.missed-call",
    WindowKind.TEMPLATES: "templates",
    WindowKind.IMPORT: "import",
    WindowKind.WELCOME: "welcome",
}


@pytest.fixture
def shell(store: Store, tmp_path: Path, qtbot: QtBot) -> Iterator[Shell]:
    store.interviews.add(make_interview(id=None, interviewer_phone="+1 415 555 0134"))
    clock = FixedClock(START + timedelta(minutes=6))
    running, _ = running_tray(store, clock, str(tmp_path / "s.sock"))
    running.controller.start()
    yield running.shell
    for key in running.windows.open_keys():
        running.windows.close(key)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # while the store is open
    running.shell.stop()


def menu_action(shell: Shell, name: str) -> QAction:
    shell.tray.rebuild_menu()
    found = shell.tray.action(name)
    assert found is not None, name
    return found


@pytest.mark.parametrize(("kind", "object_name"), list(WINDOWS.items()))
def test_every_window_opens(shell: Shell, kind: WindowKind, object_name: str) -> None:
    window = shell.windows.open(WindowRequest(kind, 1))
    assert window is not None and window.objectName() == object_name
    assert window.isVisible()
    assert "Crickets" not in window.windowTitle()  # the desktop adds "— Crickets" itself
    again = shell.windows.open(WindowRequest(kind, 1))
    assert again is window  # raised, not duplicated


@pytest.mark.parametrize("kind", list(WINDOWS))
def test_no_window_titles_itself_with_the_app_name(shell: Shell, kind: WindowKind) -> None:
    """Each window's own title, as its factory builds it (before the registry tidies any
    title up): the desktop adds "— Crickets", so none starts with "Crickets"."""
    window = shell.windows.factories[kind](WindowRequest(kind, 1))
    try:
        assert window.windowTitle() and not window.windowTitle().startswith("Crickets")
    finally:
        window.deleteLater()


def test_the_window_for_no_interview_and_the_no_tray_window_do_not_either(
    store: Store, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QMenu

    from crickets.ui.tray.no_tray_window import NoTrayWindow
    from crickets.wiring.windows import nothing_scheduled

    for window in (nothing_scheduled(), NoTrayWindow(QMenu(), explain=False)):
        assert window.windowTitle() and not window.windowTitle().startswith("Crickets")
        window.deleteLater()


def test_every_factory_is_covered(shell: Shell) -> None:
    assert set(shell.windows.factories) == set(WindowKind) == set(WINDOWS)


def test_the_tray_menu_reaches_the_guide_and_records_they_called(
    shell: Shell, store: Store
) -> None:
    menu_action(shell, "tray.havent_called").trigger()
    assert shell.windows.get(WindowKey(WindowKind.HAVENT_CALLED, 1)) is not None
    menu_action(shell, "tray.they_called").trigger()
    interview = store.interviews.get(1)
    assert interview is not None and interview.status is Status.IN_CALL


def test_the_tray_drafts_menu_opens_that_draft_for_the_interview_in_focus(shell: Shell) -> None:
    menu_action(shell, f"tray.drafts.{DraftKind.RESCHEDULE.value}").trigger()
    assert shell.windows.open_keys() == [WindowKey(WindowKind.DRAFTS, 1)]


def test_a_closed_window_is_freed_and_reopens_fresh(shell: Shell) -> None:
    first = shell.windows.open(WindowRequest(WindowKind.DRAFTS, 1))
    assert first is not None
    first.close()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert WindowKey(WindowKind.DRAFTS, 1) not in shell.windows.open_keys()
    assert shell.windows.open(WindowRequest(WindowKind.DRAFTS, 1)) is not None


def test_showing_a_reminder_again_replaces_it_without_snoozing(shell: Shell, store: Store) -> None:
    reminder = Reminder(1, ReminderKind.GET_READY, START, START + timedelta(hours=1))
    first = shell.windows.show_reminder(reminder)
    second = shell.windows.show_reminder(reminder)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert first is not second
    assert shell.windows.get(WindowKey(ReminderKind.GET_READY, 1)) is second
    assert [a.kind.value for a in store.log.actions(1)] == []  # no snooze logged


def test_a_reminders_buttons_open_the_draft_and_record_the_outcome(
    shell: Shell, store: Store
) -> None:
    reminder = Reminder(1, ReminderKind.HOW_DID_IT_GO, START, START + timedelta(hours=1))
    thank_you = ReminderAction(ReminderActionKind.DRAFT, draft=DraftKind.THANK_YOU)
    shell.windows.buttons.act(reminder, thank_you)
    assert shell.windows.get(WindowKey(WindowKind.DRAFTS, 1)) is not None
    done = ReminderAction(ReminderActionKind.OUTCOME, outcome=Status.DONE)
    shell.windows.buttons.act(reminder, done)
    interview = store.interviews.get(1)
    assert interview is not None and interview.status is Status.DONE
    assert [(a.kind.value, a.detail) for a in store.log.actions(1)] == [("outcome", "done")]


def test_an_overdue_reminder_opens_the_guide_instead(shell: Shell) -> None:
    overdue = Reminder(1, ReminderKind.OVERDUE, START, START + timedelta(hours=1))
    shown = shell.windows.show_reminder(overdue)
    assert shown is shell.windows.get(WindowKey(WindowKind.HAVENT_CALLED, 1))
    assert shell.windows.open_keys() == [WindowKey(WindowKind.HAVENT_CALLED, 1)]


@pytest.mark.parametrize("kind", list(ReminderKind))
def test_reminder_window_titles_leave_the_app_name_to_the_desktop(
    shell: Shell, kind: ReminderKind
) -> None:
    shown = shell.windows.show_reminder(Reminder(1, kind, START, START + timedelta(hours=1)))
    assert shown is not None and shown.windowTitle()
    assert "Crickets" not in shown.windowTitle()


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Crickets — They haven't called", "They haven't called"),
        ("Crickets — a new time for Acme", "A new time for Acme"),
        ("Crickets settings", "Settings"),
        ("Crickets", "Crickets"),
        ("Drafts — Phone screen with Acme", "Drafts — Phone screen with Acme"),
    ],
)
def test_a_title_that_names_the_app_loses_the_name(title: str, expected: str) -> None:
    assert desktop_title(title) == expected


def test_saving_the_editor_keeps_a_status_changed_meanwhile(shell: Shell, store: Store) -> None:
    editor = shell.windows.open(WindowRequest(WindowKind.EDITOR, 1))
    assert editor is not None
    shell.controller.set_status(1, Status.IN_CALL)  # "They called" while the form is open
    company = editor.findChild(QLineEdit, "editor.company")
    save = editor.findChild(QPushButton, "editor.save")
    assert company is not None and save is not None
    company.setText("Acme Corp")
    save.click()
    saved = store.interviews.get(1)
    assert saved is not None
    assert saved.company == "Acme Corp" and saved.status is Status.IN_CALL


def test_an_outcome_from_the_list_goes_through_the_controller(shell: Shell, store: Store) -> None:
    from crickets.ui.interviews.list_window import InterviewsWindow

    listing = shell.windows.open(WindowRequest(WindowKind.LIST))
    assert isinstance(listing, InterviewsWindow)
    listing.select(1)
    listing.mark_outcome(Status.CANCELLED)
    cancelled = store.interviews.get(1)
    assert cancelled is not None and cancelled.status is Status.CANCELLED
    assert [(a.kind.value, a.detail) for a in store.log.actions(1)] == [("outcome", "cancelled")]


def test_quit_leaves_the_reminder_showing_for_the_next_start(shell: Shell, store: Store) -> None:
    """Quit ends the event loop without closing windows one by one: a reminder closed is a
    reminder snoozed, and nobody asked for that."""
    reminder = Reminder(1, ReminderKind.GET_READY, START, START + timedelta(hours=1))
    shown = shell.windows.show_reminder(reminder)
    assert shown is not None
    QTimer.singleShot(0, menu_action(shell, "tray.quit").trigger)
    assert QApplication.instance() is not None
    QApplication.exec()  # returns when Quit has ended the loop
    assert shown.isVisible()
    assert store.log.actions(1) == []  # no snooze logged


def test_an_invitation_dropped_on_a_text_field_of_an_open_window_is_imported(
    shell: Shell, tmp_path: Path, qtbot: QtBot
) -> None:
    from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    window = shell.windows.open(WindowRequest(WindowKind.EDITOR))
    assert window is not None
    field = window.findChild(QLineEdit)
    assert field is not None
    invite = tmp_path / "invite.ics"
    invite.write_text("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(invite))])
    at, copy, no_keys = QPoint(2, 2), Qt.DropAction.CopyAction, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(at, copy, mime, Qt.MouseButton.NoButton, no_keys)
    QApplication.sendEvent(field, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(at), copy, mime, Qt.MouseButton.NoButton, no_keys)
    with qtbot.waitSignal(shell.drops.dropped) as got:
        QApplication.sendEvent(field, drop)
    assert got.args == [str(invite)]
    assert field.text() == ""  # the path was not typed into the field


def test_at_rest_no_filter_sees_the_apps_events_and_an_open_window_brings_it(
    shell: Shell,
) -> None:
    from PySide6.QtCore import QObject

    class Spy(QObject):
        seen = 0

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            Spy.seen += 1
            return False

    spy = Spy()
    shell.windows.accept_drops_with(spy)  # no window open: installed nowhere
    poked = QObject()
    QApplication.sendEvent(poked, QEvent(QEvent.Type.User))
    assert Spy.seen == 0
    window = shell.windows.open(WindowRequest(WindowKind.LIST))
    assert window is not None
    QApplication.sendEvent(poked, QEvent(QEvent.Type.User))
    assert Spy.seen > 0  # every event of the app, while a window is open
    for key in shell.windows.open_keys():
        shell.windows.close(key)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    Spy.seen = 0
    QApplication.sendEvent(poked, QEvent(QEvent.Type.User))
    assert Spy.seen == 0  # and none again once the last window closed


def test_a_new_palette_repaints_the_tray_icon(
    shell: Shell, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QColor, QPalette

    repainted: list[bool] = []
    monkeypatch.setattr(type(shell.tray), "refresh_palette", lambda tray: repainted.append(True))
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.palette()
    try:
        app.setPalette(QPalette(QColor("#202020")))
        assert repainted
    finally:
        app.setPalette(before)
