"""The person's settings and profile: two small documents, one clear and one sealed.

Settings (sound, grace, home zone, ...) hold nothing personal, so they stay in clear in the
``settings`` table, one JSON value per key: a key an older version did not know simply
takes its default (:func:`crickets.domain.settings.settings_from_dict`).

The profile (name, email, phone, used in drafts) is personal: it is one sealed row of the
``sealed`` table, under a fixed key and row id so its blob cannot be swapped with another.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict

from crickets.domain.profile import Profile
from crickets.domain.settings import Settings, settings_from_dict, settings_to_dict
from crickets.storage.connection import blob_bytes
from crickets.storage.database import Database

_PROFILE_KEY, _PROFILE_ID = "profile", 1


class SettingsAndProfile:
    """The role :class:`crickets.application.ports.SettingsRepository` on SQLite."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def load_settings(self) -> Settings:
        found = self._db.conn.execute("SELECT key, value FROM settings").fetchall()
        return settings_from_dict({row["key"]: json.loads(row["value"]) for row in found})

    def save_settings(self, settings: Settings) -> None:
        with self._db.write() as conn:
            self.write_settings_in(conn, settings)

    def load_profile(self) -> Profile:
        """The stored profile; an empty one when none was ever saved."""
        row = self._db.conn.execute("SELECT value FROM sealed WHERE key = ?", (_PROFILE_KEY,))
        found = row.fetchone()
        if not found:
            return Profile()
        data = self._db.codec.open(blob_bytes(found["value"]), table="sealed", row_id=_PROFILE_ID)
        return Profile(**{k: str(v) for k, v in data.items() if k in Profile.__annotations__})

    def save_profile(self, profile: Profile) -> None:
        with self._db.write() as conn:
            self.write_profile_in(conn, profile)

    def write_settings_in(self, conn: sqlite3.Connection, settings: Settings) -> None:
        """Inside an open write (a restore, or :meth:`save_settings`)."""
        items = [(k, json.dumps(v)) for k, v in settings_to_dict(settings).items()]
        conn.executemany("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", items)

    def write_profile_in(self, conn: sqlite3.Connection, profile: Profile) -> None:
        """Inside an open write (a restore, or :meth:`save_profile`)."""
        blob = self._db.codec.seal(asdict(profile), table="sealed", row_id=_PROFILE_ID)
        conn.execute(
            "INSERT OR REPLACE INTO sealed (key, id, value) VALUES (?, ?, ?)",
            (_PROFILE_KEY, _PROFILE_ID, blob),
        )
