"""Ctrl+C in the terminal and SIGTERM (a logout, ``kill``, a service manager) quit Crickets
the way its Quit does: the event loop ends (the windows are not closed one by one, which
would snooze the reminders showing), and the clean-up after it runs.

Qt's event loop sleeps in C++, where Python cannot run a signal handler; a handler that
quit from there would only run at the next Python call, whenever that came. So the signal
wakes the loop itself: :func:`signal.set_wakeup_fd` has the interpreter write the signal's
number to one end of a socket pair, a :class:`QSocketNotifier` on the other end wakes the
loop at once, and :class:`SignalQuit` quits it. Nothing polls: an idle Crickets stays idle
(docs/decisions/076-quit-on-signals.md).

The Python-level handlers themselves are installed by the start-up code
(:mod:`crickets.app`), before Qt exists, so a signal during start-up is handled too; the
interpreter only writes to the wake-up socket for signals that have such a handler.
"""

from __future__ import annotations

import logging
import signal
import socket

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier

logger = logging.getLogger("crickets.signals")


class SignalQuit(QObject):
    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self._app = app
        self._read, self._write = socket.socketpair()
        for end in (self._read, self._write):
            end.setblocking(False)
        self._previous = signal.set_wakeup_fd(self._write.fileno(), warn_on_full_buffer=False)
        self._notifier = QSocketNotifier(self._read.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._woken)
        self.received: list[signal.Signals] = []

    def _woken(self) -> None:
        try:
            data = self._read.recv(64)
        except BlockingIOError:
            return
        caught = [signal.Signals(number) for number in data]
        self.received += caught
        logger.info("quitting on %s", ", ".join(s.name for s in caught))
        self._app.exit(0)  # as the tray's Quit does: windows are left as they are

    def close(self) -> None:
        """Hand the wake-up back (signals after this are only recorded) and free the
        sockets."""
        signal.set_wakeup_fd(self._previous)
        self._notifier.setEnabled(False)
        self._read.close()
        self._write.close()
