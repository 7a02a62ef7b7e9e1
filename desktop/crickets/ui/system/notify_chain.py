"""Telling the person something, whatever the desktop can do: an ordered chain of notifiers.

The OS notification comes first (``notify-send`` run asynchronously on Linux, plyer
elsewhere), then the tray icon's balloon, then the app's own log, which always works. A
notifier that fails (returns False, raises or warns) hands over to the next one; one that only
learns later, like a ``notify-send`` process that exits non-zero, hands over when it learns.
Nothing ever reaches the caller: no exception, no Python warning, no Qt warning
(docs/decisions/040). Which notifiers, in which order, is the composition root's choice
(:mod:`crickets.wiring.tray`); the chain only runs them.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Callable, Sequence
from functools import partial
from typing import ClassVar, Protocol, runtime_checkable

from PySide6.QtCore import QCoreApplication, QObject, QProcess, QTimer, Signal, Slot
from PySide6.QtWidgets import QSystemTrayIcon

from crickets.application.ports import Notifier

logger = logging.getLogger("crickets.notifications")

Outcome = Callable[[str, str, bool], None]  # (title, message, shown)
Arguments = Callable[[str, str], list[str]]  # (title, message) -> the program's arguments


@runtime_checkable
class Named(Protocol):
    """A notifier that says what it is in the log and in ``delivered`` ("notify-send")."""

    name: str


@runtime_checkable
class DeferredNotifier(Protocol):
    """A notifier whose ``notify`` only starts the attempt (True = started); the outcome
    arrives later through the callback given to ``on_outcome``."""

    def notify(self, title: str, message: str) -> bool: ...

    def on_outcome(self, callback: Outcome) -> None: ...


class NotifySendNotifier(QObject):
    """``notify-send`` in a QProcess: never blocks, its stderr is kept, its exit code counts.

    ``arguments`` builds the command line for one notification (the services layer knows
    notify-send's options and escaping; this class only runs it)."""

    name: ClassVar[str] = "notify-send"

    def __init__(
        self,
        program: str,
        arguments: Arguments,
        *,
        timeout_ms: int = 5000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._program = program
        self._arguments = arguments
        self._timeout_ms = timeout_ms
        self._callbacks: list[Outcome] = []
        self._running: dict[QProcess, tuple[str, str]] = {}
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._reap)

    def on_outcome(self, callback: Outcome) -> None:
        self._callbacks.append(callback)

    def notify(self, title: str, message: str) -> bool:
        process = QProcess(self)
        process.setProgram(self._program)
        process.setArguments(self._arguments(title, message))
        process.setStandardInputFile(QProcess.nullDevice())
        self._running[process] = (title, message)
        # Slots of ours, not closures: a closure holding self on the child's signal would let
        # the child's deletion delete this notifier, and the child twice.
        process.finished.connect(self._finished)
        process.errorOccurred.connect(self._error)
        QTimer.singleShot(self._timeout_ms, process, process.kill)
        process.start()
        return True

    @Slot(int, QProcess.ExitStatus)
    def _finished(self, code: int, status: QProcess.ExitStatus) -> None:
        process = self.sender()
        if not isinstance(process, QProcess):
            return
        ok = status == QProcess.ExitStatus.NormalExit and code == 0
        if not ok:  # its stderr may quote the notification: only the status is kept
            logger.info("notify-send failed (exit status %s)", code)
        self._report(process, ok)

    @Slot(QProcess.ProcessError)
    def _error(self, error: QProcess.ProcessError) -> None:
        process = self.sender()
        if isinstance(process, QProcess) and error == QProcess.ProcessError.FailedToStart:
            logger.info("notify-send did not start: %s", process.errorString())
            self._report(process, False)  # no finished() follows a failed start

    @Slot()
    def _reap(self) -> None:
        """At quit, stop what still runs (Qt warns about a QProcess destroyed running); the
        app is going: no fallback for these."""
        running, self._running = list(self._running), {}
        for process in running:
            process.kill()
            process.waitForFinished(500)

    def _report(self, process: QProcess, ok: bool) -> None:
        pending = self._running.pop(process, None)
        process.deleteLater()
        if pending is not None:
            for callback in self._callbacks:
                callback(*pending, ok)


class Balloons(Protocol):
    """What the balloon notifier uses of a :class:`QSystemTrayIcon`."""

    def isSystemTrayAvailable(self) -> bool: ...

    def supportsMessages(self) -> bool: ...

    def isVisible(self) -> bool: ...

    def showMessage(
        self, title: str, msg: str, icon: QSystemTrayIcon.MessageIcon, msecs: int
    ) -> None: ...


class TrayBalloonNotifier:
    """The tray icon's own message balloon (a native notification on some desktops)."""

    name: ClassVar[str] = "tray"

    def __init__(self, tray: Balloons, *, timeout_ms: int = 10_000) -> None:
        self._tray = tray
        self._timeout_ms = timeout_ms

    def notify(self, title: str, message: str) -> bool:
        tray = self._tray
        if not (tray.isSystemTrayAvailable() and tray.supportsMessages() and tray.isVisible()):
            return False
        tray.showMessage(title, message, QSystemTrayIcon.MessageIcon.Information, self._timeout_ms)
        return True


class LogNotifier:
    """The last resort: a line in the app's log (``crickets.log``) saying a notification
    could not be shown, never its text (it names the company and the people; the log is
    no place for them, docs/decisions/061-private-log.md). The reminder window itself
    still opens."""

    name: ClassVar[str] = "log"

    def notify(self, title: str, message: str) -> bool:
        logger.info("A notification could not be shown on the desktop (its text is not logged)")
        return True


class NotifyChain(QObject):
    """Tries each notifier in order until one shows the notification."""

    delivered = Signal(str, str, str)  # title, message, the name of the notifier that showed it

    def __init__(self, notifiers: Sequence[Notifier], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._notifiers = list(notifiers)
        for index, notifier in enumerate(self._notifiers):
            if isinstance(notifier, QObject) and notifier.parent() is None:
                notifier.setParent(self)  # a notify-send runner lives as long as the chain
            if isinstance(notifier, DeferredNotifier):
                notifier.on_outcome(partial(self._outcome, index))

    def notify(self, title: str, message: str) -> None:
        self._try_from(0, title, message)

    def _outcome(self, index: int, title: str, message: str, shown: bool) -> None:
        if shown:
            self.delivered.emit(title, message, _name(self._notifiers[index]))
        else:
            self._try_from(index + 1, title, message)

    def _try_from(self, start: int, title: str, message: str) -> None:
        for notifier in self._notifiers[start:]:
            if _attempt(notifier, title, message):
                if not isinstance(notifier, DeferredNotifier):
                    self.delivered.emit(title, message, _name(notifier))
                return
        logger.warning("No way to show a notification worked (its text is not logged)")


def _attempt(notifier: Notifier, title: str, message: str) -> bool:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            shown = bool(notifier.notify(title, message))
        except Exception as error:  # its message may quote the notification: the type only
            logger.info("%s could not show a notification (%s)", _name(notifier), _kind(error))
            shown = False
    for warning in caught:
        logger.info("%s warned (%s)", _name(notifier), warning.category.__name__)
    if isinstance(notifier, DeferredNotifier):
        return shown  # started: its outcome arrives later, whatever it warned
    return shown and not caught


def _kind(error: BaseException) -> str:
    return type(error).__name__


def _name(notifier: Notifier) -> str:
    return notifier.name if isinstance(notifier, Named) else type(notifier).__name__
