"""The "All interviews" window: order, both zones, delete with undo, outcomes, edit requests."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from crickets.domain.actions import ActionKind
from crickets.domain.clock import FixedClock
from crickets.domain.interview import Interview, Status
from crickets.domain.settings import Settings
from crickets.storage.errors import StorageError
from crickets.storage.repositories.interviews import Interviews
from crickets.storage.store import Store
from crickets.ui.interviews.list_window import InterviewsWindow
from crickets.ui.interviews.table import InterviewTable
from crickets.wiring.session import build_use_cases

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")

NOW = datetime(2026, 11, 25, 12, 21, tzinfo=UTC)  # a Wednesday (in London: tests/gui/conftest)


def list_window(store: Store) -> InterviewsWindow:
    use_cases = build_use_cases(store, FixedClock(NOW))
    return InterviewsWindow(use_cases.book, use_cases.logbook)


@pytest.fixture
def acme(store: Store) -> Interview:
    return store.interviews.add(
        Interview(
            datetime(2026, 12, 1, 14, 0),
            "America/New_York",
            company="Acme",
            role="Phone screen",
            interviewer_name="Jane Doe",
            interviewer_phone="+1 415 555 0100",
        )
    )


@pytest.fixture
def globex(store: Store) -> Interview:
    return store.interviews.add(
        Interview(datetime(2026, 11, 27, 10, 0), "Europe/London", company="Globex")
    )


@pytest.fixture
def window(qtbot: QtBot, store: Store, acme: Interview, globex: Interview) -> InterviewsWindow:
    shown = list_window(store)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    return shown


def table(window: QWidget) -> InterviewTable:
    found = window.findChild(InterviewTable, "list.table")
    assert found is not None
    return found


def button(window: QWidget, name: str) -> QPushButton:
    found = window.findChild(QPushButton, name)
    assert found is not None, name
    return found


def click(qtbot: QtBot, window: QWidget, name: str) -> None:
    QTest.mouseClick(button(window, name), Qt.MouseButton.LeftButton)


def titles(window: QWidget) -> list[str]:
    return table(window).column_texts(1)


def test_rows_are_soonest_first_with_both_zones(window: InterviewsWindow) -> None:
    assert titles(window) == ["Phone interview with Globex", "Phone screen with Acme"]
    when = table(window).column_texts(0)
    assert when[0] == "Friday 27 November 2026, 10:00 AM GMT"
    assert when[1] == "Tuesday 1 December 2026, 2:00 PM EST (7:00 PM GMT your time)"
    assert table(window).column_texts(2) == ["Not given", "Jane Doe, +1 415 555 0100"]
    assert table(window).column_texts(3) == ["Upcoming", "Upcoming"]
    assert table(window).column_texts(4) == ["Scheduled", "Scheduled"]


def test_finished_interviews_follow_the_open_ones(
    qtbot: QtBot, store: Store, window: InterviewsWindow, globex: Interview
) -> None:
    store.interviews.update(globex.with_status(Status.DONE))
    window.refresh()
    assert titles(window) == ["Phone screen with Acme", "Phone interview with Globex"]
    assert table(window).column_texts(3) == ["Upcoming", "Done"]


def test_delete_then_undo_keeps_the_row_and_the_store(
    qtbot: QtBot, store: Store, window: InterviewsWindow, acme: Interview
) -> None:
    window.select(acme.id or 0)
    click(qtbot, window, "list.delete")
    assert titles(window) == ["Phone interview with Globex"]
    bar_text = window.findChild(QLabel, "list.undo_text")
    assert bar_text is not None and bar_text.isVisible()
    assert bar_text.text() == "Deleted 'Phone screen with Acme'."
    assert len(store.interviews.list()) == 2  # nothing written yet
    click(qtbot, window, "list.undo")
    assert titles(window) == ["Phone interview with Globex", "Phone screen with Acme"]
    assert window.selected_id() == acme.id
    assert not bar_text.isVisible()
    window.close()
    assert len(store.interviews.list()) == 2  # the undone delete is not committed on close


def test_delete_with_the_keyboard_then_ctrl_z(
    qtbot: QtBot, store: Store, window: InterviewsWindow
) -> None:
    table(window).setFocus()
    QTest.keyClick(table(window), Qt.Key.Key_Delete)
    assert titles(window) == ["Phone screen with Acme"]
    QTest.keyClick(table(window), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert titles(window) == ["Phone interview with Globex", "Phone screen with Acme"]
    assert len(store.interviews.list()) == 2


def test_closing_the_window_commits_the_delete(
    qtbot: QtBot, store: Store, window: InterviewsWindow, acme: Interview
) -> None:
    window.select(acme.id or 0)
    click(qtbot, window, "list.delete")
    with qtbot.waitSignal(window.interviews_changed):
        QTest.keyClick(table(window), Qt.Key.Key_Escape)
    assert not window.isVisible()
    assert store.interviews.get(acme.id or 0) is None
    assert [i.company for i in store.interviews.list()] == ["Globex"]


def test_a_second_delete_commits_the_first(
    qtbot: QtBot, store: Store, window: InterviewsWindow, acme: Interview, globex: Interview
) -> None:
    window.select(acme.id or 0)
    click(qtbot, window, "list.delete")
    window.select(globex.id or 0)
    click(qtbot, window, "list.delete")
    assert store.interviews.get(acme.id or 0) is None
    assert store.interviews.get(globex.id or 0) is not None
    assert titles(window) == []
    click(qtbot, window, "list.undo")
    assert titles(window) == ["Phone interview with Globex"]


def test_dismissing_the_bar_or_its_timeout_commits(
    qtbot: QtBot, store: Store, window: InterviewsWindow, acme: Interview, globex: Interview
) -> None:
    window.select(acme.id or 0)
    click(qtbot, window, "list.delete")
    assert window.bar.timer.isActive()
    click(qtbot, window, "list.dismiss")
    assert store.interviews.get(acme.id or 0) is None
    assert not window.bar.timer.isActive()
    window.select(globex.id or 0)
    click(qtbot, window, "list.delete")
    window.bar.dismissed.emit()  # what the timer does when it runs out
    assert store.interviews.list() == []


class FailingDelete(Interviews):
    def delete(self, interview_id: int) -> bool:
        raise StorageError("The data folder is read-only.")


def test_a_delete_the_store_refuses_brings_the_row_back(qtbot: QtBot, tmp_path: Path) -> None:
    failing = Store.open(tmp_path / "ro")
    failing.interviews = FailingDelete(failing.database)
    failing.interviews.add(
        Interview(datetime(2026, 12, 1, 14, 0), "America/New_York", company="Acme")
    )
    window = list_window(failing)
    qtbot.addWidget(window)
    click(qtbot, window, "list.delete")
    assert titles(window) == []
    click(qtbot, window, "list.dismiss")
    assert titles(window) == ["Phone interview with Acme"]
    message = window.findChild(QLabel, "list.message")
    assert message is not None
    assert "Could not delete 'Phone interview with Acme', so it is still here" in message.text()
    failing.close()


def test_marking_an_outcome_updates_the_store_and_the_row(
    qtbot: QtBot, store: Store, window: InterviewsWindow, acme: Interview
) -> None:
    window.select(acme.id or 0)
    action = window.findChild(QAction, "list.outcome.missed-by-them")
    assert action is not None
    with qtbot.waitSignal(window.interviews_changed):
        action.trigger()
    stored = store.interviews.get(acme.id or 0)
    assert stored is not None and stored.status is Status.MISSED_BY_THEM
    assert [(a.kind, a.detail) for a in store.log.actions(acme.id)] == [
        (ActionKind.OUTCOME, "missed-by-them")
    ]
    assert window.selected_id() == acme.id
    assert table(window).column_texts(4) == ["Scheduled", "They didn't call"]
    assert "marked as they didn't call" in window.message.text()


def test_every_outcome_is_offered(window: InterviewsWindow) -> None:
    menu = button(window, "list.outcome").menu()
    assert menu is not None
    assert [a.text() for a in menu.actions()] == [
        "Done",
        "They didn't call",
        "I missed it",
        "Rescheduled",
        "Cancelled",
    ]


def test_return_and_the_edit_button_request_the_editor(
    qtbot: QtBot, window: InterviewsWindow, acme: Interview
) -> None:
    window.select(acme.id or 0)
    table(window).setFocus()
    with qtbot.waitSignal(window.edit_requested) as asked:
        QTest.keyClick(table(window), Qt.Key.Key_Return)
    assert asked.args == [acme.id]
    with qtbot.waitSignal(window.edit_requested) as asked:
        click(qtbot, window, "list.edit")
    assert asked.args == [acme.id]


def test_refresh_shows_what_changed_elsewhere(
    qtbot: QtBot, store: Store, window: InterviewsWindow
) -> None:
    store.interviews.add(
        Interview(datetime(2026, 11, 26, 9, 0), "Europe/London", company="Initech")
    )
    window.refresh()
    assert titles(window)[0] == "Phone interview with Initech"


def test_without_interviews_the_actions_are_disabled(qtbot: QtBot, store: Store) -> None:
    window = list_window(store)
    qtbot.addWidget(window)
    assert titles(window) == []
    for name in ("list.edit", "list.delete", "list.outcome"):
        assert not button(window, name).isEnabled()
    assert button(window, "list.add").isEnabled()


def fully_shown_columns(shown: InterviewsWindow) -> list[str]:
    grid = table(shown)
    header = grid.horizontalHeader()
    return [
        str(grid.model().headerData(column, Qt.Orientation.Horizontal))
        for column in range(header.count())
        if header.sectionViewportPosition(column) >= 0
        and header.sectionViewportPosition(column) + header.sectionSize(column)
        <= grid.viewport().width()
    ]


def test_every_column_is_in_view_when_the_window_opens(window: InterviewsWindow) -> None:
    assert fully_shown_columns(window) == ["When", "What", "Who", "Stage", "Status"]
    assert not table(window).horizontalScrollBar().isVisible()
    assert window.width() >= 700  # it used to open at 478 px, showing only "When"


def test_a_narrow_window_narrows_the_long_columns_rather_than_hiding_any(
    window: InterviewsWindow, qtbot: QtBot
) -> None:
    wide_when = table(window).horizontalHeader().sectionSize(0)
    window.resize(window.minimumSizeHint().width(), window.height())
    qtbot.waitUntil(lambda: table(window).horizontalHeader().sectionSize(0) < wide_when)
    assert fully_shown_columns(window) == ["When", "What", "Who", "Stage", "Status"]


def test_times_follow_the_clock_setting(qtbot: QtBot, store: Store, acme: Interview) -> None:
    store.settings.save_settings(Settings(home_zone="Europe/London", clock_24h=True))
    shown = list_window(store)
    qtbot.addWidget(shown)
    assert table(shown).column_texts(0) == [
        "Tuesday 1 December 2026, 14:00 EST (19:00 GMT your time)"
    ]
