"""Both guided flows with a hand-moved clock, over the real use cases and store (issue 7)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from crickets import resources
from crickets.application.use_cases import UseCases
from crickets.domain.actions import ActionKind
from crickets.domain.clock import FixedClock
from crickets.domain.drafts import DraftKind
from crickets.domain.guides import Flow, load_flow
from crickets.domain.interview import Interview
from crickets.storage.store import Store
from crickets.ui.guide.guide_outlets import GuideOutlets
from crickets.ui.guide.guide_window import GuideWindow
from crickets.wiring.session import build_use_cases
from tests.builders import make_interview

START = datetime(2026, 12, 1, 19, 0, tzinfo=UTC)  # 2:00 PM in New York, 7:00 PM in London
LEFT = Qt.MouseButton.LeftButton
CONTENT = json.loads(resources.read_text("checklists", "guides.json"))
W = TypeVar("W", bound=QWidget)


def add(store: Store, reschedules_id: int | None = None, notes: str = "") -> Interview:
    return store.interviews.add(
        make_interview(
            id=None,
            interviewer_phone="+1 415 555 0134",
            my_phone="+44 20 7946 0958",
            reschedules_id=reschedules_id,
            notes=notes,
        )
    )


class Recorder:
    """The Clipboard, Dialer and LinkOpener ports, remembering what they were handed;
    ``works`` False makes each of them report that nothing took it."""

    def __init__(self, works: bool = True) -> None:
        self.works = works
        self.copied: list[str] = []
        self.dialled: list[str] = []
        self.opened: list[str] = []

    def set_text(self, text: str) -> bool:
        self.copied.append(text)
        return self.works

    def dial(self, number: str) -> bool:
        self.dialled.append(number)
        return self.works

    def open_link(self, url: str) -> bool:
        self.opened.append(url)
        return self.works


def open_guide(
    flow: Flow,
    store: Store,
    interview: Interview,
    clock: FixedClock,
    qtbot: QtBot,
    rec: Recorder | None = None,
) -> tuple[GuideWindow, Recorder, UseCases]:
    rec = rec or Recorder()
    use_cases = build_use_cases(store, clock)
    window = GuideWindow(
        flow,
        load_flow(CONTENT, flow),
        interview,
        use_cases.logbook,
        use_cases.drafting,
        GuideOutlets(rec, rec, rec),
    )
    qtbot.addWidget(window)
    window.show()
    return window, rec, use_cases


def child(window: QWidget, kind: type[W], name: str) -> W:
    found = window.findChild(kind, name)
    assert found is not None, name
    return found


def text(window: GuideWindow, name: str) -> str:
    return child(window, QLabel, name).text()


def log_lines(window: GuideWindow) -> list[str]:
    view = child(window, QListWidget, "guide.log")
    return [item.text() for item in (view.item(i) for i in range(view.count())) if item]


def later(window: GuideWindow, step: str) -> bool:
    return child(window, QLabel, f"guide.step.{step}.when").isVisibleTo(window)


def test_havent_called_walks_through_time(store: Store, qtbot: QtBot) -> None:
    iv = add(store)
    clock = FixedClock(START + timedelta(minutes=5))
    window, rec, use_cases = open_guide(Flow.HAVENT_CALLED, store, iv, clock, qtbot)
    voicemail = use_cases.drafting.script(DraftKind.VOICEMAIL, iv)  # as the window opened
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

    QTest.mouseClick(child(window, QPushButton, "guide.step.call.copy_number"), LEFT)
    assert rec.copied == ["+1 415 555 0134"]
    clock.set(START + timedelta(minutes=9))
    QTest.mouseClick(child(window, QPushButton, "guide.step.call.result.no_answer"), LEFT)
    clock.set(START + timedelta(minutes=10))
    script = child(window, QPlainTextEdit, "guide.step.voicemail.script").toPlainText()
    assert script == voicemail and "It's 2:05 PM EST now." in script
    QTest.mouseClick(child(window, QPushButton, "guide.step.voicemail.copy_script"), LEFT)
    assert rec.copied[-1] == script
    QTest.mouseClick(child(window, QPushButton, "guide.step.voicemail.left"), LEFT)
    with qtbot.waitSignal(window.draft_requested) as asked:
        QTest.mouseClick(child(window, QPushButton, "guide.step.email.draft"), LEFT)
    assert asked.args == [iv.id, DraftKind.FOLLOW_UP]
    assert log_lines(window) == ["7:09 PM  You called: no answer", "7:10 PM  You left a voicemail"]
    assert child(window, QCheckBox, "guide.step.call.done").isChecked()

    clock.set(START + timedelta(minutes=31))
    window.refresh()
    assert not later(window, "reschedule") and not later(window, "keep-going")
    assert "waited long enough" in text(window, "guide.stop")


def test_progress_survives_closing_and_reopening(store: Store, qtbot: QtBot) -> None:
    iv = add(store)
    clock = FixedClock(START + timedelta(minutes=6))
    first, _, _ = open_guide(Flow.HAVENT_CALLED, store, iv, clock, qtbot)
    child(first, QCheckBox, "guide.step.check.done").setChecked(True)
    QTest.mouseClick(child(first, QPushButton, "guide.step.call.result.wrong_number"), LEFT)
    first.close()
    clock.set(START + timedelta(minutes=12))  # a restart, or a suspend, in the middle
    again, _, _ = open_guide(Flow.HAVENT_CALLED, store, iv, clock, qtbot)
    assert child(again, QCheckBox, "guide.step.check.done").isChecked()
    assert not child(again, QCheckBox, "guide.step.call.done").isChecked()  # wrong number
    assert log_lines(again) == [
        "7:06 PM  You ticked off “Check your side first”",
        "7:06 PM  You called: wrong number",
    ]
    assert text(again, "guide.elapsed").startswith("7:12 PM: 12 minutes past the start")


def test_a_jump_across_the_start_updates_on_the_next_tick(store: Store, qtbot: QtBot) -> None:
    iv = add(store)
    clock = FixedClock(START - timedelta(minutes=10))
    window, _, _ = open_guide(Flow.HAVENT_CALLED, store, iv, clock, qtbot)
    assert "due in 10 min" in text(window, "guide.elapsed")
    clock.set(START + timedelta(minutes=8))
    window.refresh()
    assert text(window, "guide.elapsed").startswith("7:08 PM: 8 minutes past")
    assert not later(window, "email")


def test_they_called_reports_how_late(store: Store, qtbot: QtBot) -> None:
    iv = add(store)
    clock = FixedClock(START + timedelta(minutes=11))
    window, _, _ = open_guide(Flow.HAVENT_CALLED, store, iv, clock, qtbot)
    with qtbot.waitSignal(window.they_called) as called:
        QTest.mouseClick(child(window, QPushButton, "guide.they_called"), LEFT)
    assert called.args == [iv.id, "they called, 11 min after the start"]


def test_a_second_miss_asks_them_to_call(store: Store, qtbot: QtBot) -> None:
    first = add(store)
    again = store.interviews.add(
        make_interview(datetime(2026, 12, 3, 14, 0), id=None, reschedules_id=first.id)
    )
    clock = FixedClock(START + timedelta(days=2, minutes=6))
    window, _, _ = open_guide(Flow.HAVENT_CALLED, store, again, clock, qtbot)
    assert child(window, QCheckBox, "guide.step.email.done").text() == "Ask them to call you"
    with qtbot.waitSignal(window.draft_requested) as asked:
        QTest.mouseClick(child(window, QPushButton, "guide.step.email.draft"), LEFT)
    assert asked.args == [again.id, DraftKind.SECOND_MISS]


def test_missed_call_flow(store: Store, qtbot: QtBot) -> None:
    iv = add(store, notes="Ask about the team's on-call rota")
    clock = FixedClock(START + timedelta(minutes=3))
    window, rec, use_cases = open_guide(Flow.MISSED_CALL, store, iv, clock, qtbot)
    assert window.windowTitle() == "I missed their call"
    assert window.findChild(QPushButton, "guide.stop_waiting") is None
    items = [
        w.text()
        for w in window.findChildren(QLabel)
        if w.objectName().startswith("guide.step.breathe.item")
    ]
    assert "•  Your notes: Ask about the team's on-call rota" in items
    QTest.mouseClick(child(window, QPushButton, "guide.step.call-back.dial"), LEFT)
    assert rec.dialled == ["+1 415 555 0134"]
    script = child(window, QPlainTextEdit, "guide.step.what-to-say.script").toPlainText()
    assert script == use_cases.drafting.script(DraftKind.CALLBACK, iv)
    field = child(window, QLineEdit, "guide.step.fix.note")
    QTest.keyClicks(field, "Take calls at my desk")
    field.setText(field.text() + "\r\nnot in the car")  # pasted line breaks are folded
    QTest.mouseClick(child(window, QPushButton, "guide.step.fix.save_note"), LEFT)
    assert [(a.kind, a.detail) for a in store.log.actions(iv.id)] == [
        (ActionKind.NOTE, "Take calls at my desk not in the car")
    ]
    with qtbot.waitSignal(window.they_called) as talking:
        QTest.mouseClick(child(window, QPushButton, "guide.talking"), LEFT)
    assert talking.args == [iv.id, "called back, 3 min after the start"]


def test_reaching_them_by_phone_ends_the_wait(store: Store, qtbot: QtBot) -> None:
    iv = add(store)
    clock = FixedClock(START + timedelta(minutes=7))
    window, _, _ = open_guide(Flow.HAVENT_CALLED, store, iv, clock, qtbot)
    with qtbot.waitSignal(window.they_called) as reached:
        QTest.mouseClick(child(window, QPushButton, "guide.step.call.result.reached"), LEFT)
    assert reached.args == [iv.id, "reached them by phone, 7 min after the start"]
    assert [(a.kind, a.detail) for a in store.log.actions(iv.id)] == [
        (ActionKind.CALLED, "reached")
    ]


def test_every_control_has_a_name_for_screen_readers(store: Store, qtbot: QtBot) -> None:
    iv = add(store)
    window, _, _ = open_guide(Flow.HAVENT_CALLED, store, iv, FixedClock(START), qtbot)
    for button in window.findChildren(QPushButton):
        assert button.accessibleName() or button.text(), button.objectName()
        assert button.objectName(), button.text()
    for box in window.findChildren(QCheckBox):
        assert box.accessibleName().startswith("Done: ")
