"""The one timer (DESIGN.md §4). Everything is recomputed from the wall clock on each tick.

The timer is armed for the next instant anything visible changes, for the hourly job, or
for the heartbeat, whichever comes first (:mod:`crickets.ui.wake_plan`: an hour where logind
reports resumes and the command line's reload requests arrive, a minute elsewhere).
Reminders are taken from ``(last_tick, now]`` so each fires once; the last tick, open
reminders and snoozes are persisted so a restart neither repeats nor loses them.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from crickets.application.errors import Refused
from crickets.application.interviews import InterviewBook
from crickets.application.logbook import Logbook
from crickets.application.ports import ChangeCounter
from crickets.application.reminder_state import Situation
from crickets.application.rescheduling import Rescheduling
from crickets.domain.actions import Action, ActionKind
from crickets.domain.display import TrayState, next_display_change, tray_state
from crickets.domain.interview import Interview, Status
from crickets.domain.reminders import Reminder, ReminderKind, due_reminders, next_reminder_at
from crickets.domain.settings import Settings
from crickets.ui.clock_format import with_clock
from crickets.ui.wake_plan import HEARTBEAT, WakePlan

PERSIST_EVERY = timedelta(minutes=15)
_LATE_MARGIN_MS = 2  # wake just after the instant, never just before it
MOMENT_CLOSE = timedelta(minutes=2)  # a window's code is loaded ahead of its moment


class Controller(QObject):
    state_changed = Signal(object)  # TrayState
    reminder_due = Signal(object)  # Reminder
    reminders_missed = Signal(object)  # tuple[Reminder, ...]
    data_changed = Signal()
    moment_close = Signal()  # a reminder (or a snooze's end) is under two minutes away

    def __init__(
        self,
        logbook: Logbook,
        rescheduling: Rescheduling,
        changes: ChangeCounter,
        parent: QObject | None = None,
        heartbeat: timedelta = HEARTBEAT,
    ) -> None:
        super().__init__(parent)
        self._book: InterviewBook = logbook.book
        self._logbook, self._rescheduling, self._changes = logbook, rescheduling, changes
        self._clock = logbook.book.clock
        self._plan = WakePlan(heartbeat)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setObjectName("controller.timer")
        self._timer.timeout.connect(self.tick)
        self._memory = logbook.reminders
        self.interviews: Sequence[Interview] = []
        self.log: list[Action] = []
        self.settings = Settings()
        self.state: TrayState | None = None
        self._last_tick: datetime | None = None
        self._persisted_at: datetime | None = None
        self._version: int | None = None

    # -- lifecycle ------------------------------------------------------------------------

    def start(self) -> None:
        self._load()
        now = self._clock.now()
        self._last_tick = self._memory.last_tick() or now
        self._plan.started(now)
        for reminder in self._memory.open_reminders(self._situation(), now):
            self.reminder_due.emit(reminder)
        self.tick()

    def stop(self) -> None:
        self._timer.stop()
        if self._last_tick is not None:
            self._memory.save_last_tick(self._last_tick)

    @property
    def my_zone(self) -> str:
        return self._book.zones.home_zone(self.settings.home_zone)

    def _situation(self) -> Situation:
        return Situation(self.interviews, self.settings, self.log, self.my_zone)

    @property
    def timer(self) -> QTimer:
        return self._timer

    @property
    def heartbeat(self) -> timedelta:
        return self._plan.heartbeat

    def rest(self, *, resumes_reported: bool, writes_reported: bool) -> None:
        """Wake hourly rather than every minute when logind reports a resume
        (``resumes_reported``) and the command line's reload requests reach us."""
        self._plan.rest(resumes_reported=resumes_reported, writes_reported=writes_reported)
        if self._timer.isActive():
            self._arm(self._clock.now())

    def every_hour(self, job: Callable[[], None]) -> None:
        """Run ``job`` on the first tick an hour or more after its last run (or the start)."""
        self._plan.every_hour(job)

    def reload(self) -> None:
        """The data changed (here, in the CLI, or in another window): re-read and re-tick."""
        self._load()
        self.data_changed.emit()
        self.tick()

    def _load(self) -> None:
        self.interviews = list(self._book.all())
        # The 12/24-hour clock decided once here (the setting, else the desktop's locale),
        # so the tray's sentence and every reminder text read the same clock.
        self.settings = with_clock(self._book.load_settings())
        self.log = list(self._logbook.actions())
        self._version = self._changes.data_version()

    # -- the tick ---------------------------------------------------------------------------

    def tick(self) -> None:
        """Recompute from the wall clock; whatever happens, the timer is armed again."""
        try:
            self._tick()
        finally:
            self._arm(self._clock.now())  # a fresh reading: drawing may have taken a while

    def _tick(self) -> None:
        now = self._clock.now()
        if self._changes.data_version() != self._version:
            self._load()
            self.data_changed.emit()
        since = self._last_tick or now
        due = due_reminders(self.interviews, self.settings, since, now, self.log, self.my_zone)
        woken = self._memory.take_due_snoozes(self._situation(), now)
        # A high-water mark: when the clock is set back, nothing already passed fires again.
        self._last_tick = max(since, now)
        for reminder in (*due.fire, *woken):
            self._memory.mark_open(reminder)
            self.reminder_due.emit(reminder)
        if due.missed:
            self.reminders_missed.emit(due.missed)
        if due.fire or due.missed or woken or self._persist_due(now):
            self._memory.save_last_tick(self._last_tick)
            self._persisted_at = now
        self._publish(now)
        self._plan.run_due(now)

    def _persist_due(self, now: datetime) -> bool:
        return self._persisted_at is None or now - self._persisted_at >= PERSIST_EVERY

    def _publish(self, now: datetime) -> None:
        state = tray_state(self.interviews, self.settings, self.my_zone, now)
        if state != self.state:
            self.state = state
            self.state_changed.emit(state)

    def next_change(self, now: datetime) -> datetime | None:
        """The next instant something visible changes (a badge, a phase, a reminder, a snooze)."""
        shown = next_display_change(self.interviews, self.settings, now, self.log, self.my_zone)
        return _first_after(now, shown, self._memory.next_snooze())

    def _arm(self, now: datetime) -> None:
        # A moment's window code is loaded two minutes ahead (moment_close): the timer wakes
        # then too, when nothing visible changes in between (a follow-up days later).
        moment = self.next_moment(now)
        ahead = moment - MOMENT_CLOSE if moment is not None else None
        wake = self._plan.next_wake(now, _first_after(now, self.next_change(now), ahead))
        ms = int((wake.at - now).total_seconds() * 1000) + _LATE_MARGIN_MS
        # Precise only when a real change is close (the overdue window must open on time);
        # the heartbeat and far-off changes let the system batch wake-ups.
        kind = Qt.TimerType.PreciseTimer if wake.precise else Qt.TimerType.CoarseTimer
        self._timer.setTimerType(kind)
        self._timer.start(max(ms, 0))
        if moment is not None and moment - now <= MOMENT_CLOSE:
            self.moment_close.emit()

    def next_moment(self, now: datetime) -> datetime | None:
        """The next reminder or snooze's end: when a window may have to appear."""
        due = next_reminder_at(self.interviews, self.settings, now, self.log, self.my_zone)
        return _first_after(now, due, self._memory.next_snooze())

    # -- what the person does -----------------------------------------------------------------

    def snooze(self, reminder: Reminder, until: datetime) -> None:
        self._memory.snooze(reminder, until)
        self.record(
            reminder.interview_id,
            ActionKind.SNOOZED,
            f"{reminder.kind.value} until {until.isoformat(timespec='minutes')}",
        )
        self._arm(self._clock.now())

    def dismiss(self, reminder: Reminder) -> None:
        self._memory.close(reminder)
        self.record(reminder.interview_id, ActionKind.DISMISSED, reminder.kind.value)

    def forget(self, interview_id: int, kinds: Collection[ReminderKind]) -> None:
        """These reminders' windows are gone without the person dismissing them (a later
        moment replaced them, or the guide they led to was closed): not shown again, even
        after a restart, and nothing is logged."""
        self._memory.forget(interview_id, kinds)

    def record(self, interview_id: int, kind: ActionKind, detail: str = "") -> Action:
        action = self._logbook.record(interview_id, kind, detail)
        self.log.append(action)  # our own writes do not change the store's data_version
        return action

    def reschedule(self, interview_id: int, local_start: datetime, zone: str) -> Interview | None:
        """A new time was agreed: create the follow-on, close the missed one, resume counting."""
        try:
            new = self._rescheduling.reschedule(interview_id, local_start, zone)
        except Refused:  # deleted meanwhile
            return None
        self.reload()
        return new

    def set_status(self, interview_id: int, status: Status, detail: str = "") -> Interview | None:
        try:
            updated = self._logbook.set_outcome(interview_id, status, detail)
        except Refused:
            return None
        self.reload()
        return updated


def _first_after(now: datetime, *instants: datetime | None) -> datetime | None:
    return min((t for t in instants if t is not None and t > now), default=None)
