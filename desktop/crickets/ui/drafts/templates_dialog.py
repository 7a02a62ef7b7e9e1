"""Your own wording for any message: edit a template, checked before it is kept, and a
way back to Crickets' default at any time."""

from __future__ import annotations

from collections.abc import Callable

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

from crickets.domain.drafts import DraftKind

HELP = (
    "Write ${placeholders} where the details go, for example ${interviewer_first_name}, "
    "${scheduled_time_theirs} or ${company}. Emails start with a 'Subject:' line. "
    "The list of placeholders is in resources/templates/README.md."
)


class TemplatesDialog(QDialog):
    def __init__(
        self,
        load: Callable[[DraftKind], tuple[str, bool]],  # -> (text, is your own)
        save: Callable[[DraftKind, str], str | None],  # -> the problem, or None when kept
        reset: Callable[[DraftKind], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._load, self._save, self._reset = load, save, reset
        self.setObjectName("templates")
        self.setWindowTitle("Crickets — your own wording")
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
        text, own = self._load(self.current())
        self.text.setPlainText(text)
        self.status.setText("Your own wording." if own else "Crickets' wording.")

    def save(self) -> bool:
        problem = self._save(self.current(), self.text.toPlainText())
        self.status.setText(f"Not saved: {problem}" if problem else "Saved: drafts use it now.")
        return problem is None

    def reset_to_default(self) -> None:
        self._reset(self.current())
        self.show_kind()
        self.status.setText("Back to Crickets' wording.")
