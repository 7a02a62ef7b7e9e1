"""The SQLite store: one file, WAL, every change one ``BEGIN IMMEDIATE`` transaction.

The CLI and the running tray may write at the same time; a writer that finds the file busy
waits up to the busy timeout, then gives up with :class:`StoreBusy` and changes nothing.

``Store.open`` is the bare store (tests, tools). The app and the CLI open it through
:func:`crickets.storage.opening.open_store`, which adds the key, recovery and backups.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from crickets.domain.actions import Action, ActionKind
from crickets.domain.interview import Interview
from crickets.domain.profile import Profile
from crickets.domain.settings import Settings, settings_from_dict, settings_to_dict
from crickets.paths import database_path
from crickets.storage import migrations, rows
from crickets.storage.codec import (
    SEALED_FORMAT_VERSION,
    SEALED_NONCE_BYTES,
    FieldCodec,
    PlainCodec,
    is_sealed,
)
from crickets.storage.errors import (
    SchemaTooNew,
    StorageError,
    StoreBusy,
    StoreCorrupt,
    StoreFull,
    StoreReadOnly,
)

BUSY_TIMEOUT_S = 5.0
_PROFILE_KEY, _PROFILE_ID = "profile", 1
#: Tables whose rows carry a sealed blob: (table, id column, blob column).
SEALED_COLUMNS = (
    ("interviews", "id", "personal"),
    ("actions", "id", "detail"),
    ("invitations", "interview_id", "data"),
    ("sealed", "id", "value"),
)
#: Tables that hold what the person entered (app_state is the app's own bookkeeping).
USER_TABLES = ("interviews", "actions", "invitations", "sealed", "settings")
# SQLite primary result codes that mean "this file is damaged", not "try again".
_SQLITE_CORRUPT, _SQLITE_NOTADB = 11, 26


def _now_text() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """Implements :class:`crickets.domain.ports.InterviewStore` on one SQLite file."""

    def __init__(
        self, conn: sqlite3.Connection, path: Path, codec: FieldCodec, *, read_only: bool = False
    ) -> None:
        self._conn = conn
        self.path = path
        self._codec = codec
        self.read_only = read_only

    @classmethod
    def open(
        cls,
        directory: Path,
        codec: FieldCodec | None = None,
        busy_timeout: float = BUSY_TIMEOUT_S,
        *,
        read_only: bool = False,
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
                conn = _connect_read_only(path, busy_timeout)
            else:
                directory.mkdir(mode=0o700, parents=True, exist_ok=True)
                _create_private(path)
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
            raise _translate(error, path) from None
        return cls(conn, path, codec or PlainCodec(), read_only=read_only)

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
            raise _translate(error, self.path) from None
        try:
            yield self._conn
        except sqlite3.DatabaseError as error:
            self._rollback()
            raise _translate(error, self.path) from None
        except BaseException:
            self._rollback()
            raise
        try:
            self._conn.execute("COMMIT")
        except sqlite3.DatabaseError as error:
            self._rollback()
            raise _translate(error, self.path) from None

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
                {**values, "stamp": _now_text(), "id": interview.id},
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
            {**values, "stamp": _now_text()},
        )
        new_id = int(cursor.lastrowid or 0)
        self._seal_interview(conn, new_id, interview)
        return new_id

    def _seal_interview(self, conn: sqlite3.Connection, row_id: int, interview: Interview) -> None:
        blob = self._codec.seal(rows.personal_values(interview), table="interviews", row_id=row_id)
        conn.execute("UPDATE interviews SET personal = ? WHERE id = ?", (blob, row_id))

    def _interview(self, row: sqlite3.Row) -> Interview:
        personal = self._codec.open(_blob(row["personal"]), table="interviews", row_id=row["id"])
        return rows.from_row(row, personal)

    # -- action log and invitations --------------------------------------------------------

    def log_action(self, action: Action) -> Action:
        with self._write() as conn:
            new_id = self._insert_action(conn, action, keep_id=False)
        return replace(action, id=new_id)

    def _insert_action(self, conn: sqlite3.Connection, action: Action, *, keep_id: bool) -> int:
        cursor = conn.execute(
            "INSERT INTO actions (id, interview_id, at, kind) VALUES (?, ?, ?, ?)",
            (
                action.id if keep_id else None,
                action.interview_id,
                action.at.isoformat(timespec="seconds"),
                action.kind.value,
            ),
        )
        new_id = int(cursor.lastrowid or 0)
        blob = self._codec.seal({"detail": action.detail}, table="actions", row_id=new_id)
        conn.execute("UPDATE actions SET detail = ? WHERE id = ?", (blob, new_id))
        return new_id

    def actions(self, interview_id: int | None = None) -> Sequence[Action]:
        """The log, oldest first; one interview's when ``interview_id`` is given."""
        query = "SELECT * FROM actions"
        params: tuple[int, ...] = ()
        if interview_id is not None:
            query, params = query + " WHERE interview_id = ?", (interview_id,)
        found = self._conn.execute(query + " ORDER BY at, id", params).fetchall()
        return [self._action(row) for row in found]

    def _action(self, row: sqlite3.Row) -> Action:
        sealed = self._codec.open(_blob(row["detail"]), table="actions", row_id=row["id"])
        return Action(
            id=int(row["id"]),
            interview_id=int(row["interview_id"]),
            at=datetime.fromisoformat(row["at"]),
            kind=ActionKind(row["kind"]),
            detail=str(sealed.get("detail", "")),
        )

    def save_invitation(self, interview_id: int, data: bytes) -> None:
        """Keep the invitation's original bytes with the interview (replacing older ones)."""
        with self._write() as conn:
            self._insert_invitation(conn, interview_id, data)

    def _insert_invitation(self, conn: sqlite3.Connection, interview_id: int, data: bytes) -> None:
        blob = self._codec.seal(
            {"ics_base64": base64.b64encode(data).decode("ascii")},
            table="invitations",
            row_id=interview_id,
        )
        conn.execute(
            "INSERT OR REPLACE INTO invitations (interview_id, data) VALUES (?, ?)",
            (interview_id, blob),
        )

    def load_invitation(self, interview_id: int) -> bytes | None:
        found = self._conn.execute(
            "SELECT data FROM invitations WHERE interview_id = ?", (interview_id,)
        ).fetchone()
        if not found:
            return None
        sealed = self._codec.open(_blob(found["data"]), table="invitations", row_id=interview_id)
        return base64.b64decode(str(sealed["ics_base64"]))

    def find_by_uid(self, uid: str) -> Interview | None:
        """The interview imported from the invitation with this UID, if any."""
        if not uid:
            return None
        token = self._codec.lookup_token(uid)
        found = self._conn.execute(
            "SELECT * FROM interviews WHERE ics_uid = ? AND ics_uid != '' ORDER BY id DESC",
            (token,),
        ).fetchone()
        return self._interview(found) if found else None

    def invitations(self) -> dict[int, bytes]:
        """Every kept invitation by interview id (for backups and restore)."""
        ids = [int(r[0]) for r in self._conn.execute("SELECT interview_id FROM invitations")]
        found = {i: self.load_invitation(i) for i in ids}
        return {i: data for i, data in found.items() if data is not None}

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
        data = self._codec.open(_blob(found["value"]), table="sealed", row_id=_PROFILE_ID)
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

    # -- integrity, snapshots and maintenance (used by opening, backups and restore) ----

    def quick_check(self) -> tuple[str, ...]:
        """SQLite's ``quick_check``: ``()`` when the file is sound, else its complaints."""
        try:
            found = tuple(str(row[0]) for row in self._conn.execute("PRAGMA quick_check"))
        except sqlite3.DatabaseError as error:
            return (str(error),)
        return () if found == ("ok",) else found

    def vacuum_into(self, target: Path) -> None:
        """A compact, consistent copy of the database at ``target`` (which must not exist)."""
        try:
            self._conn.execute("VACUUM INTO ?", (str(target),))
        except sqlite3.DatabaseError as error:
            raise _translate(error, self.path) from None

    def has_user_data(self) -> bool:
        """Whether anything the person entered is stored (interviews, log, profile, ...)."""
        return any(
            self._conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone()  # noqa: S608
            for table in USER_TABLES
        )

    def sealed_row_count(self) -> int:
        """How many rows hold a blob sealed with a key (legacy plain rows do not count)."""
        return self._count_blobs(sealed=True)

    def plain_row_count(self) -> int:
        """Rows written unencrypted by an earlier version (or with :class:`PlainCodec`)."""
        return self._count_blobs(sealed=False)

    def _count_blobs(self, *, sealed: bool) -> int:
        count = 0
        for table, _id, blob in SEALED_COLUMNS:
            # codec.is_sealed in SQL: a blob starting with the version byte, longer than
            # the version and the nonce; anything else non-empty is a plain (legacy) row.
            is_sealed_sql = (
                f"typeof({blob}) = 'blob' AND length({blob}) > {1 + SEALED_NONCE_BYTES} "
                f"AND substr({blob}, 1, 1) = x'{SEALED_FORMAT_VERSION:02x}'"
            )
            where = is_sealed_sql if sealed else f"length({blob}) > 0 AND NOT ({is_sealed_sql})"
            query = f"SELECT count(*) FROM {table} WHERE {where}"  # noqa: S608
            count += int(self._conn.execute(query).fetchone()[0])
        return count

    def reseal_plain_rows(self, plain: FieldCodec) -> int:
        """Seal with this store's codec every row ``plain`` can open (legacy unencrypted
        rows), in one transaction; then purge the old bytes from the WAL and free pages."""
        done = 0
        with self._write() as conn:
            for table, id_column, blob in SEALED_COLUMNS:
                found = conn.execute(f"SELECT {id_column}, {blob} FROM {table}").fetchall()  # noqa: S608
                for row_id, value in found:
                    raw = _blob(value)
                    if not raw or is_sealed(raw):
                        continue
                    fields = plain.open(raw, table=table, row_id=int(row_id))
                    if table == "interviews":
                        (column,) = conn.execute(
                            "SELECT ics_uid FROM interviews WHERE id = ?", (row_id,)
                        ).fetchone()
                        fields.setdefault("ics_uid", str(column))
                        conn.execute(
                            "UPDATE interviews SET ics_uid = ? WHERE id = ?",
                            (self._codec.lookup_token(str(fields["ics_uid"])), row_id),
                        )
                    sealed = self._codec.seal(fields, table=table, row_id=int(row_id))
                    conn.execute(
                        f"UPDATE {table} SET {blob} = ? WHERE {id_column} = ?",  # noqa: S608
                        (sealed, row_id),
                    )
                    done += 1
        if done:
            self.purge_old_pages()
        return done

    def purge_old_pages(self) -> None:
        """Rewrite the file and empty the WAL, so replaced bytes are gone from the disk."""
        try:
            self._conn.execute("VACUUM")
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.OperationalError:
            pass  # busy: another process has it open; the bytes go at its next checkpoint

    def fingerprint(self) -> str:
        """A digest of everything the person entered (not app state), to tell whether the
        content changed since the last backup."""
        digest = hashlib.sha256()
        for table in USER_TABLES:
            digest.update(table.encode())
            for row in self._conn.execute(f"SELECT * FROM {table} ORDER BY 1"):  # noqa: S608
                digest.update(repr(tuple(row)).encode())
        return digest.hexdigest()


