"""Opening the store the way the app and the command line must: the one composition of
the SQLite store, the key, fault recovery and backups.

:func:`open_store` returns an :class:`OpenedStore` (the store, the one-line notices to show
the person, whether it is read-only) or raises a :class:`~crickets.storage.errors.StorageError`
whose ``str()`` is the one line to show. In order, it:

1. refuses an empty or missing database where there was data before (the marker file
   ``crickets-store.json`` or snapshots say so): :class:`DataMissing`, never a silent start;
2. opens read-only, with a notice, when the data folder cannot be written;
3. takes a verified snapshot before a schema migration;
4. sets a damaged database aside (renamed with a timestamp, never deleted), says where,
   and starts clean;
5. finds the key (keychain, else key file) when sealed rows need it, verifies it against
   the key check, and seals rows an earlier version wrote in clear; a store with nothing
   sealed yet asks for its key only when it first seals something;
6. takes the daily snapshot when one is due.
"""

from __future__ import annotations

import json
import os
import secrets
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from crickets.atomic_files import write_atomically
from crickets.domain.clock import Clock
from crickets.paths import database_path
from crickets.storage import backups, migrations
from crickets.storage.codec import PlainCodec
from crickets.storage.connection import is_corruption
from crickets.storage.crypto import SealingCodec
from crickets.storage.database import BUSY_TIMEOUT_S
from crickets.storage.errors import (
    DataMissing,
    KeyMismatch,
    StorageError,
    StoreCorrupt,
)
from crickets.storage.keychain import (
    KEY_FILE_IN_USE,
    MISMATCH,
    FoundKey,
    Keychain,
    KeySource,
    obtain_key,
)
from crickets.storage.recovery import set_aside
from crickets.storage.store import Store

MARKER_NAME = "crickets-store.json"
STORE_ID_STATE = "store.id"
KEY_CHECK_STATE = "store.key-check"
KEY_FILE_SAID_STATE = "notice.key-file"

READ_ONLY = (
    "{folder} cannot be written, so Crickets is in read-only mode: you can look, but changes "
    "will not be saved."
)
SET_ASIDE = (
    "The database could not be read ({reason}); it was set aside as {path} (nothing was "
    "deleted) and Crickets started with an empty one. `crickets backups` lists snapshots "
    "to restore with `crickets restore FILE`."
)
EMPTY = (
    "The Crickets database {database} is {state}, but this folder held data before; nothing "
    "was created. Restore with `crickets restore FILE` ({hint}); to start empty on purpose, "
    "move {marker} and the backups folder away."
)
RESEALED = "Crickets now encrypts your data on disk: {count} saved records were encrypted."
BACKUP_FAILED = "Crickets could not make its backup ({reason}); your data itself is unchanged."


@dataclass
class OpenedStore:
    """What :func:`open_store` hands to the app: show every notice once."""

    store: Store
    notices: list[str]
    read_only: bool
    data_dir: Path
    clock: Clock
    _say: Callable[[str], None] = field(repr=False, default=lambda _text: None)

    @property
    def backup_dir(self) -> Path:
        return backups.backup_dir(self.data_dir)

    def snapshot_if_due(self) -> backups.Snapshot | None:
        """The daily snapshot, for a long-running app to call now and then (an hour is
        plenty); a failure becomes a notice, never an exception."""
        if self.read_only:
            return None
        try:
            return backups.snapshot_if_due(self.store, self.backup_dir, self.clock.now())
        except StorageError as error:
            self._say(BACKUP_FAILED.format(reason=error))
            return None

    def close(self) -> None:
        self.store.close()


