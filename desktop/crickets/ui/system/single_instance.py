"""One tray per data directory: the running one listens, a second launch talks to it.

The server side of :mod:`crickets.ipc` (the format, the path and the client live there, Qt
free, so the command line can use them without loading Qt). Modelled on qutebrowser's IPC
server: check for a live server before listening, clear only a stale socket of our own,
keep the socket private, and treat any line that is not a valid message as noise: it is
logged, answered with an error and acted on never (docs/decisions/041).
"""

from __future__ import annotations

import enum
import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket

from crickets import ipc

logger = logging.getLogger("crickets.ipc")

_READ_TIMEOUT_MS = 5_000  # a client that connects and says nothing is dropped after this
_TOUCH_INTERVAL_MS = 3 * 3600 * 1000  # XDG: touch runtime files at least every 6 hours
_UNIX = not sys.platform.startswith("win")


class ListenResult(enum.Enum):
    LISTENING = "listening"  # this process is the instance
    ALREADY_RUNNING = "already-running"  # another process listens: hand over and exit
    UNAVAILABLE = "unavailable"  # no IPC possible here: run anyway, without it


def already_running(path: str) -> bool:
    """Whether a tray listens on ``path`` (a leftover socket file does not count)."""
    return ipc.is_listening(path)


class SingleInstanceServer(QObject):
    focus_requested = Signal()
    reload_requested = Signal()
    open_requested = Signal(str)  # an absolute file name
    rejected = Signal(str)  # why a message was ignored (malformed, other version, ...)
    _queued = Signal(object)

    def __init__(self, path: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self._server = QLocalServer(self)
        if not _UNIX:  # a named pipe: restrict it to this user (on Unix, the 0700 directory)
            self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        self._queued.connect(self._dispatch, Qt.ConnectionType.QueuedConnection)
        self._touch = QTimer(self)
        self._touch.setTimerType(Qt.TimerType.VeryCoarseTimer)
        self._touch.setInterval(_TOUCH_INTERVAL_MS)
        self._touch.timeout.connect(self._keep_alive)

    def listen(self) -> ListenResult:
        """Start listening unless another instance already does."""
        if already_running(self.path):
            return ListenResult.ALREADY_RUNNING
        if _UNIX:
            try:
                ipc.prepare_directory(self.path)
            except OSError as error:
                logger.warning("No single-instance socket: %s", error)
                return ListenResult.UNAVAILABLE
            if not ipc.remove_stale(self.path):
                if already_running(self.path):
                    return ListenResult.ALREADY_RUNNING
                logger.warning("No single-instance socket: %s is in the way", self.path)
                return ListenResult.UNAVAILABLE
        if not self._server.listen(self.path):
            in_use = self._server.serverError() == QAbstractSocket.SocketError.AddressInUseError
            if in_use and already_running(self.path):  # lost a race with a second launch
                return ListenResult.ALREADY_RUNNING
            logger.warning("No single-instance socket: %s", self._server.errorString())
            return ListenResult.UNAVAILABLE
        if _UNIX:
            Path(self.path).chmod(0o600)
            self._touch.start()
        logger.debug("Listening on %s", self.path)
        return ListenResult.LISTENING

    def is_listening(self) -> bool:
        return self._server.isListening()

    def close(self) -> None:
        """Stop listening and remove the socket file."""
        self._touch.stop()
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            client = self._server.nextPendingConnection()
            client.disconnected.connect(client.deleteLater)
            # A slot of ours, not a closure: a closure holding self on the client's signal
            # would let the client's deletion delete this server, and the client twice.
            client.readyRead.connect(self._ready_read)
            QTimer.singleShot(_READ_TIMEOUT_MS, client, client.abort)
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
        if not client.canReadLine():
            if client.bytesAvailable() > ipc.MAX_LINE:
                self._answer(client, "the line is too long")
            return
        line = bytes(client.readLine(ipc.MAX_LINE + 1).data())
        try:
            request = ipc.decode(line.rstrip(b"\r\n"))
        except ipc.ProtocolError as error:
            self._answer(client, str(error))
            return
        self._answer(client, None)
        self._queued.emit(request)  # acted on after the answer is out

    def _answer(self, client: QLocalSocket, error: str | None) -> None:
        client.setProperty("crickets-answered", True)
        if error is not None:
            logger.warning("Ignored a message on %s: %s", self.path, error)
            self.rejected.emit(error)
        client.write(ipc.answer(error))
        client.disconnectFromServer()  # after the answer is written

    def _dispatch(self, request: ipc.Request) -> None:
        logger.debug("Request: %s", request.command.value)  # a file name can name a company
        if request.command is ipc.Command.FOCUS:
            self.focus_requested.emit()
        elif request.command is ipc.Command.RELOAD:
            self.reload_requested.emit()
        elif request.command is ipc.Command.OPEN and request.path is not None:
            self.open_requested.emit(request.path)

    def _keep_alive(self) -> None:
        """Touch the socket so a runtime-dir cleaner keeps it; listen again if it went."""
        try:
            os.utime(self.path)  # not Path.touch(): that would create a plain file
        except OSError:
            logger.warning("The single-instance socket vanished; listening again")
            self._server.close()
            self.listen()
