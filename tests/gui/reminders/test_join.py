"""A reminder's Join button opens the meeting link through the LinkOpener port, as the
guide's link step does: the action log says "link-opened" only when the link opened, and
when nothing opened it the window stays and shows the link to copy, in one sentence."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from crickets.domain.actions import ActionKind
from crickets.domain.clock import FixedClock
from crickets.domain.interview import Direction
from crickets.domain.reminders import Reminder, ReminderKind
from crickets.storage.store import Store
from crickets.ui.outlets import LINK_DID_NOT_OPEN
from crickets.ui.reminders.reminder_window import ReminderWindow
from crickets.wiring.tray import TrayApp
from tests.builders import make_interview
from tests.gui.running import running_tray

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")

START = datetime(2026, 12, 1, 19, 0, tzinfo=UTC)
LINK = "https://meet.example.com/abc-defg-hij"


class Browser:
    """Stands in for the desktop's browser (the LinkOpener port)."""

    def __init__(self, works: bool) -> None:
        self.works = works
        self.opened: list[str] = []

    def open_link(self, url: str) -> bool:
        self.opened.append(url)
        return self.works


@pytest.fixture
def running(store: Store, tmp_path: Path) -> Iterator[TrayApp]:
    store.interviews.add(make_interview(id=None, direction=Direction.VIDEO, meeting_link=LINK))
    app, _ = running_tray(store, FixedClock(START), str(tmp_path / "s.sock"))
    app.controller.start()
    yield app
    for key in app.windows.open_keys():
        app.windows.close(key)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.shell.stop()


def start_reminder(running: TrayApp, browser: Browser) -> ReminderWindow:
    running.windows.buttons.links = browser
    window = running.windows.show_reminder(Reminder(1, ReminderKind.START, START, START))
    assert isinstance(window, ReminderWindow)
    return window


def join(window: ReminderWindow) -> None:
    found = window.findChild(QPushButton, "reminder.action.join")
    assert found is not None
    found.click()


def logged(store: Store) -> list[ActionKind]:
    return [action.kind for action in store.log.actions(1)]


def label(window: ReminderWindow, name: str) -> QLabel:
    found = window.findChild(QLabel, name)
    assert found is not None, name
    return found


def test_a_link_that_opened_is_logged_and_the_reminder_is_done(
    running: TrayApp, store: Store, qtbot: QtBot
) -> None:
    browser = Browser(works=True)
    window = start_reminder(running, browser)
    join(window)
    assert browser.opened == [LINK]
    assert ActionKind.LINK_OPENED in logged(store)
    qtbot.waitUntil(lambda: not window.isVisible())


def test_a_link_that_did_not_open_is_shown_to_copy_and_nothing_is_logged(
    running: TrayApp, store: Store, qtbot: QtBot
) -> None:
    window = start_reminder(running, Browser(works=False))
    join(window)
    assert ActionKind.LINK_OPENED not in logged(store)
    assert window.isVisible()  # Snooze and Dismiss are still there
    problem, link = label(window, "reminder.link_problem"), label(window, "reminder.link")
    assert problem.isVisible() and problem.text() == LINK_DID_NOT_OPEN
    assert link.isVisible() and link.text() == LINK
    assert link.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse


def test_joining_after_a_failure_can_still_succeed(
    running: TrayApp, store: Store, qtbot: QtBot
) -> None:
    browser = Browser(works=False)
    window = start_reminder(running, browser)
    join(window)
    browser.works = True
    join(window)
    assert logged(store).count(ActionKind.LINK_OPENED) == 1
    qtbot.waitUntil(lambda: not window.isVisible())


def test_a_failed_join_neither_snoozes_nor_dismisses_the_reminder(
    running: TrayApp, qtbot: QtBot
) -> None:
    """The person decides what happens to the reminder next, not Crickets."""
    window = start_reminder(running, Browser(works=False))
    with qtbot.assertNotEmitted(window.dismissed), qtbot.assertNotEmitted(window.snooze_requested):
        join(window)
    assert window.isVisible()
