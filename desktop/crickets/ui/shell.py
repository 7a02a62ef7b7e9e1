"""The running app's Qt side: tray (or the no-tray window), controller, windows, messages.

Every piece arrives through the constructor, built by the composition root
(:mod:`crickets.wiring.tray`); the shell owns no policy of its own beyond routing each
intent and event to the piece that handles it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from crickets import log
from crickets.application.explanations import Explanation, Explanations
from crickets.application.interviews import InterviewBook
from crickets.domain.draft_kinds import DraftKind
from crickets.domain.interview import Status
from crickets.domain.reminders import Reminder, ReminderKind
from crickets.ui.announcements import demo_starts, reminders_missed
from crickets.ui.controller import Controller
from crickets.ui.invitations.drop_import import CalendarDropFilter
from crickets.ui.reminders.dispatch import notice_actions
from crickets.ui.reminders.sound import Cue, Sound
from crickets.ui.system.notify_chain import NotifyChain
from crickets.ui.system.single_instance import SingleInstanceServer
from crickets.ui.system.sleep_watch import SleepWatch
from crickets.ui.tray.early_icon import app_icon
from crickets.ui.tray.placement import TrayPlacement
from crickets.ui.tray.tray_icon import Tray
from crickets.ui.windows import WindowKind, WindowRequest, Windows

if TYPE_CHECKING:
    from crickets.ui.tray.no_tray_window import NoTrayWindow

logger = logging.getLogger("crickets.tray")
_SOUNDED = {ReminderKind.START: Cue.DUE, ReminderKind.OVERDUE: Cue.OVERDUE}


def warm_up_moments() -> None:
    """Import what a reminder window and the guide need (their windows, steps and outlets,
    the draft composer, the slot search), with a reminder under two minutes away: each is
    on screen within milliseconds of its moment, and none is loaded at rest
    (docs/decisions/162, 181). The overdue guide's reminder comes two minutes ahead too.
    Cheap once done."""
    import crickets.application.drafting
    import crickets.domain.drafts
    import crickets.domain.guides
    import crickets.domain.slots
    import crickets.ui.fitting
    import crickets.ui.guide.guide_outlets
    import crickets.ui.guide.guide_window
    import crickets.ui.outlets
    import crickets.ui.reminders.reminder_window  # noqa: F401


@dataclass(frozen=True)
class ShellParts:
    """Everything the shell routes between, built by the composition root
    (:mod:`crickets.wiring.tray`)."""

    controller: Controller
    tray: Tray
    placement: TrayPlacement
    windows: Windows
    notifier: NotifyChain
    sound: Sound
    server: SingleInstanceServer
    sleep: SleepWatch
    book: InterviewBook
    explanations: Explanations | None = None  # None: nothing is explained (the welcome)


@dataclass(frozen=True)
class StartMode:
    """How this start was asked for."""

    background: bool = False  # at login: no window unless a reminder needs one
    demo: bool = False  # ``crickets --demo``: say what is about to happen


USUAL_START = StartMode()


class Shell(QObject):
    def __init__(
        self,
        app: QApplication,
        parts: ShellParts,
        mode: StartMode = USUAL_START,
        hourly: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(app)
        self.app, self.mode = app, mode
        self.controller, self.tray, self.windows = parts.controller, parts.tray, parts.windows
        self.notifier, self.sound = parts.notifier, parts.sound
        self.server, self.sleep = parts.server, parts.sleep
        self._placement, self._book = parts.placement, parts.book
        self._explanations = parts.explanations
        owned = (self.controller, self.tray, self._placement, self.notifier, self.server)
        for part in (*owned, self.sleep):
            part.setParent(self)  # the shell owns what it routes between
        app.setWindowIcon(app_icon())
        self._starter = QTimer(self)  # the first tick, on the first event-loop turn
        self._starter.setSingleShot(True)
        self._starter.timeout.connect(self._start_counting)
        if hourly is not None:  # e.g. storage's daily snapshot check, on the one timer
            self.controller.every_hour(hourly)
        self._wire()

    # -- wiring -------------------------------------------------------------------------------

    def _wire(self) -> None:
        c, t, w = self.controller, self.tray, self.windows
        c.state_changed.connect(self._placement.show_state)
        c.reminder_due.connect(self._remind)
        c.moment_close.connect(lambda: QTimer.singleShot(0, warm_up_moments))
        c.reminders_missed.connect(self._report_missed)
        c.data_changed.connect(w.refresh_open)
        t.they_called_requested.connect(lambda i: c.set_status(i, Status.IN_CALL))
        t.call_over_requested.connect(self._ask_how_it_went)
        t.havent_called_requested.connect(lambda i: self._open(WindowKind.HAVENT_CALLED, i))
        t.missed_call_requested.connect(lambda i: self._open(WindowKind.MISSED_CALL, i))
        t.drafts_requested.connect(self._open_drafts)
        t.interview_requested.connect(lambda i: self._open(WindowKind.EDITOR, i))
        t.add_requested.connect(lambda: self._open(WindowKind.EDITOR))
        t.import_requested.connect(self.choose_import)
        t.list_requested.connect(lambda: self._open(WindowKind.LIST))
        t.settings_requested.connect(lambda: self._open(WindowKind.SETTINGS))
        t.quit_requested.connect(self.quit)
        t.icon.messageClicked.connect(self.focus)  # a clicked balloon opens what matters now
        self.server.focus_requested.connect(self.focus)
        self.server.reload_requested.connect(c.reload)
        self.server.open_requested.connect(self.import_file)
        self.sleep.resumed.connect(c.tick)
        # Signals, not event filters on the app: a filter there sees every event of every
        # object, at rest too (docs/decisions/181).
        self.app.paletteChanged.connect(lambda _palette: self.tray.refresh_palette())
        self.drops = CalendarDropFilter(self)
        self.drops.dropped.connect(self.import_file)
        w.accept_drops_with(self.drops)

    @property
    def no_tray(self) -> NoTrayWindow | None:
        """The countdown window shown instead of a tray icon (None while there is a tray)."""
        return self._placement.no_tray

    def _focus_id(self) -> int | None:
        return self.controller.state.interview_id if self.controller.state else None

    def _open(self, kind: WindowKind, interview_id: int | None = None) -> None:
        self.windows.open(WindowRequest(kind, interview_id))

    def _open_drafts(self, kind: DraftKind) -> None:
        self.windows.open(WindowRequest(WindowKind.DRAFTS, self._focus_id(), draft=kind))

    def _ask_how_it_went(self, interview_id: int) -> None:
        now = self._book.now()
        self.windows.show_reminder(Reminder(interview_id, ReminderKind.HOW_DID_IT_GO, now, now))

    # -- lifecycle ----------------------------------------------------------------------------

    def start(self) -> None:
        self.sleep.start(heartbeat=False)  # the controller's own tick is the heartbeat
        self.controller.rest(
            resumes_reported=self.sleep.logind,
            writes_reported=self.server.is_listening(),
        )
        self._placement.place()
        # The first decryption and badge drawing follow on the next turn of the event loop
        # (the early icon has been up since before the store opened: decision 179).
        self._starter.start(0)

    def _start_counting(self) -> None:
        self.controller.start()
        if not self.mode.background and not self.mode.demo and not self.controller.interviews:
            self._first_window()
        self.sound.enabled = self.controller.settings.sound
        if self.mode.demo:
            self._announce_demo()
        self.server.release()  # requests that came while the tray was starting, if any
        logger.info(log.TRAY_READY)

    def _first_window(self) -> None:
        """Nothing to count down to: the welcome the very first time (it leads to the Add
        interview form), the Add interview form after that."""
        welcome = self._explanations
        if welcome is None or not welcome.needed(Explanation.WELCOME):
            self._open(WindowKind.EDITOR)
        elif self.windows.open(WindowRequest(WindowKind.WELCOME)) is not None:
            welcome.given(Explanation.WELCOME)

    def _announce_demo(self) -> None:
        state = self.controller.state
        interview = self._book.get(state.interview_id) if state and state.interview_id else None
        if interview is not None:
            self.notifier.notify(*demo_starts(interview, self._book.now()))

    def quit(self) -> None:
        """End the event loop and leave the windows as they are: they go with the process.
        (``QApplication.quit`` would close each first, and a reminder closed is a reminder
        snoozed: every Quit would log snoozes nobody asked for, and a guide left open would
        count as closed by the person.)"""
        self.app.exit(0)

    def stop(self) -> None:
        self._starter.stop()  # quitting before the first tick: it must not run afterwards
        self.controller.stop()
        self.sleep.stop()
        self.server.close()
        self._placement.remove()

    # -- events -------------------------------------------------------------------------------

    def _remind(self, reminder: Reminder) -> None:
        """The window first (it is what the person needs), then the sound and notification."""
        interview = self._book.get(reminder.interview_id)
        if interview is None:
            return
        self._placement.bring_back()
        if self.windows.show_reminder(reminder) is None:
            return  # overtaken by a later moment of the same interview: not news any more
        self.sound.enabled = self.controller.settings.sound
        cue = _SOUNDED.get(reminder.kind)
        if cue is not None:
            self.sound.play(cue)
        said = self.windows.screen(reminder.kind, interview)
        answer = partial(self.windows.buttons.answer, reminder)  # its buttons, if any
        self.notifier.notify(said.title, said.text, notice_actions(reminder.kind), answer)

    def _report_missed(self, missed: tuple[Reminder, ...]) -> None:
        self.notifier.notify(*reminders_missed(len(missed)))

    def focus(self) -> None:
        """A second launch: show what matters now."""
        state = self.controller.state
        if (
            state is not None
            and state.phase is not None
            and state.phase.is_waiting
            and state.interview_id
        ):
            self._open(WindowKind.HAVENT_CALLED, state.interview_id)
        else:
            self._open(WindowKind.LIST)

    def choose_import(self) -> None:
        self._open(WindowKind.IMPORT)

    def import_file(self, path: str) -> None:
        """An invitation dropped on a window, opened with the app, or sent by a second launch."""
        self.windows.open(WindowRequest(WindowKind.IMPORT, path=Path(path)))
