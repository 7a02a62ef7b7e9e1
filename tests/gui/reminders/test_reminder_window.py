from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMenu, QPushButton, QToolButton
from pytestqt.qtbot import QtBot

from crickets.domain.clock import FixedClock
from crickets.domain.drafts import DraftKind
from crickets.domain.interview import Interview, Status
from crickets.domain.reminders import Reminder, ReminderKind
from crickets.ui.reminders.actions import ReminderAction, ReminderActionKind
from crickets.ui.reminders.content import ReminderContent
from crickets.ui.reminders.reminder_window import ReminderWindow

IV = Interview(
    datetime(2026, 12, 1, 14, 0),
    "America/New_York",
    company="Acme",
    id=4,
    meeting_link="https://meet.google.com/abc-defg-hij",
)
CONTENT = ReminderContent.load()


def window(kind: ReminderKind, now: datetime, qtbot: QtBot) -> tuple[ReminderWindow, FixedClock]:
    clock = FixedClock(now)
    text = CONTENT.render(kind, IV, "Europe/London", now)
    w = ReminderWindow(Reminder(4, kind, now, now + timedelta(hours=1)), text, IV, clock)
    qtbot.addWidget(w)
    w.present()
    return w, clock


def button(w: ReminderWindow, name: str) -> QPushButton:
    found = w.findChild(QPushButton, name)
    assert found is not None, name
    return found


def snooze_menu(w: ReminderWindow) -> QMenu:
    snooze = w.findChild(QToolButton, "reminder.snooze")
    assert snooze is not None
    menu = snooze.menu()
    assert menu is not None
    return menu


def test_enter_triggers_the_default_action(qtbot: QtBot) -> None:
    w, _ = window(ReminderKind.CONFIRM, IV.start - timedelta(minutes=90), qtbot)
    assert button(w, "reminder.primary").isDefault()
    with qtbot.waitSignal(w.action_requested) as blocker:
        QTest.keyClick(w, Qt.Key.Key_Return)
    assert blocker.args[1] == ReminderAction(ReminderActionKind.DRAFT, draft=DraftKind.CONFIRMATION)
    assert not w.isVisible()


def test_escape_snoozes_five_minutes(qtbot: QtBot) -> None:
    now = IV.start - timedelta(minutes=15)
    w, _ = window(ReminderKind.GET_READY, now, qtbot)
    with qtbot.waitSignal(w.snooze_requested) as blocker:
        QTest.keyClick(w, Qt.Key.Key_Escape)
    assert blocker.args[1] == now + timedelta(minutes=5)


def test_snooze_until_start_is_offered_only_before_the_start(qtbot: QtBot) -> None:
    before, _ = window(ReminderKind.GET_READY, IV.start - timedelta(minutes=15), qtbot)
    menu = snooze_menu(before)
    assert [a.objectName() for a in menu.actions()] == [
        "reminder.snooze.5",
        "reminder.snooze.10",
        "reminder.snooze.15",
        "reminder.snooze.start",
    ]
    with qtbot.waitSignal(before.snooze_requested) as blocker:
        menu.actions()[-1].trigger()
    assert blocker.args[1] == IV.start
    after, _ = window(ReminderKind.OVERDUE, IV.start + timedelta(minutes=5), qtbot)
    labels = [a.objectName() for a in snooze_menu(after).actions()]
    assert "reminder.snooze.start" not in labels


def test_get_ready_shows_the_checklist_and_join(qtbot: QtBot) -> None:
    w, _ = window(ReminderKind.GET_READY, IV.start - timedelta(minutes=15), qtbot)
    assert w.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    with qtbot.waitSignal(w.action_requested) as blocker:
        button(w, "reminder.action.join").click()
    assert blocker.args[1] == ReminderAction(ReminderActionKind.JOIN)


def test_closing_the_window_snoozes_once_rather_than_losing_it(qtbot: QtBot) -> None:
    w, _ = window(ReminderKind.START, IV.start, qtbot)
    snoozes: list[tuple[Reminder, datetime]] = []
    w.snooze_requested.connect(lambda r, until: snoozes.append((r, until)))
    w.close()
    assert len(snoozes) == 1


def test_a_discarded_window_does_not_snooze(qtbot: QtBot) -> None:
    w, _ = window(ReminderKind.START, IV.start, qtbot)
    snoozes: list[tuple[Reminder, datetime]] = []
    w.snooze_requested.connect(lambda r, until: snoozes.append((r, until)))
    w.discard()
    assert snoozes == [] and not w.isVisible()


def test_the_dismissing_primary_button_asks_for_nothing_more(qtbot: QtBot) -> None:
    w, _ = window(ReminderKind.GET_READY, IV.start - timedelta(minutes=15), qtbot)
    with (
        qtbot.assertNotEmitted(w.action_requested),
        qtbot.waitSignal(w.dismissed) as dismissed,
    ):
        button(w, "reminder.primary").click()  # "I'm ready"
    assert dismissed.args == [w.reminder]


def test_an_outcome_button_carries_the_status(qtbot: QtBot) -> None:
    w, _ = window(ReminderKind.HOW_DID_IT_GO, IV.end, qtbot)
    with qtbot.waitSignal(w.action_requested) as blocker:
        button(w, "reminder.action.outcome:missed-by-them").click()
    action = blocker.args[1]
    assert isinstance(action, ReminderAction)
    assert (action.kind, action.outcome) == (ReminderActionKind.OUTCOME, Status.MISSED_BY_THEM)
