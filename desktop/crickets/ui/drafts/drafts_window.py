"""The Drafts window: pick a message, read it filled in, edit it, then one click to use it.

Keys: Ctrl+Shift+C copies everything (subject line, blank line, text), Ctrl+M opens it in
the mail app, Ctrl+S saves an ``.eml`` draft. Button mnemonics: Alt+C copy, Alt+U copy the
subject, Alt+B copy the text, Alt+O open, Alt+V save, Alt+R put the text back as drafted;
Alt+M, Alt+S, Alt+T jump to the message picker, the subject, the text. Escape closes.

Edits are kept per kind while the window is open. The clipboard, the URL opener and the
save-path chooser are passed in, so tests (and other platforms) can supply their own;
:func:`open_url_with_desktop` and :func:`save_path_dialog` are the real ones.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QFileDialog, QVBoxLayout, QWidget

from crickets.domain.clock import Clock
from crickets.domain.draft_context import DraftRequest
from crickets.domain.drafts import Draft, DraftKind, TemplateError, make_draft, plain_text
from crickets.domain.interview import Interview
from crickets.domain.profile import Profile
from crickets.domain.settings import Settings
from crickets.services.mail import messages as mail
from crickets.services.mail.file_names import draft_file_name
from crickets.services.templates import default_template
from crickets.ui.drafts.clipboard import ClipboardPort
from crickets.ui.drafts.drafts_form import BUTTONS, DraftsForm

UrlOpener = Callable[[str], bool]
SavePathChooser = Callable[[str], Path | None]  # suggested file name -> chosen path or None

TOO_LONG = (
    "Opened your mail app with the recipient and subject. The text was too long for a mail "
    "link, so it is on the clipboard: paste it into the new email."
)


class DraftsWindow(QDialog):
    #: (kind, how) after each use; how: copied, copied-subject, copied-body, opened, saved.
    draft_used = Signal(str, str)
    #: The missing value the person wants to add: "interviewer_email", "profile.name" …
    edit_requested = Signal(str)

    def __init__(
        self,
        interview: Interview,
        interviews: Sequence[Interview],
        profile: Profile,
        settings: Settings,
        my_zone: str,
        clock: Clock,
        clipboard: ClipboardPort,
        open_url: UrlOpener,
        choose_save_path: SavePathChooser,
        template_for: Callable[[DraftKind], str] = default_template,
        kind: DraftKind = DraftKind.FOLLOW_UP,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._interview, self._interviews = interview, list(interviews)
        self._profile, self._settings, self._my_zone = profile, settings, my_zone
        self._clock, self._clipboard = clock, clipboard
        self._open_url, self._choose_save_path = open_url, choose_save_path
        self._template_for = template_for
        self._edits: dict[DraftKind, tuple[str, str]] = {}
        self._draft: Draft | None = None
        self.setObjectName("drafts")
        self.setWindowTitle(f"Drafts — {interview.title}")
        self.setAccessibleName("Drafts")
        self.form = DraftsForm(self)
        QVBoxLayout(self).addWidget(self.form)
        self._connect()
        self.select(kind)

    def _connect(self) -> None:
        form = self.form
        form.kind_box.currentIndexChanged.connect(lambda _: self._show(form.kind))
        form.subject.textEdited.connect(self._remember_edit)
        form.body.textChanged.connect(self._remember_edit)
        form.notes.linkActivated.connect(self.edit_requested.emit)
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

    def select(self, kind: DraftKind | str) -> None:
        """Show ``kind`` (``"follow-up"`` or a DraftKind): how reminders open the window."""
        index = self.form.kind_box.findData(DraftKind(kind))
        if index == self.form.kind_box.currentIndex():
            self._show(DraftKind(kind))
        self.form.kind_box.setCurrentIndex(index)

    def update_context(
        self, interview: Interview | None = None, profile: Profile | None = None
    ) -> None:
        """After the person added a missing value: redraft, keeping their own edits."""
        self._interview = interview or self._interview
        self._profile = profile or self._profile
        self._show(self.kind)

    def _render(self, kind: DraftKind) -> Draft | None:
        request = DraftRequest(
            self._interview, self._profile, self._settings, self._clock.now(),
            self._my_zone, self._interviews,
        )  # fmt: skip
        try:
            return make_draft(kind, self._template_for(kind), request)
        except TemplateError as error:
            self.form.status.setText(f"This message's template cannot be used: {error.problem}")
            return None

    def _show(self, kind: DraftKind) -> None:
        draft = self._draft = self._render(kind)
        fresh = (draft.subject, draft.body) if draft else ("", "")
        self.form.show_text(*self._edits.get(kind, fresh))
        self.form.show_spoken(kind.is_spoken, usable=draft is not None)
        self.form.recipient.setText(_recipient_text(draft))
        self.form.show_gaps(draft.gaps if draft else ())

    def _remember_edit(self) -> None:
        self._edits[self.kind] = (self.form.subject.text(), self.form.body.toPlainText())

    # -- the outputs ------------------------------------------------------------------------

    @property
    def subject(self) -> str:
        return "" if self.kind.is_spoken else self.form.subject.text()

    @property
    def body(self) -> str:
        return self.form.body.toPlainText()

    def _message(self) -> mail.Message:
        draft, profile = self._draft, self._profile
        to_name, to_email = (draft.to_name, draft.to_email) if draft else ("", "")
        return mail.Message(self.subject, self.body, to_name, to_email, profile.name, profile.email)

    def _used(self, how: str, status: str) -> None:
        self.form.status.setText(status)
        self.draft_used.emit(self.kind.value, how)

    def copy_all(self) -> None:
        self._clipboard.set_text(plain_text(self.subject, self.body))
        self._used("copied", "Copied. Paste it into a new email." if self.subject else "Copied.")

    def copy_subject(self) -> None:
        if not self.kind.is_spoken:
            self._clipboard.set_text(self.subject)
            self._used("copied-subject", "Copied the subject.")

    def copy_body(self) -> None:
        self._clipboard.set_text(self.body)
        self._used("copied-body", "Copied the text.")

    def open_in_mail(self) -> None:
        if self.kind.is_spoken or self._draft is None:
            return
        link = mail.mailto_link(self._message())
        if not link.body_included:
            self._clipboard.set_text(self.body)
        if not self._open_url(link.url):
            self.form.status.setText("No mail app opened. Use Copy or Save as .eml instead.")
            return
        self._used("opened", "Opened in your mail app." if link.body_included else TOO_LONG)

    def save_eml(self) -> None:
        if self.kind.is_spoken or self._draft is None:
            return
        path = self._choose_save_path(draft_file_name(self._interview.company, self.kind.value))
        if path is None:
            return
        try:
            mail.save_eml(path, self._message())
        except OSError as error:
            self.form.status.setText(f"Could not save {path}: {error.strerror or error}")
            return
        self._used("saved", f"Saved {path.name}. Open it to send it from your mail app.")

    def reset(self) -> None:
        self._edits.pop(self.kind, None)
        self._show(self.kind)
        self.form.status.setText("The text is back as drafted.")


def _recipient_text(draft: Draft | None) -> str:
    if draft is None or not draft.to_email:
        return "(no email address yet)"
    mailbox = mail.address(draft.to_name, draft.to_email)
    return str(mailbox) if mailbox else f"{draft.to_email} (not a usable address)"


def open_url_with_desktop(url: str) -> bool:
    """Hand an already-encoded URL to the desktop as it is (Qt must not encode it again)."""
    encoded = QUrl.fromEncoded(url.encode("ascii"), QUrl.ParsingMode.StrictMode)
    return QDesktopServices.openUrl(encoded)


def save_path_dialog(parent: QWidget | None = None) -> SavePathChooser:
    """The real chooser: a Save dialog in the Documents folder suggesting ``name``; ``None``
    when the person cancels."""

    def choose(name: str) -> Path | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        chosen, _ = QFileDialog.getSaveFileName(
            parent, "Save the email draft", str(Path(folder) / name), "Email drafts (*.eml)"
        )
        return Path(chosen) if chosen else None

    return choose
