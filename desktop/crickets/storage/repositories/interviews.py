"""The interviews table: add, read, change and delete interviews, sealing their personal part.

Times stay in clear (for ordering by instant); everything personal is sealed by the
database's codec into the ``personal`` blob, bound to the row's id, so a row can only be
sealed once its id is known: an insert writes the clear columns, then seals
(:mod:`crickets.storage.rows` says which field goes where).

The invitation UID is stored only as the codec's lookup token, which is why
:meth:`Interviews.find_by_uid` lives here and not with the kept invitation bytes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from crickets.domain.damage import UnreadableRecord
from crickets.domain.interview import Interview
from crickets.storage import rows
from crickets.storage.connection import blob_bytes
from crickets.storage.damaged import keep_readable, readable
from crickets.storage.database import Database


class Interviews:
    """The role :class:`crickets.application.ports.InterviewRepository` on SQLite."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def add(self, interview: Interview) -> Interview:
        """Store ``interview`` under a new id (its own id is ignored); the stored copy."""
        with self._db.write() as conn:
            new_id = self._insert(conn, interview, self._clear_values(interview))
        return self._require(new_id)

    def update(self, interview: Interview) -> None:
        """Overwrite the stored interview with this id; :class:`KeyError` if there is none."""
        if interview.id is None:
            raise KeyError("an interview without an id cannot be updated")
        values = self._clear_values(interview)
        assignments = ", ".join(f"{n} = :{n}" for n in values)
        with self._db.write() as conn:
            cursor = conn.execute(
                f"UPDATE interviews SET {assignments}, updated_at = :stamp "  # noqa: S608
                "WHERE id = :id",
                {**values, "stamp": self._db.now_text(), "id": interview.id},
            )
            if cursor.rowcount != 1:
                raise KeyError(interview.id)
            self._seal(conn, interview.id, interview)

    def delete(self, interview_id: int) -> bool:
        """Whether there was such an interview (its log and kept invitation go with it)."""
        with self._db.write() as conn:
            cursor = conn.execute("DELETE FROM interviews WHERE id = ?", (interview_id,))
        return cursor.rowcount == 1

    def get(self, interview_id: int) -> Interview | None:
        """The interview; :class:`~crickets.storage.errors.RecordUnreadable` when its row is
        damaged (named, so the person is not told it does not exist)."""
        row = self._db.conn.execute("SELECT * FROM interviews WHERE id = ?", (interview_id,))
        found = row.fetchone()
        return self._interview(found) if found else None

    def list(self) -> Sequence[Interview]:
        """Every readable interview, by instant (not by wall clock), then by id; a damaged
        row is left out (:meth:`unreadable` names it)."""
        return self._read_all()[0]

    def unreadable(self) -> Sequence[UnreadableRecord]:
        """The interviews whose row is damaged, each named."""
        return self._read_all()[1]

    def _read_all(self) -> tuple[Sequence[Interview], Sequence[UnreadableRecord]]:
        found = self._db.conn.execute("SELECT * FROM interviews ORDER BY start_utc, id")
        return keep_readable(found.fetchall(), self._interview)

    def find_by_uid(self, uid: str) -> Interview | None:
        """The interview imported from the invitation with this UID, if any (the newest)."""
        if not uid:
            return None
        token = self._db.codec.lookup_token(uid)
        found = self._db.conn.execute(
            "SELECT * FROM interviews WHERE ics_uid = ? AND ics_uid != '' ORDER BY id DESC",
            (token,),
        ).fetchone()
        return self._interview(found) if found else None

    def replace_in(self, conn: sqlite3.Connection, interviews: Iterable[Interview]) -> None:
        """Inside an open write: delete every interview (their log and kept invitations
        cascade), then store ``interviews`` under their own ids. For a restore."""
        conn.execute("DELETE FROM interviews")
        for interview in sorted(interviews, key=lambda i: i.id or 0):
            self._insert(conn, interview, {**self._clear_values(interview), "id": interview.id})

    def _require(self, interview_id: int) -> Interview:
        interview = self.get(interview_id)
        if interview is None:
            raise KeyError(interview_id)
        return interview

    def _clear_values(self, interview: Interview) -> dict[str, Any]:
        return rows.clear_values(interview, self._db.codec.lookup_token(interview.ics_uid))

    def _insert(
        self, conn: sqlite3.Connection, interview: Interview, values: dict[str, Any]
    ) -> int:
        names = ", ".join(values)
        marks = ", ".join(f":{n}" for n in values)
        cursor = conn.execute(
            f"INSERT INTO interviews ({names}, created_at, updated_at) "  # noqa: S608
            f"VALUES ({marks}, :stamp, :stamp)",
            {**values, "stamp": self._db.now_text()},
        )
        new_id = int(cursor.lastrowid or 0)
        self._seal(conn, new_id, interview)
        return new_id

    def _seal(self, conn: sqlite3.Connection, row_id: int, interview: Interview) -> None:
        blob = self._db.codec.seal(
            rows.personal_values(interview), table="interviews", row_id=row_id
        )
        conn.execute("UPDATE interviews SET personal = ? WHERE id = ?", (blob, row_id))

    def _interview(self, row: sqlite3.Row) -> Interview:
        def build() -> Interview:
            personal = self._db.codec.open(
                blob_bytes(row["personal"]), table="interviews", row_id=row["id"]
            )
            return rows.from_row(row, personal)

        return readable(f"interview #{row['id']}", tuple(row), build)
