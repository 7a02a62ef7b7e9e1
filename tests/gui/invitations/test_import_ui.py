"""Importing invitations from the windows: the real parser off the GUI thread, choosing an
event, typing a missing time, confirming a cancellation, dropping a file, pasting text."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from crickets.application.invitations import Invitation, Invitations
from crickets.application.use_cases import UseCases
from crickets.domain.clock import FixedClock
from crickets.domain.interview import Status
from crickets.storage.store import Store
from crickets.ui.interviews.form import FormFill
from crickets.ui.invitations.drop_import import CalendarDropFilter, calendar_files
from crickets.ui.invitations.import_dialog import ImportDialog
from crickets.ui.invitations.paste_box import PasteInviteBox, fill_from
from crickets.wiring.session import build_use_cases

DATA = Path(__file__).resolve().parents[2] / "data" / "ics"
NOW = datetime(2026, 11, 25, 12, 21, tzinfo=UTC)  # the person lives in London (conftest)
LEFT = Qt.MouseButton.LeftButton
W = TypeVar("W", bound=QWidget)


@pytest.fixture
def use_cases(store: Store) -> UseCases:
    return build_use_cases(store, FixedClock(NOW))


@dataclass(frozen=True)
class Watched(Invitations):
    """The real use case, noting the thread each file was parsed on."""

    read_on: list[str] = field(default_factory=list)

    def reader(self) -> Callable[[bytes], Invitation]:
        parse = super().reader()

        def watched(data: bytes) -> Invitation:
            self.read_on.append(threading.current_thread().name)
            return parse(data)

        return watched


@dataclass(frozen=True)
class Gated(Invitations):
    """The real use case, whose parsing waits until the test opens the gate."""

    gate: threading.Event = field(default_factory=threading.Event)

    def reader(self) -> Callable[[bytes], Invitation]:
        parse = super().reader()

        def gated(data: bytes) -> Invitation:
            self.gate.wait(10)
            return parse(data)

        return gated


def dialog(
    use_cases: UseCases, qtbot: QtBot, invitations: Invitations | None = None
) -> ImportDialog:
    d = ImportDialog(invitations or use_cases.invitations, choose_file=lambda: None)
    qtbot.addWidget(d)
    d.show()
    return d


def child(window: QWidget, kind: type[W], name: str) -> W:
    found = window.findChild(kind, name)
    assert found is not None, name
    return found


def first_event(d: ImportDialog) -> str:
    item = child(d, QListWidget, "import.events").item(0)
    assert item is not None
    return item.text()


def load(d: ImportDialog, path: Path, qtbot: QtBot) -> None:
    with qtbot.waitSignal(d.parsed, timeout=10_000):
        d.receive_file(path)


def test_a_google_invitation_is_read_off_the_gui_thread_and_imported(
    store: Store, use_cases: UseCases, qtbot: QtBot
) -> None:
    plain = use_cases.invitations
    watched = Watched(plain.book, plain.store, plain.state)
    d = dialog(use_cases, qtbot, watched)
    load(d, DATA / "google_request.ics", qtbot)
    assert watched.read_on == ["ics-read"]
    assert threading.current_thread() is threading.main_thread()
    events = child(d, QListWidget, "import.events")
    assert events.count() == 1 and "2:00 PM EST (7:00 PM your time)" in first_event(d)
    go = child(d, QPushButton, "import.go")
    assert go.isEnabled()
    with qtbot.waitSignal(d.imported):
        QTest.mouseClick(go, LEFT)
    (interview,) = store.interviews.list()
    assert interview.zone == "America/New_York" and interview.company
    assert interview.id is not None
    assert (
        store.kept_invitations.load_invitation(interview.id)
        == (DATA / "google_request.ics").read_bytes()
    )


def test_a_bad_file_gives_one_sentence_and_imports_nothing(
    store: Store, use_cases: UseCases, qtbot: QtBot, tmp_path: Path
) -> None:
    page = tmp_path / "invite.ics"
    page.write_text("<!DOCTYPE html><html><body>Sign in</body></html>")
    d = dialog(use_cases, qtbot)
    load(d, page, qtbot)
    status = child(d, QLabel, "import.status").text()
    assert "web page" in status and "\n" not in status
    assert not child(d, QPushButton, "import.go").isEnabled()
    assert store.interviews.list() == []


def test_a_file_that_cannot_be_read_says_so(
    use_cases: UseCases, qtbot: QtBot, tmp_path: Path
) -> None:
    d = dialog(use_cases, qtbot)
    load(d, tmp_path / "gone.ics", qtbot)
    status = child(d, QLabel, "import.status").text()
    assert status.startswith("Cannot read ") and "gone.ics" in status and status.endswith(".")


def test_an_all_day_event_asks_for_the_time(
    store: Store, use_cases: UseCases, qtbot: QtBot
) -> None:
    d = dialog(use_cases, qtbot)
    load(d, DATA / "all_day.ics", qtbot)
    assert "needs a time" in first_event(d)
    go = child(d, QPushButton, "import.go")
    assert not go.isEnabled()
    QTest.keyClicks(child(d, QLineEdit, "import.when"), "2026-12-10 10:00")
    assert go.isEnabled()
    QTest.mouseClick(go, LEFT)
    assert store.interviews.list()[0].local_start == datetime(2026, 12, 10, 10, 0)


def test_a_cancellation_is_applied_only_after_confirming(
    store: Store, use_cases: UseCases, qtbot: QtBot
) -> None:
    first = dialog(use_cases, qtbot)
    load(first, DATA / "series_1_request.ics", qtbot)
    QTest.mouseClick(child(first, QPushButton, "import.go"), LEFT)
    d = dialog(use_cases, qtbot)
    load(d, DATA / "series_3_cancel.ics", qtbot)
    go = child(d, QPushButton, "import.go")
    confirm = child(d, QCheckBox, "import.confirm_cancel")
    assert confirm.isVisible() and not go.isEnabled()
    confirm.setChecked(True)
    QTest.mouseClick(go, LEFT)
    assert store.interviews.list()[0].status is Status.CANCELLED


def test_several_events_let_the_person_choose(
    store: Store, use_cases: UseCases, qtbot: QtBot
) -> None:
    d = dialog(use_cases, qtbot)
    load(d, DATA / "several.ics", qtbot)
    events = child(d, QListWidget, "import.events")
    assert events.count() >= 2
    events.setCurrentRow(1)
    QTest.mouseClick(child(d, QPushButton, "import.go"), LEFT)
    assert len(store.interviews.list()) == 1


def test_dropping_a_calendar_file_on_a_window_is_an_import(qtbot: QtBot) -> None:
    target = QWidget()
    target.setAcceptDrops(True)
    qtbot.addWidget(target)
    target.show()
    drops = CalendarDropFilter()
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(drops)
    mime = QMimeData()
    mime.setUrls(
        [QUrl.fromLocalFile(str(DATA / "zoom_utc.ics")), QUrl.fromLocalFile("/tmp/notes.txt")]
    )
    assert calendar_files(mime) == [str(DATA / "zoom_utc.ics")]
    enter = QDragEnterEvent(
        QPoint(1, 1), Qt.DropAction.CopyAction, mime, LEFT, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    event = QDropEvent(
        QPointF(QPoint(1, 1)), Qt.DropAction.CopyAction, mime, LEFT, Qt.KeyboardModifier.NoModifier
    )
    with qtbot.waitSignal(drops.dropped) as got:
        QApplication.sendEvent(target, event)
    assert got.args == [str(DATA / "zoom_utc.ics")]
    app.removeEventFilter(drops)


def test_pasted_invitation_text_fills_the_form(use_cases: UseCases, qtbot: QtBot) -> None:
    text = (
        "Interview with Acme\nTuesday, December 1 · 2:00 – 2:30pm Eastern Time\n"
        "Phone: +1 415 555 0100\nJoin Zoom: https://zoom.us/j/123456789"
    )
    box = PasteInviteBox(use_cases.invitations.understand_text)
    qtbot.addWidget(box)
    QTest.keyClicks(box.text, "x")
    box.text.setPlainText(text)
    with qtbot.waitSignal(box.fields_understood) as got:
        QTest.mouseClick(child(box, QPushButton, "paste.read"), LEFT)
    fill = got.args[0]
    assert isinstance(fill, FormFill)
    assert fill.when_text == "2026-12-01 14:00" and fill.zone == "America/New_York"
    assert "".join(c for c in fill.interviewer_phone if c.isdigit()) == "14155550100"
    assert fill.meeting_link == "https://zoom.us/j/123456789"
    assert child(box, QLabel, "paste.echo").text().startswith("✓")
    assert fill_from(use_cases.invitations.understand_text("")) == FormFill()


def test_a_long_event_wraps_instead_of_running_off_the_list(
    use_cases: UseCases, qtbot: QtBot
) -> None:
    d = dialog(use_cases, qtbot)
    load(d, DATA / "google_request.ics", qtbot)
    events = child(d, QListWidget, "import.events")
    d.resize(360, d.height())  # narrower than the event's line
    qtbot.waitUntil(lambda: events.viewport().width() < 360)
    item = events.item(0)
    assert item is not None
    assert not events.horizontalScrollBar().isVisible()
    assert events.visualItemRect(item).width() <= events.viewport().width()
    assert events.visualItemRect(item).height() > 2 * events.fontMetrics().height() - 4


def test_closing_the_dialog_while_a_file_is_read_is_quiet(
    use_cases: UseCases, qtbot: QtBot
) -> None:
    """The worker finishes after the dialog is gone: no answer, no traceback (an unhandled
    exception in the worker thread would fail this test as a warning)."""
    from crickets.ui.invitations.file_reader import _relay

    plain = use_cases.invitations
    slow = Gated(plain.book, plain.store, plain.state)
    d = dialog(use_cases, qtbot, slow)
    answered: list[int] = []
    _relay().answered.connect(lambda job, _invitation, _problem: answered.append(job))
    d.receive_file(DATA / "google_request.ics")
    d.close()
    d.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    slow.gate.set()  # the file is read only now, with the dialog gone
    qtbot.waitUntil(lambda: answered != [])
