from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMenu,
    QPushButton,
    QSystemTrayIcon,
    QWidget,
)
from pytestqt.qtbot import QtBot

from crickets.application.explanations import Explanations
from crickets.domain.clock import FixedClock
from crickets.domain.display import Tone, TrayState
from crickets.domain.phases import Phase
from crickets.storage.store import Store
from crickets.ui.shell import Shell, StartMode
from crickets.ui.tray import placement as placement_module
from crickets.ui.tray.no_tray_window import EXPLANATION, NoTrayWindow
from crickets.ui.tray.placement import SNI_WATCHER, TrayPlacement
from crickets.ui.tray.tray_icon import Tray
from crickets.ui.windows import WindowKey, WindowKind
from tests.gui.running import running_tray

STATE = TrayState(
    1,
    Phase.GET_READY,
    Tone.SOON,
    "9m",
    "Phone screen with Acme: in 9 min, 2:00 PM EST",
    "Phone screen with Acme: in 9 min",
)
CLOCK_AT = datetime(2026, 12, 1, tzinfo=UTC)


W = TypeVar("W", bound=QWidget)


def child(window: QWidget, kind: type[W], name: str) -> W:
    found = window.findChild(kind, name)
    assert found is not None, name
    return found


def test_the_countdown_window_shows_the_badge_sentence_and_menu(qtbot: QtBot) -> None:
    menu = QMenu()
    menu.addAction("Add interview…")
    window = NoTrayWindow(menu, explain=True)
    qtbot.addWidget(window)
    window.show()
    window.set_state(STATE, dark_panel=False)
    assert window.sentence == STATE.tooltip
    assert child(window, QLabel, "no_tray.badge").pixmap().width() == 32
    assert child(window, QLabel, "no_tray.explanation").text() == EXPLANATION
    assert child(window, QLabel, "no_tray.explanation").isVisible()
    assert child(window, QPushButton, "no_tray.menu").menu() is menu


def test_the_explanation_is_shown_only_once(qtbot: QtBot) -> None:
    window = NoTrayWindow(QMenu(), explain=False)
    qtbot.addWidget(window)
    window.show()
    assert not child(window, QLabel, "no_tray.explanation").isVisible()


@pytest.fixture
def shell(store: Store, tmp_path: Path, qtbot: QtBot) -> Iterator[Shell]:
    """A shell on the offscreen platform, which has no system tray, like some desktops."""
    running, _ = running_tray(store, FixedClock(CLOCK_AT), str(tmp_path / "s.sock"))
    yield running.shell
    if running.shell.no_tray is not None:
        running.shell.no_tray.close()
    running.shell.stop()


def test_the_shell_falls_back_to_it_when_there_is_no_tray(
    shell: Shell, store: Store, qtbot: QtBot
) -> None:
    shell.start()
    qtbot.waitUntil(lambda: shell.controller.state is not None)  # the first tick has run
    assert shell.no_tray is not None and shell.no_tray.isVisible()
    assert shell.no_tray.sentence == "Crickets: nothing scheduled"
    assert store.state.get_state("no_tray.explained") == "yes"


def test_the_explanation_is_not_repeated_at_the_next_start(
    store: Store, tmp_path: Path, qtbot: QtBot
) -> None:
    shown: list[bool] = []
    for attempt in range(2):
        running, _ = running_tray(store, FixedClock(CLOCK_AT), str(tmp_path / f"{attempt}.sock"))
        running.shell.start()
        no_tray = running.shell.no_tray
        assert no_tray is not None
        shown.append(child(no_tray, QLabel, "no_tray.explanation").isVisibleTo(no_tray))
        no_tray.close()
        running.shell.stop()
    assert shown == [True, False]


def test_quitting_before_the_first_tick_is_clean(shell: Shell, store: Store) -> None:
    shell.start()
    shell.stop()
    store.close()
    QApplication.processEvents()  # one event-loop turn: the cancelled first tick must not run
    assert shell.controller.state is None


