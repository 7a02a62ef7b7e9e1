"""The schema, as ordered steps. ``PRAGMA user_version`` says how many have run.

Never edit a step that has shipped: add the next one. Each step runs in its own
transaction together with the version bump, so a crash leaves either all of it or none.
"""

from __future__ import annotations

import sqlite3

STEPS: tuple[str, ...] = (
    # 1: interviews (times in clear for ordering; everything personal sealed in `personal`),
    #    key-value settings, and small app state such as the last tick.
    """
    CREATE TABLE interviews (
        id INTEGER PRIMARY KEY,
        local_start TEXT NOT NULL,
        fold INTEGER NOT NULL DEFAULT 0,
        zone TEXT NOT NULL,
        start_utc TEXT NOT NULL,
        duration_min REAL NOT NULL,
        direction TEXT NOT NULL,
        status TEXT NOT NULL,
        reschedules_id INTEGER REFERENCES interviews(id) ON DELETE SET NULL,
        call_started_at TEXT,
        ics_uid TEXT NOT NULL DEFAULT '',
        ics_sequence INTEGER NOT NULL DEFAULT 0,
        personal BLOB NOT NULL DEFAULT x'',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX interviews_by_start ON interviews(start_utc);
    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE sealed (key TEXT PRIMARY KEY, id INTEGER NOT NULL, value BLOB NOT NULL);
    CREATE TABLE app_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    """,
    # 2: the action log (kind and instant in clear, the detail sealed) and the original
    #    invitation bytes of imported interviews (sealed), so a later version can re-read them.
    """
    CREATE TABLE actions (
        id INTEGER PRIMARY KEY,
        interview_id INTEGER NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        kind TEXT NOT NULL,
        detail BLOB NOT NULL DEFAULT x''
    );
    CREATE INDEX actions_by_interview ON actions(interview_id, at);
    CREATE TABLE invitations (
        interview_id INTEGER PRIMARY KEY REFERENCES interviews(id) ON DELETE CASCADE,
        data BLOB NOT NULL
    );
    """,
    # 3: when the interviewer said they would start later than agreed (an instant, in clear
    #    like the start itself): the countdown follows it, the agreed time stays as it was.
    """
    ALTER TABLE interviews ADD COLUMN late_start TEXT;
    """,
    # 4: the interviewer's working hours, "09:00-17:30" on their clock (in clear: it names
    #    nobody); NULL for the usual office day.
    """
    ALTER TABLE interviews ADD COLUMN their_hours TEXT;
    """,
)

LATEST = len(STEPS)


def current_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def pending(conn: sqlite3.Connection) -> range:
    return range(current_version(conn), LATEST)


def apply(conn: sqlite3.Connection) -> None:
    """Run every pending step, each with its version bump in one transaction."""
    for index in pending(conn):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(STEPS[index]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {index + 1}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")


def _statements(script: str) -> list[str]:
    return [part.strip() for part in script.split(";") if part.strip()]
