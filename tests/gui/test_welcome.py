"""The first start's welcome: one window saying what Crickets does, where the data lives
and how to try the demo, leading to the Add interview form; shown once (remembered in the
app state), never in the demo or a login start."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from crickets.domain.clock import FixedClock
from crickets.storage.store import Store
from crickets.ui.shell import USUAL_START, StartMode
from crickets.ui.welcome.welcome_window import WelcomeWindow
from crickets.ui.windows import WindowKey, WindowKind
from crickets.wiring.tray import TrayApp
from tests.builders import make_interview
from tests.gui.running import running_tray

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")

NOW = datetime(2026, 12, 1, tzinfo=UTC)
WELCOME = WindowKey(WindowKind.WELCOME)
EDITOR = WindowKey(WindowKind.EDITOR)


class Starts:
    """Starts of the tray over one store, each stopped before the next."""

    def __init__(self, store: Store, tmp_path: Path) -> None:
        self.store, self.tmp_path = store, tmp_path
        self.count = 0
        self.running: TrayApp | None = None

    def start(self, mode: StartMode = USUAL_START) -> TrayApp:
        self.stop()
        self.count += 1
        socket = str(self.tmp_path / f"{self.count}.sock")
        app, _ = running_tray(
            self.store, FixedClock(NOW), socket, mode=mode, data_dir=self.tmp_path / "data"
        )
        app.shell.start()
        self.running = app
        return app

    def stop(self) -> None:
        if self.running is None:
            return
        for key in self.running.windows.open_keys():
            self.running.windows.close(key)
        if self.running.shell.no_tray is not None:
            self.running.shell.no_tray.close()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self.running.shell.stop()
        self.running = None


@pytest.fixture
def starts(store: Store, tmp_path: Path) -> Iterator[Starts]:
    made = Starts(store, tmp_path)
    yield made
    made.stop()


def first_windows(app: TrayApp, qtbot: QtBot) -> list[WindowKey]:
    qtbot.waitUntil(lambda: app.controller.state is not None)  # the first tick has run
    return app.windows.open_keys()


def text_of(window: QWidget, name: str) -> str:
    found = window.findChild(QLabel, name)
    assert found is not None, name
    return found.text()


def test_the_first_start_shows_the_welcome_alone_then_add_interview_from_it(
    starts: Starts, store: Store, tmp_path: Path, qtbot: QtBot
) -> None:
    app = starts.start()
    assert first_windows(app, qtbot) == [WELCOME]  # not the Add form on top of it
    welcome = app.windows.get(WELCOME)
    assert isinstance(welcome, WelcomeWindow) and welcome.isVisible()
    assert welcome.windowTitle() == "Welcome"
    folder = welcome.findChild(QLineEdit, "welcome.folder")
    assert folder is not None and folder.isReadOnly()
    assert folder.text() == str(tmp_path / "data")  # the real folder, to copy
    assert "crickets --demo" in text_of(welcome, "welcome.demo")
    assert "make run ARGS=--demo" in text_of(welcome, "welcome.demo")
    assert "counts down" in text_of(welcome, "welcome.about")
    add = welcome.findChild(QPushButton, "welcome.add")
    assert add is not None and add.isDefault()
    QTest.keyClick(welcome, Qt.Key.Key_Return)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert app.windows.open_keys() == [EDITOR]
    assert store.state.get_state("welcome.shown") == "yes"


def test_the_welcome_is_shown_once_the_next_start_opens_add_interview(
    starts: Starts, qtbot: QtBot
) -> None:
    first = starts.start()
    assert first_windows(first, qtbot) == [WELCOME]
    later = first.windows.get(WELCOME)
    assert later is not None
    later_button = later.findChild(QPushButton, "welcome.later")
    assert later_button is not None
    later_button.click()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert first.windows.open_keys() == []
    again = starts.start()
    assert first_windows(again, qtbot) == [EDITOR]


@pytest.mark.parametrize("mode", [StartMode(demo=True), StartMode(background=True)])
def test_neither_the_demo_nor_a_login_start_welcomes_or_uses_up_the_welcome(
    starts: Starts, store: Store, qtbot: QtBot, mode: StartMode
) -> None:
    quiet = starts.start(mode)
    assert WELCOME not in first_windows(quiet, qtbot)
    assert store.state.get_state("welcome.shown") is None
    usual = starts.start()
    assert first_windows(usual, qtbot) == [WELCOME]  # the person's own first start


def test_a_store_with_interviews_is_not_a_first_start(
    starts: Starts, store: Store, qtbot: QtBot
) -> None:
    store.interviews.add(make_interview(id=None))
    app = starts.start()
    assert first_windows(app, qtbot) == []
