"""``notify-send`` in a QProcess, the chain's first notifier on a freedesktop system
(:mod:`crickets.ui.system.notify_chain`): it never blocks, its stderr is kept out of sight,
and its exit code counts (docs/decisions/040).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import ClassVar

from PySide6.QtCore import QCoreApplication, QObject, QProcess, QTimer, Slot

logger = logging.getLogger("crickets.notifications")

Outcome = Callable[[str, str, bool], None]  # (title, message, shown)
Arguments = Callable[[str, str], list[str]]  # (title, message) -> the program's arguments


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
