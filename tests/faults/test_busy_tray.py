"""A tray too busy to answer still gets what a second launch asked (issue 15, item 11).

The server here runs no event loop while the client talks to it: exactly a tray stuck in
a long import or stopped with SIGSTOP. The desktop test (tests/desktop/test_tray_app.py)
does the same with the real app and a real SIGSTOP.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from crickets import ipc
from crickets.ipc import Command, Delivery, Request

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # read when the QApplication is made


@pytest.fixture
def sock_path() -> Iterator[str]:
    with tempfile.TemporaryDirectory(prefix="crk-", dir="/tmp") as name:
        Path(name).chmod(0o700)
        yield str(Path(name) / "tray.sock")


def test_a_request_to_a_busy_tray_is_acted_on_when_it_wakes(
    qtbot: QtBot, sock_path: str, tmp_path: Path
) -> None:
    from crickets.ui.system.single_instance import ListenResult, SingleInstanceServer

    server = SingleInstanceServer(sock_path)
    assert server.listen() is ListenResult.LISTENING
    try:
        invite = tmp_path / "Acme interview.ics"
        # No event loop runs during this call: the tray is "busy" past the client's patience.
        told = ipc.hand_over(sock_path, ipc.open_request(invite), timeout=0.2)
        assert told is not None and told.reached
        assert "busy" in told.message and "Acme interview.ics" in told.message
        with qtbot.waitSignal(server.open_requested, timeout=5000) as opened:
            pass  # the tray wakes: its event loop reads what waited in the socket
        assert opened.args == [str(invite)]
    finally:
        server.close()
        server.deleteLater()


def test_a_tray_that_is_there_is_never_taken_for_absent(sock_path: str) -> None:
    assert ipc.send(sock_path, Request(Command.FOCUS)) is Delivery.NOT_RUNNING
    assert ipc.hand_over(sock_path, Request(Command.FOCUS)) is None  # nobody: start one
    for delivery in (Delivery.QUEUED, Delivery.NO_ANSWER, Delivery.REJECTED):
        assert delivery.is_running
