"""The tray's single-instance socket on Windows: Qt's ``QLocalServer`` on a named pipe.

Imported on Windows only (QtNetwork, 2-3 MiB, is loaded for it there and nowhere else;
Linux and macOS use :mod:`crickets.ui.system.unix_listener`, docs/decisions/178). The pipe
is restricted to this user. Qt runs it on a Unix socket elsewhere, which is how the tests
exercise it on Linux.
"""

from __future__ import annotations

import errno

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket

from crickets import ipc
from crickets.ui.system.local_listener import READ_TIMEOUT_MS, Respond


class PipeListener(QObject):
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
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)

    def listen(self, path: str) -> None:
        if not self._server.listen(path):
            in_use = self._server.serverError() == QAbstractSocket.SocketError.AddressInUseError
            raise OSError(errno.EADDRINUSE if in_use else errno.EIO, self._server.errorString())

    def is_listening(self) -> bool:
        return self._server.isListening()

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            client = self._server.nextPendingConnection()
            client.disconnected.connect(client.deleteLater)
            # A slot of ours, not a closure: a closure holding self on the client's signal
            # would let the client's deletion delete this listener, and the client twice.
            client.readyRead.connect(self._ready_read)
            QTimer.singleShot(self._read_timeout_ms, client, client.abort)
            if client.bytesAvailable():
                self._read(client)

    @Slot()
    def _ready_read(self) -> None:
        client = self.sender()
        if isinstance(client, QLocalSocket):
            self._read(client)

    def _read(self, client: QLocalSocket) -> None:
        if client.property("crickets-answered"):
            return  # one request per connection; the rest is ignored
        if client.canReadLine():
            line = bytes(client.readLine().data()).removesuffix(b"\n")
        elif client.bytesAvailable() > ipc.MAX_LINE:  # no line of ours: answered "too long"
            line = bytes(client.readAll().data())
        else:
            return
        client.setProperty("crickets-answered", True)
        client.write(self._respond(line))
        client.disconnectFromServer()  # after the answer is written
