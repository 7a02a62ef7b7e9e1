"""The original bytes of the invitation an interview was imported from, kept with it.

An ``.ics`` import keeps the file it read so a later version can read it again (new fields,
fixed parsers) and so a backup carries it. The bytes can hold names, addresses and links,
so they are sealed as one base64 field, bound to the interview's id; one row per
interview, replaced by a newer import and gone when the interview is deleted.
"""

from __future__ import annotations

import base64
import sqlite3
from collections.abc import Mapping, Sequence

from crickets.domain.damage import UnreadableRecord
from crickets.storage.connection import blob_bytes
from crickets.storage.damaged import readable
from crickets.storage.database import Database
from crickets.storage.errors import RecordUnreadable


class KeptInvitations:
    """Reads and writes the ``invitations`` table, by interview id; the role
    :class:`crickets.application.ports.InvitationArchive`."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def save_invitation(self, interview_id: int, data: bytes) -> None:
        """Keep the invitation's original bytes with the interview (replacing older ones)."""
        with self._db.write() as conn:
            self._insert(conn, interview_id, data)

    def load_invitation(self, interview_id: int) -> bytes | None:
        """The bytes kept for this interview; ``None`` when it was not imported."""
        found = self._db.conn.execute(
            "SELECT data FROM invitations WHERE interview_id = ?", (interview_id,)
        ).fetchone()
        if not found:
            return None

        def build() -> bytes:
            sealed = self._db.codec.open(
                blob_bytes(found["data"]), table="invitations", row_id=interview_id
            )
            return base64.b64decode(str(sealed["ics_base64"]), validate=True)

        what = f"the saved invitation of interview #{interview_id}"
        return readable(what, tuple(found), build)

    def invitations(self) -> dict[int, bytes]:
        """Every readable kept invitation by interview id (for backups and restore)."""
        return self._read_all()[0]

    def unreadable(self) -> Sequence[UnreadableRecord]:
        """The kept invitations whose row is damaged, each named."""
        return self._read_all()[1]

    def _read_all(self) -> tuple[dict[int, bytes], list[UnreadableRecord]]:
        ids = [int(r[0]) for r in self._db.conn.execute("SELECT interview_id FROM invitations")]
        found: dict[int, bytes] = {}
        left_out: list[UnreadableRecord] = []
        for interview_id in ids:
            try:
                data = self.load_invitation(interview_id)
            except RecordUnreadable as error:
                left_out.append(error.record)
                continue
            if data is not None:
                found[interview_id] = data
        return found, left_out

    def replace_in(self, conn: sqlite3.Connection, invitations: Mapping[int, bytes]) -> None:
        """Inside an open write: drop every kept invitation, then keep ``invitations``.
        For a restore, after the interviews they belong to are back."""
        conn.execute("DELETE FROM invitations")
        for interview_id, data in sorted(invitations.items()):
            self._insert(conn, interview_id, data)

    def _insert(self, conn: sqlite3.Connection, interview_id: int, data: bytes) -> None:
        blob = self._db.codec.seal(
            {"ics_base64": base64.b64encode(data).decode("ascii")},
            table="invitations",
            row_id=interview_id,
        )
        conn.execute(
            "INSERT OR REPLACE INTO invitations (interview_id, data) VALUES (?, ?)",
            (interview_id, blob),
        )