@pytest.mark.parametrize(
    ("background", "expected"), [(False, [WindowKey(WindowKind.WELCOME)]), (True, [])]
)
def test_a_first_start_opens_the_welcome_but_a_login_start_stays_quiet(
    store: Store, tmp_path: Path, qtbot: QtBot, background: bool, expected: list[WindowKey]
) -> None:
    hourly: list[int] = []
    clock = FixedClock(CLOCK_AT)
    running, _ = running_tray(
        store,
        clock,
        str(tmp_path / "s.sock"),
        mode=StartMode(background=background),
        hourly=lambda: hourly.append(1),
    )
    shell = running.shell
    shell.start()
    qtbot.waitUntil(lambda: shell.controller.state is not None)
    assert shell.windows.open_keys() == expected
    clock.set(CLOCK_AT + timedelta(minutes=59))
    shell.controller.tick()
    assert hourly == []
    clock.set(CLOCK_AT + timedelta(hours=1))  # the hourly job rides on the controller's timer
    shell.controller.tick()
    assert hourly == [1]
    for key in shell.windows.open_keys():
        shell.windows.close(key)
    if shell.no_tray is not None:
        shell.no_tray.close()
    shell.stop()


#: The offscreen platform has no tray: showing the icon there warns (a real desktop does not).
OFFSCREEN_TRAY = pytest.mark.qt_log_ignore(
    r"systemTrayWindowChanged", r"This plugin does not support propagateSizeHints"
)


def placement_over(store: Store, *, xembed: bool) -> TrayPlacement:
    return TrayPlacement(Tray(), Explanations(store.state), xembed=xembed)


def test_the_fallback_window_is_a_small_dialog_a_tiling_desktop_floats(
    shell: Shell, qtbot: QtBot
) -> None:
    shell.start()
    window = shell.no_tray
    assert window is not None
    assert window.windowType() == Qt.WindowType.Dialog
    assert window.minimumWidth() == window.maximumWidth() == window.width() < 700


@OFFSCREEN_TRAY
def test_with_a_tray_nothing_keeps_watching(
    store: Store, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No idle wake-ups where a tray exists: no timer, no bus watcher."""
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    placement = placement_over(store, xembed=True)
    placement.place()
    assert placement.no_tray is None and not placement.watching
    placement.remove()


@OFFSCREEN_TRAY
def test_a_tray_that_turns_up_later_takes_the_countdown(
    store: Store, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On X11 it is looked for again every 30 s for as long as it takes (not only a minute);
    once it is there the icon moves in, the window closes and the looking stops."""
    available = [False]
    monkeypatch.setattr(
        QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: available[0])
    )
    placement = placement_over(store, xembed=True)
    placement.place()
    window = placement.no_tray
    assert window is not None and window.isVisible() and placement.watching
    for _ in range(10):  # five minutes of re-checks: still there, still looking
        assert placement.look_again() is False
    assert placement.watching and placement.no_tray is window
    available[0] = True
    assert placement.look_again() is True
    assert placement.no_tray is None and not window.isVisible() and not placement.watching
    placement.remove()


@OFFSCREEN_TRAY
def test_a_status_notifier_watcher_registering_is_followed_by_a_look(
    store: Store, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A watcher turning up on the bus (waybar, KDE, GNOME's extension) makes the placement
    look at once and again a little later (its host may register a moment after it)."""
    available = [False]
    monkeypatch.setattr(
        QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: available[0])
    )
    monkeypatch.setattr(placement_module, "AFTER_WATCHER_MS", (0,))
    placement = placement_over(store, xembed=False)
    placement.place()
    window = placement.no_tray
    assert window is not None
    placement._watcher_appeared(SNI_WATCHER)
    assert placement.no_tray is window  # not yet: the host has not registered
    available[0] = True
    qtbot.waitUntil(lambda: placement.no_tray is None)
    assert not window.isVisible() and not placement.watching
    placement.remove()
