"""The guide tells the truth: outlets that fail say so and offer the way by hand, a wrong
number ticks nothing, the top says the one thing to do now and who was to call, and "they're
running late" moves the countdown (issue 13)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt, QTime
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QLabel,
    QPushButton,
    QTimeEdit,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from crickets.domain.actions import ActionKind
from crickets.domain.clock import FixedClock
from crickets.domain.guides import Flow
from crickets.domain.interview import Direction, Interview
from crickets.storage.store import Store
from crickets.ui.guide.guide_outlets import DIALLED, NO_BROWSER, NO_CLIPBOARD, NO_DIALLER
from tests.builders import make_interview
from tests.gui.guide.test_guide_window import Recorder, child, log_lines, open_guide, text

START = datetime(2026, 12, 1, 19, 0, tzinfo=UTC)  # 2:00 PM in New York, 7:00 PM in London
LEFT = Qt.MouseButton.LeftButton
NUMBER = "+1 415 555 0134"
LINK = "https://zoom.us/j/85012345678"


def add(store: Store) -> Interview:
    return store.interviews.add(
        make_interview(
            id=None,
            interviewer_name="Jane Doe",
            interviewer_phone=NUMBER,
            interviewer_email="jane@acme.example",
            role="Data Analyst",
            my_phone="+44 20 7946 0958",
        )
    )


def add_video(store: Store) -> Interview:
    return store.interviews.add(
        make_interview(id=None, direction=Direction.VIDEO, meeting_link=LINK, company="Acme")
    )


def click(window: QWidget, name: str) -> None:
    QTest.mouseClick(child(window, QPushButton, name), LEFT)


def shown(window: QWidget, name: str) -> str:
    label = child(window, QLabel, name)
    return label.text() if label.isVisibleTo(window) else ""


def kinds(store: Store, interview: Interview) -> list[tuple[ActionKind, str]]:
    return [(a.kind, a.detail) for a in store.log.actions(interview.id)]


def test_dial_without_a_dialler_says_so_and_shows_the_number(store: Store, qtbot: QtBot) -> None:
    iv = add(store)
    clock = FixedClock(START + timedelta(minutes=6))
    window, rec, _ = open_guide(Flow.HAVENT_CALLED, store, iv, clock, qtbot, Recorder(False))
    click(window, "guide.step.call.dial")
    assert rec.dialled == [NUMBER]
    assert shown(window, "guide.step.call.result") == NO_DIALLER
    by_hand = child(window, QLabel, "guide.step.call.by_hand")
    assert shown(window, "guide.step.call.by_hand") == NUMBER
    flags = by_hand.textInteractionFlags()
    assert flags & Qt.TextInteractionFlag.TextSelectableByMouse
    assert flags & Qt.TextInteractionFlag.TextSelectableByKeyboard
    assert kinds(store, iv) == []  # dialling is not calling: nothing is logged or ticked
    assert not child(window, QCheckBox, "guide.step.call.done").isChecked()


def test_dial_with_a_dialler_says_what_comes_next(store: Store, qtbot: QtBot) -> None:
    iv = add(store)
    window, _, _ = open_guide(
        Flow.HAVENT_CALLED, store, iv, FixedClock(START + timedelta(minutes=6)), qtbot
    )
    click(window, "guide.step.call.dial")
    assert shown(window, "guide.step.call.result") == DIALLED
    assert shown(window, "guide.step.call.by_hand") == ""
    assert kinds(store, iv) == []


def test_a_wrong_number_is_logged_but_does_not_tick_the_call(store: Store, qtbot: QtBot) -> None:
    iv = add(store)
    window, _, _ = open_guide(
        Flow.HAVENT_CALLED, store, iv, FixedClock(START + timedelta(minutes=6)), qtbot
    )
    click(window, "guide.step.call.result.wrong_number")
    assert kinds(store, iv) == [(ActionKind.CALLED, "wrong number")]
    assert not child(window, QCheckBox, "guide.step.call.done").isChecked()
    assert shown(window, "guide.step.call.result").startswith("Not ticked: check the number")
    click(window, "guide.step.call.result.no_answer")
    assert child(window, QCheckBox, "guide.step.call.done").isChecked()


def test_a_clipboard_that_fails_says_so(store: Store, qtbot: QtBot) -> None:
    iv = add(store)
    clock = FixedClock(START + timedelta(minutes=6))
    window, _, _ = open_guide(Flow.HAVENT_CALLED, store, iv, clock, qtbot, Recorder(False))
    click(window, "guide.step.call.copy_number")
    assert shown(window, "guide.step.call.result") == NO_CLIPBOARD


def test_at_five_minutes_the_top_is_the_one_thing_to_do_now(store: Store, qtbot: QtBot) -> None:
    iv = add(store)
    window, _, _ = open_guide(
        Flow.HAVENT_CALLED, store, iv, FixedClock(START + timedelta(minutes=5)), qtbot
    )
    assert shown(window, "guide.now") == "Now: Check your phone for a missed call or voicemail."
    top = window.top.mapTo(window, window.top.rect().topLeft()).y()
    steps = window.steps.mapTo(window, window.steps.rect().topLeft()).y()
    assert top < steps  # above the rest of the steps
    click(window, "guide.now.done")
    assert kinds(store, iv) == [(ActionKind.CHECKED, "check")]
    assert child(window, QCheckBox, "guide.step.check.done").isChecked()
    assert shown(window, "guide.now") == f"Now: Call them on {NUMBER}."


def test_before_the_start_there_is_nothing_to_do_yet(store: Store, qtbot: QtBot) -> None:
    iv = add(store)
    window, _, _ = open_guide(
        Flow.HAVENT_CALLED, store, iv, FixedClock(START - timedelta(minutes=10)), qtbot
    )
    assert shown(window, "guide.now") == ""


def test_the_top_says_who_was_to_call_their_number_and_where_to_write(
    store: Store, qtbot: QtBot
) -> None:
    iv = add(store)
    window, _, _ = open_guide(
        Flow.HAVENT_CALLED, store, iv, FixedClock(START + timedelta(minutes=5)), qtbot
    )
    assert text(window, "guide.who") == (
        "Jane Doe from Acme was to call you about the Data Analyst role."
    )
    assert text(window, "guide.reach") == f"Their number: {NUMBER}"
    assert text(window, "guide.write_to") == "Write to: jane@acme.example"
    for name in ("guide.reach", "guide.write_to"):  # to copy into a mail app or a phone
        flags = child(window, QLabel, name).textInteractionFlags()
        assert flags & Qt.TextInteractionFlag.TextSelectableByMouse


def test_a_video_call_shows_its_link_and_opens_it_honestly(store: Store, qtbot: QtBot) -> None:
    iv = add_video(store)
    clock = FixedClock(START + timedelta(minutes=5))
    failing = Recorder(False)
    window, _, _ = open_guide(Flow.HAVENT_CALLED, store, iv, clock, qtbot, failing)
    assert text(window, "guide.reach") == f"Meeting link: {LINK}"
    assert shown(window, "guide.now").startswith("Now: Open the meeting link")
    click(window, "guide.step.join.open_link")
    assert failing.opened == [LINK]
    assert shown(window, "guide.step.join.result") == NO_BROWSER
    assert shown(window, "guide.step.join.by_hand") == LINK
    assert kinds(store, iv) == []
    failing.works = True
    click(window, "guide.step.join.open_link")
    assert kinds(store, iv) == [(ActionKind.LINK_OPENED, "")]
    assert child(window, QCheckBox, "guide.step.join.done").isChecked()
    assert shown(window, "guide.step.join.result") == ""


def test_running_late_moves_the_countdown(store: Store, qtbot: QtBot) -> None:
    iv = add(store)
    clock = FixedClock(START + timedelta(minutes=8))
    window, _, _ = open_guide(Flow.HAVENT_CALLED, store, iv, clock, qtbot)
    panel = child(window, QFrame, "guide.late")
    assert not panel.isVisibleTo(window)
    click(window, "guide.running_late")
    assert panel.isVisibleTo(window)
    child(window, QTimeEdit, "guide.late.time").setTime(QTime(14, 20))  # their clock
    assert text(window, "guide.late.echo") == (
        "The call would then start at 2:20 PM EST (7:20 PM your time)."
    )
    with qtbot.waitSignal(window.start_moved) as moved:
        click(window, "guide.late.move")
    assert moved.args == [iv.id]
    kept = store.interviews.get(iv.id or 0)
    assert kept is not None and kept.start == START + timedelta(minutes=20)
    assert text(window, "guide.elapsed").startswith("7:08 PM: the call is due in 12 min")
    assert text(window, "guide.note").startswith("They're running late: the call was agreed for")
    assert shown(window, "guide.now") == ""  # nothing to do until 2:20
    assert log_lines(window) == ["7:08 PM  They're running late: you moved the start to 7:20 PM"]


def test_a_late_time_that_has_passed_is_refused_in_one_sentence(store: Store, qtbot: QtBot) -> None:
    iv = add(store)
    clock = FixedClock(START + timedelta(minutes=8))
    window, _, _ = open_guide(Flow.HAVENT_CALLED, store, iv, clock, qtbot)
    click(window, "guide.running_late")
    child(window, QTimeEdit, "guide.late.time").setTime(QTime(14, 5))
    click(window, "guide.late.move")
    assert text(window, "guide.late.status").startswith("That time has already passed")
    assert kinds(store, iv) == []


def test_the_log_is_folded_under_the_steps_and_says_the_last_thing(
    store: Store, qtbot: QtBot
) -> None:
    iv = add(store)
    window, _, _ = open_guide(
        Flow.HAVENT_CALLED, store, iv, FixedClock(START + timedelta(minutes=6)), qtbot
    )
    fold = child(window, QToolButton, "guide.log_toggle")
    assert fold.text() == "What you have done: nothing yet"
    click(window, "guide.step.voicemail.left")
    assert fold.text() == "What you have done (1), last: 7:06 PM  You left a voicemail"
    assert not window.log.list.isVisibleTo(window)
    fold.click()
    assert window.log.list.isVisibleTo(window)
