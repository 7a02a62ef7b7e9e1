"""Importing an invitation (.ics): read off the GUI thread, choose the event, confirm.

The dialog never touches files or parsers itself: ``read`` turns a path into either an
invitation or one sentence saying why not (it runs on a worker thread), ``plan`` says
what importing an event would do, ``apply`` does it. Several events: the person picks one.
No usable time: the person types it. A cancellation: the person confirms it first.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crickets.domain.clock import Clock
from crickets.domain.timefmt import both_zones, day_text
from crickets.ui.interviews.when_field import WhenField

Reader = Callable[[str], tuple[Any | None, str]]  # path -> (Invitation, "") or (None, why)


class _Relay(QObject):
    """Carries the worker thread's result back to the GUI thread (a queued signal)."""

    done = Signal(object, str)


class ImportDialog(QDialog):
    parsed = Signal()  # the file was read (or refused); the dialog shows the outcome
    imported = Signal(object)  # the ApplyResult of a change that was made

    def __init__(
        self,
        read: Reader,
        plan: Callable[[Any], Any],
        apply: Callable[[Any, bytes, bool], Any],
        clock: Clock,
        my_zone: str,
        choose_file: Callable[[], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._read, self._plan, self._apply = read, plan, apply
        self._clock, self._my_zone, self._choose = clock, my_zone, choose_file
        self._invitation: Any = None
        self._events: list[Any] = []
        self._relay = _Relay(self)
        self._relay.done.connect(self._show_result)
        self.setObjectName("import")
        self.setWindowTitle("Crickets — import an invitation")
        self.setAcceptDrops(True)
        self._build()
        self.resize(560, 420)

    def _build(self) -> None:
        self.status = QLabel("Choose an invitation file (.ics), or drop one on this window.", self)
        self.status.setObjectName("import.status")
        self.status.setWordWrap(True)
        self.busy = QProgressBar(self)
        self.busy.setObjectName("import.busy")
        self.busy.setRange(0, 0)  # "working", with no fake percentage
        self.busy.setVisible(False)
        self.events = QListWidget(self)
        self.events.setObjectName("import.events")
        self.events.setAccessibleName("Events in the file")
        self.events.currentRowChanged.connect(lambda _row: self._show_plan())
        self.plan_text = QLabel(self)
        self.plan_text.setObjectName("import.plan")
        self.plan_text.setWordWrap(True)
        self.when = WhenField(self._clock, self._my_zone, None, self)
        self.when.edit.setObjectName("import.when")
        self.when.setVisible(False)
        self.when.changed.connect(self._show_plan)
        self.confirm = QCheckBox("Yes, mark this interview as cancelled", self)
        self.confirm.setObjectName("import.confirm_cancel")
        self.confirm.setVisible(False)
        self.confirm.toggled.connect(lambda _on: self._update_button())
        layout = QVBoxLayout(self)
        for widget in (
            self.status,
            self.busy,
            self.events,
            self.plan_text,
            self.when,
            self.confirm,
        ):
            layout.addWidget(widget)
        layout.addLayout(self._buttons())

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        choose = QPushButton("&Choose a file…", self)
        choose.setObjectName("import.choose")
        choose.setAutoDefault(False)
        choose.clicked.connect(self._choose_file)
        self.go = QPushButton("&Import", self)
        self.go.setObjectName("import.go")
        self.go.setDefault(True)
        self.go.setEnabled(False)
        self.go.clicked.connect(self.import_selected)
        close = QPushButton("Close", self)
        close.setObjectName("import.close")
        close.clicked.connect(self.close)
        row.addWidget(choose)
        row.addStretch(1)
        row.addWidget(self.go)
        row.addWidget(close)
        return row

    # -- reading ------------------------------------------------------------------------------

    def _choose_file(self) -> None:
        path = self._choose()
        if path:
            self.select(path=path)

    def select(self, path: str = "", **_: Any) -> None:
        """Read ``path`` on a worker thread (the app calls this for drops and "open with")."""
        if not path:
            return
        self.status.setText(f"Reading {path}…")
        self.busy.setVisible(True)
        self.events.clear()
        self.go.setEnabled(False)
        worker = threading.Thread(target=self._work, args=(path,), daemon=True, name="ics-read")
        worker.start()

    def _work(self, path: str) -> None:
        invitation, problem = self._read(path)
        self._relay.done.emit(invitation, problem)

    def _show_result(self, invitation: Any, problem: str) -> None:
        self.busy.setVisible(False)
        self._invitation = invitation
        self._events = list(invitation.events) if invitation is not None else []
        if invitation is None:
            self.status.setText(problem)  # one clear sentence; nothing was imported
        else:
            many = len(self._events) > 1
            notes = " ".join(invitation.warnings)
            self.status.setText(("Choose the event to import. " if many else "") + notes)
            for event in self._events:
                self.events.addItem(self._describe(event))
            self.events.setCurrentRow(0)
        self.parsed.emit()

    def _describe(self, event: Any) -> str:
        if event.start is None:
            return f"{event.title}: needs a time ({event.needs_time})"
        local = event.start.astimezone(ZoneInfo(event.zone))
        when = both_zones(event.start, event.zone, self._my_zone)
        return f"{event.title}: {day_text(local)}, {when}"

    # -- planning and importing -----------------------------------------------------------------

    def chosen(self) -> Any | None:
        row = self.events.currentRow()
        if not 0 <= row < len(self._events):
            return None
        event = self._events[row]
        if event.start is None:
            parsed = self.when.parsed()
            return event.with_start(parsed.local, parsed.zone) if parsed else None
        return event

    def _show_plan(self) -> None:
        row = self.events.currentRow()
        needs_time = 0 <= row < len(self._events) and self._events[row].start is None
        self.when.setVisible(needs_time)
        event = self.chosen()
        if event is None:
            self.plan_text.setText("Type the time it takes place." if needs_time else "")
            self.confirm.setVisible(False)
            self._update_button()
            return
        result = self._plan(event)
        warnings = " ".join(event.warnings)
        self.plan_text.setText(f"{result.message} {warnings}".strip())
        self.confirm.setVisible(result.outcome.value == "confirm-cancel")
        self.confirm.setChecked(False)
        self._update_button()

    def _update_button(self) -> None:
        event = self.chosen()
        if event is None:
            self.go.setEnabled(False)
            return
        outcome = self._plan(event).outcome.value
        confirmed = outcome != "confirm-cancel" or self.confirm.isChecked()
        self.go.setEnabled(outcome in ("added", "updated", "confirm-cancel") and confirmed)

    def import_selected(self) -> None:
        event = self.chosen()
        if event is None or self._invitation is None:
            return
        result = self._apply(event, self._invitation.source, self.confirm.isChecked())
        self.plan_text.setText(result.message)
        self.go.setEnabled(False)
        if result.outcome.changes:
            self.imported.emit(result)
