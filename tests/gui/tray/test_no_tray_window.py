from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QPushButton

from crickets.domain.clock import FixedClock
from crickets.domain.display import Tone, TrayState
from crickets.domain.phases import Phase
from crickets.storage.store import Store
from crickets.ui.shell import Shell
from crickets.ui.tray.no_tray_window import EXPLANATION, NoTrayWindow

STATE = TrayState(
    1,
    Phase.GET_READY,
    Tone.SOON,
    "9m",
    "Phone screen with Acme: in 9 min, 2:00 PM EST",
    "Phone screen with Acme: in 9 min",
)


def test_the_countdown_window_shows_the_badge_sentence_and_menu(qtbot) -> None:  # type: ignore[no-untyped-def]
    menu = QMenu()
    menu.addAction("Add interview…")
    window = NoTrayWindow(menu, explain=True)
    qtbot.addWidget(window)
    window.show()
    window.set_state(STATE, dark_panel=False)
    assert window.sentence == STATE.tooltip
    assert window.findChild(QLabel, "no_tray.badge").pixmap().width() == 32
    assert window.findChild(QLabel, "no_tray.explanation").text() == EXPLANATION
    assert window.findChild(QLabel, "no_tray.explanation").isVisible()
    assert window.findChild(QPushButton, "no_tray.menu").menu() is menu


def test_the_explanation_is_shown_only_once(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = NoTrayWindow(QMenu(), explain=False)
    qtbot.addWidget(window)
    window.show()
    assert not window.findChild(QLabel, "no_tray.explanation").isVisible()


@pytest.fixture
def shell(tmp_path: Path, qtbot):  # type: ignore[no-untyped-def]
    """A shell on the offscreen platform, which has no system tray, like some desktops."""
    store = Store.open(tmp_path)
    built = Shell(
        QApplication.instance(),
        store,
        FixedClock(datetime(2026, 12, 1, tzinfo=UTC)),  # type: ignore[arg-type]
        zone_for=lambda s: "UTC",
        socket=str(tmp_path / "s.sock"),
        data_dir=tmp_path,
    )
    yield built
    if built.no_tray is not None:
        built.no_tray.close()
    built.stop()
    store.close()


def test_the_shell_falls_back_to_it_when_there_is_no_tray(shell: Shell, qtbot) -> None:  # type: ignore[no-untyped-def]
    shell.start()
    qtbot.waitUntil(lambda: shell.controller.state is not None)  # the first tick has run
    assert shell.no_tray is not None and shell.no_tray.isVisible()
    assert shell.no_tray.sentence == "Crickets: nothing scheduled"
    assert shell.store.get_state("no_tray.explained") == "yes"


def test_quitting_before_the_first_tick_is_clean(shell: Shell) -> None:
    shell.start()
    shell.stop()
    shell.store.close()
    QApplication.processEvents()  # one event-loop turn: the cancelled first tick must not run
    assert shell.controller.state is None


@pytest.mark.parametrize(("background", "expected"), [(False, ["editor"]), (True, [])])
def test_a_first_start_opens_add_interview_but_a_login_start_stays_quiet(
    tmp_path: Path,
    qtbot,
    background: bool,
    expected: list[str],  # type: ignore[no-untyped-def]
) -> None:
    store = Store.open(tmp_path)
    hourly: list[int] = []
    shell = Shell(
        QApplication.instance(),
        store,
        FixedClock(datetime(2026, 12, 1, tzinfo=UTC)),  # type: ignore[arg-type]
        zone_for=lambda s: "UTC",
        socket=str(tmp_path / "s.sock"),
        data_dir=tmp_path,
        background=background,
        hourly=lambda: hourly.append(1),
    )
    shell.start()
    qtbot.waitUntil(lambda: shell.controller.state is not None)
    assert shell.windows.open_keys() == expected
    assert shell._hourly.isActive() and shell._hourly.interval() == 3600 * 1000
    shell._hourly.timeout.emit()
    assert hourly == [1]
    for key in shell.windows.open_keys():
        shell.windows.close(key)
    if shell.no_tray is not None:
        shell.no_tray.close()
    shell.stop()
    store.close()
