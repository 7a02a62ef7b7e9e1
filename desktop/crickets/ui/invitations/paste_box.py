"""Paste the invitation email into the add window; Crickets fills in what it understood
and says so, line by line, for the person to check before saving."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from crickets.domain.errors import StoreError
from crickets.ui.interviews.form import FormFill

if TYPE_CHECKING:
    from crickets.application.invitations import PastedInvite


def fill_from(pasted: PastedInvite) -> FormFill:
    """What the form takes from a pasted invitation (what was not found stays empty)."""
    start = pasted.start
    return FormFill(
        company=pasted.company,
        role=pasted.role,
        interviewer_name=pasted.interviewer_name,
        interviewer_email=pasted.interviewer_email,
        interviewer_phone=pasted.phone,
        meeting_link=pasted.meeting_link,
        when_text=start.local.isoformat(sep=" ", timespec="minutes") if start else "",
        zone=start.zone if start else "",
        duration=pasted.duration,
        direction=pasted.direction,
    )


class PasteInviteBox(QWidget):
    fields_understood = Signal(object)  # the FormFill read from the text

    def __init__(
        self, understand: Callable[[str], PastedInvite], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._understand = understand
        self.setObjectName("paste")
        self.text = QPlainTextEdit(self)
        self.text.setTabChangesFocus(True)  # Tab moves on, as in every other text box
        self.text.setObjectName("paste.text")
        self.text.setAccessibleName("Pasted invitation text")
        self.text.setPlaceholderText(
            "Paste the invitation email here: the date and time, the phone number, the link…"
        )
        self.text.setMaximumHeight(110)
        read = QPushButton("&Read it", self)
        read.setObjectName("paste.read")
        read.setAutoDefault(False)
        read.clicked.connect(self.read)
        self.echo = QLabel(self)
        self.echo.setObjectName("paste.echo")
        self.echo.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.text, read, self.echo):
            layout.addWidget(widget)

    def read(self) -> None:
        try:
            pasted = self._understand(self.text.toPlainText())
        except StoreError as error:  # the settings it reads by (your zone, date order)
            self.echo.setText(f"The text could not be read just now: {error}")
            return
        lines = [f"✓ {line}" for line in pasted.understood]
        lines += [f"! {warning}" for warning in pasted.warnings]
        if pasted.time_choices:
            lines.append("! The time could mean: " + "; ".join(c.echo for c in pasted.time_choices))
        self.echo.setText("\n".join(lines) or "Nothing recognisable was found in that text.")
        fill = fill_from(pasted)
        if fill != FormFill():
            self.fields_understood.emit(fill)
