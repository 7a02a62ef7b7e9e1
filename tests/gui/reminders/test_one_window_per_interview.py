"""One window per interview: each moment of its day takes the place of the one before,
earlier moments turning up late are not shown, and a window the person closed stays
closed after a restart. Driven through the real shell and controller, clock moved by hand.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from crickets.domain.clock import FixedClock
from crickets.domain.interview import Status
from crickets.domain.reminders import Reminder, ReminderKind
from crickets.domain.settings import Settings
from crickets.storage.store import Store
from crickets.ui.shell import StartMode
from crickets.ui.system.action_notice import ActionNotifier, Answered, NoticeAction
from crickets.ui.system.notify_chain import NotifyChain
from crickets.wiring.tray import TrayApp
from tests.builders import make_interview
from tests.gui.running import running_tray

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")

START = datetime(2026, 12, 1, 19, 0, tzinfo=UTC)  # 2:00 PM in New York
HOUR = timedelta(hours=1)
MINUTE = timedelta(minutes=1)


class Said:
    """The notifications the shell sent (a Notifier that always delivers)."""

    def __init__(self) -> None:
        self.notes: list[tuple[str, str]] = []

    def notify(self, title: str, text: str) -> bool:
        self.notes.append((title, text))
        return True


class Running:
    """The tray app over the test's store, as a start of the real app builds it."""

    def __init__(self, store: Store, clock: FixedClock, socket: str, demo: bool = False) -> None:
        self.clock = clock
        self.app: TrayApp
        self.app, _ = running_tray(store, clock, socket, mode=StartMode(demo=demo))
        self.said = Said()
        self.app.shell.notifier = NotifyChain([self.said])

    def at(self, offset: timedelta) -> list[str]:
        """Move the clock to START + ``offset``, tick, and name the windows showing."""
        self.clock.set(START + offset)
        self.app.controller.tick()
        return showing()

    def stop(self) -> None:
        for key in self.app.windows.open_keys():
            self.app.windows.close(key)
        showing()
        self.app.shell.stop()

    def quit(self) -> None:
        """What quitting the app does to its windows: they go with the process, nobody
        closes them (no close event, no snooze, no dismissal)."""
        self.app.shell.stop()
        for key in self.app.windows.open_keys():
            shown = self.app.windows.get(key)
            assert shown is not None
            shown.blockSignals(True)
            shown.hide()
            shown.deleteLater()
        showing()


