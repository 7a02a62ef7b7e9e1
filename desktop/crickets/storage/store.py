"""The SQLite store: one file, WAL, every change one ``BEGIN IMMEDIATE`` transaction.

The CLI and the running tray may write at the same time; a writer that finds the file busy
waits up to the busy timeout, then gives up with :class:`StoreBusy` and changes nothing.
"""

from __future__ import annotations

import base64
import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from crickets.domain.actions import Action, ActionKind
from crickets.domain.interview import Interview
from crickets.domain.profile import Profile
from crickets.domain.settings import Settings, settings_from_dict, settings_to_dict
from crickets.paths import database_path
from crickets.storage import migrations, rows
from crickets.storage.codec import FieldCodec, PlainCodec
from crickets.storage.errors import SchemaTooNew, StorageError, StoreBusy

BUSY_TIMEOUT_S = 5.0
_PROFILE_KEY, _PROFILE_ID = "profile", 1


def _now_text() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """Implements :class:`crickets.domain.ports.InterviewStore` on one SQLite file."""

    def __init__(self, conn: sqlite3.Connection, path: Path, codec: FieldCodec) -> None:
        self._conn = conn
        self.path = path
        self._codec = codec

    @classmethod
    def open(
        cls, directory: Path, codec: FieldCodec | None = None, busy_timeout: float = BUSY_TIMEOUT_S
    ) -> Store:
        directory.mkdir(parents=True, exist_ok=True)
        path = database_path(directory)
        try:
            conn = sqlite3.connect(path, timeout=busy_timeout, isolation_level=None)
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA foreign_keys=ON")
            version = migrations.current_version(conn)
            if version > migrations.LATEST:
                conn.close()
                raise SchemaTooNew(
                    f"{path} was written by a newer Crickets (schema {version}); "
                    "update Crickets or restore an export."
                )
            migrations.apply(conn)
        except sqlite3.OperationalError as error:
            raise _translate(error, path) from None
        except sqlite3.DatabaseError as error:
            raise StorageError(f"{path} is not a readable Crickets database ({error}).") from None
        return cls(conn, path, codec or PlainCodec())

    def close(self) -> None:
        self._conn.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            raise _translate(error, self.path) from None
        try:
            yield self._conn
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        try:
            self._conn.execute("COMMIT")
        except sqlite3.OperationalError as error:
            self._conn.execute("ROLLBACK")
            raise _translate(error, self.path) from None

    # -- interviews -------------------------------------------------------------------

    def add(self, interview: Interview) -> Interview:
        with self._write() as conn:
            new_id = self._insert(conn, interview, rows.clear_values(interview))
        return self._require(new_id)

    def update(self, interview: Interview) -> None:
        if interview.id is None:
            raise KeyError("an interview without an id cannot be updated")
        values = rows.clear_values(interview)
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
        personal = self._codec.open(bytes(row["personal"]), table="interviews", row_id=row["id"])
        return rows.from_row(row, personal)

    # -- action log and invitations --------------------------------------------------------

    def log_action(self, action: Action) -> Action:
        with self._write() as conn:
            cursor = conn.execute(
                "INSERT INTO actions (interview_id, at, kind) VALUES (?, ?, ?)",
                (action.interview_id, action.at.isoformat(timespec="seconds"), action.kind.value),
            )
            new_id = int(cursor.lastrowid or 0)
            blob = self._codec.seal({"detail": action.detail}, table="actions", row_id=new_id)
            conn.execute("UPDATE actions SET detail = ? WHERE id = ?", (blob, new_id))
        return replace(action, id=new_id)

    def actions(self, interview_id: int | None = None) -> Sequence[Action]:
        """The log, oldest first; one interview's when ``interview_id`` is given."""
        query = "SELECT * FROM actions"
        params: tuple[int, ...] = ()
        if interview_id is not None:
            query, params = query + " WHERE interview_id = ?", (interview_id,)
        found = self._conn.execute(query + " ORDER BY at, id", params).fetchall()
        return [self._action(row) for row in found]

    def _action(self, row: sqlite3.Row) -> Action:
        sealed = self._codec.open(bytes(row["detail"]), table="actions", row_id=row["id"])
        return Action(
            id=int(row["id"]),
            interview_id=int(row["interview_id"]),
            at=datetime.fromisoformat(row["at"]),
            kind=ActionKind(row["kind"]),
            detail=str(sealed.get("detail", "")),
        )

    def save_invitation(self, interview_id: int, data: bytes) -> None:
        """Keep the invitation's original bytes with the interview (replacing older ones)."""
        blob = self._codec.seal(
            {"ics_base64": base64.b64encode(data).decode("ascii")},
            table="invitations",
            row_id=interview_id,
        )
        with self._write() as conn:
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
        sealed = self._codec.open(bytes(found["data"]), table="invitations", row_id=interview_id)
        return base64.b64decode(str(sealed["ics_base64"]))

    def find_by_uid(self, uid: str) -> Interview | None:
        """The interview imported from the invitation with this UID, if any."""
        found = self._conn.execute(
            "SELECT * FROM interviews WHERE ics_uid = ? AND ics_uid != '' ORDER BY id DESC", (uid,)
        ).fetchone()
        return self._interview(found) if found else None

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
        data = self._codec.open(bytes(found["value"]), table="sealed", row_id=_PROFILE_ID)
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

    def replace_all(
        self, interviews: Sequence[Interview], settings: Settings, profile: Profile
    ) -> None:
        """Swap the whole content for ``interviews`` (ids kept) in one transaction: restore."""
        with self._write() as conn:
            conn.execute("DELETE FROM interviews")
            for interview in sorted(interviews, key=lambda i: i.id or 0):
                self._insert(conn, interview, {**rows.clear_values(interview), "id": interview.id})
            _write_settings(conn, settings)
            self._write_profile(conn, profile)


def _write_settings(conn: sqlite3.Connection, settings: Settings) -> None:
    items = [(k, json.dumps(v)) for k, v in settings_to_dict(settings).items()]
    conn.executemany("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", items)


def _translate(error: sqlite3.OperationalError, path: Path) -> StorageError:
    text = str(error)
    if "locked" in text or "busy" in text:
        return StoreBusy(f"Another Crickets process is writing to {path}; try again in a moment.")
    if "readonly" in text or "read-only" in text:
        return StorageError(f"{path} is read-only; Crickets cannot save changes there.")
    if "unable to open" in text:
        return StorageError(f"Crickets cannot open {path}; check the folder exists and is yours.")
    return StorageError(f"The database at {path} failed: {text}.")
