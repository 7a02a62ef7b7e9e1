"""Rescheduling from the dialog, over the real use cases and the controller."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TypeVar
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from crickets.domain.clock import FixedClock
from crickets.domain.display import Tone
from crickets.domain.drafts import DraftKind
from crickets.domain.interview import Interview, Status
from crickets.domain.settings import Settings
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
    button = child(dialog, QPushButton, "reschedule.email")
    assert button.text().replace("&", "") == "Write the email asking them to call you…"
    assert slots(dialog) == []  # one instruction: no times to propose after a second miss
    assert "no times to propose" in child(dialog, QLabel, "reschedule.intro").text()
    with qtbot.waitSignal(dialog.draft_requested) as asked:
        QTest.mouseClick(button, LEFT)
    assert asked.args == [again.id, DraftKind.SECOND_MISS]


def slots(dialog: RescheduleDialog) -> list[str]:
    return [
        w.text()
        for w in dialog.findChildren(QLabel)
        if w.objectName().startswith("reschedule.slot.")
    ]


def test_the_dialog_offers_the_plan_the_email_lists(store: Store, qtbot: QtBot) -> None:
    old = store.interviews.add(make_interview(id=None))
    use_cases = build_use_cases(store, FixedClock(START + timedelta(minutes=31)))
    dialog = RescheduleDialog(old, use_cases.rescheduling, use_cases.invitations)
    qtbot.addWidget(dialog)
    plan = use_cases.rescheduling.plan(old)
    assert slots(dialog) == [
        f"{i + 1}.  {s.describe(old.zone, 'Europe/London')}" for i, s in enumerate(plan.slots)
    ]
    assert dialog.findChild(QLabel, "reschedule.note") is None  # the working days meet
    email = child(dialog, QPushButton, "reschedule.email").text().replace("&", "")
    assert email == "Write one email with these three times…"


def test_when_the_working_days_never_meet_the_dialog_says_so(store: Store, qtbot: QtBot) -> None:
    tokyo = store.interviews.add(make_interview(datetime(2026, 12, 2, 4, 0), "Asia/Tokyo", id=None))
    use_cases = build_use_cases(store, FixedClock(START + timedelta(minutes=31)))
    dialog = RescheduleDialog(tokyo, use_cases.rescheduling, use_cases.invitations)
    qtbot.addWidget(dialog)
    note = child(dialog, QLabel, "reschedule.note").text()
    assert note == use_cases.rescheduling.plan(tokyo).note
    assert "do not meet" in note
    assert all("morning" in s or "evening" in s for s in slots(dialog))


def test_the_slots_follow_the_24_hour_clock_setting(store: Store, qtbot: QtBot) -> None:
    store.settings.save_settings(Settings(home_zone="Europe/London", clock_24h=True))
    old = store.interviews.add(make_interview(id=None))
    use_cases = build_use_cases(store, FixedClock(START + timedelta(minutes=31)))
    dialog = RescheduleDialog(old, use_cases.rescheduling, use_cases.invitations)
    qtbot.addWidget(dialog)
    shown = slots(dialog)
    assert shown and not any(" AM" in s or " PM" in s for s in shown)


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


def test_the_zone_picker_is_named_by_its_label_and_reached_with_alt_z(
    store: Store, qtbot: QtBot
) -> None:
    old = store.interviews.add(make_interview(id=None))
    use_cases = build_use_cases(store, FixedClock(START + timedelta(minutes=31)))
    dialog = RescheduleDialog(old, use_cases.rescheduling, use_cases.invitations)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    label = child(dialog, QLabel, "reschedule.zone_label")
    zone = child(dialog, QComboBox, "reschedule.zone")
    assert label.buddy() is zone and label.isVisible()
    assert label.text().replace("&", "") == "Time zone it was agreed in:"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    typing_in = QApplication.focusWidget()
    assert typing_in is not None and not zone.isAncestorOf(typing_in) and typing_in is not zone
    QTest.keyClick(typing_in, Qt.Key.Key_Z, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() in (zone, zone.lineEdit()))
