"""The tray's side of single instance, driven by the real plain-socket client from
crickets.ipc (run in a thread: the server needs this thread's event loop to answer)."""

from __future__ import annotations

import socket
import stat
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from crickets import ipc
from crickets.ipc import Command, Delivery, Request
from crickets.ui.system.single_instance import (
    ListenResult,
    SingleInstanceServer,
    already_running,
    claim,
)
from tests.gui.system.socket_clients import InThread, raw


def test_the_socket_is_private_and_a_second_server_sees_the_first(
    qtbot: QtBot, server: SingleInstanceServer, sock_path: str
) -> None:
    assert stat.S_IMODE(Path(sock_path).stat().st_mode) == 0o600
    assert server.is_listening()
    assert already_running(sock_path)

    second = SingleInstanceServer(sock_path)
    assert second.listen() is ListenResult.ALREADY_RUNNING
    assert not second.is_listening()
    assert server.is_listening() and already_running(sock_path)


def test_focus_from_a_client_arrives_as_a_signal(
    qtbot: QtBot, server: SingleInstanceServer
) -> None:
    with qtbot.waitSignal(server.focus_requested, timeout=5000):
        client = InThread(lambda: ipc.send(server.path, Request(Command.FOCUS)))
    assert client.result(qtbot) is Delivery.DELIVERED


def test_reload_and_open_arrive_with_their_file(qtbot: QtBot, server: SingleInstanceServer) -> None:
    with qtbot.waitSignal(server.reload_requested, timeout=5000):
        reload = InThread(lambda: ipc.send(server.path, Request(Command.RELOAD)))
    assert reload.result(qtbot) is Delivery.DELIVERED

    with qtbot.waitSignal(server.open_requested, timeout=5000) as opened:
        InThread(lambda: ipc.send(server.path, ipc.open_request("/tmp/ïnvite 1.ics")))
    assert opened.args == ["/tmp/ïnvite 1.ics"]


@pytest.mark.parametrize(
    "garbage",
    [
        b"hello\n",
        b'{"v": 2, "cmd": "focus"}\n',
        b'{"v": 1, "cmd": "shutdown"}\n',
        b'{"v": 1, "cmd": "open", "path": "relative.ics"}\n',
        b"\xff\xfe\x00\n",
        b"x" * (ipc.MAX_LINE + 10),
    ],
)
def test_a_malformed_message_is_answered_and_ignored(
    qtbot: QtBot, server: SingleInstanceServer, garbage: bytes
) -> None:
    acted: list[str] = []
    server.focus_requested.connect(lambda: acted.append("focus"))
    server.reload_requested.connect(lambda: acted.append("reload"))
    server.open_requested.connect(lambda path: acted.append(path))

    with qtbot.waitSignal(server.rejected, timeout=5000):
        client = InThread(lambda: raw(server.path, garbage))
    answer = client.result(qtbot)
    assert answer.startswith(b'{"v": 1, "ok": false')

    # The server still works, and only the valid message was acted on.
    with qtbot.waitSignal(server.reload_requested, timeout=5000):
        InThread(lambda: ipc.send(server.path, Request(Command.RELOAD)))
    assert acted == ["reload"]


def test_a_client_that_says_nothing_does_no_harm(
    qtbot: QtBot, server: SingleInstanceServer
) -> None:
    assert already_running(server.path)  # connects and hangs up at once
    with qtbot.waitSignal(server.focus_requested, timeout=5000):
        InThread(lambda: ipc.send(server.path, Request(Command.FOCUS)))


def test_a_stale_socket_is_cleaned_up(qtbot: QtBot, sock_path: str) -> None:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as crashed:
        crashed.bind(sock_path)  # what a tray killed with SIGKILL leaves behind
    assert Path(sock_path).exists() and not already_running(sock_path)

    fresh = SingleInstanceServer(sock_path)
    assert fresh.listen() is ListenResult.LISTENING
    with qtbot.waitSignal(fresh.focus_requested, timeout=5000):
        InThread(lambda: ipc.send(sock_path, Request(Command.FOCUS)))
    fresh.close()


def test_something_else_in_the_way_is_left_alone(qtbot: QtBot, sock_path: str) -> None:
    Path(sock_path).write_text("not a socket")
    blocked = SingleInstanceServer(sock_path)
    assert blocked.listen() is ListenResult.UNAVAILABLE
    assert Path(sock_path).read_text() == "not a socket"


def test_a_shared_directory_is_refused(qtbot: QtBot, tmp_path: Path) -> None:
    shared = Path(tempfile.mkdtemp(prefix="crk-", dir="/tmp"))
    try:
        shared.chmod(0o777)
        assert SingleInstanceServer(str(shared / "t.sock")).listen() is ListenResult.UNAVAILABLE
    finally:
        shared.rmdir()


def test_close_removes_the_socket_and_a_new_instance_can_start(
    qtbot: QtBot, sock_path: str
) -> None:
    first = SingleInstanceServer(sock_path)
    assert first.listen() is ListenResult.LISTENING
    first.close()
    assert not already_running(sock_path)
    assert ipc.send(sock_path, Request(Command.FOCUS)) is Delivery.NOT_RUNNING

    second = SingleInstanceServer(sock_path)
    assert second.listen() is ListenResult.LISTENING
    second.close()


def test_a_held_server_answers_at_once_and_acts_after_release_in_order(
    qtbot: QtBot, sock_path: str
) -> None:
    """The tray claims its socket before it can act (docs/decisions/179): a second launch
    in those first moments is answered, and its request waits for the tray, not lost."""
    held = SingleInstanceServer(sock_path, held=True)
    assert held.listen() is ListenResult.LISTENING
    seen: list[str] = []
    held.focus_requested.connect(lambda: seen.append("focus"))
    held.open_requested.connect(lambda path: seen.append(path))
    try:
        focus = InThread(lambda: ipc.send(sock_path, Request(Command.FOCUS)))
        assert focus.result(qtbot) is Delivery.DELIVERED
        opening = InThread(lambda: ipc.send(sock_path, ipc.open_request("/tmp/a.ics")))
        assert opening.result(qtbot) is Delivery.DELIVERED
        QCoreApplication.processEvents()  # the queued dispatches have run (and held both)
        assert seen == []
        held.release()
        assert seen == ["focus", "/tmp/a.ics"]
        with qtbot.waitSignal(held.focus_requested, timeout=5000):  # later ones: at once
            InThread(lambda: ipc.send(sock_path, Request(Command.FOCUS)))
    finally:
        held.close()


def test_claim_listens_or_hands_the_request_to_the_tray_already_there(
    qtbot: QtBot, server: SingleInstanceServer, sock_path: str
) -> None:
    with qtbot.waitSignal(server.focus_requested, timeout=5000):
        handed = InThread(lambda: claim(sock_path, Request(Command.FOCUS)))
    result = handed.result(qtbot)
    assert isinstance(result, ipc.HandOver) and result.reached
    server.close()
    fresh = claim(sock_path, Request(Command.FOCUS))
    assert isinstance(fresh, SingleInstanceServer) and fresh.is_listening()
    fresh.close()
