"""One client of the Unix single-instance listener: read its line, answer, hang up.

The accepted socket is non-blocking and a ``QSocketNotifier`` says when it has something to
read, so a slow or silent client never holds the tray's event loop: the line is gathered
across as many writes as the client needs, and a client that has not sent a whole line
within the read timeout is dropped unanswered. One request per connection: the answer is
written, then the connection is closed, whatever else the client sent.
"""

from __future__ import annotations

import contextlib
import logging
import socket
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Slot

from crickets import ipc
from crickets.ui.system.local_listener import Respond

logger = logging.getLogger("crickets.ipc")

_CHUNK = 16 * 1024
# The answer is one short line into a fresh, empty socket buffer: it goes at once. The
# timeout only bounds a client that asked something with a huge error answer and stopped
# reading; it holds the tray at most this long.
_SEND_TIMEOUT_S = 0.5
_DISCARD_CHUNKS = 8  # what is read and dropped after the answer, at most (see _hang_up)


class UnixConnection(QObject):
    def __init__(
        self,
        client: socket.socket,
        respond: Respond,
        on_closed: Callable[[UnixConnection], None],
        *,
        read_timeout_ms: int,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        client.setblocking(False)
        self._socket: socket.socket | None = client
        self._respond = respond
        self._on_closed = on_closed  # a plain callback, not a signal: nothing Qt owns holds it
        self._buffer = b""
        self._notifier = QSocketNotifier(client.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.setObjectName("client-read")
        self._notifier.activated.connect(self._read)
        self._timeout = QTimer(self)
        self._timeout.setObjectName("read-timeout")
        self._timeout.setSingleShot(True)
        self._timeout.setInterval(read_timeout_ms)
        self._timeout.timeout.connect(self.close)
        self._timeout.start()

    @Slot()
    def close(self) -> None:
        """Drop the client (unanswered, unless the answer is already out). Idempotent."""
        if self._socket is None:
            return
        self._timeout.stop()
        self._notifier.setEnabled(False)  # before the descriptor is closed and reused
        self._socket.close()
        self._socket = None
        self._on_closed(self)
        self.deleteLater()

    @Slot()
    def _read(self) -> None:
        client = self._socket
        if client is None:
            return
        try:
            chunk = client.recv(_CHUNK)
        except BlockingIOError:
            return
        except OSError as error:
            logger.debug("A client of the single-instance socket failed: %s", error)
            self.close()
            return
        if not chunk:  # hung up before a whole line: nothing to answer
            self.close()
            return
        self._buffer += chunk
        line, newline, _ = self._buffer.partition(b"\n")
        if newline:
            self._answer(client, self._respond(line))
        elif len(self._buffer) > ipc.MAX_LINE:  # no line of ours: answered "too long"
            self._answer(client, self._respond(self._buffer))

    def _answer(self, client: socket.socket, reply: bytes) -> None:
        self._timeout.stop()
        self._notifier.setEnabled(False)
        try:
            client.settimeout(_SEND_TIMEOUT_S)
            client.sendall(reply)
        except OSError as error:  # gone already (a busy tray's client): it was acted on anyway
            logger.debug("Could not answer a client of the single-instance socket: %s", error)
        self._hang_up(client)

    def _hang_up(self, client: socket.socket) -> None:
        """Close after reading what the client sent beyond its line: closing a Unix socket
        with unread data resets the connection on Linux, an error the client would read
        right after the answer instead of the end of the stream."""
        with contextlib.suppress(OSError):  # nothing more to read, or closed by a slot
            client.setblocking(False)
            for _ in range(_DISCARD_CHUNKS):
                if not client.recv(_CHUNK):
                    break
        self.close()
