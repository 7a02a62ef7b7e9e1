"""The "Add interview" / "Edit interview" window.

Save stays disabled until every field is acceptable and the time names one instant. A store
that cannot save says why inside the window, and the form keeps everything typed. Saving
goes through :meth:`~crickets.application.interviews.InterviewBook.save_fields`, as
``crickets add`` and ``crickets edit`` do.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crickets.application.errors import Refused
from crickets.application.interviews import InterviewBook
from crickets.domain.errors import StoreError
from crickets.domain.interview import Interview
from crickets.domain.settings import Settings
from crickets.ui.clock_format import uses_24h
from crickets.ui.fitting import fit_to_screen, scrolling, wanted_size
from crickets.ui.interviews.fields import error_label, named_button, show_error
from crickets.ui.interviews.form import FormFill, InterviewForm
from crickets.ui.invitations.paste_box import PasteInviteBox

if TYPE_CHECKING:
    from crickets.application.invitations import PastedInvite

MIN_WIDTH = 640  # room for the echo-back on one line

GONE = (
    "This interview is no longer in Crickets (it was deleted elsewhere), so it cannot be "
    "updated. Everything you typed is still here."
)


class InterviewEditor(QDialog):
    """Add a new interview (``interview=None``) or edit a stored one; not modal."""

    interview_saved = Signal(object)  # the Interview as stored, with its id

    def __init__(
        self,
        book: InterviewBook,
        interview: Interview | None = None,
        understand: Callable[[str], PastedInvite] | None = None,  # reads a pasted invitation
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._book, self._original = book, interview
        self.setObjectName("editor")
        self.setWindowTitle(f"Edit {interview.title}" if interview else "Add interview")
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        self.paste_area = self._paste_group(column)
        settings = _settings(book) or Settings()
        self.form = InterviewForm(
            book.clock, book.my_zone(settings), settings.day_first, clock_24h=uses_24h(settings)
        )
        column.addWidget(self.form)
        column.addStretch(1)
        layout = QVBoxLayout(self)
        self.fields_area = scrolling(content, "editor.scroll")  # Save stays on screen below it
        layout.addWidget(self.fields_area, 1)
        self.message = error_label("editor.message", "Why the interview was not saved")
        layout.addWidget(self.message)
        layout.addLayout(self._buttons())
        if interview is not None:
            self.form.load(interview)
        self.form.changed.connect(self._update_save)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save)
        if understand is not None:
            self._add_paste_box(understand)
        self._update_save()
        self.form.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        fit_to_screen(self, wanted_size(self, self.fields_area, MIN_WIDTH), grow_only=True)

    def _paste_group(self, layout: QVBoxLayout) -> QWidget:
        """A collapsed "Paste invitation text" area; the invitation reader goes inside."""
        toggle = QToolButton()
        toggle.setObjectName("editor.paste_toggle")
        toggle.setText("Paste invitation text")
        toggle.setAccessibleName("Show the area to paste an invitation")
        toggle.setCheckable(True)
        toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toggle.setArrowType(Qt.ArrowType.RightArrow)
        area = QWidget()
        area.setObjectName("editor.paste_area")
        QVBoxLayout(area).setContentsMargins(0, 0, 0, 0)
        area.setVisible(False)
        toggle.toggled.connect(area.setVisible)
        toggle.toggled.connect(self._grow)
        toggle.toggled.connect(
            lambda shown: toggle.setArrowType(
                Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
            )
        )
        layout.addWidget(toggle)
        layout.addWidget(area)
        return area

    def _add_paste_box(self, understand: Callable[[str], PastedInvite]) -> None:
        box = PasteInviteBox(understand, self.paste_area)
        box.fields_understood.connect(self.apply_fields)
        layout = self.paste_area.layout()
        if layout is not None:
            layout.addWidget(box)

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addStretch(1)
        cancel = named_button("Cancel", "editor.cancel", "Cancel")
        cancel.clicked.connect(self.reject)
        self.save_button = named_button("Save", "editor.save", "Save the interview")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        row.addWidget(cancel)
        row.addWidget(self.save_button)
        return row

    def apply_fields(self, fill: FormFill) -> None:
        """Fill the form with what a pasted invitation gave."""
        self.form.apply_fields(fill)

    def save(self) -> bool:
        """Store the interview, tell the app, and close; False when nothing was saved."""
        changes = self.form.changes()
        if changes is None:
            self._say("Fix the fields marked above first.")
            return False
        try:
            saved = self._book.save_fields(self._original, changes)
        except StoreError as error:
            self._say(f"Not saved: {error}")
            return False
        except Refused:  # deleted elsewhere while the form was open
            self._say(GONE)
            return False
        self.interview_saved.emit(saved)
        self.accept()
        return True

    def _update_save(self) -> None:
        valid = self.form.changes() is not None
        self.save_button.setEnabled(valid)
        if valid:
            show_error(self.message, self.save_button, "")
        self._grow()

    def _say(self, text: str) -> None:
        show_error(self.message, self.save_button, text)
        self._grow()

    def _grow(self) -> None:
        """Room for what appeared (an echo, a question, a message), as far as the screen
        allows; beyond that the fields scroll and the buttons stay in view."""
        if self.isVisible():
            fit_to_screen(self, wanted_size(self, self.fields_area, MIN_WIDTH), grow_only=True)


def _settings(book: InterviewBook) -> Settings | None:
    """The person's settings; None (the defaults: ask about day/month order, the
    machine's zone and clock) when they cannot be read."""
    try:
        return book.load_settings()
    except StoreError:
        return None