def open_store(
    data_dir: Path,
    *,
    clock: Clock,
    keychain: Keychain | None = None,
    on_notice: Callable[[str], None] | None = None,
    busy_timeout: float = BUSY_TIMEOUT_S,
    writable: bool | None = None,
    daily_backup: bool = True,
    allow_empty: bool = False,
) -> OpenedStore:
    """Open the store in ``data_dir`` (see the module docstring for every step).

    ``keychain`` defaults to keyring's choice (``PYTHON_KEYRING_BACKEND`` is honoured).
    ``on_notice`` is called with each notice as it arises, including later ones (the key
    is fetched on first use); they are also appended to ``OpenedStore.notices``.
    ``writable`` forces read-only mode when False (None: probe the folder).
    ``allow_empty`` skips the missing-data guard (restore uses it after setting aside).
    """
    notices: list[str] = []

    def say(text: str) -> None:
        notices.append(text)
        if on_notice is not None:
            on_notice(text)

    keychain = keychain or Keychain()
    database = database_path(data_dir)
    if not allow_empty:
        _refuse_missing_data(data_dir, database)
    if writable is None:
        writable = folder_is_writable(data_dir, database)

    if not writable:
        store = Store.open(data_dir, busy_timeout=busy_timeout, read_only=True, clock=clock)
        problems = store.maintenance.quick_check()
        if problems:
            store.close()
            raise StoreCorrupt(
                f"{database} is damaged ({problems[0]}) and its folder cannot be written, so "
                "it cannot be set aside; make the folder writable and start Crickets again."
            )
        say(READ_ONLY.format(folder=data_dir))
    else:
        store = _open_writable(data_dir, database, clock, busy_timeout, say)

    try:
        _attach_key(store, data_dir, keychain, say)
        if writable and daily_backup:
            try:
                backups.snapshot_if_due(store, backups.backup_dir(data_dir), clock.now())
            except backups.BackupFailed as error:
                say(BACKUP_FAILED.format(reason=error))
            except StorageError:
                pass  # busy recording it: the next start takes the snapshot
    except BaseException:
        store.close()
        raise
    return OpenedStore(store, notices, not writable, data_dir, clock, say)


# -- the steps -----------------------------------------------------------------------------


def folder_is_writable(data_dir: Path, database: Path) -> bool:
    """Whether Crickets can write in ``data_dir``, tried for real: ``os.access`` says yes to
    root on a chmod 555 folder and cannot see every refusal (ACLs, network file systems);
    creating a file on a read-only mount fails for root too."""
    try:
        data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(prefix=".write-probe-", dir=data_dir):
            pass
    except OSError:
        return False
    return not database.exists() or os.access(database, os.W_OK)


def _refuse_missing_data(data_dir: Path, database: Path) -> None:
    size = database.stat().st_size if database.exists() else -1
    wal = Path(f"{database}-wal")
    if size > 0 or (wal.exists() and wal.stat().st_size > 0):
        return
    marker = data_dir / MARKER_NAME
    snapshots = backups.list_snapshots(backups.backup_dir(data_dir))
    if not marker.exists() and not snapshots:
        return
    hint = (
        f"the newest snapshot is {snapshots[0].path}"
        if snapshots
        else "an export, as there is no snapshot"
    )
    raise DataMissing(
        EMPTY.format(
            database=database,
            state="empty (0 bytes)" if size == 0 else "missing",
            hint=hint,
            marker=marker,
        )
    )


def _open_writable(
    data_dir: Path, database: Path, clock: Clock, busy_timeout: float, say: Callable[[str], None]
) -> Store:
    try:
        _snapshot_before_migration(data_dir, database, clock)
        store = Store.open(data_dir, busy_timeout=busy_timeout, clock=clock)
    except StoreCorrupt as error:
        return _start_clean(data_dir, database, clock, busy_timeout, str(error), say)
    problems = store.maintenance.quick_check()
    if problems:
        store.close()
        return _start_clean(data_dir, database, clock, busy_timeout, problems[0], say)
    _ensure_identity(store, data_dir)
    return store


