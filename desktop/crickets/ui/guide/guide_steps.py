"""One step of a guided flow as a widget: its words, its checkbox and its action, inline.

The step never writes anything itself: it emits what the person did (``logged``) or asked
for (``requested``, a typed :class:`~crickets.ui.guide.step_actions.StepRequest`), and the
window records it in the action log or carries it out, then tells the step how it went
(:meth:`StepWidget.show_result`): a dialler or browser that did not open is said in one
sentence, with the number or link to use by hand.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crickets.domain.actions import ActionKind
from crickets.domain.drafts import DraftKind
from crickets.domain.guides import StepView
from crickets.ui.guide.step_actions import (
    StepAction,
    StepActionKind,
    StepRequest,
    StepRequestKind,
)

CALL_RESULTS = (
    ("no answer", "No answer"),
    ("wrong number", "Wrong number"),
    ("reached", "Reached them"),
)
WRONG_NUMBER = (
    "Not ticked: check the number against the invitation or their email signature, "
    "then call again or send the email."
)


def _label(text: str, name: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse
        | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    return label


_OPEN, _COPY = StepRequestKind.OPEN_LINK, StepRequestKind.COPY
#: A draft button's words when "Open the email…" would not say which (each key used once).
_DRAFT_BUTTONS = {DraftKind.RESCHEDULE: "&Write the email with three new times…"}


class StepWidget(QFrame):
    checked = Signal(str, bool)  # step id, ticked
    logged = Signal(object, str)  # ActionKind, detail
    requested = Signal(object)  # a StepRequest

    def __init__(
        self,
        view: StepView,
        action: StepAction,  # the step's action, parsed once by the window
        script: str,  # the spoken script, for a step that shows one
        number: str,  # the interviewer's phone number, for a call step
        link: str = "",  # the meeting link, for a step that opens it
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.step_id = view.step.id
        self._prefix = f"guide.step.{view.step.id}"
        self.setObjectName(self._prefix)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        self.box = QCheckBox(view.step.title, self)
        self.box.setObjectName(f"{self._prefix}.done")
        self.box.setAccessibleName(f"Done: {view.step.title}")
        self.box.setStyleSheet("font-weight: 600;")
        self.box.toggled.connect(lambda on: self.checked.emit(self.step_id, on))
        self.when = _label("", f"{self._prefix}.when", self)
        layout.addWidget(self.box)
        layout.addWidget(self.when)
        if view.step.text:
            layout.addWidget(_label(view.step.text, f"{self._prefix}.text", self))
        for index, item in enumerate(view.step.items):
            layout.addWidget(_label(f"•  {item}", f"{self._prefix}.item.{index}", self))
        if view.step.details:
            self._details(layout, view)
        self._action(layout, action, script, number, link)
        self.result = _label("", f"{self._prefix}.result", self)
        self.result.setAccessibleDescription("How it went")
        self.by_hand = _label("", f"{self._prefix}.by_hand", self)
        self.by_hand.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.by_hand.setAccessibleDescription("To use by hand")
        for label in (self.result, self.by_hand):
            label.setVisible(False)
            layout.addWidget(label)
        self.update_view(view, "")

    def show_result(self, text: str, by_hand: str = "") -> None:
        """How the step's action went, in one sentence, and what to dial or open by hand."""
        self.result.setText(text)
        self.result.setVisible(bool(text))
        self.by_hand.setText(by_hand)
        self.by_hand.setVisible(bool(by_hand))

    def update_view(self, view: StepView, relevant_text: str) -> None:
        self.box.blockSignals(True)
        self.box.setChecked(view.done)
        self.box.blockSignals(False)
        self.when.setText("" if view.unlocked else f"For later: {relevant_text}")
        self.when.setVisible(not view.unlocked)
        self.setProperty("unlocked", view.unlocked)

    def _details(self, layout: QVBoxLayout, view: StepView) -> None:
        toggle = QToolButton(self)
        toggle.setObjectName(f"{self._prefix}.details")
        toggle.setText(view.step.details_title or "More")
        toggle.setCheckable(True)
        toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toggle.setArrowType(Qt.ArrowType.RightArrow)
        body = _label(
            "\n".join(f"•  {d}" for d in view.step.details), f"{self._prefix}.details_text", self
        )
        body.setVisible(False)

        def flip(on: bool) -> None:
            body.setVisible(on)
            toggle.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)

        toggle.toggled.connect(flip)
        layout.addWidget(toggle)
        layout.addWidget(body)

    def _button(
        self, row: QHBoxLayout, name: str, text: str, slot: Callable[[], None]
    ) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(f"{self._prefix}.{name}")
        button.setAccessibleName(text.replace("&", ""))
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        row.addWidget(button)
        return button

    def _ask(self, kind: StepRequestKind, text: str = "") -> Callable[[], None]:
        return lambda: self.requested.emit(StepRequest(kind, text))

    def _action(
        self, layout: QVBoxLayout, action: StepAction, script: str, number: str, link: str
    ) -> None:
        row = QHBoxLayout()
        match action.kind:
            case StepActionKind.CALL:
                self._call_buttons(row, number)
            case StepActionKind.OPEN_LINK if link:
                self._button(row, "open_link", "&Open the link", self._ask(_OPEN, link))
                self._button(row, "copy_link", "Copy the lin&k", self._ask(_COPY, link))
            case StepActionKind.VOICEMAIL | StepActionKind.CALLBACK_SCRIPT:
                self._script(layout, row, script, action.kind is StepActionKind.VOICEMAIL)
            case StepActionKind.DRAFT if action.draft is not None:
                draft = StepRequest(StepRequestKind.DRAFT, draft=action.draft)
                label = _DRAFT_BUTTONS.get(action.draft, "Open the &email…")
                self._button(row, "draft", label, lambda: self.requested.emit(draft))
            case StepActionKind.RESCHEDULE:
                self._button(
                    row, "reschedule", "Reschedule…", self._ask(StepRequestKind.RESCHEDULE)
                )
            case StepActionKind.NOTE:
                note = QLineEdit(self)
                note.setObjectName(f"{self._prefix}.note")
                note.setAccessibleName("What you will change next time")
                row.addWidget(note, 1)
                self._button(row, "save_note", "Save", lambda: self._save_note(note))
        row.addStretch(1)
        layout.addLayout(row)

    def _call_buttons(self, row: QHBoxLayout, number: str) -> None:
        self._button(row, "copy_number", "Copy number", self._ask(StepRequestKind.COPY, number))
        self._button(row, "dial", "Dial", self._ask(StepRequestKind.DIAL, number))
        for detail, text in CALL_RESULTS:
            self._button(row, f"result.{detail.replace(' ', '_')}", text, self._result(detail))

    def _script(self, layout: QVBoxLayout, row: QHBoxLayout, script: str, voicemail: bool) -> None:
        view = QPlainTextEdit(script, self)
        view.setObjectName(f"{self._prefix}.script")
        view.setReadOnly(True)
        view.setAccessibleName("Script to read")
        view.setMaximumHeight(120)
        layout.addWidget(view)
        self._button(row, "copy_script", "Copy script", self._ask(StepRequestKind.COPY, script))
        if voicemail:
            self._button(
                row,
                "left",
                "I left a voicemail",
                lambda: self.logged.emit(ActionKind.VOICEMAIL_LEFT, ""),
            )

    def _result(self, detail: str) -> Callable[[], None]:
        return lambda: self._call_result(detail)

    def _call_result(self, detail: str) -> None:
        self.logged.emit(ActionKind.CALLED, detail)
        if detail == "wrong number":
            self.show_result(WRONG_NUMBER)
        if detail == "reached":
            self.requested.emit(StepRequest(StepRequestKind.REACHED))

    def _save_note(self, field: QLineEdit) -> None:
        text = " ".join(field.text().split())
        if text:
            self.logged.emit(ActionKind.NOTE, text[:200])
            field.clear()
