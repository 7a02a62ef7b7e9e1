"""The SQLite store: one file, WAL, every change one ``BEGIN IMMEDIATE`` transaction.

The CLI and the running tray may write at the same time; a writer that finds the file busy
waits up to the busy timeout, then gives up with :class:`StoreBusy` and changes nothing.

``Store.open`` is the bare store (tests, tools). The app and the CLI open it through
:func:`crickets.storage.opening.open_store`, which adds the key, recovery and backups.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any

from crickets.domain.actions import Action
from crickets.domain.clock import Clock, SystemClock
from crickets.domain.interview import Interview
from crickets.domain.profile import Profile
from crickets.domain.settings import Settings, settings_from_dict, settings_to_dict
from crickets.paths import database_path
from crickets.storage import migrations, rows
from crickets.storage.codec import (
    FieldCodec,
    PlainCodec,
)
from crickets.storage.connection import (
    blob_bytes,
    connect_read_only,
    create_private,
    translate,
)
from crickets.storage.errors import (
    SchemaTooNew,
    StorageError,
    StoreReadOnly,
)
from crickets.storage.maintenance import MaintenancePart
from crickets.storage.records import RecordsPart

BUSY_TIMEOUT_S = 5.0
_PROFILE_KEY, _PROFILE_ID = "profile", 1


class Store(RecordsPart, MaintenancePart):
    """Implements :class:`crickets.domain.ports.InterviewStore` on one SQLite file."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path,
        codec: FieldCodec,
        *,
        read_only: bool = False,
        clock: Clock | None = None,
    ) -> None:
        self._clock: Clock = clock or SystemClock()
        self._conn = conn
        self.path = path
        self._codec = codec
        self.read_only = read_only

    def _now_text(self) -> str:
        """When a row was written, for the created_at/updated_at columns."""
        return self._clock.now().isoformat(timespec="seconds")

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
        return cls(conn, path, codec or PlainCodec(), read_only=read_only, clock=clock)

    def close(self) -> None:
        self._conn.close()

    @property
    def codec(self) -> FieldCodec:
        return self._codec

    def use_codec(self, codec: FieldCodec) -> None:
        """Seal and open with ``codec`` from now on (the opener sets the real key here)."""
        self._codec = codec

    def data_version(self) -> int:
        """Changes when another connection (the CLI, another window) committed a write."""
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        if self.read_only:
            raise StoreReadOnly(
                f"Crickets is in read-only mode ({self.path.parent} cannot be written): "
                "the change was not saved."
            )
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.DatabaseError as error:
            raise translate(error, self.path) from None
        try:
            yield self._conn
        except sqlite3.DatabaseError as error:
            self._rollback()
            raise translate(error, self.path) from None
        except BaseException:
            self._rollback()
            raise
        try:
            self._conn.execute("COMMIT")
        except sqlite3.DatabaseError as error:
            self._rollback()
            raise translate(error, self.path) from None

    def _rollback(self) -> None:
        # SQLite may already have rolled back by itself (SQLITE_FULL does): nothing to undo.
        if self._conn.in_transaction:
            self._conn.execute("ROLLBACK")

    # -- interviews -------------------------------------------------------------------

    def add(self, interview: Interview) -> Interview:
        with self._write() as conn:
            new_id = self._insert(conn, interview, self._clear_values(interview))
        return self._require(new_id)

    def update(self, interview: Interview) -> None:
        if interview.id is None:
            raise KeyError("an interview without an id cannot be updated")
        values = self._clear_values(interview)
        assignments = ", ".join(f"{n} = :{n}" for n in values)
        with self._write() as conn:
            cursor = conn.execute(
                f"UPDATE interviews SET {assignments}, updated_at = :stamp "  # noqa: S608
                "WHERE id = :id",
                {**values, "stamp": self._now_text(), "id": interview.id},
            )
            if cursor.rowcount != 1:
                raise KeyError(interview.id)
            self._seal_interview(conn, interview.id, interview)

    def delete(self, interview_id: int) -> bool:
        with self._write() as conn:
            cursor = conn.execute("DELETE FROM interviews WHERE id = ?", (interview_id,))
        return cursor.rowcount == 1

    def get(self, interview_id: int) -> Interview | None:
        row = self._conn.execute("SELECT * FROM interviews WHERE id = ?", (interview_id,))
        found = row.fetchone()
        return self._interview(found) if found else None

    def list(self) -> Sequence[Interview]:
        found = self._conn.execute("SELECT * FROM interviews ORDER BY start_utc, id").fetchall()
        return [self._interview(row) for row in found]

    def _require(self, interview_id: int) -> Interview:
        interview = self.get(interview_id)
        if interview is None:
            raise KeyError(interview_id)
        return interview

    def _clear_values(self, interview: Interview) -> dict[str, Any]:
        return rows.clear_values(interview, self._codec.lookup_token(interview.ics_uid))

    def _insert(
        self, conn: sqlite3.Connection, interview: Interview, values: dict[str, Any]
    ) -> int:
        names = ", ".join(values)
        marks = ", ".join(f":{n}" for n in values)
        cursor = conn.execute(
            f"INSERT INTO interviews ({names}, created_at, updated_at) "  # noqa: S608
            f"VALUES ({marks}, :stamp, :stamp)",
            {**values, "stamp": self._now_text()},
        )
        new_id = int(cursor.lastrowid or 0)
        self._seal_interview(conn, new_id, interview)
        return new_id

    def _seal_interview(self, conn: sqlite3.Connection, row_id: int, interview: Interview) -> None:
        blob = self._codec.seal(rows.personal_values(interview), table="interviews", row_id=row_id)
        conn.execute("UPDATE interviews SET personal = ? WHERE id = ?", (blob, row_id))

    def _interview(self, row: sqlite3.Row) -> Interview:
        personal = self._codec.open(
            blob_bytes(row["personal"]), table="interviews", row_id=row["id"]
        )
        return rows.from_row(row, personal)

    # -- settings, profile, app state ----------------------------------------------------

    def load_settings(self) -> Settings:
        found = self._conn.execute("SELECT key, value FROM settings").fetchall()
        return settings_from_dict({row["key"]: json.loads(row["value"]) for row in found})

    def save_settings(self, settings: Settings) -> None:
        with self._write() as conn:
            _write_settings(conn, settings)

    def load_profile(self) -> Profile:
        row = self._conn.execute("SELECT value FROM sealed WHERE key = ?", (_PROFILE_KEY,))
        found = row.fetchone()
        if not found:
            return Profile()
        data = self._codec.open(blob_bytes(found["value"]), table="sealed", row_id=_PROFILE_ID)
        return Profile(**{k: str(v) for k, v in data.items() if k in Profile.__annotations__})

    def save_profile(self, profile: Profile) -> None:
        with self._write() as conn:
            self._write_profile(conn, profile)

    def _write_profile(self, conn: sqlite3.Connection, profile: Profile) -> None:
        blob = self._codec.seal(asdict(profile), table="sealed", row_id=_PROFILE_ID)
        conn.execute(
            "INSERT OR REPLACE INTO sealed (key, id, value) VALUES (?, ?, ?)",
            (_PROFILE_KEY, _PROFILE_ID, blob),
        )

    def get_state(self, key: str) -> str | None:
        found = self._conn.execute("SELECT value FROM app_state WHERE key = ?", (key,)).fetchone()
        return str(found["value"]) if found else None

    def set_state(self, key: str, value: str) -> None:
        with self._write() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO app_state (key, value) VALUES (?, ?)", (key, value)
            )

    def ensure_state(self, key: str, value: str) -> str:
        """``key``'s value, set to ``value`` first if it has none (atomic between processes:
        the first writer's value is the one everybody gets)."""
        with self._write() as conn:
            conn.execute("INSERT OR IGNORE INTO app_state (key, value) VALUES (?, ?)", (key, value))
            (stored,) = conn.execute("SELECT value FROM app_state WHERE key = ?", (key,)).fetchone()
        return str(stored)

    def record_state(self, key: str, value: str) -> None:
        """Like :meth:`set_state`, but joins the write transaction already open on this
        store if there is one (the key is looked for lazily, in the middle of a write)."""
        if self.read_only:
            return
        if self._conn.in_transaction:
            self._conn.execute(
                "INSERT OR REPLACE INTO app_state (key, value) VALUES (?, ?)", (key, value)
            )
        else:
            self.set_state(key, value)

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
        with self._write() as conn:
            conn.execute("DELETE FROM interviews")  # cascades to actions and invitations
            conn.execute("DELETE FROM actions")
            conn.execute("DELETE FROM invitations")
            for interview in sorted(interviews, key=lambda i: i.id or 0):
                values = {**self._clear_values(interview), "id": interview.id}
                self._insert(conn, interview, values)
            _write_settings(conn, settings)
            self._write_profile(conn, profile)
            for action in sorted(actions or (), key=lambda a: (a.id or 0, a.at)):
                self._insert_action(conn, action, keep_id=True)
            for interview_id, data in sorted((invitations or {}).items()):
                self._insert_invitation(conn, interview_id, data)


def _write_settings(conn: sqlite3.Connection, settings: Settings) -> None:
    items = [(k, json.dumps(v)) for k, v in settings_to_dict(settings).items()]
    conn.executemany("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", items)
