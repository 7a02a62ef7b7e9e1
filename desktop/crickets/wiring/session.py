"""One opened data folder and every use case over it, for the command line and the tray.

The store opens on first use, so ``crickets --help`` and a dry run touch no file, and
restore runs with the store closed (it may set the database aside).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from crickets.application.backups import BackupShelf, RestoreSummary, SnapshotInfo
from crickets.application.interviews import InterviewBook
from crickets.application.logbook import Logbook
from crickets.application.ports import ZoneSource
from crickets.application.preferences import Preferences
from crickets.application.reminder_state import ReminderState
from crickets.application.rescheduling import Rescheduling
from crickets.application.use_cases import UseCases
from crickets.domain.clock import Clock
from crickets.domain.interview import Interview
from crickets.paths import database_path
from crickets.services.system_zone import home_zone
from crickets.storage.identity import HandedKey
from crickets.storage.keychain import Keychain
from crickets.storage.opening import OpenedStore
from crickets.storage.store import Store

if TYPE_CHECKING:
    from crickets.application.drafting import Drafting
    from crickets.application.invitations import Invitations

Say = Callable[[str], None]


class SystemZone:
    """The person's zone: their setting when it names a real zone, else the machine's."""

    def home_zone(self, configured: str) -> str:
        return home_zone(configured)


class LoginEntry:
    """Start at login through the platform's own mechanism (XDG autostart, LaunchAgent …)."""

    def is_enabled(self) -> bool:
        from crickets.services import autostart  # subprocess and plistlib: on use only

        return autostart.is_enabled()

    def set_enabled(self, enabled: bool) -> None:
        from crickets.services import autostart

        autostart.set_enabled(enabled)


@dataclass(frozen=True)
class ImportTarget:
    """What an invitation import writes: the interviews and the kept original bytes, two
    repositories of one store (``invitations.ics.apply.InvitationStore``)."""

    store: Store

    def add(self, interview: Interview) -> Interview:
        return self.store.interviews.add(interview)

    def update(self, interview: Interview) -> None:
        self.store.interviews.update(interview)

    def get(self, interview_id: int) -> Interview | None:
        return self.store.interviews.get(interview_id)

    def find_by_uid(self, uid: str) -> Interview | None:
        return self.store.interviews.find_by_uid(uid)

    def save_invitation(self, interview_id: int, data: bytes) -> None:
        self.store.kept_invitations.save_invitation(interview_id, data)


def build_use_cases(store: Store, clock: Clock) -> UseCases:
    """Every use case over ``store``'s repositories; each receives only the roles it uses."""
    book = InterviewBook(store.interviews, store.settings, SystemZone(), clock, damage=store)
    reminders = ReminderState(store.state)
    logbook = Logbook(book, store.log, reminders)

    def drafting() -> Drafting:
        from crickets.application.drafting import Drafting  # templates and mail: on use

        return Drafting(logbook, store.state)

    def invitations() -> Invitations:
        from crickets.application.invitations import Invitations  # the calendar code

        return Invitations(book, ImportTarget(store), store.state)

    return UseCases(
        book=book,
        logbook=logbook,
        reminders=reminders,
        rescheduling=Rescheduling(logbook),
        preferences=Preferences(store.settings, LoginEntry()),
        make_drafting=drafting,
        make_invitations=invitations,
    )


@dataclass
class Session:
    data_dir: Path
    clock: Clock
    on_notice: Say = print
    keychain: Keychain | None = None  # None: keyring's choice (the OS keychain)
    handed: HandedKey | None = None  # the key found by the tray's first-open process

    @cached_property
    def opened(self) -> OpenedStore:
        from crickets.storage.opening import open_store  # cryptography only when needed

        return open_store(
            self.data_dir,
            clock=self.clock,
            keychain=self.keychain,
            on_notice=self.on_notice,
            handed=self.handed,
        )

    @cached_property
    def use_cases(self) -> UseCases:
        return build_use_cases(self.opened.store, self.clock)

    @property
    def has_store(self) -> bool:
        """Whether a database exists yet (a dry run creates none)."""
        return database_path(self.data_dir).exists()

    @property
    def zones(self) -> ZoneSource:
        """The machine's zone, with no store opened: what a dry run with no data uses."""
        return SystemZone()

    @cached_property
    def shelf(self) -> BackupShelf:
        return StorageShelf(self)

    def close(self) -> None:
        if "opened" in self.__dict__:
            self.opened.close()
            del self.__dict__["opened"]
            self.__dict__.pop("use_cases", None)


class StorageShelf:
    """Snapshots and restore over the session's data folder (storage's backups)."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def directory(self) -> Path:
        from crickets.storage import backups

        return backups.backup_dir(self._session.data_dir)

    def snapshots(self) -> list[SnapshotInfo]:
        from crickets.storage import backups

        return [
            SnapshotInfo(s.path, s.taken_at, s.reason, s.size)
            for s in backups.list_snapshots(self.directory())
        ]

    def take_snapshot(self, reason: str) -> SnapshotInfo:
        from crickets.storage import backups

        store = self._session.opened.store
        s = backups.take_snapshot(store.path, self.directory(), self._session.clock.now(), reason)
        return SnapshotInfo(s.path, s.taken_at, s.reason, s.size)

    def set_aside(self) -> list[Path]:
        from crickets.storage.recovery import set_aside_files

        return set_aside_files(database_path(self._session.data_dir))

    def restore(self, source: Path) -> RestoreSummary:
        from crickets.storage.restoring import restore

        session = self._session
        session.close()  # never hold the database open while it may be set aside
        report = restore(
            session.data_dir,
            source,
            clock=session.clock,
            keychain=session.keychain,
            on_notice=session.on_notice,
        )
        return RestoreSummary(
            report.source, report.interviews, report.actions, report.safety_snapshot
        )
