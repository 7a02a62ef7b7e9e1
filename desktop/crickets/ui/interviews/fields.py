"""Text fields that check what is typed and say what is wrong right under the field.

The message is text, never only a colour, and it is also set as the field's accessible
description so a screen reader reads it with the field. A ``quiet`` field keeps its
verdict to itself while the person is typing and says it when they leave the field (or
the window asks, on Save); a message already shown goes as soon as the text is fixed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crickets.domain.validation import FieldError

#: A domain check: ``(label, text) -> cleaned text``, raising FieldError.
Check = Callable[[str, str], str]


def error_label(object_name: str, accessible_name: str) -> QLabel:
    """An empty, hidden label for a field's problem, shown when there is one."""
    label = QLabel()
    label.setObjectName(object_name)
    label.setAccessibleName(accessible_name)
    label.setWordWrap(True)
    font = label.font()
    font.setBold(True)  # set apart from hints by weight and wording, not by colour alone
    label.setFont(font)
    label.setVisible(False)
    return label


def show_error(label: QLabel, field: QWidget, message: str) -> None:
    label.setText(message)
    label.setVisible(bool(message))
    field.setAccessibleDescription(message)


def named_button(text: str, object_name: str, accessible_name: str) -> QPushButton:
    """A button tests find by ``object_name``; Return does not press it unless made default."""
    button = QPushButton(text)
    button.setObjectName(object_name)
    button.setAccessibleName(accessible_name)
    button.setAutoDefault(False)
    return button


class CheckedField(QWidget):
    """A line (or notes) editor plus the inline message for what is wrong with it."""

    changed = Signal()

    def __init__(
        self,
        object_name: str,
        label: str,
        check: Check,
        *,
        multiline: bool = False,
        quiet: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._label, self._check, self._quiet = label, check, quiet
        self.editor: QLineEdit | QPlainTextEdit
        if multiline:
            notes = QPlainTextEdit()
            notes.setTabChangesFocus(True)  # Tab moves on, as in every other field
            notes.textChanged.connect(self._changed)
            self.editor = notes
        else:
            line = QLineEdit()
            line.textChanged.connect(self._changed)
            line.editingFinished.connect(self.reveal)
            self.editor = line
        self.editor.setObjectName(object_name)
        self.editor.setAccessibleName(label)
        self.error = error_label(f"{object_name}.error", f"Problem with {label}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.editor)
        layout.addWidget(self.error)
        self.setFocusProxy(self.editor)

    def text(self) -> str:
        if isinstance(self.editor, QPlainTextEdit):
            return self.editor.toPlainText()
        return self.editor.text()

    def set_text(self, text: str) -> None:
        if isinstance(self.editor, QPlainTextEdit):
            self.editor.setPlainText(text)
        else:
            self.editor.setText(text)

    def value(self) -> str | None:
        """The cleaned text, or None while it is not acceptable (said under the field,
        unless the field is quiet and has not been left yet)."""
        return self._verdict(say=not self._quiet or self.error.isVisible())

    def reveal(self) -> str | None:
        """:meth:`value`, saying what is wrong even in a quiet field (it was left)."""
        return self._verdict(say=True)

    def _verdict(self, *, say: bool) -> str | None:
        try:
            return self._check(self._label, self.text())
        except FieldError as error:
            if say:
                show_error(self.error, self.editor, _sentence(error.problem, self._label))
            return None

    def _changed(self) -> None:
        if self.value() is not None:
            show_error(self.error, self.editor, "")
        self.changed.emit()


def _sentence(problem: str, label: str) -> str:
    """``The company contains a line break …`` rather than a bare fragment."""
    text = f"{label[0].upper()}{label[1:]} {problem}"
    return text if text.endswith(".") else f"{text}."
