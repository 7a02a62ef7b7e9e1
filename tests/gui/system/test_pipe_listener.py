"""The Windows transport of the single instance (``QLocalServer``, docs/decisions/178), run
on Linux, where Qt puts it on a Unix socket: the same client, the same answers. What is
Windows-only is not checked here: the pipe's name, its access rights, and a name already
taken (on Unix, Qt's user-only socket is renamed over the file, so it cannot be tried)."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtNetwork import QLocalServer
from pytestqt.qtbot import QtBot

from crickets import ipc
from crickets.ipc import Command, Delivery, Request
from crickets.ui.system import single_instance
from crickets.ui.system.single_instance import ListenResult, SingleInstanceServer
from tests.gui.system.socket_clients import InThread, raw


@pytest.fixture
def pipe_server(
    qtbot: QtBot, sock_path: str, monkeypatch: pytest.MonkeyPatch
) -> Iterator[SingleInstanceServer]:
    monkeypatch.setattr(single_instance, "_UNIX", False)
    server = SingleInstanceServer(sock_path)
    assert server.findChildren(QLocalServer)  # the Windows transport
    assert server.listen() is ListenResult.LISTENING
    yield server
    server.close()
    server.deleteLater()


def test_a_request_is_answered_and_acted_on(
    qtbot: QtBot, pipe_server: SingleInstanceServer
) -> None:
    with qtbot.waitSignal(pipe_server.open_requested, timeout=5000) as opened:
        client = InThread(lambda: ipc.send(pipe_server.path, ipc.open_request("/tmp/a b.ics")))
    assert client.result(qtbot) is Delivery.DELIVERED
    assert opened.args == ["/tmp/a b.ics"]
    assert not pipe_server.findChildren(QTimer, "keep-alive")[0].isActive()


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b'{"v": 2, "cmd": "focus"}\n', "protocol version 2"),
        (b"x" * (ipc.MAX_LINE + 10), "the line is too long"),
        (b"x" * (ipc.MAX_LINE + 1) + b"\n", "the line is too long"),
    ],
)
def test_a_bad_line_is_answered_with_an_error(
    qtbot: QtBot, pipe_server: SingleInstanceServer, data: bytes, error: str
) -> None:
    with qtbot.waitSignal(pipe_server.rejected, timeout=5000):
        client = InThread(lambda: raw(pipe_server.path, data))
    assert json.loads(client.result(qtbot))["error"].startswith(error)


def test_close_stops_listening(qtbot: QtBot, pipe_server: SingleInstanceServer) -> None:
    pipe_server.close()
    assert not pipe_server.is_listening()
    assert ipc.send(pipe_server.path, Request(Command.FOCUS)) is Delivery.NOT_RUNNING
