"""Paste the invitation email into the add window; Crickets fills in what it understood
and says so, line by line, for the person to check before saving."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget


def fields_from(pasted: Any) -> dict[str, str]:
    """The editor's field names for what a pasted invitation held (empty ones left out)."""
    fields = {
        "company": pasted.company,
        "role": pasted.role,
        "interviewer_name": pasted.interviewer_name,
        "interviewer_email": pasted.interviewer_email,
        "interviewer_phone": pasted.phone,
        "meeting_link": pasted.meeting_link,
    }
    if pasted.start is not None:
        fields["when_text"] = pasted.start.local.isoformat(sep=" ", timespec="minutes")
        fields["zone"] = pasted.start.zone
    if pasted.duration is not None:
        fields["duration"] = str(int(pasted.duration.total_seconds() // 60))
    if pasted.direction is not None:
        fields["direction"] = pasted.direction.value
    return {name: value for name, value in fields.items() if value}


class PasteInviteBox(QWidget):
    fields_understood = Signal(dict)

    def __init__(self, understand: Callable[[str], Any], parent: QWidget | None = None) -> None:
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
        pasted = self._understand(self.text.toPlainText())
        lines = [f"✓ {line}" for line in pasted.understood]
        lines += [f"! {warning}" for warning in pasted.warnings]
        if pasted.time_choices:
            lines.append("! The time could mean: " + "; ".join(c.echo for c in pasted.time_choices))
        self.echo.setText("\n".join(lines) or "Nothing recognisable was found in that text.")
        fields = fields_from(pasted)
        if fields:
            self.fields_understood.emit(fields)
