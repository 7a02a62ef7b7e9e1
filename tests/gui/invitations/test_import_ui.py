"""Importing invitations from the windows: the real parser off the GUI thread, choosing an
event, typing a missing time, confirming a cancellation, dropping a file, pasting text."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QWidget,
)

from crickets.domain.clock import FixedClock
from crickets.domain.interview import Status
from crickets.invitations.ics.apply import apply_import, plan_import
from crickets.invitations.ics.parse import IcsError, parse_invitation
from crickets.invitations.paste.reader import understand_invite_text
from crickets.storage.store import Store
from crickets.ui.invitations.drop_import import CalendarDropFilter, calendar_files
from crickets.ui.invitations.import_dialog import ImportDialog
from crickets.ui.invitations.paste_box import PasteInviteBox, fields_from

DATA = Path(__file__).resolve().parents[2] / "data" / "ics"
NOW = datetime(2026, 11, 25, 12, 21, tzinfo=UTC)
ZONE = "Europe/London"
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    s = Store.open(tmp_path)
    yield s
    s.close()


READ_ON: list[str] = []  # the threads the reader ran on


def read(path: str):  # type: ignore[no-untyped-def]
    READ_ON.append(threading.current_thread().name)
    try:
        return parse_invitation(Path(path).read_bytes(), my_zone=ZONE, now=NOW), ""
    except IcsError as error:
        return None, str(error)


def dialog(store: Store, qtbot, chooser=lambda: None) -> ImportDialog:  # type: ignore[no-untyped-def]
    d = ImportDialog(
        read,
        lambda e: plan_import(store, e),
        lambda e, src, ok: apply_import(store, e, src, confirm_cancel=ok),
        FixedClock(NOW),
        ZONE,
        chooser,
    )
    qtbot.addWidget(d)
    d.show()
    return d


def load(d: ImportDialog, name: str, qtbot) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(d.parsed, timeout=10_000):
        d.select(path=str(DATA / name))


def test_a_google_invitation_is_read_off_the_gui_thread_and_imported(store, qtbot) -> None:  # type: ignore[no-untyped-def]
    d = dialog(store, qtbot)
    READ_ON.clear()
    load(d, "google_request.ics", qtbot)
    assert READ_ON == ["ics-read"] and threading.current_thread() is threading.main_thread()
    events = d.findChild(QListWidget, "import.events")
    assert events.count() == 1 and "2:00 PM EST (7:00 PM your time)" in events.item(0).text()
    go = d.findChild(QPushButton, "import.go")
    assert go.isEnabled()
    with qtbot.waitSignal(d.imported):
        qtbot.mouseClick(go, LEFT)
    (interview,) = store.list()
    assert interview.zone == "America/New_York" and interview.company
    assert store.load_invitation(interview.id) == (DATA / "google_request.ics").read_bytes()


def test_a_bad_file_gives_one_sentence_and_imports_nothing(store, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = tmp_path / "invite.ics"
    page.write_text("<!DOCTYPE html><html><body>Sign in</body></html>")
    d = dialog(store, qtbot)
    with qtbot.waitSignal(d.parsed, timeout=10_000):
        d.select(path=str(page))
    status = d.findChild(QLabel, "import.status").text()
    assert "web page" in status and "\n" not in status
    assert not d.findChild(QPushButton, "import.go").isEnabled()
    assert store.list() == []


def test_an_all_day_event_asks_for_the_time(store, qtbot) -> None:  # type: ignore[no-untyped-def]
    d = dialog(store, qtbot)
    load(d, "all_day.ics", qtbot)
    assert "needs a time" in d.findChild(QListWidget, "import.events").item(0).text()
    go = d.findChild(QPushButton, "import.go")
    assert not go.isEnabled()
    qtbot.keyClicks(d.findChild(QLineEdit, "import.when"), "2026-12-10 10:00")
    assert go.isEnabled()
    qtbot.mouseClick(go, LEFT)
    assert store.list()[0].local_start == datetime(2026, 12, 10, 10, 0)


def test_a_cancellation_is_applied_only_after_confirming(store, qtbot) -> None:  # type: ignore[no-untyped-def]
    first = dialog(store, qtbot)
    load(first, "series_1_request.ics", qtbot)
    qtbot.mouseClick(first.findChild(QPushButton, "import.go"), LEFT)
    d = dialog(store, qtbot)
    load(d, "series_3_cancel.ics", qtbot)
    go, confirm = (
        d.findChild(QPushButton, "import.go"),
        d.findChild(QCheckBox, "import.confirm_cancel"),
    )
    assert confirm.isVisible() and not go.isEnabled()
    confirm.setChecked(True)
    qtbot.mouseClick(go, LEFT)
    assert store.list()[0].status is Status.CANCELLED


def test_several_events_let_the_person_choose(store, qtbot) -> None:  # type: ignore[no-untyped-def]
    d = dialog(store, qtbot)
    load(d, "several.ics", qtbot)
    events = d.findChild(QListWidget, "import.events")
    assert events.count() >= 2
    events.setCurrentRow(1)
    qtbot.mouseClick(d.findChild(QPushButton, "import.go"), LEFT)
    assert len(store.list()) == 1


def test_dropping_a_calendar_file_on_a_window_is_an_import(qtbot) -> None:  # type: ignore[no-untyped-def]
    target = QWidget()
    target.setAcceptDrops(True)
    qtbot.addWidget(target)
    target.show()
    drops = CalendarDropFilter()
    app = QApplication.instance()
    app.installEventFilter(drops)  # type: ignore[union-attr]
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
    app.removeEventFilter(drops)  # type: ignore[union-attr]


def test_pasted_invitation_text_fills_the_form(qtbot) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Interview with Acme\nTuesday, December 1 · 2:00 – 2:30pm Eastern Time\n"
        "Phone: +1 415 555 0100\nJoin Zoom: https://zoom.us/j/123456789"
    )
    box = PasteInviteBox(lambda t: understand_invite_text(t, my_zone=ZONE, now=NOW))
    qtbot.addWidget(box)
    qtbot.keyClicks(box.findChild(type(box.text), "paste.text"), "x")
    box.text.setPlainText(text)
    with qtbot.waitSignal(box.fields_understood) as got:
        qtbot.mouseClick(box.findChild(QPushButton, "paste.read"), LEFT)
    fields = got.args[0]
    assert fields["when_text"] == "2026-12-01 14:00" and fields["zone"] == "America/New_York"
    assert "".join(c for c in fields["interviewer_phone"] if c.isdigit()) == "14155550100"
    assert fields["meeting_link"] == "https://zoom.us/j/123456789"
    assert box.findChild(QLabel, "paste.echo").text().startswith("✓")
    assert fields_from(understand_invite_text("", my_zone=ZONE, now=NOW)) == {}
