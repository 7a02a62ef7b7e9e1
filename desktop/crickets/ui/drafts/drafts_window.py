"""The Drafts window: pick a message, read it filled in, edit it, then one click to use it.

Keys: Ctrl+Shift+C copies everything (subject line, blank line, text), Ctrl+M opens it in
the mail app, Ctrl+S saves an ``.eml`` draft. Button mnemonics: Alt+C copy, Alt+U copy the
subject, Alt+B copy the text, Alt+O open, Alt+V save, Alt+R put the text back as drafted;
Alt+M, Alt+S, Alt+T jump to the message picker, the subject, the text. Escape closes.

The draft comes from :class:`~crickets.application.drafting.Drafting` (the same text, notes
and "your own wording was set aside" warning as ``crickets draft``); copy, open and save go
through :class:`~crickets.application.drafting.DraftOutlets`, which logs a use only when the
outlet reported success. Edits are kept per kind while the window is open.
"""

from __future__ import annotations

import enum
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from crickets.application.drafting import (
    ComposedDraft,
    Drafting,
    DraftOutlets,
    OutletResult,
    address,
)
from crickets.application.errors import Refused
from crickets.domain.drafts import Draft, DraftKind, TemplateError, plain_text
from crickets.domain.errors import StoreError
from crickets.domain.interview import Interview
from crickets.ui.drafts.drafts_form import BUTTONS, DraftsForm
from crickets.ui.outlets import SavePathChooser, save_path_chooser


class DraftUse(enum.Enum):
    """How a draft left the window (after the outlet said it worked)."""

    COPIED = "copied"
    COPIED_SUBJECT = "copied-subject"
    COPIED_BODY = "copied-body"
    OPENED = "opened"
    SAVED = "saved"


