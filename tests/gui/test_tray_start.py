"""The tray's start after its early icon (crickets.wiring.start, docs/decisions/179): a
store that cannot be opened ends the event loop with one message and code 2; a stop before
the start has run leaves no socket and no icon behind."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon
from pytest import MonkeyPatch
from pytestqt.qtbot import QtBot

from crickets.domain.clock import FixedClock
from crickets.storage import opening
from crickets.storage.errors import KeychainLocked, StorageError
from crickets.storage.first_open import FirstOpen, FirstOpenProcess
from crickets.storage.keychain import KEY_FILE_MISSING
from crickets.ui import qt_app
from crickets.ui.system.notify_chain import NotifyChain
from crickets.ui.system.single_instance import ListenResult, SingleInstanceServer
from crickets.ui.tray.early_icon import EarlyIcon
from crickets.wiring import start
from crickets.wiring.start import Notices, TrayStart
from tests.builders import make_interview

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def args(**given: object) -> argparse.Namespace:
    return argparse.Namespace(**{"demo": False, "background": True, "open": None, **given})


def test_a_stop_before_the_start_ran_closes_the_socket_and_hides_the_icon(
    qtbot: QtBot, sock_path: str, tmp_path: Path, monkeypatch: MonkeyPatch
) -> None:
    server = SingleInstanceServer(sock_path, held=True)
    assert server.listen() is ListenResult.LISTENING
    early = EarlyIcon(QSystemTrayIcon(), QMenu())
    hidden: list[QSystemTrayIcon] = []
    monkeypatch.setattr(QSystemTrayIcon, "hide", lambda icon: hidden.append(icon))  # offscreen
    starting = TrayStart(qt(), tmp_path / "data", args(), server, early)
    starting.close()
    assert not server.is_listening() and not Path(sock_path).exists()
    assert hidden == [early.icon]
    assert starting.session is None and starting.running is None


def test_a_store_that_cannot_be_opened_is_one_message_and_exit_code_2(
    qtbot: QtBot, sock_path: str, tmp_path: Path, monkeypatch: MonkeyPatch
) -> None:
    data = tmp_path / "data"
    opened = opening.open_store(data, clock=FixedClock(NOW))  # the key in a key file
    opened.store.interviews.add(make_interview())
    opened.close()
    for key in data.glob("crickets-*.key"):
        key.unlink()
    said: list[str] = []
    exits: list[int] = []
    monkeypatch.setattr(qt_app, "show_fatal", said.append)
    monkeypatch.setattr(QApplication, "exit", staticmethod(exits.append))
    server = SingleInstanceServer(sock_path, held=True)
    starting = TrayStart(qt(), data, args(), server, None)
    starting.run()
    assert exits == [2]
    (message,) = said
    assert message.startswith(KEY_FILE_MISSING.split("{", 1)[0]) and "\n" not in message
    assert starting.running is None  # nothing of the tray was built
    starting.close()


def qt() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app


def test_the_rest_of_the_start_follows_the_icon_within_a_glance() -> None:
    assert start.FIRST_PAINT_MS < 100  # the countdown follows the icon within a glance


class Answered(FirstOpenProcess):
    """A first-open process that already answered (or met a refusal)."""

    def __init__(self, answer: FirstOpen | StorageError | None) -> None:
        self._answer = answer
        self.stopped = False

    def result(self) -> FirstOpen | None:
        if isinstance(self._answer, StorageError):
            raise self._answer
        return self._answer

    def stop(self) -> None:
        self.stopped = True


def test_a_refusal_met_by_the_first_open_process_is_the_one_message_and_exit_code_2(
    qtbot: QtBot, sock_path: str, tmp_path: Path, monkeypatch: MonkeyPatch
) -> None:
    said: list[str] = []
    exits: list[int] = []
    monkeypatch.setattr(qt_app, "show_fatal", said.append)
    monkeypatch.setattr(QApplication, "exit", staticmethod(exits.append))
    server = SingleInstanceServer(sock_path, held=True)
    locked = KeychainLocked("Your keychain is locked; nothing was changed.")
    starting = TrayStart(qt(), tmp_path / "data", args(), server, None, Answered(locked))
    starting.run()
    assert said == [str(locked)] and exits == [2]
    assert starting.session is None and starting.running is None
    assert not (tmp_path / "data").exists()  # the tray opened nothing itself
    starting.close()


def test_a_stop_before_the_answer_ends_the_first_open_process(
    qtbot: QtBot, sock_path: str, tmp_path: Path
) -> None:
    server = SingleInstanceServer(sock_path, held=True)
    first = Answered(None)
    TrayStart(qt(), tmp_path / "data", args(), server, None, first).close()
    assert first.stopped


def test_the_stores_notices_are_said_once_and_later_ones_as_they_arise() -> None:
    notices = Notices(("read-only", "damaged"))
    for text in ("read-only", "damaged", "set aside"):  # the tray's own opening
        notices.say(text)
    shown: list[str] = []
    notices.show_with(shown.append)
    assert shown == ["read-only", "damaged", "set aside"]
    notices.say("backup failed")  # an hour later: shown at once, each time
    notices.say("backup failed")
    assert shown[3:] == ["backup failed", "backup failed"]


def test_the_tray_counts_down_from_what_the_first_open_process_handed_over(
    qtbot: QtBot, sock_path: str, tmp_path: Path, monkeypatch: MonkeyPatch
) -> None:
    data = tmp_path / "data"
    opened = opening.open_store(data, clock=FixedClock(NOW))  # the key in a key file
    tomorrow = (datetime.now(UTC) + timedelta(days=1)).replace(tzinfo=None)  # the tray's clock
    opened.store.interviews.add(make_interview(tomorrow, "UTC", id=None, company="Zyxwco Ltd"))
    opened.close()
    server = SingleInstanceServer(sock_path, held=True)
    assert server.listen() is ListenResult.LISTENING
    first = FirstOpenProcess(data, file_only=False)  # the real process, as the tray runs it
    starting = TrayStart(qt(), data, args(), server, None, first)
    try:
        starting.run()
        assert starting.session is not None and starting.running is not None
        handed = starting.session.handed
        assert handed is not None and len(handed.opened) >= 2  # the interview, the key check
        icon = starting.running.shell.tray.icon
        qtbot.waitUntil(lambda: "Zyxwco Ltd" in icon.toolTip())  # the first count
    finally:
        starting.close()


def test_the_first_open_processs_notices_reach_the_person_once_the_tray_is_up(
    qtbot: QtBot, sock_path: str, tmp_path: Path, monkeypatch: MonkeyPatch
) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        NotifyChain, "notify", lambda chain, title, text, *rest: shown.append((title, text))
    )
    server = SingleInstanceServer(sock_path, held=True)
    assert server.listen() is ListenResult.LISTENING
    answer = FirstOpen(notices=("The data folder cannot be written.",), handed=None)
    starting = TrayStart(qt(), tmp_path / "data", args(), server, None, Answered(answer))
    try:
        starting.run()
        assert ("Crickets", "The data folder cannot be written.") in shown
    finally:
        starting.close()
