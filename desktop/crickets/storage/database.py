"""The one SQLite connection every repository shares, and the one way to change it.

A :class:`Database` owns what the repositories in :mod:`crickets.storage.repositories` have
in common and must not each keep a copy of: the connection, the file's path, whether it is
read-only, the clock that stamps rows, and the field codec that seals personal fields (the
opener swaps in the real key after opening, so every repository must see the same one).

Every change goes through :meth:`Database.write`: one ``BEGIN IMMEDIATE`` transaction,
committed whole or rolled back whole, with SQLite's errors turned into the
:class:`~crickets.storage.errors.StorageError` sentences the person sees. The CLI and the
running tray may write at the same time; a writer that finds the file busy waits up to the
busy timeout, then gives up with :class:`~crickets.storage.errors.StoreBusy`, changing nothing.
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from crickets.domain.clock import Clock, SystemClock
from crickets.paths import database_path
from crickets.storage import damaged, disk_space, migrations
from crickets.storage.codec import FieldCodec, PlainCodec
from crickets.storage.connection import connect_read_only, create_private, translate
from crickets.storage.errors import SchemaTooNew, StorageError, StoreFull, StoreReadOnly

BUSY_TIMEOUT_S = 5.0


class Database:
    """One open SQLite file: connection, path, read-only flag, clock and codec."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path,
        codec: FieldCodec,
        *,
        read_only: bool = False,
        clock: Clock | None = None,
    ) -> None:
        self.conn = conn
        self.path = path
        self.read_only = read_only
        #: Why a read-only database refuses changes, when it is not the folder's permissions
        #: (a full disk): the sentence every refused write says.
        self.read_only_reason = ""
        self._codec = codec
        self._clock: Clock = clock or SystemClock()

    @classmethod
    def open(
        cls,
        directory: Path,
        codec: FieldCodec | None = None,
        busy_timeout: float = BUSY_TIMEOUT_S,
        *,
        read_only: bool = False,
        clock: Clock | None = None,
    ) -> Database:
        """Open (creating and migrating when needed) the database in ``directory``.

        ``read_only`` opens an existing database without ever writing to it or its folder
        (for a data folder that cannot be written); every change then raises
        :class:`StoreReadOnly`.
        """
        path = database_path(directory)
        conn: sqlite3.Connection | None = None
        try:
            if read_only:
                conn = connect_read_only(path, busy_timeout)
            else:
                directory.mkdir(mode=0o700, parents=True, exist_ok=True)
                create_private(path)
                conn = sqlite3.connect(path, timeout=busy_timeout, isolation_level=None)
            conn.row_factory = sqlite3.Row
            damaged.use_on(conn)  # one undecodable value must not fail a whole fetch
            if not read_only:
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA secure_delete=ON")  # freed pages are zeroed, not left behind
            version = migrations.current_version(conn)
            if version > migrations.LATEST:
                raise SchemaTooNew(
                    f"{path} was written by a newer Crickets (schema {version}, this one knows "
                    f"{migrations.LATEST}); update Crickets, or restore an export or a backup "
                    "with `crickets restore FILE`."
                )
            if read_only and version < migrations.LATEST:
                raise StoreReadOnly(
                    f"{path} needs an update (schema {version} to {migrations.LATEST}) but its "
                    "folder cannot be written; make it writable and try again."
                )
            if not read_only:
                migrations.apply(conn)
        except StorageError:
            if conn is not None:
                conn.close()
            raise
        except sqlite3.DatabaseError as error:
            if conn is not None:
                conn.close()
            raise translate(error, path) from None
        except OSError as error:  # making the folder or the file
            if conn is not None:
                conn.close()
            if error.errno == errno.ENOSPC:
                raise StoreFull(disk_space.full_message(path)) from None
            raise StorageError(
                f"Crickets cannot create {path} ({error.strerror or error}); check the folder "
                "exists and is yours."
            ) from None
        return cls(conn, path, codec or PlainCodec(), read_only=read_only, clock=clock)

    def close(self) -> None:
        self.conn.close()

    @property
    def codec(self) -> FieldCodec:
        return self._codec

    def use_codec(self, codec: FieldCodec) -> None:
        """Seal and open with ``codec`` from now on (the opener sets the real key here)."""
        self._codec = codec

    def now_text(self) -> str:
        """When a row was written, for the created_at/updated_at columns."""
        return self._clock.now().isoformat(timespec="seconds")

    def data_version(self) -> int:
        """Changes when another connection (the CLI, another window) committed a write."""
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    @property
    def in_transaction(self) -> bool:
        """Whether a :meth:`write` is open on this connection right now."""
        return self.conn.in_transaction

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One ``BEGIN IMMEDIATE`` transaction: committed when the block ends, rolled back
        when it raises. Raises :class:`StoreReadOnly` at once on a read-only database."""
        if self.read_only:
            if self.read_only_reason:
                raise StoreFull(self.read_only_reason)
            raise StoreReadOnly(
                f"Crickets is in read-only mode ({self.path.parent} cannot be written): "
                "the change was not saved."
            )
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.DatabaseError as error:
            raise translate(error, self.path) from None
        try:
            yield self.conn
        except sqlite3.DatabaseError as error:
            self._rollback()
            raise translate(error, self.path) from None
        except BaseException:
            self._rollback()
            raise
        try:
            self.conn.execute("COMMIT")
        except sqlite3.DatabaseError as error:
            self._rollback()
            raise translate(error, self.path) from None

    def _rollback(self) -> None:
        # SQLite may already have rolled back by itself (SQLITE_FULL does): nothing to undo.
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")
