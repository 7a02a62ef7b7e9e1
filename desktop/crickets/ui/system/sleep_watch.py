"""Noticing that the machine slept, so the countdown is recomputed at once on waking.

Qt's timers run on the monotonic clock, which stops while the machine is suspended: a timer
armed for the interview's start fires late by the length of the sleep. Two ways to notice:

* logind's ``PrepareForSleep(false)`` on the system bus, the moment the machine resumes
  (where there is a logind; a missing bus or service is silent and harmless; the tray then
  keeps its minute heartbeat);
* a heartbeat that compares how far the wall clock moved with how far the monotonic clock
  moved: a difference beyond ``threshold_s`` is a suspend, or the clock being set. The
  heartbeat period bounds how late that is noticed (at most 60 s).

Both clocks are injected, so tests simulate a night's sleep without waiting
(docs/decisions/042).
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import SLOT, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtDBus import QDBusConnection

from crickets.domain.clock import Clock

logger = logging.getLogger("crickets.sleep")

LOGIND_SERVICE = "org.freedesktop.login1"
LOGIND_PATH = "/org/freedesktop/login1"
LOGIND_MANAGER = "org.freedesktop.login1.Manager"
_SLOT = SLOT("_on_sleep(bool)")  # a str at run time, whatever the stubs say (bytes fails)
MAX_INTERVAL_MS = 60_000
DEFAULT_INTERVAL_MS = 55_000  # ~65 wake-ups an hour; a resume is seen within a minute
DEFAULT_THRESHOLD_S = 60.0


class SleepWatch(QObject):
    resumed = Signal()  # logind reported the end of a suspend
    clock_jumped = Signal(float)  # seconds the wall clock moved beyond the monotonic (< 0: back)

    def __init__(
        self,
        clock: Clock,
        monotonic: Callable[[], float] = time.monotonic,
        *,
        interval_ms: int = DEFAULT_INTERVAL_MS,
        threshold_s: float = DEFAULT_THRESHOLD_S,
        bus: QDBusConnection | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        if not 0 < interval_ms <= MAX_INTERVAL_MS:
            raise ValueError(f"the heartbeat must beat at least once a minute, not {interval_ms}")
        self._clock = clock
        self._monotonic = monotonic
        self._threshold_s = threshold_s
        self._bus = bus
        self._logind = False
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.VeryCoarseTimer)  # whole seconds: fewer wake-ups
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        self._wall, self._mono = clock.now(), monotonic()

    @property
    def logind(self) -> bool:
        """Whether resume notices come from logind (else only the heartbeat sees them)."""
        return self._logind

    @property
    def interval_ms(self) -> int:
        return self._timer.interval()

    def start(self, *, heartbeat: bool = True) -> None:
        """Listen for logind; with ``heartbeat``, also compare the clocks every interval.

        The tray passes ``heartbeat=False``: its controller's one timer recomputes from the
        wall clock, once a minute where no logind tells of a resume (:attr:`logind` false)
        and once an hour where one does (docs/decisions/164); a second heartbeat would only
        add idle wake-ups.
        """
        self._mark()
        if heartbeat:
            self._timer.start()
        self._logind = self._subscribe()
        logger.info("Sleep watch: logind %s", "connected" if self._logind else "not available")

    def stop(self) -> None:
        self._timer.stop()
        if self._logind and self._bus is not None:
            # The stubs type the slot as bytes, but PySide6 needs SLOT()'s str: hence the ignore.
            self._bus.disconnect(  # type: ignore[call-overload]
                LOGIND_SERVICE, LOGIND_PATH, LOGIND_MANAGER, "PrepareForSleep", self, _SLOT
            )
        self._logind = False

    def check(self) -> None:
        """One heartbeat: emit ``clock_jumped`` if the two clocks disagree."""
        wall, mono = self._clock.now(), self._monotonic()
        jump = (wall - self._wall).total_seconds() - (mono - self._mono)
        self._wall, self._mono = wall, mono
        if abs(jump) > self._threshold_s:
            logger.info("The wall clock moved %+.0f s beyond the monotonic clock", jump)
            self.clock_jumped.emit(jump)

    @Slot(bool)
    def _on_sleep(self, sleeping: bool) -> None:
        if sleeping:
            logger.info("logind: going to sleep")
            return
        logger.info("logind: resumed")
        self._mark()  # the heartbeat would otherwise report the same sleep again
        self.resumed.emit()

    def _mark(self) -> None:
        self._wall, self._mono = self._clock.now(), self._monotonic()

    def _subscribe(self) -> bool:
        if self._bus is None:
            if not sys.platform.startswith("linux"):
                return False
            self._bus = QDBusConnection.systemBus()
        bus = self._bus
        if not bus.isConnected():
            return False
        if not bus.interface().isServiceRegistered(LOGIND_SERVICE).value():
            return False
        # The stubs type the slot as bytes, but PySide6 needs SLOT()'s str: hence the ignore.
        connected = bus.connect(  # type: ignore[call-overload]
            LOGIND_SERVICE, LOGIND_PATH, LOGIND_MANAGER, "PrepareForSleep", self, _SLOT
        )
        return bool(connected)
