"""Rescheduling from the dialog, over the real use cases and the controller."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TypeVar
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from crickets.domain.clock import FixedClock
from crickets.domain.display import Tone
from crickets.domain.drafts import DraftKind
from crickets.domain.interview import Interview, Status
from crickets.storage.store import Store
from crickets.ui.controller import Controller
from crickets.ui.guide.reschedule_dialog import RescheduleDialog
from crickets.wiring.session import build_use_cases
from tests.builders import make_interview

START = datetime(2026, 12, 1, 19, 0, tzinfo=UTC)  # Tuesday 2:00 PM in New York
LEFT = Qt.MouseButton.LeftButton
W = TypeVar("W", bound=QWidget)


def child(window: QWidget, kind: type[W], name: str) -> W:
    found = window.findChild(kind, name)
    assert found is not None, name
    return found


def test_agreeing_a_new_time_creates_the_follow_on_and_resumes_the_countdown(
    store: Store, qtbot: QtBot, tmp_path: Path
) -> None:
    old = store.interviews.add(make_interview(id=None, interviewer_email="jane@acme.com"))
    clock = FixedClock(START + timedelta(minutes=31))
    use_cases = build_use_cases(store, clock)
    controller = Controller(use_cases.logbook, use_cases.rescheduling, changes=store)
    controller.start()
    chosen: list[str] = []

    def choose(name: str) -> Path:
        chosen.append(name)
        return tmp_path / "new-time.ics"

    dialog = RescheduleDialog(
        old, use_cases.rescheduling, use_cases.invitations, choose_path=choose
    )
    dialog.rescheduled.connect(lambda _new: controller.reload())  # as the app wires it
    qtbot.addWidget(dialog)
    dialog.show()
    slots = [
        w.text()
        for w in dialog.findChildren(QLabel)
        if w.objectName().startswith("reschedule.slot.")
    ]
    assert len(slots) == 3 and all("EST" in s and "your time" in s for s in slots)
    create = child(dialog, QPushButton, "reschedule.create")
    assert not create.isEnabled()
    QTest.keyClicks(child(dialog, QLineEdit, "reschedule.when"), "2026-12-03 10:00")
    assert create.isEnabled()
    with qtbot.waitSignal(dialog.rescheduled) as made:
        QTest.mouseClick(create, LEFT)
    new = made.args[0]
    assert isinstance(new, Interview)
    assert new.reschedules_id == old.id and new.status is Status.SCHEDULED
    assert new.start == datetime(2026, 12, 3, 10, 0, tzinfo=ZoneInfo("America/New_York"))
    stored = store.interviews.get(old.id or 0)
    assert stored is not None and stored.status is Status.RESCHEDULED
    assert [a.detail for a in store.log.actions(old.id)] == [f"to #{new.id}"]
    assert controller.state is not None and controller.state.interview_id == new.id
    assert controller.state.tone is Tone.CALM
    QTest.mouseClick(child(dialog, QPushButton, "reschedule.ics"), LEFT)
    assert chosen == [use_cases.invitations.file_name(new)]
    written = (tmp_path / "new-time.ics").read_bytes()
    assert written.startswith(b"BEGIN:VCALENDAR") and b"DTSTART" in written
    assert child(dialog, QLabel, "reschedule.status").text().startswith("Saved new-time.ics")
    controller.stop()


def test_a_follow_on_reschedule_drafts_the_second_miss_email(store: Store, qtbot: QtBot) -> None:
    first = store.interviews.add(make_interview(id=None))
    again = store.interviews.add(
        make_interview(datetime(2026, 12, 3, 14, 0), id=None, reschedules_id=first.id)
    )
    use_cases = build_use_cases(store, FixedClock(START + timedelta(days=2, minutes=31)))
    dialog = RescheduleDialog(again, use_cases.rescheduling, use_cases.invitations)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.draft_requested) as asked:
        QTest.mouseClick(child(dialog, QPushButton, "reschedule.email"), LEFT)
    assert asked.args == [again.id, DraftKind.SECOND_MISS]


def test_a_time_for_an_interview_deleted_meanwhile_is_refused(store: Store, qtbot: QtBot) -> None:
    old = store.interviews.add(make_interview(id=None))
    use_cases = build_use_cases(store, FixedClock(START + timedelta(minutes=31)))
    dialog = RescheduleDialog(old, use_cases.rescheduling, use_cases.invitations)
    qtbot.addWidget(dialog)
    store.interviews.delete(old.id or 0)
    QTest.keyClicks(child(dialog, QLineEdit, "reschedule.when"), "2026-12-03 10:00")
    with qtbot.assertNotEmitted(dialog.rescheduled):
        QTest.mouseClick(child(dialog, QPushButton, "reschedule.create"), LEFT)
    assert "was not created" in child(dialog, QLabel, "reschedule.status").text()
    assert store.interviews.list() == []
