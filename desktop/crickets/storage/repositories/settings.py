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
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from crickets.domain.damage import BAD_VALUE, UnreadableRecord
from crickets.domain.profile import Profile
from crickets.domain.settings import (
    Settings,
    setting_value,
    settings_from_dict,
    settings_to_dict,
)
from crickets.storage.connection import blob_bytes
from crickets.storage.damaged import readable
from crickets.storage.database import Database
from crickets.storage.errors import RecordUnreadable

_PROFILE_KEY, _PROFILE_ID = "profile", 1


class SettingsAndProfile:
    """The role :class:`crickets.application.ports.SettingsRepository` on SQLite."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def load_settings(self) -> Settings:
        """The settings; a damaged value takes its default (:meth:`unreadable` names it)."""
        return self._read_settings()[0]

    def unreadable(self) -> Sequence[UnreadableRecord]:
        """The settings and the profile, when damaged, each named."""
        return self._read_settings()[1] + self._read_profile()[1]

    def _read_settings(self) -> tuple[Settings, list[UnreadableRecord]]:
        found = self._db.conn.execute("SELECT key, value FROM settings").fetchall()
        kept: dict[str, Any] = {}
        left_out: list[UnreadableRecord] = []
        for row in found:
            key, value = row["key"], row["value"]

            def check(key: str = key, value: str = value) -> Any:
                decoded = json.loads(value)
                setting_value(key, decoded)  # the value alone: a bad one is named
                return decoded

            try:
                kept[key] = readable(f"the setting {key!r}", tuple(row), check)
            except RecordUnreadable as error:
                left_out.append(error.record)
        # Values are checked together only here: the demo's one-minute timings are fine
        # beside each other, though not beside the defaults.
        try:
            return settings_from_dict(kept), left_out
        except (ValueError, TypeError):
            return settings_from_dict({}), [*left_out, UnreadableRecord("your settings", BAD_VALUE)]

    def save_settings(self, settings: Settings) -> None:
        with self._db.write() as conn:
            self.write_settings_in(conn, settings)

    def load_profile(self) -> Profile:
        """The stored profile; an empty one when none was ever saved, or when it is damaged
        (:meth:`unreadable` names it; saving a profile replaces it)."""
        return self._read_profile()[0]

    def _read_profile(self) -> tuple[Profile, list[UnreadableRecord]]:
        row = self._db.conn.execute("SELECT value FROM sealed WHERE key = ?", (_PROFILE_KEY,))
        found = row.fetchone()
        if not found:
            return Profile(), []

        def build() -> Profile:
            data = self._db.codec.open(
                blob_bytes(found["value"]), table="sealed", row_id=_PROFILE_ID
            )
            return Profile(**{k: str(v) for k, v in data.items() if k in Profile.__annotations__})

        try:
            return readable("your profile", tuple(found), build), []
        except RecordUnreadable as error:
            return Profile(), [error.record]

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
