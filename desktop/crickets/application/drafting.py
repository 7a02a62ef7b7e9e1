"""Drafting an email or a phone script for a moment, and sending it out by one outlet.

The drafts window, the guide's inline scripts and ``crickets draft`` all come here, so
they render the same text from the same template and report the same notes (a missing
address, the person's own wording set aside), and say only what the action log records
the person did. An outlet's use is logged only when the
outlet reported success: the app never claims a step that did not happen.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING

from crickets.application.errors import Refused
from crickets.application.logbook import Logbook
from crickets.application.ports import AppState, Clipboard, MailOutlet
from crickets.domain.actions import ActionKind
from crickets.domain.draft_context import DraftRequest, Gap, default_interview
from crickets.domain.drafts import Draft, DraftKind, make_draft
from crickets.domain.interview import Interview
from crickets.domain.profile import Profile
from crickets.services import templates
from crickets.services.mail.file_names import draft_file_name
from crickets.services.templates import ChosenTemplate

if TYPE_CHECKING:  # the mail module loads the email package: when a draft leaves, not before
    from crickets.services.mail import messages as mail
    from crickets.services.mail.messages import Message, address, eml_bytes, mailto_link

#: The placeholder a draft's proposed new times are written into.
PROPOSED_TIMES = "proposed_times"

#: What the front ends use to format a draft for an outlet (the CLI prints, the window opens).
__all__ = [
    "ChosenTemplate",
    "ComposedDraft",
    "DraftOutlets",
    "Drafting",
    "Message",
    "OutletResult",
    "address",
    "eml_bytes",
    "mailto_link",
]


def __getattr__(name: str) -> object:
    """The mail helpers re-exported above, loaded on first use (they import ``email``)."""
    if name in ("Message", "address", "eml_bytes", "mailto_link"):
        from crickets.services.mail import messages

        return getattr(messages, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@dataclass(frozen=True)
class ComposedDraft:
    """A draft, what it was made for, and the notes to show beside it."""

    kind: DraftKind
    draft: Draft
    interview: Interview
    profile: Profile
    template_note: str = ""  # why the person's own wording was set aside, if it was

    @property
    def gaps(self) -> tuple[Gap, ...]:
        return tuple(self.draft.gaps)

    def message(self, subject: str | None = None, body: str | None = None) -> mail.Message:
        """What leaves the app; ``subject``/``body`` as the person last edited them."""
        from crickets.services.mail import messages as mail

        d, p = self.draft, self.profile
        return mail.Message(
            d.subject if subject is None else subject,
            d.body if body is None else body,
            d.to_name,
            d.to_email,
            p.name,
            p.email,
        )

    def file_name(self) -> str:
        return draft_file_name(self.interview.company, self.kind.value)


@dataclass(frozen=True)
class OutletResult:
    """How an outlet went: ``done`` only when it really happened; ``text`` is one sentence."""

    done: bool
    text: str


@dataclass(frozen=True)
class Drafting:
    logbook: Logbook
    state: AppState

    def interview_for(self, interview_id: int | None) -> Interview:
        """The given interview, else the one under way, else the next, else the latest."""
        book = self.logbook.book
        if interview_id is not None:
            return book.require(interview_id)
        chosen = default_interview(book.all(), book.now())
        if chosen is None:
            raise Refused('no interviews yet; add one first: crickets add --at "Tue 2pm"')
        return chosen

    def template(self, kind: DraftKind) -> ChosenTemplate:
        return templates.load_template(kind, self.state)

    def save_template(self, kind: DraftKind, text: str) -> None:
        """Check the person's own wording (TemplateError names the problem), then keep it."""
        templates.save_override(kind, text, self.state)

    def reset_template(self, kind: DraftKind) -> None:
        templates.reset_override(kind, self.state)

    def default_template(self, kind: DraftKind) -> str:
        return templates.default_template(kind)

    def proposes_times(self, kind: DraftKind) -> bool:
        """Whether the draft of ``kind`` lists new times (its wording, the person's own or
        Crickets', uses ``${proposed_times}``): those of ``Rescheduling.plan``."""
        return PROPOSED_TIMES in Template(self.template(kind).text).get_identifiers()

    def compose(self, kind: DraftKind, interview: Interview) -> ComposedDraft:
        book = self.logbook.book
        settings = book.load_settings()
        profile = book.settings.load_profile()
        chosen = self.template(kind)
        note = (
            f"your own {kind.value} template was set aside: {chosen.problem}"
            if chosen.problem
            else ""
        )
        log = self.logbook.actions(interview.id) if interview.id is not None else ()
        request = DraftRequest(
            interview, profile, settings, book.now(), book.my_zone(settings), book.all(), log
        )
        return ComposedDraft(kind, make_draft(kind, chosen.text, request), interview, profile, note)

    def script(self, kind: DraftKind, interview: Interview) -> str:
        """A spoken script (voicemail, calling back) or an email's text, for inline use."""
        return self.compose(kind, interview).draft.body


@dataclass(frozen=True)
class DraftOutlets:
    """Copy, open in the mail app, save as .eml: each says whether it worked."""

    logbook: Logbook
    clipboard: Clipboard
    mail_app: MailOutlet

    def _used(self, composed: ComposedDraft, kind: ActionKind) -> None:
        if composed.interview.id is not None:
            self.logbook.record(composed.interview.id, kind, composed.kind.value)

    def copy(self, composed: ComposedDraft, text: str, done: str) -> OutletResult:
        if not self.clipboard.set_text(text):
            return OutletResult(False, "The clipboard did not take the text. Save as .eml instead.")
        self._used(composed, ActionKind.EMAIL_COPIED)
        return OutletResult(True, done)

    def open_in_mail(self, composed: ComposedDraft, message: mail.Message) -> OutletResult:
        from crickets.services.mail import messages as mail

        link = mail.mailto_link(message)
        if not link.body_included and not self.clipboard.set_text(message.body):
            return OutletResult(
                False, "The text is too long for a mail link. Save as .eml instead."
            )
        if not self.mail_app.open_mailto(link.url):
            return OutletResult(False, "No mail app opened. Use Copy or Save as .eml instead.")
        self._used(composed, ActionKind.EMAIL_OPENED)
        if link.body_included:
            return OutletResult(True, "Opened in your mail app.")
        return OutletResult(
            True,
            "Opened your mail app with the recipient and subject. The text was too long for a "
            "mail link, so it is on the clipboard: paste it into the new email.",
        )

    def save_eml(self, composed: ComposedDraft, message: mail.Message, path: Path) -> OutletResult:
        from crickets.services.mail import messages as mail

        try:
            mail.save_eml(path, message)
        except OSError as error:
            return OutletResult(False, f"Could not save {path}: {error.strerror or error}")
        self._used(composed, ActionKind.EMAIL_SAVED)
        return OutletResult(True, f"Saved {path.name}. Open it to send it from your mail app.")
