"""Both guided flows with a hand-moved clock and a real store (issue 7)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
)

from crickets import resources
from crickets.domain.actions import ActionKind
from crickets.domain.clock import FixedClock
from crickets.domain.guides import Flow, load_flow
from crickets.domain.interview import Interview
from crickets.storage.store import Store
from crickets.ui.guide.guide_window import GuideWindow

START = datetime(2026, 12, 1, 19, 0, tzinfo=UTC)  # 2:00 PM in New York, 7:00 PM in London
LEFT = Qt.MouseButton.LeftButton
CONTENT = json.loads(resources.read_text("checklists", "guides.json"))


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    s = Store.open(tmp_path)
    yield s
    s.close()


def add(store: Store, **kw: object) -> Interview:
    fields: dict[str, object] = {
        "local_start": datetime(2026, 12, 1, 14, 0),
        "zone": "America/New_York",
        "company": "Acme",
        "interviewer_phone": "+1 415 555 0134",
        "my_phone": "+44 20 7946 0958",
        **kw,
    }
    return store.add(Interview(**fields))  # type: ignore[arg-type]


class Recorder:
    def __init__(self) -> None:
        self.copied: list[str] = []
        self.dialled: list[str] = []


def open_guide(flow: Flow, store: Store, interview: Interview, clock: FixedClock, qtbot):  # type: ignore[no-untyped-def]
    rec = Recorder()
    window = GuideWindow(
        flow,
        load_flow(CONTENT, flow),
        interview,
        store,
        clock,
        "Europe/London",
        scripts=lambda kind: f"[{kind} script for Acme]",
        copy=rec.copied.append,
        dial=rec.dialled.append,
    )
    qtbot.addWidget(window)
    window.show()
    return window, rec


def text(window: GuideWindow, name: str) -> str:
    return window.findChild(QLabel, name).text()


def log_lines(window: GuideWindow) -> list[str]:
    view = window.findChild(QListWidget, "guide.log")
    return [view.item(i).text() for i in range(view.count())]


def later(window: GuideWindow, step: str) -> bool:
    return window.findChild(QLabel, f"guide.step.{step}.when").isVisibleTo(window)


def test_havent_called_walks_through_time(store, qtbot) -> None:  # type: ignore[no-untyped-def]
    iv = add(store)
    clock = FixedClock(START + timedelta(minutes=5))
    window, rec = open_guide(Flow.HAVENT_CALLED, store, iv, clock, qtbot)
    assert (
        text(window, "guide.elapsed")
        == "7:05 PM: 5 minutes past the start (2:00 PM EST, 7:00 PM your time)"
    )
    assert text(window, "guide.stop") == "You can stop waiting at 2:30 PM EST (7:30 PM your time)."
    assert not later(window, "call") and later(window, "reschedule")
    assert any(
        "+44 20 7946 0958" in w.text()
        for w in window.findChildren(QLabel)
        if w.objectName().startswith("guide.step.check.item")
    )

    qtbot.mouseClick(window.findChild(QPushButton, "guide.step.call.copy_number"), LEFT)
    assert rec.copied == ["+1 415 555 0134"]
    clock.set(START + timedelta(minutes=9))
    qtbot.mouseClick(window.findChild(QPushButton, "guide.step.call.result.no_answer"), LEFT)
    clock.set(START + timedelta(minutes=10))
    assert (
        window.findChild(QPlainTextEdit, "guide.step.voicemail.script").toPlainText()
        == "[voicemail script for Acme]"
    )
    qtbot.mouseClick(window.findChild(QPushButton, "guide.step.voicemail.left"), LEFT)
    with qtbot.waitSignal(window.draft_requested) as asked:
        qtbot.mouseClick(window.findChild(QPushButton, "guide.step.email.draft"), LEFT)
    assert asked.args == [iv.id, "follow-up"]
    assert log_lines(window) == ["7:09 PM called, no answer", "7:10 PM voicemail left"]
    assert window.findChild(QCheckBox, "guide.step.call.done").isChecked()

    clock.set(START + timedelta(minutes=31))
    window.refresh()
    assert not later(window, "reschedule") and not later(window, "keep-going")
    assert "waited long enough" in text(window, "guide.stop")


def test_progress_survives_closing_and_reopening(store, qtbot) -> None:  # type: ignore[no-untyped-def]
    iv = add(store)
    clock = FixedClock(START + timedelta(minutes=6))
    first, _ = open_guide(Flow.HAVENT_CALLED, store, iv, clock, qtbot)
    first.findChild(QCheckBox, "guide.step.check.done").setChecked(True)
    qtbot.mouseClick(first.findChild(QPushButton, "guide.step.call.result.wrong_number"), LEFT)
    first.close()
    clock.set(START + timedelta(minutes=12))  # a restart, or a suspend, in the middle
    again, _ = open_guide(Flow.HAVENT_CALLED, store, iv, clock, qtbot)
    assert again.findChild(QCheckBox, "guide.step.check.done").isChecked()
    assert again.findChild(QCheckBox, "guide.step.call.done").isChecked()
    assert log_lines(again) == ["7:06 PM checked, check", "7:06 PM called, wrong number"]
    assert text(again, "guide.elapsed").startswith("7:12 PM: 12 minutes past the start")


def test_a_jump_across_the_start_updates_on_the_next_tick(store, qtbot) -> None:  # type: ignore[no-untyped-def]
    iv = add(store)
    clock = FixedClock(START - timedelta(minutes=10))
    window, _ = open_guide(Flow.HAVENT_CALLED, store, iv, clock, qtbot)
    assert "due in 10 min" in text(window, "guide.elapsed")
    clock.set(START + timedelta(minutes=8))
    window.refresh()
    assert text(window, "guide.elapsed").startswith("7:08 PM: 8 minutes past")
    assert not later(window, "email")


def test_they_called_reports_how_late(store, qtbot) -> None:  # type: ignore[no-untyped-def]
    iv = add(store)
    clock = FixedClock(START + timedelta(minutes=11))
    window, _ = open_guide(Flow.HAVENT_CALLED, store, iv, clock, qtbot)
    with qtbot.waitSignal(window.they_called) as called:
        qtbot.mouseClick(window.findChild(QPushButton, "guide.they_called"), LEFT)
    assert called.args == [iv.id, "they called, 11 min after the start"]


def test_a_second_miss_asks_them_to_call(store, qtbot) -> None:  # type: ignore[no-untyped-def]
    first = add(store)
    again = add(store, reschedules_id=first.id)
    window, _ = open_guide(
        Flow.HAVENT_CALLED, store, again, FixedClock(START + timedelta(minutes=6)), qtbot
    )
    assert window.findChild(QCheckBox, "guide.step.email.done").text() == "Ask them to call you"
    with qtbot.waitSignal(window.draft_requested) as asked:
        qtbot.mouseClick(window.findChild(QPushButton, "guide.step.email.draft"), LEFT)
    assert asked.args == [again.id, "second-miss"]


def test_missed_call_flow(store, qtbot) -> None:  # type: ignore[no-untyped-def]
    iv = add(store, notes="Ask about the team's on-call rota")
    clock = FixedClock(START + timedelta(minutes=3))
    window, rec = open_guide(Flow.MISSED_CALL, store, iv, clock, qtbot)
    assert window.windowTitle() == "Crickets — I missed their call"
    assert window.findChild(QPushButton, "guide.stop_waiting") is None
    items = [
        w.text()
        for w in window.findChildren(QLabel)
        if w.objectName().startswith("guide.step.breathe.item")
    ]
    assert "•  Your notes: Ask about the team's on-call rota" in items
    qtbot.mouseClick(window.findChild(QPushButton, "guide.step.call-back.dial"), LEFT)
    assert rec.dialled == ["+1 415 555 0134"]
    assert (
        window.findChild(QPlainTextEdit, "guide.step.what-to-say.script").toPlainText()
        == "[callback script for Acme]"
    )
    field = window.findChild(QLineEdit, "guide.step.fix.note")
    qtbot.keyClicks(field, "Take calls at my desk")
    field.setText(field.text() + "\r\nnot in the car")  # pasted line breaks are folded
    qtbot.mouseClick(window.findChild(QPushButton, "guide.step.fix.save_note"), LEFT)
    assert [(a.kind, a.detail) for a in store.actions(iv.id)] == [
        (ActionKind.NOTE, "Take calls at my desk not in the car")
    ]
    with qtbot.waitSignal(window.they_called) as talking:
        qtbot.mouseClick(window.findChild(QPushButton, "guide.talking"), LEFT)
    assert talking.args == [iv.id, "called back, 3 min after the start"]


def test_every_control_has_a_name_for_screen_readers(store, qtbot) -> None:  # type: ignore[no-untyped-def]
    iv = add(store)
    window, _ = open_guide(Flow.HAVENT_CALLED, store, iv, FixedClock(START), qtbot)
    for button in window.findChildren(QPushButton):
        assert button.accessibleName() or button.text(), button.objectName()
        assert button.objectName(), button.text()
    for box in window.findChildren(QCheckBox):
        assert box.accessibleName().startswith("Done: ")
