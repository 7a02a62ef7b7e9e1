"""The tray's single-instance socket on Linux and macOS, without QtNetwork.

A plain non-blocking ``AF_UNIX`` socket from Python's ``socket`` (already loaded for the
key's D-Bus connection) watched by a ``QSocketNotifier``: the event loop wakes only when a
second launch connects. Qt's ``QLocalServer`` does the same, but loading QtNetwork (and
Kerberos, which it links) for it cost about 3 MiB and 5 ms at every start
(docs/decisions/178). Each accepted client is a :class:`UnixConnection`.
"""

from __future__ import annotations

import logging
import socket
from pathlib import Path

from PySide6.QtCore import QObject, QSocketNotifier, Slot

from crickets.ui.system.local_listener import READ_TIMEOUT_MS, Respond
from crickets.ui.system.unix_connection import UnixConnection

logger = logging.getLogger("crickets.ipc")

_BACKLOG = 32  # second launches waiting to be accepted (a tray busy at start, say)


class UnixListener(QObject):
    def __init__(
        self,
        respond: Respond,
        *,
        read_timeout_ms: int = READ_TIMEOUT_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._respond = respond
        self._read_timeout_ms = read_timeout_ms
        self._socket: socket.socket | None = None
        self._notifier: QSocketNotifier | None = None
        self._path = ""
        self._file: tuple[int, int] | None = None  # (device, inode) of the socket we bound
        self._connections: set[UnixConnection] = set()

    def listen(self, path: str) -> None:
        """Bind ``path`` (private to this user before anyone can connect) and listen;
        OSError (EADDRINUSE when the name is taken) leaves nothing behind."""
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            server.bind(path)
        except OSError:
            server.close()
            raise
        try:
            Path(path).chmod(0o600)
            info = Path(path).lstat()
            server.listen(_BACKLOG)
            server.setblocking(False)
        except OSError:
            server.close()
            Path(path).unlink(missing_ok=True)
            raise
        self._socket, self._path, self._file = server, path, (info.st_dev, info.st_ino)
        self._notifier = QSocketNotifier(server.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.setObjectName("accept")
        self._notifier.activated.connect(self._accept)

    def is_listening(self) -> bool:
        return self._socket is not None

    def close(self) -> None:
        for connection in list(self._connections):
            connection.close()
        if self._notifier is not None:
            self._notifier.setEnabled(False)  # before the descriptor is closed and reused
            self._notifier.deleteLater()
            self._notifier = None
        if self._socket is not None:
            self._socket.close()
            self._socket = None
            self._remove_own_file()

    def _remove_own_file(self) -> None:
        """Remove the socket file if it is still the one this listener bound: a file that
        vanished and was bound again by another tray is that tray's."""
        try:
            info = Path(self._path).lstat()
        except OSError:
            return
        if (info.st_dev, info.st_ino) == self._file:
            Path(self._path).unlink(missing_ok=True)

    @Slot()
    def _accept(self) -> None:
        while self._socket is not None:
            try:
                client, _ = self._socket.accept()
            except BlockingIOError:
                return
            except OSError as error:  # out of descriptors, say: the client waits its turn
                logger.debug("Could not accept on the single-instance socket: %s", error)
                return
            connection = UnixConnection(
                client,
                self._respond,
                self._connections.discard,
                read_timeout_ms=self._read_timeout_ms,
                parent=self,
            )
            self._connections.add(connection)
