from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

from crickets.domain.clock import FixedClock
from crickets.domain.display import Tone
from crickets.domain.interview import Interview, Status
from crickets.storage.store import Store
from crickets.ui.controller import Controller
from crickets.ui.guide.reschedule_dialog import RescheduleDialog

START = datetime(2026, 12, 1, 19, 0, tzinfo=UTC)  # Tuesday 2:00 PM in New York


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    s = Store.open(tmp_path)
    yield s
    s.close()


def test_agreeing_a_new_time_creates_the_follow_on_and_resumes_the_countdown(store, qtbot) -> None:  # type: ignore[no-untyped-def]
    old = store.add(
        Interview(
            datetime(2026, 12, 1, 14, 0),
            "America/New_York",
            company="Acme",
            interviewer_email="jane@acme.com",
        )
    )
    clock = FixedClock(START + timedelta(minutes=31))
    controller = Controller(store, clock, zone_for=lambda s: "Europe/London")
    controller.start()
    exported: list[Interview] = []
    dialog = RescheduleDialog(
        old, store, clock, "Europe/London", controller.reschedule, export_ics=exported.append
    )
    qtbot.addWidget(dialog)
    dialog.show()
    slots = [
        w.text()
        for w in dialog.findChildren(QLabel)
        if w.objectName().startswith("reschedule.slot.")
    ]
    assert len(slots) == 3 and all("EST" in s and "your time" in s for s in slots)
    create = dialog.findChild(QPushButton, "reschedule.create")
    assert not create.isEnabled()
    qtbot.keyClicks(dialog.findChild(QLineEdit, "reschedule.when"), "2026-12-03 10:00")
    assert create.isEnabled()
    with qtbot.waitSignal(dialog.rescheduled) as made:
        qtbot.mouseClick(create, Qt.MouseButton.LeftButton)
    new = made.args[0]
    assert new.reschedules_id == old.id and new.status is Status.SCHEDULED
    assert new.start == datetime(2026, 12, 3, 10, 0, tzinfo=ZoneInfo("America/New_York"))
    assert store.get(old.id).status is Status.RESCHEDULED
    assert [a.detail for a in store.actions(old.id)] == [f"to #{new.id}"]
    assert controller.state is not None and controller.state.interview_id == new.id
    assert controller.state.tone is Tone.CALM
    qtbot.mouseClick(dialog.findChild(QPushButton, "reschedule.ics"), Qt.MouseButton.LeftButton)
    assert [i.id for i in exported] == [new.id]
    controller.stop()


def test_a_follow_on_reschedule_drafts_the_second_miss_email(store, qtbot) -> None:  # type: ignore[no-untyped-def]
    first = store.add(Interview(datetime(2026, 12, 1, 14, 0), "America/New_York", company="Acme"))
    again = store.add(
        Interview(
            datetime(2026, 12, 3, 14, 0),
            "America/New_York",
            company="Acme",
            reschedules_id=first.id,
        )
    )
    dialog = RescheduleDialog(
        again,
        store,
        FixedClock(START + timedelta(days=2, minutes=31)),
        "Europe/London",
        lambda *_: None,
    )
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.draft_requested) as asked:
        qtbot.mouseClick(
            dialog.findChild(QPushButton, "reschedule.email"), Qt.MouseButton.LeftButton
        )
    assert asked.args == [again.id, "second-miss"]
