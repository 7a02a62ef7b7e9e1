from __future__ import annotations

import json
from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QToolButton

from crickets import resources
from crickets.domain.clock import FixedClock
from crickets.domain.interview import Interview
from crickets.domain.reminder_text import render_reminder
from crickets.domain.reminders import Reminder, ReminderKind
from crickets.ui.reminders.reminder_window import ReminderWindow

IV = Interview(
    datetime(2026, 12, 1, 14, 0),
    "America/New_York",
    company="Acme",
    id=4,
    meeting_link="https://meet.google.com/abc-defg-hij",
)
CONTENT = json.loads(resources.read_text("checklists", "reminders.json"))


def window(kind: ReminderKind, now: datetime, qtbot) -> tuple[ReminderWindow, FixedClock]:  # type: ignore[no-untyped-def]
    clock = FixedClock(now)
    text = render_reminder(CONTENT, kind, IV, "Europe/London", now)
    w = ReminderWindow(Reminder(4, kind, now, now + timedelta(hours=1)), text, IV, clock)
    qtbot.addWidget(w)
    w.present()
    return w, clock


def test_enter_triggers_the_default_action(qtbot) -> None:  # type: ignore[no-untyped-def]
    w, _ = window(ReminderKind.CONFIRM, IV.start - timedelta(minutes=90), qtbot)
    assert w.findChild(QPushButton, "reminder.primary").isDefault()
    with qtbot.waitSignal(w.action_requested) as blocker:
        qtbot.keyClick(w, Qt.Key.Key_Return)
    assert blocker.args[1] == "draft:confirmation"
    assert not w.isVisible()


def test_escape_snoozes_five_minutes(qtbot) -> None:  # type: ignore[no-untyped-def]
    now = IV.start - timedelta(minutes=15)
    w, _ = window(ReminderKind.GET_READY, now, qtbot)
    with qtbot.waitSignal(w.snooze_requested) as blocker:
        qtbot.keyClick(w, Qt.Key.Key_Escape)
    assert blocker.args[1] == now + timedelta(minutes=5)


def test_snooze_until_start_is_offered_only_before_the_start(qtbot) -> None:  # type: ignore[no-untyped-def]
    before, _ = window(ReminderKind.GET_READY, IV.start - timedelta(minutes=15), qtbot)
    menu = before.findChild(QToolButton, "reminder.snooze").menu()
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
    labels = [
        a.objectName() for a in after.findChild(QToolButton, "reminder.snooze").menu().actions()
    ]
    assert "reminder.snooze.start" not in labels


def test_get_ready_shows_the_checklist_and_join(qtbot) -> None:  # type: ignore[no-untyped-def]
    w, _ = window(ReminderKind.GET_READY, IV.start - timedelta(minutes=15), qtbot)
    assert w.findChild(QPushButton, "reminder.action.join") is not None
    assert w.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    with qtbot.waitSignal(w.action_requested) as blocker:
        w.findChild(QPushButton, "reminder.action.join").click()
    assert blocker.args[1] == "join"


def test_closing_the_window_snoozes_once_rather_than_losing_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    w, _ = window(ReminderKind.START, IV.start, qtbot)
    snoozes: list[object] = []
    w.snooze_requested.connect(lambda *args: snoozes.append(args))
    w.close()
    assert len(snoozes) == 1


def test_a_discarded_window_does_not_snooze(qtbot) -> None:  # type: ignore[no-untyped-def]
    w, _ = window(ReminderKind.START, IV.start, qtbot)
    snoozes: list[object] = []
    w.snooze_requested.connect(lambda *args: snoozes.append(args))
    w.discard()
    assert snoozes == [] and not w.isVisible()
