"""The action log: what was done about an interview and when (drafted, called, rescheduled).

The guide reads it to tick off steps, and backups and restore carry it whole. The kind and
the instant stay in clear (the log is ordered and filtered by them); the free-text detail
can name people, so it is sealed, bound to the row's id. Rows hang off their interview and
go when it is deleted (``ON DELETE CASCADE``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import datetime

from crickets.domain.actions import Action, ActionKind
from crickets.domain.damage import UnreadableRecord
from crickets.storage.connection import blob_bytes
from crickets.storage.damaged import keep_readable, readable
from crickets.storage.database import Database


class LoggedActions:
    """Appends to and reads the ``actions`` table; the role
    :class:`crickets.application.ports.ActionLog`."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def log_action(self, action: Action) -> Action:
        """Log ``action`` under a new id (its own id is ignored); the logged copy."""
        with self._db.write() as conn:
            new_id = self._insert(conn, action, keep_id=False)
        return replace(action, id=new_id)

    def actions(self, interview_id: int | None = None) -> Sequence[Action]:
        """The log, oldest first; one interview's when ``interview_id`` is given. A damaged
        entry is left out (:meth:`unreadable` names it)."""
        return self._read(interview_id)[0]

    def unreadable(self) -> Sequence[UnreadableRecord]:
        """The log entries whose row is damaged, each named."""
        return self._read(None)[1]

    def _read(self, interview_id: int | None) -> tuple[list[Action], list[UnreadableRecord]]:
        query = "SELECT * FROM actions"
        params: tuple[int, ...] = ()
        if interview_id is not None:
            query, params = query + " WHERE interview_id = ?", (interview_id,)
        found = self._db.conn.execute(query + " ORDER BY at, id", params).fetchall()
        return keep_readable(found, self._action)

    def replace_in(self, conn: sqlite3.Connection, actions: Iterable[Action]) -> None:
        """Inside an open write: empty the log, then log ``actions`` under their own ids
        (oldest first). For a restore, after the interviews they point to are back."""
        conn.execute("DELETE FROM actions")
        for action in sorted(actions, key=lambda a: (a.id or 0, a.at)):
            self._insert(conn, action, keep_id=True)

    def _insert(self, conn: sqlite3.Connection, action: Action, *, keep_id: bool) -> int:
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
        blob = self._db.codec.seal({"detail": action.detail}, table="actions", row_id=new_id)
        conn.execute("UPDATE actions SET detail = ? WHERE id = ?", (blob, new_id))
        return new_id

    def _action(self, row: sqlite3.Row) -> Action:
        def build() -> Action:
            sealed = self._db.codec.open(
                blob_bytes(row["detail"]), table="actions", row_id=row["id"]
            )
            return Action(
                id=int(row["id"]),
                interview_id=int(row["interview_id"]),
                at=datetime.fromisoformat(row["at"]),
                kind=ActionKind(row["kind"]),
                detail=str(sealed.get("detail", "")),
            )

        return readable(f"action-log entry #{row['id']}", tuple(row), build)