def showing() -> list[str]:
    """The object names of the visible top-level windows, after pending deletions."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return sorted(w.objectName() for w in QApplication.topLevelWidgets() if w.isVisible())


def window(name: str) -> QWidget:
    found = [w for w in QApplication.topLevelWidgets() if w.objectName() == name]
    assert len(found) == 1, name
    return found[0]


@pytest.fixture
def quiet_store(store: Store) -> Store:
    """The shared store, with one interview and no sound (the tests listen to nothing)."""
    store.settings.save_settings(Settings(home_zone="Europe/London", sound=False))
    store.interviews.add(make_interview(id=None, role="Phone screen"))
    return store


@pytest.fixture
def running(quiet_store: Store, tmp_path: Path, qtbot: QtBot) -> Iterator[Running]:
    app = Running(quiet_store, FixedClock(START - 2 * HOUR), str(tmp_path / "a.sock"))
    app.app.controller.start()
    yield app
    app.stop()


def restart(store: Store, tmp_path: Path, offset: timedelta) -> Running:
    """A new start of the app (the same store) at START + ``offset``."""
    again = Running(store, FixedClock(START + offset), str(tmp_path / "b.sock"))
    again.app.controller.start()
    return again


def test_each_moment_takes_the_place_of_the_one_before(running: Running) -> None:
    assert running.at(-90 * timedelta(minutes=1)) == ["reminder.confirm"]
    assert running.at(-15 * timedelta(minutes=1)) == ["reminder.get-ready"]
    assert running.at(timedelta(0)) == ["reminder.start"]
    assert running.at(timedelta(minutes=5)) == ["guide.havent-called"]


def test_after_a_restart_only_the_latest_moment_comes_back(
    running: Running, quiet_store: Store, tmp_path: Path
) -> None:
    running.at(-15 * timedelta(minutes=1))
    running.at(timedelta(0))
    running.quit()  # with "It's time" showing
    again = restart(quiet_store, tmp_path, timedelta(minutes=1))
    assert showing() == ["reminder.start"]  # not the get-ready it replaced
    again.stop()


def test_an_earlier_moment_turning_up_late_is_neither_shown_nor_announced(
    running: Running,
) -> None:
    running.at(timedelta(0))
    running.said.notes.clear()
    confirm = Reminder(1, ReminderKind.CONFIRM, START - HOUR, START)
    running.app.controller.reminder_due.emit(confirm)  # e.g. a snooze running out
    assert showing() == ["reminder.start"]
    assert running.said.notes == []


def test_waited_long_enough_goes_to_the_guide_already_open(running: Running) -> None:
    running.at(timedelta(minutes=5))
    guide = window("guide.havent-called")
    running.said.notes.clear()
    assert running.at(timedelta(minutes=30)) == ["guide.havent-called"]
    assert window("guide.havent-called") is guide  # raised, not rebuilt
    assert [title for title, _ in running.said.notes] == ["You have waited long enough"]


def test_a_later_moment_replaces_the_guide(running: Running) -> None:
    running.at(timedelta(minutes=5))
    later = Reminder(1, ReminderKind.HOW_DID_IT_GO, START, START + HOUR)
    assert running.app.windows.show_reminder(later) is not None
    assert showing() == ["reminder.how-did-it-go"]


def test_a_guide_the_person_closed_stays_closed_after_a_restart(
    running: Running, quiet_store: Store, tmp_path: Path
) -> None:
    running.at(timedelta(minutes=5))
    window("guide.havent-called").close()
    assert showing() == []
    running.quit()
    again = restart(quiet_store, tmp_path, timedelta(minutes=6))
    assert showing() == []
    again.stop()


def test_a_guide_left_open_comes_back_after_a_restart(
    running: Running, quiet_store: Store, tmp_path: Path
) -> None:
    running.at(timedelta(minutes=5))
    running.quit()  # with the guide open: nobody closed it
    again = restart(quiet_store, tmp_path, timedelta(minutes=6))
    assert showing() == ["guide.havent-called"]
    again.stop()


def test_each_interview_has_its_own_window(running: Running, quiet_store: Store) -> None:
    quiet_store.interviews.add(make_interview(id=None, company="Globex"))
    running.app.controller.reload()
    running.at(-15 * timedelta(minutes=1))
    names = [w.windowTitle() for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert sorted(names) == [
        "Get ready: Phone interview with Globex",
        "Get ready: Phone screen with Acme",
    ]


def test_the_demo_says_when_the_call_starts_as_the_icon_counts(
    quiet_store: Store, tmp_path: Path, qtbot: QtBot
) -> None:
    now = START - timedelta(seconds=75)  # the demo's interview is 75 s away
    demo = Running(quiet_store, FixedClock(now), str(tmp_path / "d.sock"), demo=True)
    demo.app.shell.start()
    qtbot.waitUntil(lambda: demo.app.controller.state is not None)
    state = demo.app.controller.state
    assert state is not None and state.badge == "2m"
    assert demo.said.notes == [
        ("Crickets demo", "A practice interview starts in 2 min. Watch the tray.")
    ]
    if demo.app.shell.no_tray is not None:
        demo.app.shell.no_tray.close()
    demo.stop()


class Buttons(ActionNotifier):
    """Records the notifications with buttons the shell sends, as shown."""

    def __init__(self) -> None:
        super().__init__("notify-send", lambda t, m, a: [], lambda then: then(True))
        self.sent: list[tuple[str, tuple[str, ...], Callable[[str], None]]] = []

    def notify_with_actions(
        self, title: str, message: str, actions: Sequence[NoticeAction], answered: Answered
    ) -> bool:
        self.sent.append((title, tuple(a.key for a in actions), answered))
        return True


def test_the_guide_comes_with_a_notification_whose_buttons_answer_it(running: Running) -> None:
    """Nobody called: the guide opens and its notification offers "Open the guide" and
    "They called"; pressing them reopens the closed guide, then records the call."""
    buttons = Buttons()
    running.app.shell.notifier = NotifyChain([running.said], actionable=buttons)
    assert running.at(5 * MINUTE) == ["guide.havent-called"]
    ((title, keys, answered),) = buttons.sent
    assert title == "They haven't called yet" and keys == ("open-guide", "they-called")
    window("guide.havent-called").close()
    assert showing() == []
    answered("open-guide")
    assert showing() == ["guide.havent-called"]
    answered("they-called")
    (interview,) = running.app.controller.interviews
    assert interview.status is Status.IN_CALL


def test_they_called_from_an_old_notification_changes_no_outcome(running: Running) -> None:
    buttons = Buttons()
    running.app.shell.notifier = NotifyChain([running.said], actionable=buttons)
    running.at(5 * MINUTE)
    ((_, _, answered),) = buttons.sent
    (interview,) = running.app.controller.interviews
    assert interview.id is not None
    running.app.controller.set_status(interview.id, Status.DONE)
    answered("they-called")
    (interview,) = running.app.controller.interviews
    assert interview.status is Status.DONE


def test_the_moment_windows_are_dialogs_held_to_their_width(running: Running) -> None:
    """What a tiling compositor floats (min width = max width, the dialog type), at a width
    that fits the screen."""
    for offset, name in ((-90 * MINUTE, "reminder.confirm"), (5 * MINUTE, "guide.havent-called")):
        assert running.at(offset) == [name]
        shown = window(name)
        assert shown.windowType() == Qt.WindowType.Dialog
        assert shown.minimumWidth() == shown.maximumWidth() == shown.width() > 0
