"""The "All interviews" window: every interview, soonest first; edit, delete, mark outcome.

Delete is undoable: the row leaves the view at once and an inline bar offers Undo. The
store is only touched when the bar goes away (Dismiss, its time runs out, another delete,
or the window closes), so Undo never has to put anything back, and closing never loses
a decision. Edit is a request (:attr:`InterviewsWindow.edit_requested`): the app opens the
editor, so one interview is never open in two editors. An outcome is recorded through the
:class:`~crickets.application.logbook.Logbook`, as a reminder's button records it (status,
a line in the log, no more reminders).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QMenu, QVBoxLayout, QWidget

from crickets.application.errors import Refused
from crickets.application.interviews import InterviewBook
from crickets.application.logbook import Logbook
from crickets.domain.errors import StoreError
from crickets.domain.interview import Interview, Status
from crickets.ui.clock_format import uses_24h
from crickets.ui.fitting import fit_to_screen
from crickets.ui.interviews.fields import error_label, named_button, show_error
from crickets.ui.interviews.rows import OUTCOMES, STATUSES, cells, ordered
from crickets.ui.interviews.table import InterviewTable
from crickets.ui.interviews.undo_bar import UndoBar


class InterviewsWindow(QWidget):
    edit_requested = Signal(int)  # the interview's id
    add_requested = Signal()
    interviews_changed = Signal()  # something was written to the store

    def __init__(
        self, book: InterviewBook, logbook: Logbook, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._book, self._logbook = book, logbook
        self._pending: Interview | None = None  # deleted in the view, not yet in the store
        self.setObjectName("list")
        self.setWindowTitle("All interviews")
        self.table = InterviewTable()
        self.bar = UndoBar()
        self.message = error_label("list.message", "Message")
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.bar)
        layout.addWidget(self.message)
        layout.addLayout(self._buttons())
        self._connect()
        self.refresh()
        self._fit()

    def _fit(self) -> None:
        """Wide enough for every column, tall enough for a handful of rows."""
        hint = self.sizeHint()
        rows = 8 * 2 * self.table.fontMetrics().height()  # two lines a row when wrapped
        margins = hint.width() - self.table.sizeHint().width()
        wanted = QSize(self.table.natural_width() + margins, hint.height() + rows)
        fit_to_screen(self, wanted.expandedTo(hint))

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.add_button = named_button("Add…", "list.add", "Add an interview")
        self.edit_button = named_button("Edit…", "list.edit", "Edit the selected interview")
        self.delete_button = named_button("Delete", "list.delete", "Delete the selected interview")
        self.outcome_button = named_button("Mark outcome", "list.outcome", "Mark how it went")
        menu = QMenu(self.outcome_button)
        menu.setObjectName("list.outcome_menu")
        for status in OUTCOMES:
            action = menu.addAction(STATUSES[status])
            action.setObjectName(f"list.outcome.{status.value}")
            action.triggered.connect(lambda _=False, s=status: self.mark_outcome(s))
        self.outcome_button.setMenu(menu)
        close = named_button("Close", "list.close", "Close the window")
        close.clicked.connect(self.close)
        for button in (self.add_button, self.edit_button, self.delete_button):
            row.addWidget(button)
        row.addWidget(self.outcome_button)
        row.addStretch(1)
        row.addWidget(close)
        return row

    def _connect(self) -> None:
        self.add_button.clicked.connect(self.add_requested)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.table.doubleClicked.connect(self.edit_selected)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.bar.undo_requested.connect(self.undo_delete)
        self.bar.dismissed.connect(self.commit_pending_delete)
        on_table = Qt.ShortcutContext.WidgetShortcut
        for keys, slot in (("Return", self.edit_selected), ("Enter", self.edit_selected)):
            QShortcut(QKeySequence(keys), self.table, slot, on_table)
        QShortcut(QKeySequence.StandardKey.Delete, self.table, self.delete_selected, on_table)
        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo_delete)
        QShortcut(QKeySequence("Esc"), self, self.close)

    # -- what the app calls -------------------------------------------------------------

    def refresh(self) -> None:
        """Read the store again (the app calls this when data changed elsewhere)."""
        try:
            found = self._book.all()
            settings = self._book.load_settings()
        except StoreError as error:
            self._say(f"Could not read the interviews: {error}")
            return
        pending = self._pending.id if self._pending else None
        now, my_zone, clock = self._book.now(), self._book.my_zone(settings), uses_24h(settings)
        shown = ordered([i for i in found if i.id != pending], settings, now)
        self.table.show_rows(
            [(i.id, cells(i, settings, my_zone, now, clock)) for i in shown if i.id is not None]
        )
        self._update_buttons()

    def select(self, interview_id: int) -> bool:
        return self.table.select_id(interview_id)

    def selected_id(self) -> int | None:
        return self.table.selected_id()

    def edit_selected(self) -> None:
        chosen = self.selected_id()
        if chosen is not None:
            self.edit_requested.emit(chosen)

    def delete_selected(self) -> None:
        chosen = self._fresh(self.selected_id())
        if chosen is None:
            return
        self.commit_pending_delete()  # one undo at a time: the earlier delete becomes real
        self._pending = chosen
        self._say("")
        self.bar.offer(f"Deleted '{chosen.title}'.")
        self.refresh()
        self.table.setFocus()

    def undo_delete(self) -> None:
        pending, self._pending = self._pending, None
        self.bar.close_bar()
        if pending is not None and pending.id is not None:
            self.refresh()
            self.select(pending.id)
            self._say(f"'{pending.title}' is back.")

    def commit_pending_delete(self) -> None:
        """Make a pending delete real; call before quitting if the window may be open."""
        pending, self._pending = self._pending, None
        self.bar.close_bar()
        if pending is None or pending.id is None:
            return
        try:
            self._book.delete(pending.id)
        except StoreError as error:
            self._say(f"Could not delete '{pending.title}', so it is still here: {error}")
            self.refresh()
            return
        except Refused:  # deleted elsewhere meanwhile: gone either way
            pass
        self.interviews_changed.emit()

    def mark_outcome(self, status: Status) -> None:
        chosen = self._fresh(self.selected_id())
        if chosen is None or chosen.id is None:
            return
        try:
            self._logbook.set_outcome(chosen.id, status)
        except StoreError as error:
            self._say(f"Could not record the outcome: {error}")
            return
        except Refused:
            self._say("Could not record the outcome: it was deleted elsewhere.")
            return
        self.refresh()
        self._say(f"'{chosen.title}' marked as {STATUSES[status].lower()}.")
        self.interviews_changed.emit()

    # -- inside ---------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self.commit_pending_delete()
        super().closeEvent(event)

    def _fresh(self, interview_id: int | None) -> Interview | None:
        """The interview as stored now, so an edit made elsewhere is not overwritten."""
        if interview_id is None:
            return None
        found = self._book.get(interview_id)
        if found is None:
            self._say("That interview is no longer in Crickets.")
            self.refresh()
        return found

    def _update_buttons(self) -> None:
        chosen = self.selected_id() is not None
        for button in (self.edit_button, self.delete_button, self.outcome_button):
            button.setEnabled(chosen)

    def _say(self, text: str) -> None:
        show_error(self.message, self.table, text)
