"""The action log and the kept invitation bytes: rows that hang off an interview."""

from __future__ import annotations

import base64
import sqlite3
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from crickets.domain.actions import Action, ActionKind
from crickets.domain.interview import Interview
from crickets.storage.connection import blob_bytes
from crickets.storage.store_parts import StoreParts


class RecordsPart(StoreParts):
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
        sealed = self._codec.open(blob_bytes(row["detail"]), table="actions", row_id=row["id"])
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
        sealed = self._codec.open(
            blob_bytes(found["data"]), table="invitations", row_id=interview_id
        )
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