def _snapshot_before_migration(data_dir: Path, database: Path, clock: Clock) -> None:
    if not database.exists() or database.stat().st_size == 0:
        return
    try:
        conn = sqlite3.connect(database, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        try:
            version = migrations.current_version(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        if is_corruption(error):
            raise StoreCorrupt(
                f"{database} is not a readable Crickets database ({error})"
            ) from None
        return  # busy and the like: Store.open reports it properly
    if 0 < version < migrations.LATEST:
        try:
            backups.take_snapshot(
                database, backups.backup_dir(data_dir), clock.now(), f"before-migration-v{version}"
            )
        except backups.BackupFailed as error:
            raise StorageError(
                f"Crickets must update {database} (schema {version} to {migrations.LATEST}) "
                f"and could not back it up first ({error}); nothing was changed."
            ) from None


def _start_clean(
    data_dir: Path,
    database: Path,
    clock: Clock,
    busy_timeout: float,
    reason: str,
    say: Callable[[str], None],
) -> Store:
    moved = set_aside(database, clock.now(), "corrupt")
    say(SET_ASIDE.format(reason=_one_line(reason), path=moved))
    store = Store.open(data_dir, busy_timeout=busy_timeout, clock=clock)
    _ensure_identity(store, data_dir)
    return store


def _ensure_identity(store: Store, data_dir: Path) -> str:
    """The database's random id (names its key) and the marker file that outlives it."""
    store_id = store.state.ensure_state(STORE_ID_STATE, secrets.token_hex(8))
    marker = data_dir / MARKER_NAME
    wanted = {"format": "crickets-store", "store_id": store_id, "database": store.path.name}
    try:
        current = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        current = None
    if current != wanted:
        write_atomically(
            marker, (json.dumps(wanted, indent=2) + "\n").encode(), sync_directory=True
        )
    return store_id


def _attach_key(
    store: Store, data_dir: Path, keychain: Keychain, say: Callable[[str], None]
) -> None:
    store_id = store.state.get_state(STORE_ID_STATE)
    if store_id is None:  # read-only and never opened by this version: nothing sealed
        store_id = "unset"

    def resolve() -> bytes:
        found = obtain_key(
            keychain,
            data_dir,
            store_id,
            sealed_rows=store.maintenance.sealed_row_count(),
            database=store.path,
            read_only=store.read_only,
        )
        _check_key(store, found)
        _tell_about_key(store, found, say)
        return found.key

    codec = SealingCodec(resolve)
    plain_rows = store.maintenance.plain_row_count()
    needs_key_now = (
        store.state.get_state(KEY_CHECK_STATE) is not None
        or store.maintenance.sealed_row_count() > 0
    )
    if needs_key_now or (plain_rows and not store.read_only):
        codec.key()  # report a missing or locked key at start-up, not at the first click
    if plain_rows and not store.read_only:
        store.use_codec(codec)
        count = store.maintenance.reseal_plain_rows(PlainCodec())
        say(RESEALED.format(count=count))
    store.use_codec(codec)


def _check_key(store: Store, found: FoundKey) -> None:
    check = store.state.get_state(KEY_CHECK_STATE)
    probe = SealingCodec(found.key)
    if check is not None and not probe.matches(check):
        if store.maintenance.sealed_row_count() == 0 and not store.read_only:
            check = None  # nothing sealed with the old key: this key takes over
        else:
            where = "key file" if found.source is KeySource.KEY_FILE else "keychain"
            raise KeyMismatch(MISMATCH.format(where=where, database=store.path))
    if check is None:
        store.state.record_state(KEY_CHECK_STATE, probe.key_check())


def _tell_about_key(store: Store, found: FoundKey, say: Callable[[str], None]) -> None:
    if found.message:
        say(found.message)
        if found.source is KeySource.KEY_FILE:
            store.state.record_state(KEY_FILE_SAID_STATE, "1")
        return
    if found.source is KeySource.KEY_FILE and store.state.get_state(KEY_FILE_SAID_STATE) is None:
        say(KEY_FILE_IN_USE.format(path=found.key_file))
        store.state.record_state(KEY_FILE_SAID_STATE, "1")


# -- small helpers -------------------------------------------------------------------------


def _one_line(text: str) -> str:
    return " ".join(text.split())
