"""The "Add interview" / "Edit interview" window.

Save stays disabled until every field is acceptable and the time names one instant. A store
that cannot save says why inside the window, and the form keeps everything typed.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crickets.domain.clock import Clock
from crickets.domain.interview import Interview
from crickets.domain.ports import InterviewStore
from crickets.storage.errors import StorageError
from crickets.ui.interviews.fields import error_label, grow_to_fit, named_button, show_error
from crickets.ui.interviews.form import InterviewForm

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
        store: InterviewStore,
        clock: Clock,
        my_zone: str,
        interview: Interview | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store, self._original = store, interview
        self.setObjectName("editor")
        self.setWindowTitle(f"Edit {interview.title}" if interview else "Add interview")
        layout = QVBoxLayout(self)
        self.paste_area = self._paste_group(layout)
        self.form = InterviewForm(clock, my_zone, _day_first(store))
        layout.addWidget(self.form)
        self.message = error_label("editor.message", "Why the interview was not saved")
        layout.addWidget(self.message)
        layout.addLayout(self._buttons())
        if interview is not None:
            self.form.load(interview)
        self.form.changed.connect(self._update_save)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save)
        self._update_save()
        self.form.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        grow_to_fit(self, MIN_WIDTH)

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

    def apply_fields(self, fields: dict[str, str]) -> None:
        """Fill the form from Interview field names plus "when_text" (paste and import)."""
        self.form.apply_fields(fields)

    def save(self) -> bool:
        """Store the interview, tell the app, and close; False when nothing was saved."""
        changes = self.form.changes()
        if changes is None:
            self._say("Fix the fields marked above first.")
            return False
        try:
            saved = self._write(changes)
        except StorageError as error:
            self._say(f"Not saved: {error}")
            return False
        except KeyError:
            self._say(GONE)
            return False
        self.interview_saved.emit(saved)
        self.accept()
        return True

    def _write(self, changes: dict[str, Any]) -> Interview:
        if self._original is None:
            return self._store.add(Interview(**changes))
        current = self._store.get(self._original.id or 0)  # as stored now: "They called" while
        if current is None:  # the form was open must not be undone by saving it
            raise KeyError(self._original.id)
        updated = replace(current, **changes)
        self._store.update(updated)
        return updated

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
        if self.isVisible():
            grow_to_fit(self)


def _day_first(store: InterviewStore) -> bool | None:
    """The person's day/month order; None (ask) when the settings cannot be read."""
    try:
        return store.load_settings().day_first
    except StorageError:
        return None
