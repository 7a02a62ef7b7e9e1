"""One tray per data directory: the running one listens, a second launch talks to it.

The server side of :mod:`crickets.ipc` (the format, the path and the client live there, Qt
free, so the command line can use them without loading Qt). Modelled on qutebrowser's IPC
server: check for a live server before listening, clear only a stale socket of our own,
keep the socket private, and treat any line that is not a valid message as noise: it is
logged, answered with an error and acted on never (docs/decisions/041).

The socket itself is a transport (:mod:`crickets.ui.system.local_listener`): a plain Unix
socket on Linux and macOS, Qt's ``QLocalServer`` on Windows only, so QtNetwork is not
loaded where it is not needed (docs/decisions/178).
"""

from __future__ import annotations

import enum
import errno
import logging
import os
import sys

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from crickets import ipc
from crickets.ui.system.local_listener import READ_TIMEOUT_MS, Listener, Respond
from crickets.ui.system.unix_listener import UnixListener

logger = logging.getLogger("crickets.ipc")

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

    def __init__(
        self,
        path: str,
        parent: QObject | None = None,
        *,
        read_timeout_ms: int = READ_TIMEOUT_MS,
        held: bool = False,
    ) -> None:
        """``held``: answer requests but act on none until :meth:`release` (the tray claims
        its socket before it has loaded what would act on them: docs/decisions/179)."""
        super().__init__(parent)
        self.path = path
        self._held: list[ipc.Request] | None = [] if held else None
        self._listener = _transport(self._respond, read_timeout_ms, self)
        self._queued.connect(self._dispatch, Qt.ConnectionType.QueuedConnection)
        self._touch = QTimer(self)
        self._touch.setObjectName("keep-alive")
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
        try:
            self._listener.listen(self.path)
        except OSError as error:
            in_use = error.errno == errno.EADDRINUSE
            if in_use and already_running(self.path):  # lost a race with a second launch
                return ListenResult.ALREADY_RUNNING
            logger.warning("No single-instance socket: %s", error)
            return ListenResult.UNAVAILABLE
        if _UNIX:
            self._touch.start()
        logger.debug("Listening on %s", self.path)
        return ListenResult.LISTENING

    def is_listening(self) -> bool:
        return self._listener.is_listening()

    def close(self) -> None:
        """Stop listening and remove the socket file."""
        self._touch.stop()
        self._listener.close()

    def _respond(self, line: bytes) -> bytes:
        """The answer to one line; a valid request is acted on after the answer is out."""
        try:
            if len(line) > ipc.MAX_LINE:
                raise ipc.ProtocolError("the line is too long")
            request = ipc.decode(line)  # JSON ignores the "\r" of a "\r\n"
        except ipc.ProtocolError as error:
            logger.warning("Ignored a message on %s: %s", self.path, error)
            self.rejected.emit(str(error))
            return ipc.answer(str(error))
        self._queued.emit(request)  # queued: dispatched once the transport has answered
        return ipc.answer(None)

    def release(self) -> None:
        """Act on the requests held so far, in the order they came, and on later ones at once."""
        held, self._held = self._held or [], None
        for request in held:
            self._dispatch(request)

    def _dispatch(self, request: ipc.Request) -> None:
        if self._held is not None:
            self._held.append(request)
            return
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
            self._listener.close()
            self.listen()


def claim(path: str, request: ipc.Request) -> SingleInstanceServer | ipc.HandOver:
    """This data folder's socket for a tray about to start, listened on and held until the
    tray is ready; or, when another tray has it, what handing ``request`` to that one said."""
    handed = ipc.hand_over(path, request)  # a busy tray is running, never absent
    if handed is not None:
        return handed
    server = SingleInstanceServer(path, held=True)
    if server.listen() is ListenResult.ALREADY_RUNNING:  # lost a race with another launch
        handed = ipc.hand_over(path, request)
        if handed is not None:
            return handed
    return server


def _transport(respond: Respond, read_timeout_ms: int, parent: QObject) -> Listener:
    """A plain Unix socket, or on Windows a named pipe through QtNetwork (loaded only there)."""
    if _UNIX:
        return UnixListener(respond, read_timeout_ms=read_timeout_ms, parent=parent)
    from crickets.ui.system.pipe_listener import PipeListener  # QtNetwork: Windows only

    return PipeListener(respond, read_timeout_ms=read_timeout_ms, parent=parent)
