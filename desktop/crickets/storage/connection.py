"""Opening SQLite files and reading what SQLite's errors mean for the person."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from urllib.parse import quote

from crickets.storage import disk_space
from crickets.storage.errors import StorageError, StoreBusy, StoreCorrupt, StoreFull, StoreReadOnly

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
_SQLITE_IOERR = 10


def blob_bytes(value: bytes | str | None) -> bytes:
    """A blob column's bytes (a value some other tool stored as text is taken as UTF-8)."""
    if isinstance(value, str):
        return value.encode("utf-8")
    return bytes(value or b"")


def create_private(path: Path) -> None:
    """Create an empty database file readable by its owner only (SQLite gives the -wal and
    -shm files the same mode). An existing file is left alone."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    os.close(fd)


def connect_read_only(path: Path, busy_timeout: float) -> sqlite3.Connection:
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


def _is_io_error(error: sqlite3.DatabaseError) -> bool:
    code = int(getattr(error, "sqlite_errorcode", -1) or -1) & 0xFF
    return code == _SQLITE_IOERR or "disk I/O error" in str(error)


def translate(error: sqlite3.DatabaseError, path: Path) -> StorageError:
    text = str(error)
    if is_corruption(error):
        return StoreCorrupt(f"{path} is not a readable Crickets database ({text}).")
    if "locked" in text or "busy" in text:
        return StoreBusy(f"Another Crickets process is writing to {path}; try again in a moment.")
    if "full" in text or (_is_io_error(error) and disk_space.is_nearly_full(path.parent)):
        return StoreFull(disk_space.full_message(path))
    if "readonly" in text or "read-only" in text:
        return StoreReadOnly(f"{path} is read-only; Crickets cannot save changes there.")
    if "unable to open" in text:
        return StorageError(f"Crickets cannot open {path}; check the folder exists and is yours.")
    return StorageError(f"The database at {path} failed: {text}.")