def _write_settings(conn: sqlite3.Connection, settings: Settings) -> None:
    items = [(k, json.dumps(v)) for k, v in settings_to_dict(settings).items()]
    conn.executemany("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", items)


def _blob(value: bytes | str | None) -> bytes:
    """A blob column's bytes (a value some other tool stored as text is taken as UTF-8)."""
    if isinstance(value, str):
        return value.encode("utf-8")
    return bytes(value or b"")


def _create_private(path: Path) -> None:
    """Create an empty database file readable by its owner only (SQLite gives the -wal and
    -shm files the same mode). An existing file is left alone."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    os.close(fd)


def _connect_read_only(path: Path, busy_timeout: float) -> sqlite3.Connection:
    """Open without writing anything, even the -shm file: ``mode=ro`` first (it sees the
    latest commits), then ``immutable=1`` when the folder cannot hold a -shm file."""
    if not path.exists() or path.stat().st_size == 0:
        raise StoreReadOnly(
            f"{path.parent} cannot be written and holds no Crickets database yet; "
            "make the folder writable or choose another with --data-dir."
        )
    uri = f"file:{quote(str(path.resolve()))}"
    conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=busy_timeout, isolation_level=None)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        conn.close()
        conn = sqlite3.connect(
            f"{uri}?mode=ro&immutable=1", uri=True, timeout=busy_timeout, isolation_level=None
        )
    return conn


def is_corruption(error: sqlite3.DatabaseError) -> bool:
    """Whether SQLite says the file is damaged (as opposed to busy, full or read-only)."""
    code = int(getattr(error, "sqlite_errorcode", -1) or -1) & 0xFF
    if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
        return True
    text = str(error)
    return "malformed" in text or "not a database" in text


def _translate(error: sqlite3.DatabaseError, path: Path) -> StorageError:
    text = str(error)
    if is_corruption(error):
        return StoreCorrupt(f"{path} is not a readable Crickets database ({text}).")
    if "locked" in text or "busy" in text:
        return StoreBusy(f"Another Crickets process is writing to {path}; try again in a moment.")
    if "full" in text:
        return StoreFull(
            f"The disk holding {path} is full: the change was not saved and your earlier data "
            "is intact; free some space and try again."
        )
    if "readonly" in text or "read-only" in text:
        return StoreReadOnly(f"{path} is read-only; Crickets cannot save changes there.")
    if "unable to open" in text:
        return StorageError(f"Crickets cannot open {path}; check the folder exists and is yours.")
    return StorageError(f"The database at {path} failed: {text}.")
