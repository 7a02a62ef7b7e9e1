"""Calendar invitations in and out: a file (dialog, drop, ``--open``, ``crickets import``),
the text of an invitation email pasted into the add window, and an interview written back
as an .ics for any calendar. Parsing runs where the caller likes (the window reads on a
worker thread); what the store is asked for is read beforehand, on the caller's thread."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from crickets.application.errors import Refused
from crickets.application.interviews import InterviewBook
from crickets.application.ports import AppState
from crickets.domain.clock import Clock
from crickets.domain.interview import Interview
from crickets.invitations.ics.apply import (
    ApplyResult,
    InvitationStore,
    Outcome,
    apply_import,
    plan_import,
)
from crickets.invitations.ics.candidate import ImportCandidate, Invitation
from crickets.invitations.ics.limits import MAX_BYTES, IcsError, too_large

if TYPE_CHECKING:  # the readers and the writer load icalendar and phonenumbers: on use only
    from crickets.invitations.paste.reader import PastedInvite

__all__ = [
    "ApplyResult",
    "ImportCandidate",
    "Invitation",
    "Invitations",
    "Outcome",
    "PastedInvite",
]


def __getattr__(name: str) -> object:
    """``PastedInvite`` on first use (its module loads phonenumbers)."""
    if name == "PastedInvite":
        from crickets.invitations.paste.reader import PastedInvite

        return PastedInvite
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def read_invitation_file(path: Path) -> bytes:
    """The file's bytes; a file over the limit is refused with its real size, unread."""
    try:
        if path.is_dir():
            raise Refused(f"{path} is a folder; give the .ics file inside it")
        with path.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_BYTES:
                raise Refused(too_large(size).message)
            return handle.read(MAX_BYTES + 1)  # a file still growing is capped all the same
    except OSError as error:
        raise Refused(f"cannot read {path}: {error.strerror or error}") from None


def read_invitation_stream(stream: BinaryIO) -> bytes:
    """Standard input's bytes (``crickets import -``), capped like a file's."""
    return stream.read(MAX_BYTES + 1)


def invitation_reader(my_zone: str, my_email: str, clock: Clock) -> Callable[[bytes], Invitation]:
    """A parser for the given zone and address: what :meth:`Invitations.reader` binds, and
    what a dry run uses where no store exists yet (the defaults, nothing created)."""

    def parse(data: bytes) -> Invitation:
        from crickets.invitations.ics.parse import parse_invitation

        try:
            return parse_invitation(data, my_zone=my_zone, now=clock.now(), my_email=my_email)
        except IcsError as error:
            raise Refused(error.message) from None

    return parse


@dataclass(frozen=True)
class Invitations:
    book: InterviewBook
    store: InvitationStore
    state: AppState

    def reader(self) -> Callable[[bytes], Invitation]:
        """A parser bound to the person's zone and address, safe to run on another thread;
        raises :class:`Refused` with the file's problem in one sentence."""
        zone = self.book.my_zone()
        return invitation_reader(zone, self.book.settings.load_profile().email, self.book.clock)

    def read(self, path: Path) -> Invitation:
        return self.reader()(read_invitation_file(path))

    def plan(self, candidate: ImportCandidate) -> ApplyResult:
        """What importing would do (add, update, cancel …), changing nothing."""
        return plan_import(self.store, candidate)

    def apply(
        self, candidate: ImportCandidate, source: bytes, *, confirm_cancel: bool
    ) -> ApplyResult:
        return apply_import(self.store, candidate, source, confirm_cancel=confirm_cancel)

    def understand_text(self, text: str) -> PastedInvite:
        """The fields an invitation email's text gives, to fill the add window's form."""
        from crickets.invitations.paste.reader import understand_invite_text

        settings = self.book.load_settings()
        return understand_invite_text(
            text,
            my_zone=self.book.my_zone(settings),
            now=self.book.now(),
            day_first=settings.day_first,
            my_email=self.book.settings.load_profile().email,
        )

    def export_ics(self, interview: Interview) -> bytes:
        """An .ics with the store's stable UID word, so a calendar updates what it has."""
        from crickets.invitations.ics.export import interview_to_ics, uid_word

        return interview_to_ics(interview, now=self.book.now(), uid_token=uid_word(self.state))

    @staticmethod
    def file_name(interview: Interview) -> str:
        from crickets.invitations.ics.export import suggested_filename

        return suggested_filename(interview)
