"""Importing an invitation (.ics): read off the GUI thread, choose the event, confirm.

The dialog reads and imports through :class:`~crickets.application.invitations.Invitations`,
as ``crickets import`` does: the file becomes an invitation or one sentence saying why not,
on a worker thread (:mod:`~crickets.ui.invitations.file_reader`); ``plan`` says what
importing an event would do, ``apply`` does it. Several events: the person picks one. No
usable time: the person types it. A cancellation: the person confirms it first.
"""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crickets.application.invitations import ImportCandidate, Invitation, Invitations, Outcome
from crickets.domain.errors import StoreError
from crickets.domain.timefmt import both_zones, day_text
from crickets.ui.clock_format import locale_uses_24h, uses_24h
from crickets.ui.interviews.when_field import WhenField
from crickets.ui.invitations.file_reader import InvitationFileReader
from crickets.ui.outlets import OpenPathChooser, open_path_chooser

_IMPORTABLE = (Outcome.ADDED, Outcome.UPDATED, Outcome.CONFIRM_CANCEL)


class ImportDialog(QDialog):
    parsed = Signal()  # the file was read (or refused); the dialog shows the outcome
    imported = Signal(object)  # the ApplyResult of a change that was made

    def __init__(
        self,
        invitations: Invitations,
        *,
        choose_file: OpenPathChooser | None = None,  # None: the Open dialog
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._invitations = invitations
        self._choose = choose_file or open_path_chooser(
            "Import an invitation", "Calendar (*.ics *.ical)", parent=self
        )
        book = invitations.book
        self._clock, self._my_zone = book.clock, _my_zone(invitations)
        self._clock_24h = _clock_24h(invitations)
        self._invitation: Invitation | None = None
        self._events: list[ImportCandidate] = []
        self._reader = InvitationFileReader(self)
        self._reader.file_read.connect(self._show_result)
        self.setObjectName("import")
        self.setWindowTitle("Import an invitation")
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
        self.events.setWordWrap(True)  # a long title and both zones: two lines, not cut off
        self.events.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.events.setResizeMode(QListView.ResizeMode.Adjust)
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
        if path is not None:
            self.receive_file(path)

    def receive_file(self, path: Path) -> None:
        """Read ``path`` on a worker thread (a drop, "open with", a second launch, or the
        Choose button)."""
        try:
            parse = self._invitations.reader()  # on this thread: it reads the store
        except StoreError as error:
            self.status.setText(f"Could not read your settings to import {path}: {error}")
            return
        self.status.setText(f"Reading {path}…")
        self.busy.setVisible(True)
        self.events.clear()
        self.go.setEnabled(False)
        self._reader.start(path, parse)

    def _show_result(self, invitation: Invitation | None, problem: str) -> None:
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

    def _describe(self, event: ImportCandidate) -> str:
        if event.start is None:
            return f"{event.title}: needs a time ({event.needs_time})"
        zone = event.zone or "UTC"  # a time always comes with its zone; UTC is the instant's
        local = event.start.astimezone(ZoneInfo(zone))
        when = both_zones(event.start, zone, self._my_zone, clock_24h=self._clock_24h)
        return f"{event.title}: {day_text(local)}, {when}"

    # -- planning and importing -----------------------------------------------------------------

    def chosen(self) -> ImportCandidate | None:
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
        result = self._invitations.plan(event)
        warnings = " ".join(event.warnings)
        self.plan_text.setText(f"{result.message} {warnings}".strip())
        self.confirm.setVisible(result.outcome is Outcome.CONFIRM_CANCEL)
        self.confirm.setChecked(False)
        self._update_button()

    def _update_button(self) -> None:
        event = self.chosen()
        if event is None:
            self.go.setEnabled(False)
            return
        outcome = self._invitations.plan(event).outcome
        confirmed = outcome is not Outcome.CONFIRM_CANCEL or self.confirm.isChecked()
        self.go.setEnabled(outcome in _IMPORTABLE and confirmed)

    def import_selected(self) -> None:
        event = self.chosen()
        if event is None or self._invitation is None:
            return
        try:
            result = self._invitations.apply(
                event, self._invitation.source, confirm_cancel=self.confirm.isChecked()
            )
        except StoreError as error:
            self.plan_text.setText(f"Not imported: {error}")
            return
        self.plan_text.setText(result.message)
        self.go.setEnabled(False)
        if result.outcome.changes:
            self.imported.emit(result)


def _clock_24h(invitations: Invitations) -> bool:
    """The person's clock; the desktop's when the settings are unreadable."""
    try:
        return uses_24h(invitations.book.load_settings())
    except StoreError:
        return locale_uses_24h()


def _my_zone(invitations: Invitations) -> str:
    """The person's zone, for showing times; the machine's when the settings are unreadable."""
    try:
        return invitations.book.my_zone()
    except StoreError:
        return invitations.book.system_zone()
