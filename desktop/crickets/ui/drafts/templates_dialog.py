"""Your own wording for any message: edit a template, checked before it is kept, and a
way back to Crickets' default at any time. The wording is the one
:class:`~crickets.application.drafting.Drafting` drafts from, in the windows and in
``crickets draft`` alike."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crickets.application.drafting import Drafting
from crickets.domain.drafts import DraftKind, TemplateError
from crickets.domain.errors import StoreError

HELP = (
    "Write ${placeholders} where the details go, for example ${interviewer_first_name}, "
    "${scheduled_time_theirs} or ${company}. Emails start with a 'Subject:' line. "
    "The list of placeholders is in resources/templates/README.md."
)


class TemplatesDialog(QDialog):
    def __init__(self, drafting: Drafting, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._drafting = drafting
        self.setObjectName("templates")
        self.setWindowTitle("Your own wording")  # the desktop adds "— Crickets"
        self.kind = QComboBox(self)
        self.kind.setObjectName("templates.kind")
        self.kind.setAccessibleName("Which message")
        for kind in DraftKind:
            self.kind.addItem(kind.label, kind)
        self.text = QPlainTextEdit(self)
        self.text.setTabChangesFocus(True)  # Tab moves on, as in every other text box
        self.text.setObjectName("templates.text")
        self.text.setAccessibleName("Template text")
        self.status = QLabel(self)
        self.status.setObjectName("templates.status")
        self.status.setWordWrap(True)
        hint = QLabel(HELP, self)
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        for widget in (self.kind, self.text, self.status, hint):
            layout.addWidget(widget)
        layout.addLayout(self._buttons())
        self.kind.currentIndexChanged.connect(lambda _i: self.show_kind())
        self.resize(640, 520)
        self.show_kind()

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for name, text, slot in (
            ("save", "&Save this wording", self.save),
            ("reset", "&Reset to Crickets' wording", self.reset_to_default),
            ("close", "Close", self.close),
        ):
            button = QPushButton(text, self)
            button.setObjectName(f"templates.{name}")
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            row.addWidget(button)
        return row

    def current(self) -> DraftKind:
        kind: DraftKind = self.kind.currentData()
        return kind

    def show_kind(self) -> None:
        kind = self.current()
        try:
            chosen = self._drafting.template(kind)
        except StoreError as error:  # your own wording cannot be read: show the default
            self.text.setPlainText(self._drafting.default_template(kind))
            self.status.setText(f"Crickets' wording (yours could not be read: {error}).")
            return
        self.text.setPlainText(chosen.text)
        if chosen.problem:
            self.status.setText(f"Crickets' wording: your own was set aside ({chosen.problem}).")
        else:
            self.status.setText("Your own wording." if chosen.is_override else "Crickets' wording.")

    def save(self) -> bool:
        """Keep the text as this message's wording; False (and why) when it cannot be."""
        try:
            self._drafting.save_template(self.current(), self.text.toPlainText())
        except (TemplateError, StoreError) as problem:
            self.status.setText(f"Not saved: {problem}")
            return False
        self.status.setText("Saved: drafts use it now.")
        return True

    def reset_to_default(self) -> None:
        try:
            self._drafting.reset_template(self.current())
        except StoreError as error:
            self.status.setText(f"Not reset: {error}")
            return
        self.show_kind()
        self.status.setText("Back to Crickets' wording.")
