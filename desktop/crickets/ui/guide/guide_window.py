"""The guided windows: "They haven't called" and "I missed their call" (issue 7).

Everything shown is recomputed from the interview, the clock and the action log, so
closing the window, restarting the app or sleeping in the middle loses nothing: reopening
shows the same progress. A minute-aligned timer runs only while the window is open. Steps
are recorded through the :class:`~crickets.application.logbook.Logbook`; the scripts come
from :class:`~crickets.application.drafting.Drafting` (the person's own wording included).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from crickets.application.drafting import Drafting
from crickets.application.logbook import Logbook
from crickets.application.ports import Clipboard, Dialer
from crickets.domain.actions import Action, ActionKind
from crickets.domain.drafts import DraftKind, TemplateError
from crickets.domain.errors import StoreError
from crickets.domain.guides import Flow, Step, elapsed_line, step_views, stop_line
from crickets.domain.interview import Interview
from crickets.domain.settings import Settings
from crickets.domain.timefmt import both_zones
from crickets.ui.guide.guide_steps import StepWidget
from crickets.ui.guide.step_actions import StepAction, StepRequest, StepRequestKind

TITLES = {Flow.HAVENT_CALLED: "They haven't called", Flow.MISSED_CALL: "I missed their call"}


class GuideWindow(QWidget):
    draft_requested = Signal(int, object)  # interview id, DraftKind
    reschedule_requested = Signal(int)
    they_called = Signal(int, str)  # interview id, detail for the log
    stopped_waiting = Signal(int)

    def __init__(
        self,
        flow: Flow,
        steps: Sequence[Step],
        interview: Interview,
        logbook: Logbook,
        drafting: Drafting,
        clipboard: Clipboard,
        dialer: Dialer,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.flow, self._steps, self.interview = flow, steps, interview
        self._logbook, self._book, self._drafting = logbook, logbook.book, drafting
        self._clipboard, self._dialer = clipboard, dialer
        self.setObjectName(f"guide.{flow.value}")
        self.setWindowTitle(f"Crickets — {TITLES[flow]}")
        self.setAccessibleName(TITLES[flow])
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.elapsed = self._line("guide.elapsed", "font-size: 13pt; font-weight: 600;")
        self.stop = self._line("guide.stop", "")
        self.note = self._line("guide.note", "font-style: italic;")
        self.log = QListWidget(self)
        self.log.setObjectName("guide.log")
        self.log.setAccessibleName("What you have done so far")
        self.log.setMaximumHeight(110)
        self._widgets = self._build_steps()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.refresh)
        self._layout()
        self.resize(620, 720)
        self.refresh()

    def _line(self, name: str, style: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setStyleSheet(style)
        return label

    def _build_steps(self) -> list[StepWidget]:
        """One widget per step, its action parsed once from the (filled) guide content."""
        settings = self._settings()
        my_zone, now = self._book.my_zone(settings), self._book.now()
        views = step_views(self._steps, self.interview, settings, my_zone, now, [])
        number = self.interview.interviewer_phone
        widgets = []
        for view in views:
            action = StepAction.parse(view.step.action)
            script = self._script(action.script) if action.script else ""
            widget = StepWidget(view, action, script, number, self)
            widget.checked.connect(self._ticked)
            widget.logged.connect(self._log)
            widget.requested.connect(self._request)
            widgets.append(widget)
        return widgets

    def _layout(self) -> None:
        column = QWidget(self)
        steps = QVBoxLayout(column)
        for widget in self._widgets:
            steps.addWidget(widget)
        steps.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setObjectName("guide.steps")
        scroll.setWidgetResizable(True)
        scroll.setWidget(column)
        layout = QVBoxLayout(self)
        for line in (self.elapsed, self.stop, self.note):
            layout.addWidget(line)
        layout.addWidget(scroll, 1)
        layout.addWidget(QLabel("What you have done:", self))
        layout.addWidget(self.log)
        layout.addLayout(self._buttons())

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        iid = self._id
        if self.flow is Flow.HAVENT_CALLED:
            specs = [
                ("they_called", "They &called", lambda: self._reached("they called")),
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
            button.setAccessibleName(text.replace("&", ""))
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
        my_zone = self._book.my_zone(settings)
        self.elapsed.setText(elapsed_line(self.interview, my_zone, now))
        self.stop.setText(stop_line(self.interview, settings, my_zone, now))
        self.stop.setVisible(self.flow is Flow.HAVENT_CALLED)
        status = self.interview.status
        self.note.setText(
            "" if not status.is_terminal else f"Recorded: {status.value.replace('-', ' ')}."
        )
        views = step_views(self._steps, self.interview, settings, my_zone, now, log)
        for widget, view in zip(self._widgets, views, strict=True):
            when = both_zones(view.relevant_from, self.interview.zone, my_zone)
            widget.update_view(view, when)
        self.log.clear()
        self.log.addItems([action.line(my_zone) for action in log])
        elapsed = now - self.interview.start
        next_minute = timedelta(minutes=elapsed // timedelta(minutes=1) + 1) - elapsed
        self._timer.start(max(int(next_minute.total_seconds() * 1000) + 20, 50))

    # -- what the person does -----------------------------------------------------------------

    def _log(self, kind: ActionKind, detail: str) -> None:
        try:
            self._logbook.record(self._id, kind, detail)
        except StoreError as error:
            self.note.setText(f"That could not be noted: {error}")
            return
        self.refresh()

    def _ticked(self, step_id: str, on: bool) -> None:
        if on:
            self._log(ActionKind.CHECKED, step_id)

    def _request(self, request: StepRequest) -> None:
        match request.kind:
            case StepRequestKind.COPY:
                self._clipboard.set_text(request.text)
            case StepRequestKind.DIAL:
                self._dialer.dial(request.text)
            case StepRequestKind.DRAFT if request.draft is not None:
                self.draft_requested.emit(self._id, request.draft)
            case StepRequestKind.RESCHEDULE:
                self.reschedule_requested.emit(self._id)
            case StepRequestKind.REACHED:
                self._reached("reached them by phone")

    def _reached(self, how: str) -> None:
        late = int((self._book.now() - self.interview.start).total_seconds() // 60)
        detail = f"{how}, {late} min after the start" if late > 0 else how
        self.they_called.emit(self._id, detail)
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._timer.stop()
        super().closeEvent(event)
