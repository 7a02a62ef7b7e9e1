"""The SQLite store: one file, WAL, every change one ``BEGIN IMMEDIATE`` transaction.

A :class:`Store` is one :class:`~crickets.storage.database.Database` (connection, path,
clock, codec, the write transaction) and the repositories over it, one per aggregate, as
attributes: ``interviews``, ``settings`` (settings and profile), ``log`` (the action log),
``kept_invitations``, ``state`` (app state) and ``maintenance``. It is composed, not
inherited: each repository works on its own over a Database, and the Store adds only what
spans them, :meth:`Store.replace_all` (a restore, in one transaction).

``Store.open`` is the bare store (tests, tools). The app and the CLI open it through
:func:`crickets.storage.opening.open_store`, which adds the key, recovery and backups.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from crickets.domain.actions import Action
from crickets.domain.clock import Clock
from crickets.domain.damage import UnreadableRecord
from crickets.domain.interview import Interview
from crickets.domain.profile import Profile
from crickets.domain.settings import Settings
from crickets.storage.codec import FieldCodec
from crickets.storage.database import BUSY_TIMEOUT_S, Database
from crickets.storage.repositories.action_log import LoggedActions
from crickets.storage.repositories.app_state import StateValues
from crickets.storage.repositories.interviews import Interviews
from crickets.storage.repositories.kept_invitations import KeptInvitations
from crickets.storage.repositories.maintenance import Maintenance
from crickets.storage.repositories.settings import SettingsAndProfile


class Store:
    """One SQLite file and its repositories; what the app and the CLI open."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self.interviews = Interviews(database)
        self.settings = SettingsAndProfile(database)
        self.log = LoggedActions(database)
        self.kept_invitations = KeptInvitations(database)
        self.state = StateValues(database)
        self.maintenance = Maintenance(database)

    @classmethod
    def open(
        cls,
        directory: Path,
        codec: FieldCodec | None = None,
        busy_timeout: float = BUSY_TIMEOUT_S,
        *,
        read_only: bool = False,
        clock: Clock | None = None,
    ) -> Store:
        """Open (creating and migrating when needed) the store in ``directory``.

        ``read_only`` opens an existing database without ever writing to it or its folder
        (for a data folder that cannot be written); every change then raises
        :class:`~crickets.storage.errors.StoreReadOnly`.
        """
        return cls(Database.open(directory, codec, busy_timeout, read_only=read_only, clock=clock))

    @property
    def path(self) -> Path:
        return self.database.path

    @property
    def read_only(self) -> bool:
        return self.database.read_only

    @property
    def codec(self) -> FieldCodec:
        return self.database.codec

    def use_codec(self, codec: FieldCodec) -> None:
        """Seal and open with ``codec`` from now on (the opener sets the real key here)."""
        self.database.use_codec(codec)

    def data_version(self) -> int:
        """Changes when another connection (the CLI, another window) committed a write."""
        return self.database.data_version()

    def close(self) -> None:
        self.database.close()

    def unreadable(self) -> Sequence[UnreadableRecord]:
        """Every damaged record, named: interviews, log entries, kept invitations, settings,
        the profile and the app's own notes. The rest reads as usual
        (:mod:`crickets.storage.damaged`)."""
        return [
            *self.interviews.unreadable(),
            *self.log.unreadable(),
            *self.kept_invitations.unreadable(),
            *self.settings.unreadable(),
            *self.state.unreadable(),
        ]

    def replace_all(
        self,
        interviews: Sequence[Interview],
        settings: Settings,
        profile: Profile,
        actions: Sequence[Action] | None = None,
        invitations: Mapping[int, bytes] | None = None,
    ) -> None:
        """Swap the whole content for ``interviews`` (ids kept) in one transaction: restore.

        The action log and kept invitations are replaced too when given (a backup restore);
        when not given (an export without them) they are emptied with their interviews."""
        with self.database.write() as conn:
            self.interviews.replace_in(conn, interviews)  # cascades to the log and invitations
            conn.execute("DELETE FROM settings")  # restored whole: nothing old or damaged stays
            self.settings.write_settings_in(conn, settings)
            self.settings.write_profile_in(conn, profile)
            self.log.replace_in(conn, actions or ())
            self.kept_invitations.replace_in(conn, invitations or {})
