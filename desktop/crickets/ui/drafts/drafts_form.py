"""The controls of the Drafts window, laid out and named; no behaviour of their own.

Object names (for tests and accessibility tools): ``drafts.kind``, ``drafts.recipient``,
``drafts.subject``, ``drafts.body``, ``drafts.notes``, ``drafts.status`` and the buttons
``drafts.copy``, ``drafts.copy_subject``, ``drafts.copy_body``, ``drafts.open_mail``,
``drafts.save_eml``, ``drafts.reset``.
"""

from __future__ import annotations

import enum
import html
from collections.abc import Sequence
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crickets.domain.draft_context import Gap
from crickets.domain.drafts import DraftKind

W = TypeVar("W", bound=QWidget)


class FixIn(enum.Enum):
    """Where a note's fix is made: the interview's editor, the person's settings and
    profile, or their own wording for the message."""

    INTERVIEW = "interview"
    SETTINGS = "settings"
    TEMPLATES = "templates"


_OWN_WORDING = "own-wording"  # the link target of the "set aside" note (no Gap field)


def fix_for(link: str) -> FixIn:
    """Where the note whose link is ``link`` (a Gap's field, "profile.name") is fixed."""
    if link == _OWN_WORDING:
        return FixIn.TEMPLATES
    if link.startswith(("profile.", "settings.")):
        return FixIn.SETTINGS
    return FixIn.INTERVIEW


#: (name, button text with its Alt mnemonic, accessible name, extra shortcut)
BUTTONS = (
    ("copy", "&Copy", "Copy subject and text", "Ctrl+Shift+C"),
    ("copy_subject", "Copy s&ubject", "Copy the subject", ""),
    ("copy_body", "Copy &body", "Copy the text", ""),
    ("open_mail", "&Open in mail app", "Open in the mail app", "Ctrl+M"),
    ("save_eml", "Sa&ve as .eml…", "Save as an email draft file", "Ctrl+S"),
    ("reset", "&Reset", "Put the text back as drafted", ""),
)


def named(widget: W, object_name: str, accessible: str) -> W:
    widget.setObjectName(object_name)
    widget.setAccessibleName(accessible)
    return widget


def described(label: QLabel, object_name: str, description: str) -> QLabel:
    """A label whose text changes: a screen reader reads the text itself as its name (an
    accessible name would hide it), with ``description`` saying what it is."""
    label.setObjectName(object_name)
    label.setAccessibleDescription(description)
    return label


def _buddy(text: str, widget: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget)
    return label


class DraftsForm(QWidget):
    fix_requested = Signal(object)  # a FixIn: a note's link was followed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.kind_box = named(QComboBox(), "drafts.kind", "Which message")
        for kind in DraftKind:
            self.kind_box.addItem(kind.label, kind)
        self.recipient = described(QLabel(), "drafts.recipient", "Recipient")
        self.recipient.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.recipient.setTextFormat(Qt.TextFormat.PlainText)  # a name is never markup
        self.subject = named(QLineEdit(), "drafts.subject", "Subject")
        self.body = named(QPlainTextEdit(), "drafts.body", "Message text")
        self.body.setTabChangesFocus(True)  # Tab moves on to the buttons, as everywhere else
        self.subject_label = _buddy("&Subject:", self.subject)
        self.recipient_label = QLabel("To:")
        form = QFormLayout()
        form.addRow(_buddy("&Message:", self.kind_box), self.kind_box)
        form.addRow(self.recipient_label, self.recipient)
        form.addRow(self.subject_label, self.subject)
        form.addRow(_buddy("&Text:", self.body), self.body)
        layout.addLayout(form)
        self.notes = described(QLabel(), "drafts.notes", "What this message is missing")
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.RichText)  # each fix is a link; text escaped
        self.notes.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.notes.linkActivated.connect(lambda link: self.fix_requested.emit(fix_for(link)))
        self.status = described(QLabel(), "drafts.status", "What just happened")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for name, text, accessible, keys in BUTTONS:
            button = named(QPushButton(text), f"drafts.{name}", accessible)
            button.setAutoDefault(False)
            if keys:
                button.setToolTip(f"{accessible} ({keys})")
                button.setAccessibleDescription(f"Shortcut: {keys}")
            self.buttons[name] = button
            row.addWidget(button)
        layout.addWidget(self.notes)
        layout.addLayout(row)
        layout.addWidget(self.status)

    @property
    def kind(self) -> DraftKind:
        kind: DraftKind = self.kind_box.currentData()
        return kind

    def show_text(self, subject: str, body: str) -> None:
        """Fill subject and body without it counting as the person's edit (text already
        there is left alone, so a redraft does not move the cursor)."""
        for editor in (self.subject, self.body):
            editor.blockSignals(True)
        if self.subject.text() != subject:
            self.subject.setText(subject)
        if self.body.toPlainText() != body:
            self.body.setPlainText(body)
        for editor in (self.subject, self.body):
            editor.blockSignals(False)

    def show_spoken(self, spoken: bool, usable: bool) -> None:
        """A spoken script has no subject, no recipient and no mail outputs."""
        for widget in (self.subject, self.subject_label, self.recipient, self.recipient_label):
            widget.setVisible(not spoken)
        for name in ("copy_subject", "open_mail", "save_eml"):
            self.buttons[name].setEnabled(usable and not spoken)

    def show_notes(self, gaps: Sequence[Gap], template_note: str) -> None:
        """The set-aside wording first (it changes the whole text), then one line per
        missing value; each fix is a link whose target says where it is made."""
        lines = [_line(template_note, _OWN_WORDING, "change it?")] if template_note else []
        lines += [_line(gap.problem, gap.field, gap.fix) for gap in gaps]
        self.notes.setText("<br>".join(lines))
        self.notes.setVisible(bool(lines))


def _line(problem: str, link: str, fix: str) -> str:
    return f'{html.escape(problem)} — <a href="{html.escape(link)}">{html.escape(fix)}</a>'
