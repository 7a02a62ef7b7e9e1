"""The app's own bookkeeping: small named text values, never what the person entered.

Reminders already shown, the store's random id and key check, notices said once, the
own wording of a draft, the fingerprint of the last backup: each is one row of
``app_state``. None of it is personal, so it stays in clear, and none of it counts as the
person's data (:mod:`.maintenance` leaves it out of ``has_user_data`` and the backup
fingerprint, so bookkeeping alone never triggers a snapshot).

Besides plain get and set there are two writes with a rule of their own:

* :meth:`StateValues.ensure_state` is first-writer-wins between processes. The tray and
  the CLI may both open a new store at the same moment and each make up a store id; the
  insert-if-absent and the read-back share one ``BEGIN IMMEDIATE``, so both end up with
  the id that was written first (the key in the keychain is named after it).
* :meth:`StateValues.record_state` joins a write that is already open. The key is fetched
  lazily, on the first seal, which happens inside some write transaction; recording the
  key check there with :meth:`StateValues.set_state` would start a second transaction on
  the same connection and fail. On a read-only store it keeps nothing, quietly: the value
  is only a reminder, and the next writable start records it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from crickets.domain.damage import BAD_TEXT, UnreadableRecord
from crickets.storage.damaged import has_damaged_text
from crickets.storage.database import Database

_UPSERT = "INSERT OR REPLACE INTO app_state (key, value) VALUES (?, ?)"


class StateValues:
    """The ``app_state`` table; the role :class:`crickets.application.ports.AppState`."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def get_state(self, key: str) -> str | None:
        """``key``'s value; ``None`` when it was never set, or when its stored text is
        damaged (:meth:`unreadable` names it; setting the key again replaces it)."""
        found = self._db.conn.execute(
            "SELECT value FROM app_state WHERE key = ?", (key,)
        ).fetchone()
        if not found or has_damaged_text(found):
            return None
        return str(found["value"])

    def is_damaged(self, key: str) -> bool:
        """Whether ``key`` is set to text that is not UTF-8 (unlike never set)."""
        found = self._db.conn.execute(
            "SELECT value FROM app_state WHERE key = ?", (key,)
        ).fetchone()
        return bool(found) and has_damaged_text(found)

    def unreadable(self) -> Sequence[UnreadableRecord]:
        """The values whose stored text is damaged, each named."""
        return [
            UnreadableRecord(f"Crickets' own note {str(row['key'])!r}", BAD_TEXT)
            for row in self._damaged_rows()
        ]

    def drop_damaged(self) -> int:
        """Delete every damaged value (bookkeeping only: each is made again when needed);
        how many. Restore calls it, so the way back leaves no damage behind."""
        rows = self._damaged_rows()
        if rows:
            with self._db.write() as conn:
                conn.executemany(
                    "DELETE FROM app_state WHERE rowid = ?", [(row["rowid"],) for row in rows]
                )
        return len(rows)

    def _damaged_rows(self) -> list[Any]:
        found = self._db.conn.execute("SELECT rowid, key, value FROM app_state").fetchall()
        return [row for row in found if has_damaged_text(tuple(row))]

    def set_state(self, key: str, value: str) -> None:
        """Set ``key`` to ``value`` in a transaction of its own."""
        with self._db.write() as conn:
            conn.execute(_UPSERT, (key, value))

    def ensure_state(self, key: str, value: str) -> str:
        """``key``'s value, set to ``value`` first if it has none (atomic between processes:
        the first writer's value is the one everybody gets)."""
        with self._db.write() as conn:
            conn.execute("INSERT OR IGNORE INTO app_state (key, value) VALUES (?, ?)", (key, value))
            (stored,) = conn.execute("SELECT value FROM app_state WHERE key = ?", (key,)).fetchone()
            if has_damaged_text((stored,)):  # damaged: as good as unset
                conn.execute(_UPSERT, (key, value))
                stored = value
        return str(stored)

    def record_state(self, key: str, value: str) -> None:
        """Like :meth:`set_state`, but joins the write transaction already open on this
        database if there is one, and keeps nothing on a read-only database."""
        if self._db.read_only:
            return
        if self._db.in_transaction:
            self._db.conn.execute(_UPSERT, (key, value))
        else:
            self.set_state(key, value)
