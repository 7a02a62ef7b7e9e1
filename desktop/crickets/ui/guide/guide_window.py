"""The guided windows: "They haven't called" and "I missed their call" (issue 7).

At the top, who was to call and how to reach them, how late it is, and the one thing to do
now; below it, every step with its action inline; at the bottom, what was done. Everything
shown is recomputed from the interview, the clock and the action log, so closing the
window, restarting the app or sleeping in the middle loses nothing: reopening shows the same
progress. A minute-aligned timer runs only while the window is open. Steps are recorded
through the :class:`~crickets.application.logbook.Logbook` only once they happened (a
dialler that did not open records nothing); the scripts come from
:class:`~crickets.application.drafting.Drafting` (the person's own wording included).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from crickets.application.drafting import Drafting
from crickets.application.logbook import Logbook
from crickets.domain.action_words import log_line
from crickets.domain.actions import Action, ActionKind
from crickets.domain.drafts import DraftKind, TemplateError
from crickets.domain.errors import StoreError
from crickets.domain.guides import Flow, Step, StepView, now_step, step_views
from crickets.domain.interview import Interview, Status
from crickets.domain.settings import Settings
from crickets.domain.timefmt import both_zones
from crickets.ui.guide.guide_log import GuideLog
from crickets.ui.guide.guide_outlets import GuideOutlets
from crickets.ui.guide.guide_steps import StepWidget
from crickets.ui.guide.guide_top import GuideTop
from crickets.ui.guide.late_panel import LatePanel
from crickets.ui.guide.step_actions import StepRequest, StepRequestKind
from crickets.ui.guide.step_list import StepList

TITLES = {Flow.HAVENT_CALLED: "They haven't called", Flow.MISSED_CALL: "I missed their call"}


class GuideWindow(QWidget):
    draft_requested = Signal(int, object)  # interview id, DraftKind
    reschedule_requested = Signal(int)
    they_called = Signal(int, str)  # interview id, detail for the log
    stopped_waiting = Signal(int)
    start_moved = Signal(int)  # interview id: they are running late, the countdown moved

    def __init__(
        self,
        flow: Flow,
        steps: Sequence[Step],
        interview: Interview,
        logbook: Logbook,
        drafting: Drafting,
        outlets: GuideOutlets,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.flow, self._steps, self.interview = flow, steps, interview
        self._logbook, self._book, self._drafting = logbook, logbook.book, drafting
        self._outlets = outlets
        self.setObjectName(f"guide.{flow.value}")
        self.setWindowTitle(TITLES[flow])
        self.setAccessibleName(TITLES[flow])
        self.setWindowFlag(Qt.WindowType.Dialog, True)  # floated by tiling desktops (174)
        self.top = GuideTop(self)
        self.top.now_done.connect(self._ticked)
        self.late = LatePanel(logbook, interview)
        self.late.setVisible(False)
        self.late.start_moved.connect(self._moved)
        self.log = GuideLog(self)
        self.steps = self._build_steps()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.refresh)
        self._layout()
        self.resize(640, 680)  # fits a 1366×768 screen with its panel; the steps scroll
        self.refresh()

    def _build_steps(self) -> StepList:
        """The steps, built once from the (filled) guide content."""
        settings = self._settings()
        my_zone, now = self._book.my_zone(settings), self._book.now()
        views = step_views(self._steps, self.interview, settings, my_zone, now, [])
        steps = StepList(views, self.interview, self._script, self)
        steps.checked.connect(self._ticked_by_hand)
        steps.logged.connect(self._log)
        steps.requested.connect(self._request)
        return steps

    def _layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.top)
        layout.addWidget(self.late)
        layout.addWidget(self.steps, 1)
        layout.addWidget(self.log)
        layout.addLayout(self._buttons())

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        iid = self._id
        if self.flow is Flow.HAVENT_CALLED:
            specs = [
                ("they_called", "They &called", lambda: self._reached("they called")),
                ("running_late", "They're running la&te…", self._show_late),
                ("stop_waiting", "&Stop waiting", lambda: self.stopped_waiting.emit(iid)),
                ("reschedule", "&Reschedule…", lambda: self.reschedule_requested.emit(iid)),
            ]
        else:
            specs = [
                ("talking", "We're &talking", lambda: self._reached("called back")),
                ("reschedule", "&Reschedule…", lambda: self.reschedule_requested.emit(iid)),
            ]
        for name, text, slot in specs:
            button = QPushButton(text, self)
            button.setObjectName(f"guide.{name}")
            button.setAccessibleName(text.replace("&", "").rstrip("…"))
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        close = QPushButton("C&lose (progress is kept)", self)
        close.setObjectName("guide.close")
        close.clicked.connect(self.close)
        row.addWidget(close)
        return row

    @property
    def _id(self) -> int:
        return int(self.interview.id or 0)

    def _settings(self) -> Settings:
        return self._book.load_settings()

    def _script(self, kind: DraftKind) -> str:
        try:
            return self._drafting.script(kind, self.interview)
        except (TemplateError, StoreError) as error:
            return f"(The script could not be made: {error}.)"

    # -- live state ---------------------------------------------------------------------------

    def logged_actions(self) -> list[Action]:
        return list(self._logbook.actions(self._id))

    def refresh(self) -> None:
        """Recompute everything from the store and the clock; re-arm for the next minute."""
        fresh = self._book.get(self._id)
        self.interview = fresh or self.interview
        now, settings, log = self._book.now(), self._settings(), self.logged_actions()
        my_zone, clock_24h = self._book.my_zone(settings), settings.clock_24h
        self.top.show_state(
            self.interview, settings, my_zone, now, missed=self.flow is Flow.MISSED_CALL
        )
        zone, status = self.interview.zone, self.interview.status
        views = step_views(self._steps, self.interview, settings, my_zone, now, log)
        self.steps.show_views(
            views, lambda v: both_zones(v.relevant_from, zone, my_zone, clock_24h=clock_24h)
        )
        waiting = status is Status.SCHEDULED  # not once the call started or was settled
        self._show_now(now_step(views) if waiting else None)
        titles = {view.step.id: view.step.title for view in views}
        self.log.show_lines(
            [log_line(a, my_zone, clock_24h=clock_24h, step_titles=titles) for a in log]
        )
        elapsed = now - self.interview.start
        next_minute = timedelta(minutes=elapsed // timedelta(minutes=1) + 1) - elapsed
        self._timer.start(max(int(next_minute.total_seconds() * 1000) + 20, 50))

    def _show_now(self, view: StepView | None) -> None:
        """The one thing to do now at the top; its step scrolled into sight when it changes."""
        changed = (view.step.id if view else "") != self.top.now_step_id
        self.top.show_now(view)
        if changed and view is not None:
            self.steps.bring_into_sight(view.step.id)

    # -- what the person does -----------------------------------------------------------------

    def _log(self, kind: ActionKind, detail: str) -> None:
        try:
            self._logbook.record(self._id, kind, detail)
        except StoreError as error:
            self.top.note.setText(f"That could not be noted: {error}")
            self.top.note.setVisible(True)
            return
        self.refresh()

    def _ticked_by_hand(self, step_id: str, on: bool) -> None:
        if on:
            self._ticked(step_id)

    def _ticked(self, step_id: str) -> None:
        if step_id:
            self._log(ActionKind.CHECKED, step_id)

    def _request(self, widget: StepWidget, request: StepRequest) -> None:
        match request.kind:
            case StepRequestKind.COPY:
                self._outlets.copy(widget, request.text)
            case StepRequestKind.DIAL:
                self._outlets.dial(widget, request.text)
            case StepRequestKind.OPEN_LINK if self._outlets.open_link(widget, request.text):
                self._log(ActionKind.LINK_OPENED, "")
            case StepRequestKind.DRAFT if request.draft is not None:
                self.draft_requested.emit(self._id, request.draft)
            case StepRequestKind.RESCHEDULE:
                self.reschedule_requested.emit(self._id)
            case StepRequestKind.REACHED:
                self._reached("reached them by phone")

    def _show_late(self) -> None:
        self.late.interview = self.interview
        self.late.reset()
        self.late.setVisible(True)
        self.late.time_edit.setFocus()

    def _moved(self, stored: Interview) -> None:
        self.interview = stored
        self.start_moved.emit(self._id)
        self.refresh()

    def _reached(self, how: str) -> None:
        late = int((self._book.now() - self.interview.start).total_seconds() // 60)
        detail = f"{how}, {late} min after the start" if late > 0 else how
        self.they_called.emit(self._id, detail)
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._timer.stop()
        super().closeEvent(event)