class DraftsWindow(QDialog):
    #: (DraftKind, DraftUse) after each use that worked; the use is already in the log.
    draft_used = Signal(object, object)
    #: Where the person wants to add a missing value (a :class:`~.drafts_form.FixIn`).
    edit_requested = Signal(object)

    def __init__(
        self,
        drafting: Drafting,
        outlets: DraftOutlets,
        interview: Interview,
        *,
        kind: DraftKind = DraftKind.FOLLOW_UP,
        choose_save_path: SavePathChooser | None = None,  # None: the Save dialog
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._drafting, self._outlets, self._interview = drafting, outlets, interview
        self._choose_save_path = choose_save_path or save_path_chooser(
            "Save the email draft", "Email drafts (*.eml)", in_documents=True, parent=self
        )
        self._edits: dict[DraftKind, tuple[str, str]] = {}
        self._composed: ComposedDraft | None = None
        self.setObjectName("drafts")
        self.setWindowTitle(f"Drafts — {interview.title}")
        self.setAccessibleName("Drafts")
        self.form = DraftsForm(self)
        QVBoxLayout(self).addWidget(self.form)
        self.resize(680, 600)  # a whole email, signature included, without scrolling
        self._connect()
        self.select(kind)

    def _connect(self) -> None:
        form = self.form
        form.kind_box.currentIndexChanged.connect(lambda _: self._show(form.kind))
        form.subject.textEdited.connect(self._remember_edit)
        form.body.textChanged.connect(self._remember_edit)
        form.fix_requested.connect(self.edit_requested.emit)
        actions = {
            "copy": self.copy_all,
            "copy_subject": self.copy_subject,
            "copy_body": self.copy_body,
            "open_mail": self.open_in_mail,
            "save_eml": self.save_eml,
            "reset": self.reset,
        }
        for name, _, _, keys in BUTTONS:
            form.buttons[name].clicked.connect(actions[name])
            if keys:
                QShortcut(QKeySequence(keys), self).activated.connect(actions[name])

    # -- what is shown ---------------------------------------------------------------------

    @property
    def kind(self) -> DraftKind:
        return self.form.kind

    @property
    def composed(self) -> ComposedDraft | None:
        """The draft as made for the kind shown (None when it could not be made)."""
        return self._composed

    def select(self, kind: DraftKind) -> None:
        """Show ``kind``: how reminders and the guide open the window on one message."""
        index = self.form.kind_box.findData(kind)
        if index == self.form.kind_box.currentIndex():
            self._show(kind)
        self.form.kind_box.setCurrentIndex(index)

    def refresh(self) -> None:
        """The data changed (say, the missing address was added): redraft from the stored
        interview, keeping the person's own edits."""
        if self._interview.id is not None:
            try:
                self._interview = self._drafting.interview_for(self._interview.id)
            except (Refused, StoreError):
                return  # deleted, or unreadable for now: keep what is shown
        self._show(self.kind)

    def _compose(self, kind: DraftKind) -> ComposedDraft | None:
        try:
            return self._drafting.compose(kind, self._interview)
        except TemplateError as error:
            self.form.status.setText(f"This message's template cannot be used: {error.problem}")
        except StoreError as error:
            self.form.status.setText(f"The draft could not be made: {error}")
        return None

    def _show(self, kind: DraftKind) -> None:
        composed = self._composed = self._compose(kind)
        draft = composed.draft if composed is not None else None
        fresh = (draft.subject, draft.body) if draft else ("", "")
        self.form.show_text(*self._edits.get(kind, fresh))
        self.form.show_spoken(kind.is_spoken, usable=composed is not None)
        self.form.recipient.setText(_recipient_text(draft))
        if composed is None:
            self.form.show_notes((), "")
        else:
            self.form.show_notes(composed.gaps, _capitalised(composed.template_note))

    def _remember_edit(self) -> None:
        self._edits[self.kind] = (self.form.subject.text(), self.form.body.toPlainText())

    # -- the outputs ------------------------------------------------------------------------

    @property
    def subject(self) -> str:
        return "" if self.kind.is_spoken else self.form.subject.text()

    @property
    def body(self) -> str:
        return self.form.body.toPlainText()

    def _use(self, how: DraftUse, outlet: Callable[[ComposedDraft], OutletResult]) -> None:
        """Hand the draft to ``outlet``; say how it went; announce a use that worked."""
        composed = self._composed
        if composed is None:
            return
        try:
            result = outlet(composed)
        except StoreError as error:  # it went out, but the log could not note it
            self.form.status.setText(f"Done, but it could not be noted in the log: {error}")
            return
        self.form.status.setText(result.text)
        if result.done:
            self.draft_used.emit(composed.kind, how)

    def copy_all(self) -> None:
        done = "Copied. Paste it into a new email." if self.subject else "Copied."
        text = plain_text(self.subject, self.body)
        self._use(DraftUse.COPIED, lambda c: self._outlets.copy(c, text, done))

    def copy_subject(self) -> None:
        if not self.kind.is_spoken:
            subject = self.subject
            self._use(
                DraftUse.COPIED_SUBJECT,
                lambda c: self._outlets.copy(c, subject, "Copied the subject."),
            )

    def copy_body(self) -> None:
        body = self.body
        self._use(DraftUse.COPIED_BODY, lambda c: self._outlets.copy(c, body, "Copied the text."))

    def open_in_mail(self) -> None:
        if self.kind.is_spoken:
            return
        subject, body = self.subject, self.body
        self._use(
            DraftUse.OPENED,
            lambda c: self._outlets.open_in_mail(c, c.message(subject, body)),
        )

    def save_eml(self) -> None:
        composed = self._composed
        if self.kind.is_spoken or composed is None:
            return
        path = self._choose_save_path(composed.file_name())
        if path is None:
            return
        subject, body = self.subject, self.body
        self._use(
            DraftUse.SAVED,
            lambda c: self._outlets.save_eml(c, c.message(subject, body), path),
        )

    def reset(self) -> None:
        self._edits.pop(self.kind, None)
        self._show(self.kind)
        self.form.status.setText("The text is back as drafted.")


def _recipient_text(draft: Draft | None) -> str:
    if draft is None or not draft.to_email:
        return "(no email address yet)"
    mailbox = address(draft.to_name, draft.to_email)
    return str(mailbox) if mailbox else f"{draft.to_email} (not a usable address)"


def _capitalised(note: str) -> str:
    """The use case's note ("your own … was set aside: …"), capitalised for the window."""
    return note[:1].upper() + note[1:]
