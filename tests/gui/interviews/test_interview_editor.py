"""The interview editor, driven like a person: typing, Tab, Return, Esc, clicks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from crickets.domain.clock import FixedClock
from crickets.domain.interview import Direction, Interview, Status
from crickets.domain.settings import Settings
from crickets.domain.slot_hours import WorkingHours
from crickets.storage.errors import StoreBusy
from crickets.storage.repositories.interviews import Interviews
from crickets.storage.store import Store
from crickets.ui.interviews.editor import InterviewEditor
from crickets.ui.interviews.form import FormFill
from crickets.wiring.session import build_use_cases

# The offscreen platform cannot size, raise or grab windows, and says so as Qt warnings.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")

NOW = datetime(2026, 11, 25, 12, 21, tzinfo=UTC)  # a Wednesday
MY_ZONE = "Europe/London"  # the person's zone in the store (tests/gui/conftest.py)

Open = Callable[..., InterviewEditor]


@pytest.fixture
def open_editor(qtbot: QtBot, store: Store) -> Open:
    def opener(interview: Interview | None = None, on: Store | None = None) -> InterviewEditor:
        book = build_use_cases(on or store, FixedClock(NOW)).book
        editor = InterviewEditor(book, interview)
        qtbot.addWidget(editor)
        editor.show()
        qtbot.waitExposed(editor)
        editor.activateWindow()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
        return editor

    return opener


def line(window: QWidget, name: str) -> QLineEdit:
    found = window.findChild(QLineEdit, name)
    assert found is not None, name
    return found


def label(window: QWidget, name: str) -> QLabel:
    found = window.findChild(QLabel, name)
    assert found is not None, name
    return found


def save_button(window: QWidget) -> QPushButton:
    found = window.findChild(QPushButton, "editor.save")
    assert found is not None
    return found


def type_zone(qtbot: QtBot, editor: InterviewEditor, text: str) -> None:
    zone = editor.findChild(QComboBox, "editor.zone")
    assert zone is not None
    zone.setFocus()
    QTest.keyClick(zone, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(zone, text)


def pick_completion(qtbot: QtBot, editor: InterviewEditor, wanted: str) -> None:
    """Arrow down the search popup to ``wanted`` and press Return, as a person would."""
    zone = editor.findChild(QComboBox, "editor.zone")
    assert zone is not None
    completer = zone.completer()
    assert completer is not None
    popup = completer.popup()
    assert popup is not None
    qtbot.waitUntil(popup.isVisible)
    for _ in range(completer.completionCount()):
        QTest.keyClick(popup, Qt.Key.Key_Down)
        if zone.currentText() == wanted:
            break
    QTest.keyClick(popup, Qt.Key.Key_Return)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def test_typed_time_is_echoed_in_its_zone_and_in_mine(qtbot: QtBot, open_editor: Open) -> None:
    editor = open_editor()
    type_zone(qtbot, editor, "new_york")
    pick_completion(qtbot, editor, "America/New_York")
    QTest.keyClicks(line(editor, "editor.when"), "Tue 1 Dec 2pm")
    echo = label(editor, "editor.echo").text()
    assert "Tuesday 1 December 2026, 2:00 PM EST (America/New_York, UTC−05:00)" in echo
    assert "Your time: Tuesday 1 December 2026, 7:00 PM GMT (Europe/London)" in echo
    assert save_button(editor).isEnabled()


def test_the_zone_search_matches_any_part_of_a_name_or_a_friendly_name(
    qtbot: QtBot, open_editor: Open
) -> None:
    editor = open_editor()
    type_zone(qtbot, editor, "EASTERN")
    pick_completion(qtbot, editor, "US Eastern (New York)")
    assert editor.form.zone.zone() == "America/New_York"
    assert not label(editor, "editor.zone.error").isVisible()


def test_an_unknown_zone_is_explained_and_blocks_saving(qtbot: QtBot, open_editor: Open) -> None:
    editor = open_editor()
    QTest.keyClicks(line(editor, "editor.when"), "Tue 1 Dec 2pm")
    type_zone(qtbot, editor, "Mars/Olympus")
    problem = label(editor, "editor.zone.error")
    assert problem.isVisible() and "not a time zone name" in problem.text()
    assert not save_button(editor).isEnabled()


def test_a_time_in_the_dst_gap_is_refused_and_save_stays_disabled(
    qtbot: QtBot, open_editor: Open, store: Store
) -> None:
    editor = open_editor()
    type_zone(qtbot, editor, "America/New_York")
    QTest.keyClicks(line(editor, "editor.when"), "2027-03-14 02:30")
    error = label(editor, "editor.when.error")
    assert error.isVisible()
    assert "does not exist in America/New_York" in error.text()
    assert "2:00 AM to 3:00 AM" in error.text()
    assert not save_button(editor).isEnabled()
    QTest.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert store.interviews.list() == []
    assert "Fix the fields" in label(editor, "editor.message").text()


def test_the_repeated_hour_asks_which_and_stores_the_chosen_fold(
    qtbot: QtBot, open_editor: Open, store: Store
) -> None:
    editor = open_editor()
    type_zone(qtbot, editor, "America/New_York")
    QTest.keyClicks(line(editor, "editor.when"), "2027-11-07 01:30")
    question = label(editor, "editor.when_question")
    assert question.isVisible() and "happens twice" in question.text()
    choice = editor.findChild(QComboBox, "editor.when_choice")
    assert choice is not None and choice.isVisible()
    assert choice.currentIndex() == -1  # nothing is picked for the person
    assert [choice.itemText(i) for i in range(choice.count())] == [
        "Sunday 7 November 2027, 1:30 AM EDT (America/New_York, UTC−04:00)",
        "Sunday 7 November 2027, 1:30 AM EST (America/New_York, UTC−05:00)",
    ]
    assert not save_button(editor).isEnabled()
    choice.setFocus()
    QTest.keyClick(choice, Qt.Key.Key_Down)
    QTest.keyClick(choice, Qt.Key.Key_Down)
    assert "1:30 AM EST" in label(editor, "editor.echo").text()
    QTest.mouseClick(save_button(editor), Qt.MouseButton.LeftButton)
    (saved,) = store.interviews.list()
    assert saved.local_start.fold == 1
    assert saved.start == datetime(2027, 11, 7, 6, 30, tzinfo=UTC)


def test_day_month_order_is_asked_when_it_matters(qtbot: QtBot, open_editor: Open) -> None:
    editor = open_editor()
    QTest.keyClicks(line(editor, "editor.when"), "04/05/2027 10:00")
    assert "could be 5 April 2027 or 4 May 2027" in label(editor, "editor.when_question").text()
    choice = editor.findChild(QComboBox, "editor.when_choice")
    assert choice is not None
    choice.setFocus()
    QTest.keyClick(choice, Qt.Key.Key_Down)
    QTest.keyClick(choice, Qt.Key.Key_Down)
    assert label(editor, "editor.echo").text().startswith("Tuesday 4 May 2027, 10:00 AM BST")
    assert editor.form.changes() is not None


def test_a_line_break_in_the_company_is_refused_inline_and_nothing_is_saved(
    qtbot: QtBot, open_editor: Open, store: Store
) -> None:
    editor = open_editor()
    editor.apply_fields(FormFill(company="Acme\r\nBcc: someone@example.com", when_text="Tue 1 Dec"))
    QTest.keyClicks(line(editor, "editor.when"), " 2pm")
    error = label(editor, "editor.company.error")
    assert error.isVisible()
    assert error.text() == "Company contains a line break or control character (U+000D)."
    assert not save_button(editor).isEnabled()
    QTest.keyClick(line(editor, "editor.when"), Qt.Key.Key_Return)
    assert store.interviews.list() == []
    assert editor.isVisible()


def test_a_bad_email_says_what_is_wrong_until_it_is_fixed(qtbot: QtBot, open_editor: Open) -> None:
    editor = open_editor()
    email = line(editor, "editor.interviewer_email")
    QTest.keyClicks(email, "jane at acme")
    error = label(editor, "editor.interviewer_email.error")
    assert "is not an email address" in error.text()
    assert email.accessibleDescription() == error.text()
    email.clear()
    QTest.keyClicks(email, "jane@acme.com")
    assert not error.isVisible()


def test_the_whole_editor_can_be_filled_and_saved_from_the_keyboard(
    qtbot: QtBot, open_editor: Open, store: Store
) -> None:
    editor = open_editor()
    saved: list[Interview] = []
    editor.interview_saved.connect(saved.append)
    assert focused().objectName() == "editor.company"
    for text in ("Acme", "Data analyst", "Jane Doe", "jane@acme.com", "+1 415 555 0100"):
        QTest.keyClicks(focused(), text)
        QTest.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused().objectName() == "editor.when"
    QTest.keyClicks(focused(), "Tue 1 Dec 2pm")
    QTest.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused().objectName() == "editor.zone"
    type_zone(qtbot, editor, "york")
    pick_completion(qtbot, editor, "America/New_York")
    QTest.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused().objectName() == "editor.duration"
    QTest.keyClick(focused(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(focused(), "45")
    QTest.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused().objectName() == "editor.direction"
    QTest.keyClick(focused(), Qt.Key.Key_Down)  # "I call them"
    QTest.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused().objectName() == "editor.their_hours"
    QTest.keyClicks(focused(), "8:30-16:00")
    QTest.keyClick(focused(), Qt.Key.Key_Tab)
    for text in ("https://meet.example.com/abc", "+44 20 7946 0000"):
        QTest.keyClicks(focused(), text)
        QTest.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused().objectName() == "editor.notes"
    QTest.keyClicks(focused(), "Ask about the team")
    QTest.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    (stored,) = store.interviews.list()
    assert saved == [stored] and saved[0].id == stored.id
    assert (stored.company, stored.role, stored.interviewer_name) == (
        "Acme",
        "Data analyst",
        "Jane Doe",
    )
    assert stored.interviewer_email == "jane@acme.com"
    assert stored.interviewer_phone == "+1 415 555 0100"
    assert stored.start == datetime(2026, 12, 1, 19, 0, tzinfo=UTC)
    assert stored.zone == "America/New_York"
    assert stored.duration == timedelta(minutes=45)
    assert stored.direction is Direction.I_CALL
    assert stored.meeting_link == "https://meet.example.com/abc"
    assert stored.my_phone == "+44 20 7946 0000"
    assert stored.notes == "Ask about the team"
    assert stored.their_hours == WorkingHours(time(8, 30), time(16, 0))
    assert not editor.isVisible()


def test_their_working_hours_are_checked_shown_and_cleared(
    qtbot: QtBot, open_editor: Open, store: Store
) -> None:
    editor = open_editor()
    hours = line(editor, "editor.their_hours")
    assert hours.placeholderText() == "9:00-17:30 (their time)"
    QTest.keyClicks(line(editor, "editor.when"), "Tue 1 Dec 2pm")
    QTest.keyClicks(hours, "17:30-09:00")
    error = label(editor, "editor.their_hours.error")
    assert error.isVisible()
    assert error.text() == (
        "Their working hours must be two times like 09:00-17:30, the start before the end."
    )
    assert not save_button(editor).isEnabled()
    hours.clear()
    QTest.keyClicks(hours, "12:00-14:00")
    assert not error.isVisible() and editor.save()
    (stored,) = store.interviews.list()
    assert stored.their_hours == WorkingHours(time(12, 0), time(14, 0))
    again = open_editor(stored)
    assert line(again, "editor.their_hours").text() == "12:00-14:00"
    line(again, "editor.their_hours").clear()
    assert again.save()
    (cleared,) = store.interviews.list()
    assert cleared.their_hours is None


def test_return_in_a_field_saves_when_everything_is_valid(
    qtbot: QtBot, open_editor: Open, store: Store
) -> None:
    editor = open_editor()
    QTest.keyClicks(line(editor, "editor.when"), "tomorrow 10:30")
    QTest.keyClick(line(editor, "editor.when"), Qt.Key.Key_Return)
    (stored,) = store.interviews.list()
    assert stored.zone == MY_ZONE
    assert stored.local_start == datetime(2026, 11, 26, 10, 30)


def test_escape_closes_without_saving(qtbot: QtBot, open_editor: Open, store: Store) -> None:
    editor = open_editor()
    QTest.keyClicks(line(editor, "editor.when"), "tomorrow 10:30")
    QTest.keyClick(focused(), Qt.Key.Key_Escape)
    assert not editor.isVisible()
    assert store.interviews.list() == []


def test_editing_keeps_id_status_link_and_invitation_fields(
    qtbot: QtBot, open_editor: Open, store: Store
) -> None:
    first = store.interviews.add(
        Interview(datetime(2026, 11, 20, 9, 0), "Europe/London", company="Old")
    )
    original = store.interviews.add(
        Interview(
            datetime(2026, 12, 1, 14, 0),
            "America/New_York",
            company="Acme",
            status=Status.MISSED_BY_THEM,
            reschedules_id=first.id,
            ics_uid="uid-1@acme.com",
            ics_sequence=3,
        )
    )
    editor = open_editor(original)
    assert line(editor, "editor.company").text() == "Acme"
    assert editor.form.zone.zone() == "America/New_York"
    assert "2:00 PM EST" in label(editor, "editor.echo").text()
    role = line(editor, "editor.role")
    QTest.keyClicks(role, "Phone screen")
    QTest.keyClick(role, Qt.Key.Key_Return)
    stored = store.interviews.get(original.id or 0)
    assert stored is not None
    assert stored.role == "Phone screen"
    assert stored.status is Status.MISSED_BY_THEM
    assert stored.reschedules_id == first.id
    assert (stored.ics_uid, stored.ics_sequence) == ("uid-1@acme.com", 3)
    assert stored.start == original.start
    assert len(store.interviews.list()) == 2


def test_an_interview_more_than_a_year_old_can_still_be_edited(
    qtbot: QtBot, open_editor: Open, store: Store
) -> None:
    old = store.interviews.add(
        Interview(datetime(2025, 3, 3, 9, 0), "Europe/London", company="Old")
    )
    editor = open_editor(old)
    assert label(editor, "editor.echo").text().startswith("Monday 3 March 2025, 9:00 AM GMT")
    notes = editor.findChild(QPlainTextEdit, "editor.notes")
    assert notes is not None
    QTest.keyClicks(notes, "They hired someone else.")
    assert editor.save()
    again = store.interviews.get(old.id or 0)
    assert again is not None and again.notes == "They hired someone else."
    assert again.start == old.start


def test_editing_the_second_of_a_repeated_hour_needs_no_new_answer(
    qtbot: QtBot, open_editor: Open, store: Store
) -> None:
    stored = store.interviews.add(
        Interview(datetime(2027, 11, 7, 1, 30, fold=1), "America/New_York")
    )
    editor = open_editor(stored)
    choice = editor.findChild(QComboBox, "editor.when_choice")
    assert choice is not None and not choice.isVisible()  # answered when it was added
    assert "1:30 AM EST" in label(editor, "editor.echo").text()
    assert save_button(editor).isEnabled()
    assert editor.save()
    again = store.interviews.get(stored.id or 0)
    assert again is not None and again.local_start.fold == 1


class BusyInterviews(Interviews):
    def add(self, interview: Interview) -> Interview:
        raise StoreBusy("Another Crickets process is writing to the data; try again in a moment.")


def test_a_store_that_cannot_save_says_why_and_the_form_keeps_everything(
    qtbot: QtBot, open_editor: Open, tmp_path: Path
) -> None:
    busy = Store.open(tmp_path / "busy")
    busy.interviews = BusyInterviews(busy.database)
    editor = open_editor(on=busy)
    QTest.keyClicks(line(editor, "editor.company"), "Acme")
    QTest.keyClicks(line(editor, "editor.when"), "Tue 1 Dec 2pm")
    QTest.mouseClick(save_button(editor), Qt.MouseButton.LeftButton)
    message = label(editor, "editor.message")
    assert message.isVisible()
    assert message.text() == (
        "Not saved: Another Crickets process is writing to the data; try again in a moment."
    )
    assert editor.isVisible()
    assert line(editor, "editor.company").text() == "Acme"
    assert line(editor, "editor.when").text() == "Tue 1 Dec 2pm"
    busy.close()


def test_apply_fields_fills_the_form_for_paste_and_import(qtbot: QtBot, open_editor: Open) -> None:
    editor = open_editor()
    editor.apply_fields(
        FormFill(
            company="Acme",
            interviewer_email="jane@acme.com",
            zone="America/Chicago",
            when_text="2026-12-02 09:00",
            duration=timedelta(minutes=60),
            direction=Direction.VIDEO,
            meeting_link="https://zoom.example.com/j/1",
        )
    )
    changes = editor.form.changes()
    assert changes is not None
    assert changes.zone == "America/Chicago"
    assert changes.local_start == datetime(2026, 12, 2, 9, 0)
    assert changes.duration == timedelta(minutes=60)
    assert changes.direction is Direction.VIDEO
    assert (changes.company, changes.role) == ("Acme", "")
    assert "9:00 AM CST" in label(editor, "editor.echo").text()
    paste = editor.findChild(QWidget, "editor.paste_area")
    assert paste is editor.paste_area and not paste.isVisible()


def test_pasted_invitation_text_fills_the_editor(qtbot: QtBot, store: Store) -> None:
    use_cases = build_use_cases(store, FixedClock(NOW))
    editor = InterviewEditor(use_cases.book, understand=use_cases.invitations.understand_text)
    qtbot.addWidget(editor)
    toggle = editor.findChild(QToolButton, "editor.paste_toggle")
    assert toggle is not None
    toggle.click()
    pasted = editor.findChild(QPlainTextEdit, "paste.text")
    assert pasted is not None and pasted.isVisibleTo(editor)
    pasted.setPlainText(
        "Interview with Acme\nTuesday, December 1 · 2:00 – 2:30pm Eastern Time\n"
        "Phone: +1 415 555 0100"
    )
    read = editor.findChild(QPushButton, "paste.read")
    assert read is not None
    QTest.mouseClick(read, Qt.MouseButton.LeftButton)
    changes = editor.form.changes()
    assert changes is not None
    assert (changes.zone, changes.local_start) == ("America/New_York", datetime(2026, 12, 1, 14))
    assert changes.duration == timedelta(minutes=30)
    assert "".join(c for c in changes.interviewer_phone if c.isdigit()) == "14155550100"


def test_an_interview_deleted_while_it_was_being_edited_is_not_brought_back(
    qtbot: QtBot, open_editor: Open, store: Store
) -> None:
    stored = store.interviews.add(
        Interview(datetime(2026, 12, 1, 14, 0), "America/New_York", company="A")
    )
    editor = open_editor(stored)
    store.interviews.delete(stored.id or 0)
    assert not editor.save()
    assert label(editor, "editor.message").text().startswith("This interview is no longer")
    assert store.interviews.list() == [] and editor.isVisible()


def test_day_words_count_from_my_own_day(qtbot: QtBot, store: Store) -> None:
    """At 5 AM on Wednesday in Tokyo it is still Tuesday in New York: "tomorrow" is the
    person's tomorrow (Thursday), not New York's."""
    store.settings.save_settings(Settings(home_zone="Asia/Tokyo"))
    book = build_use_cases(store, FixedClock(datetime(2026, 12, 1, 20, 0, tzinfo=UTC))).book
    editor = InterviewEditor(book)
    qtbot.addWidget(editor)
    editor.form.zone.set_zone("America/New_York")
    line(editor, "editor.when").setText("tomorrow 10am")
    echo = label(editor, "editor.echo").text()
    assert echo.startswith("Thursday 3 December 2026, 10:00 AM EST")


def test_an_abbreviation_read_in_my_zone_says_so_under_the_field(
    qtbot: QtBot, store: Store
) -> None:
    store.settings.save_settings(Settings(home_zone="Asia/Kolkata"))
    editor = InterviewEditor(build_use_cases(store, FixedClock(NOW)).book)
    qtbot.addWidget(editor)
    editor.form.zone.set_zone("Asia/Kolkata")
    line(editor, "editor.when").setText("Thu 3 Dec 2pm IST")
    echo = label(editor, "editor.echo").text()
    assert "IST read as Asia/Kolkata time, your own zone" in echo
    assert save_button(editor).isEnabled()


def test_the_buttons_stay_in_view_when_the_form_is_taller_than_the_window(
    qtbot: QtBot, open_editor: Open
) -> None:
    editor = open_editor()
    toggle = editor.findChild(QToolButton, "editor.paste_toggle")
    assert toggle is not None
    toggle.setChecked(True)  # the paste box opens above the form
    editor.resize(editor.width(), 360)  # a short screen
    qtbot.waitUntil(lambda: editor.fields_area.verticalScrollBar().isVisible())
    for button in (save_button(editor), editor.findChild(QPushButton, "editor.cancel")):
        assert button is not None and button.isVisible()
        corner = button.mapTo(editor, button.rect().bottomRight())
        assert editor.rect().contains(corner)


def test_the_echo_follows_the_clock_setting(qtbot: QtBot, store: Store) -> None:
    store.settings.save_settings(Settings(home_zone="Europe/London", clock_24h=True))
    editor = InterviewEditor(build_use_cases(store, FixedClock(NOW)).book)
    qtbot.addWidget(editor)
    editor.form.zone.set_zone("America/New_York")
    line(editor, "editor.when").setText("2026-12-01 14:00")
    assert "Your time: Tuesday 1 December 2026, 19:00 GMT" in label(editor, "editor.echo").text()
