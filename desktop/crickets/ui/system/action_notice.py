"""A notification with buttons ("Open the guide", "They called"), for the moments a window
cannot announce by taking the focus (on Wayland no window may steal it).

It runs ``notify-send`` with ``--action`` (libnotify 0.8 and later) in a QProcess: the
process prints the notification's id once the daemon shows it, then the key of the button
the person pressed, and exits when the notification is closed. A button is acted on only
when that line arrives, i.e. when the daemon reported it invoked: nothing is assumed.

First the daemon is asked whether it shows buttons at all (the ``actions`` capability, over
D-Bus); when it does not, or cannot be asked, or ``notify-send`` fails, the outcome is "not
shown" and the chain (:mod:`crickets.ui.system.notify_chain`) sends the plain notification
instead: the window the moment opened is there either way
(docs/decisions/175-notification-actions.md).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar, cast

from PySide6.QtCore import SLOT, QCoreApplication, QObject, QProcess, Slot
from PySide6.QtDBus import QDBusConnection, QDBusMessage

logger = logging.getLogger("crickets.notifications")

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
ASK_TIMEOUT_MS = 2000
# Qt's slot signatures, a str at run time (bytes fails there), whatever the stubs say.
_ANSWER = cast(bytes, SLOT("_answer(QDBusMessage)"))
_NO_ANSWER = cast(bytes, SLOT("_no_answer()"))


@dataclass(frozen=True)
class NoticeAction:
    key: str  # what the daemon reports when the button is pressed ("open-guide")
    label: str  # what the button says ("Open the guide")


Outcome = Callable[[str, str, bool], None]  # (title, message, shown)
Answered = Callable[[str], None]  # the key of the button the daemon reported invoked
ActionArguments = Callable[[str, str, Sequence[tuple[str, str]]], list[str]]
Capabilities = Callable[[Callable[[bool], None]], None]  # asks; calls back with "has actions"


class DaemonCapabilities(QObject):
    """Asks the notification daemon, without blocking, whether it shows buttons."""

    def __init__(self, bus: QDBusConnection | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._bus = bus
        self._waiting: list[Callable[[bool], None]] = []

    def __call__(self, then: Callable[[bool], None]) -> None:
        bus = self._bus if self._bus is not None else QDBusConnection.sessionBus()
        if not bus.isConnected():
            then(False)
            return
        self._waiting.append(then)
        if len(self._waiting) > 1:
            return  # one question answers every caller waiting for it
        ask = QDBusMessage.createMethodCall(SERVICE, PATH, SERVICE, "GetCapabilities")
        sent = bus.callWithCallback(ask, self, _ANSWER, _NO_ANSWER, ASK_TIMEOUT_MS)
        if not sent:
            self._no_answer()

    @Slot(QDBusMessage)
    def _answer(self, reply: QDBusMessage) -> None:
        found = reply.arguments()
        self._tell(bool(found) and "actions" in list(found[0] or []))

    @Slot()
    def _no_answer(self) -> None:
        self._tell(False)

    def _tell(self, has_actions: bool) -> None:
        waiting, self._waiting = self._waiting, []
        for then in waiting:
            then(has_actions)


class ActionNotifier(QObject):
    """Shows a notification with buttons through ``notify-send``; ``answered`` gets the key
    of a button the daemon reported pressed (only the keys offered)."""

    name: ClassVar[str] = "notify-send --action"

    def __init__(
        self,
        program: str,
        arguments: ActionArguments,
        capabilities: Capabilities,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._program, self._arguments, self._capabilities = program, arguments, capabilities
        self._callbacks: list[Outcome] = []
        self._running: dict[QProcess, _Pending] = {}
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._reap)

    def on_outcome(self, callback: Outcome) -> None:
        self._callbacks.append(callback)

    def notify_with_actions(
        self, title: str, message: str, actions: Sequence[NoticeAction], answered: Answered
    ) -> bool:
        """Start (True); whether it was shown arrives through ``on_outcome``."""
        pending = _Pending(title, message, tuple(actions), answered)
        self._capabilities(lambda has: self._start(pending) if has else self._plain(pending))
        return True

    def _plain(self, pending: _Pending) -> None:
        logger.info("the notification daemon shows no buttons: a plain notification")
        self._tell(pending, False)

    def _start(self, pending: _Pending) -> None:
        process = QProcess(self)
        process.setProgram(self._program)
        keys = [(action.key, action.label) for action in pending.actions]
        process.setArguments(self._arguments(pending.title, pending.message, keys))
        process.setStandardInputFile(QProcess.nullDevice())
        self._running[process] = pending
        process.readyReadStandardOutput.connect(self._read)
        process.finished.connect(self._finished)
        process.errorOccurred.connect(self._error)
        process.start()

    @Slot()
    def _read(self) -> None:
        process = self.sender()
        if isinstance(process, QProcess):
            lines = []
            while process.canReadLine():
                lines.append(bytes(process.readLine().data()))
            self._heard(process, lines)

    def _heard(self, process: QProcess, lines: list[bytes]) -> None:
        pending = self._running.get(process)
        if pending is None:
            return
        for raw in lines:
            line = raw.decode("utf-8", "replace").strip()
            if not pending.shown and line.isdigit():  # --print-id: the daemon showed it
                pending.shown = True
                self._tell(pending, True)
            elif line in {action.key for action in pending.actions}:
                logger.info("notification button pressed: %s", line)
                pending.answered(line)

    @Slot(int, QProcess.ExitStatus)
    def _finished(self, code: int, _status: QProcess.ExitStatus) -> None:
        process = self.sender()
        if isinstance(process, QProcess):
            self._read_rest(process)
            self._done(process, code)

    @Slot(QProcess.ProcessError)
    def _error(self, error: QProcess.ProcessError) -> None:
        process = self.sender()
        if isinstance(process, QProcess) and error == QProcess.ProcessError.FailedToStart:
            self._done(process, -1)  # no finished() follows a failed start

    def _read_rest(self, process: QProcess) -> None:
        rest = bytes(process.readAllStandardOutput().data())  # a last line without newline
        self._heard(process, rest.splitlines())

    def _done(self, process: QProcess, code: int) -> None:
        pending = self._running.pop(process, None)
        process.deleteLater()
        if pending is not None and not pending.shown:
            logger.info("notify-send with buttons failed (exit status %s)", code)
            self._tell(pending, False)

    @Slot()
    def _reap(self) -> None:
        running, self._running = list(self._running), {}
        for process in running:
            process.kill()
            process.waitForFinished(500)

    def _tell(self, pending: _Pending, shown: bool) -> None:
        for callback in self._callbacks:
            callback(pending.title, pending.message, shown)


@dataclass
class _Pending:
    title: str
    message: str
    actions: tuple[NoticeAction, ...]
    answered: Answered
    shown: bool = False
