"""Clients of the tray's single-instance socket for the tests: the real plain-socket client
run in a thread (the server needs this thread's event loop to answer), raw bytes, and a
non-blocking peer driven from the test's own thread while qtbot runs the event loop."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable
from types import TracebackType
from typing import Generic, TypeVar

from pytestqt.qtbot import QtBot

T = TypeVar("T")


class InThread(Generic[T]):
    """Run a blocking client call off the GUI thread; ``result()`` after the signal."""

    def __init__(self, call: Callable[[], T]) -> None:
        self._value: list[T] = []
        self._thread = threading.Thread(target=lambda: self._value.append(call()), daemon=True)
        self._thread.start()

    def result(self, qtbot: QtBot) -> T:
        qtbot.waitUntil(lambda: not self._thread.is_alive(), timeout=5000)
        return self._value[0]


def raw(path: str, data: bytes) -> bytes:
    """Send raw bytes; return the server's answer line."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
        client.settimeout(5)
        client.connect(path)
        client.sendall(data)
        client.shutdown(socket.SHUT_WR)
        answer = b""
        while chunk := client.recv(4096):
            answer += chunk
        return answer


class Peer:
    """A connected client that never blocks: send a piece at a time, then :meth:`ended`
    (under ``qtbot.waitUntil``) collects the answer until the server hangs up."""

    def __init__(self, path: str) -> None:
        self._socket = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self._socket.connect(path)  # completes in the kernel's backlog, before any accept
        self._socket.setblocking(False)
        self.received = b""
        self._ended = False

    def send(self, data: bytes) -> None:
        self._socket.sendall(data)  # a few bytes: the socket buffer takes them at once

    def ended(self) -> bool:
        """Read what has arrived; True once the server has closed the connection."""
        try:
            while chunk := self._socket.recv(4096):
                self.received += chunk
            self._ended = True
        except BlockingIOError:
            pass
        return self._ended

    def __enter__(self) -> Peer:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._socket.close()
