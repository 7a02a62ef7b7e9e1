"""The single-instance socket on Linux and macOS: a plain Unix socket and QSocketNotifiers
(docs/decisions/178). What a client can do to it: say nothing, send its line in pieces,
send too much, come two at once; and what closing and the keep-alive leave behind.

The clients here are non-blocking (:class:`Peer`) and run in the test's thread: qtbot runs
the event loop while it waits, so the server answers. No test waits on the wall clock: a
read timeout is made due by restarting its timer at 0.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSocketNotifier, QTimer
from pytestqt.qtbot import QtBot

from crickets import ipc
from crickets.ipc import Command, Delivery, Request
from crickets.ui.system import single_instance
from crickets.ui.system.single_instance import ListenResult, SingleInstanceServer
from tests.gui.system.socket_clients import InThread, Peer, raw

FOCUS = ipc.encode(Request(Command.FOCUS))
RELOAD = ipc.encode(Request(Command.RELOAD))


LISTEN = """
import sys
from PySide6.QtCore import QCoreApplication
from crickets import ipc
from crickets.ui.system.single_instance import SingleInstanceServer
app = QCoreApplication([])
server = SingleInstanceServer(sys.argv[1])
print(server.listen().value, ipc.is_listening(server.path))
server.close()
print(sorted(m for m in sys.modules if m.startswith("PySide6.")))
"""


def test_the_server_loads_no_qtnetwork(sock_path: str) -> None:
    """The reason for the plain socket (tests/unit/test_light_start.py checks the tray)."""
    done = subprocess.run(
        [sys.executable, "-c", LISTEN, sock_path],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    listened, modules = done.stdout.splitlines()
    assert listened == "listening True"
    assert "PySide6.QtCore" in modules and "QtNetwork" not in modules


def read_timeouts(server: SingleInstanceServer) -> list[QTimer]:
    """The running read timeouts: one per client accepted and not yet answered or dropped."""
    return [t for t in server.findChildren(QTimer, "read-timeout") if t.isActive()]


def client_notifiers(server: SingleInstanceServer) -> list[QSocketNotifier]:
    return [n for n in server.findChildren(QSocketNotifier, "client-read") if n.isEnabled()]


def error_of(answer: bytes) -> str:
    body = json.loads(answer)
    assert body["ok"] is False
    return str(body["error"])


def _false_then(*, already: bool) -> Callable[[str], bool]:
    """``already_running`` that says no at the first look and ``already`` after."""
    answers = iter([False])
    return lambda path: next(answers, already)


def test_a_client_that_never_sends_a_line_is_dropped_at_the_timeout(
    qtbot: QtBot, sock_path: str
) -> None:
    server = SingleInstanceServer(sock_path, read_timeout_ms=60_000)
    assert server.listen() is ListenResult.LISTENING
    try:
        with Peer(sock_path) as silent, Peer(sock_path) as halfway:
            halfway.send(FOCUS[:6])
            qtbot.waitUntil(lambda: len(read_timeouts(server)) == 2)  # both accepted
            assert [t.interval() for t in read_timeouts(server)] == [60_000, 60_000]
            assert not silent.ended() and not halfway.ended()  # only the timeout drops them

            for timeout in read_timeouts(server):
                timeout.start(0)  # due now
            qtbot.waitUntil(lambda: silent.ended() and halfway.ended())
            assert silent.received == halfway.received == b""  # dropped, unanswered
            assert read_timeouts(server) == [] and client_notifiers(server) == []

        with qtbot.waitSignal(server.focus_requested, timeout=5000):  # still serving
            InThread(lambda: ipc.send(sock_path, Request(Command.FOCUS)))
    finally:
        server.close()


def test_the_read_timeout_is_five_seconds(qtbot: QtBot, server: SingleInstanceServer) -> None:
    with Peer(server.path):
        qtbot.waitUntil(lambda: len(read_timeouts(server)) == 1)
        assert read_timeouts(server)[0].interval() == 5_000


def test_a_line_split_across_two_writes_is_read_whole(
    qtbot: QtBot, server: SingleInstanceServer
) -> None:
    line = ipc.encode(ipc.open_request("/tmp/split invite.ics"))
    with Peer(server.path) as peer:
        qtbot.waitUntil(lambda: len(client_notifiers(server)) == 1)  # accepted
        with qtbot.waitSignal(client_notifiers(server)[0].activated, timeout=5000):
            peer.send(line[:20])  # the server reads this half ...
        assert not peer.ended() and peer.received == b""  # ... and waits for the rest

        with qtbot.waitSignal(server.open_requested, timeout=5000) as opened:
            peer.send(line[20:])
        qtbot.waitUntil(peer.ended)
    assert peer.received == ipc.answer(None)
    assert opened.args == ["/tmp/split invite.ics"]


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"x" * (ipc.MAX_LINE + 1) + b"\n", "the line is too long"),
        (b"x" * (ipc.MAX_LINE + 10), "the line is too long"),  # and no end in sight
        (b" " * (ipc.MAX_LINE - len(FOCUS) + 2) + FOCUS, "the line is too long"),  # valid JSON
        (b"x" * ipc.MAX_LINE + b"\n", "not a JSON line"),  # as long as a line may be
    ],
)
def test_a_line_longer_than_the_limit_is_answered_with_an_error(
    qtbot: QtBot, server: SingleInstanceServer, data: bytes, error: str
) -> None:
    focused: list[bool] = []
    server.focus_requested.connect(lambda: focused.append(True))
    with qtbot.waitSignal(server.rejected, timeout=5000) as rejected:
        client = InThread(lambda: raw(server.path, data))
    assert error_of(client.result(qtbot)).startswith(error)
    assert str(rejected.args[0]).startswith(error)

    with qtbot.waitSignal(server.focus_requested, timeout=5000):  # a valid one still works
        InThread(lambda: ipc.send(server.path, Request(Command.FOCUS)))
    assert focused == [True]


def test_a_message_as_long_as_a_line_may_be_is_acted_on(
    qtbot: QtBot, server: SingleInstanceServer
) -> None:
    padded = b" " * (ipc.MAX_LINE - len(FOCUS) + 1) + FOCUS  # MAX_LINE bytes and a newline
    with qtbot.waitSignal(server.focus_requested, timeout=5000):
        client = InThread(lambda: raw(server.path, padded))
    assert client.result(qtbot) == ipc.answer(None)


def test_one_request_per_connection_whatever_follows_it(
    qtbot: QtBot, server: SingleInstanceServer
) -> None:
    acted: list[str] = []
    server.focus_requested.connect(lambda: acted.append("focus"))
    server.reload_requested.connect(lambda: acted.append("reload"))
    more = RELOAD * 2_000  # 56 kB more than the line: read and dropped, never a reset
    with qtbot.waitSignal(server.focus_requested, timeout=5000):
        client = InThread(lambda: raw(server.path, FOCUS + more))
    assert client.result(qtbot) == ipc.answer(None)

    with qtbot.waitSignal(server.reload_requested, timeout=5000):
        InThread(lambda: ipc.send(server.path, Request(Command.RELOAD)))
    assert acted == ["focus", "reload"]


def test_two_clients_at_once_are_both_answered(qtbot: QtBot, server: SingleInstanceServer) -> None:
    with Peer(server.path) as first, Peer(server.path) as second:
        first.send(FOCUS[:5])
        second.send(RELOAD[:5])
        qtbot.waitUntil(lambda: len(client_notifiers(server)) == 2)  # both open together

        with qtbot.waitSignal(server.reload_requested, timeout=5000):
            second.send(RELOAD[5:])  # the later one finishes first
        with qtbot.waitSignal(server.focus_requested, timeout=5000):
            first.send(FOCUS[5:])
        qtbot.waitUntil(lambda: first.ended() and second.ended())
    assert first.received == second.received == ipc.answer(None)


def test_close_removes_the_file_stops_every_notifier_and_drops_the_clients(
    qtbot: QtBot, sock_path: str
) -> None:
    server = SingleInstanceServer(sock_path)
    assert server.listen() is ListenResult.LISTENING
    with Peer(sock_path) as waiting:
        qtbot.waitUntil(lambda: len(client_notifiers(server)) == 1)
        notifiers = server.findChildren(QSocketNotifier)
        assert {n.objectName() for n in notifiers} == {"accept", "client-read"}

        server.close()
        assert not Path(sock_path).exists()
        assert not server.is_listening()
        assert not any(n.isEnabled() for n in notifiers)
        assert read_timeouts(server) == []
        qtbot.waitUntil(waiting.ended)
        assert waiting.received == b""
    assert ipc.send(sock_path, Request(Command.FOCUS)) is Delivery.NOT_RUNNING
    server.close()  # twice: harmless


def test_close_leaves_another_trays_socket_alone(qtbot: QtBot, sock_path: str) -> None:
    first = SingleInstanceServer(sock_path)
    assert first.listen() is ListenResult.LISTENING
    Path(sock_path).unlink()  # a runtime-directory cleaner ...
    second = SingleInstanceServer(sock_path)
    assert second.listen() is ListenResult.LISTENING  # ... and another tray took the name
    try:
        first.close()
        assert Path(sock_path).exists()
        with qtbot.waitSignal(second.focus_requested, timeout=5000):
            InThread(lambda: ipc.send(sock_path, Request(Command.FOCUS)))
    finally:
        second.close()


def test_the_keep_alive_listens_again_when_the_socket_vanished(
    qtbot: QtBot, server: SingleInstanceServer
) -> None:
    (touch,) = server.findChildren(QTimer, "keep-alive")
    assert touch.isActive() and touch.interval() == 3 * 3600 * 1000
    Path(server.path).unlink()  # a runtime-directory cleaner took it
    assert ipc.send(server.path, Request(Command.FOCUS)) is Delivery.NOT_RUNNING

    touch.timeout.emit()  # the touch is due
    assert server.is_listening() and Path(server.path).is_socket()
    with qtbot.waitSignal(server.focus_requested, timeout=5000):
        InThread(lambda: ipc.send(server.path, Request(Command.FOCUS)))


def test_a_lost_race_for_the_name_is_already_running(
    qtbot: QtBot, server: SingleInstanceServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A second launch that found the name free a moment ago, and binds after the first."""
    monkeypatch.setattr(ipc, "remove_stale", lambda path: True)
    late = SingleInstanceServer(server.path)
    monkeypatch.setattr(single_instance, "already_running", _false_then(already=True))
    assert late.listen() is ListenResult.ALREADY_RUNNING
    assert not late.is_listening() and server.is_listening()


def test_a_file_taking_the_name_in_a_race_is_left_alone(
    qtbot: QtBot, sock_path: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    Path(sock_path).write_text("not a socket")
    monkeypatch.setattr(ipc, "remove_stale", lambda path: True)
    assert SingleInstanceServer(sock_path).listen() is ListenResult.UNAVAILABLE
    assert Path(sock_path).read_text() == "not a socket"


def test_a_slot_that_closes_the_server_on_a_rejection_breaks_nothing(
    qtbot: QtBot, server: SingleInstanceServer
) -> None:
    server.rejected.connect(server.close)  # the answer's socket is gone when it is written
    with qtbot.waitSignal(server.rejected, timeout=5000):
        client = InThread(lambda: raw(server.path, b"hello\n"))
    assert client.result(qtbot) == b""  # dropped unanswered: the server closed first
    assert not server.is_listening() and not Path(server.path).exists()
