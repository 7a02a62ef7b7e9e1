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

import contextlib
import os
import sqlite3
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from crickets.domain import damage
from crickets.domain.clock import Clock
from crickets.paths import database_path
from crickets.storage import backups, disk_space, migrations
from crickets.storage.connection import is_corruption
from crickets.storage.database import BUSY_TIMEOUT_S
from crickets.storage.errors import (
    DataMissing,
    StorageError,
    StoreCorrupt,
    StoreFull,
)
from crickets.storage.identity import MARKER_NAME, HandedKey, attach_key, ensure_identity
from crickets.storage.keychain import Keychain
from crickets.storage.recovery import set_aside
from crickets.storage.store import Store

PROBE_PREFIX = ".write-probe-"
PROBE_STALE_S = 600.0  # a probe lives for microseconds; ten minutes old is left behind

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
    report_damage: bool = True,
    handed: HandedKey | None = None,
) -> OpenedStore:
    """Open the store in ``data_dir`` (see the module docstring for every step).

    ``keychain`` defaults to keyring's choice (``PYTHON_KEYRING_BACKEND`` is honoured).
    ``on_notice`` is called with each notice as it arises, including later ones (the key
    is fetched on first use); they are also appended to ``OpenedStore.notices``.
    ``writable`` forces read-only mode when False (None: probe the folder).
    ``allow_empty`` skips the missing-data guard (restore uses it after setting aside).
    ``report_damage`` names damaged records in a notice (restore, which replaces them, not).
    ``handed``: the key (and the rows opened with it) another process just found for this
    store (:mod:`crickets.storage.first_open`); the keychain is then not asked.
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
        store = _open_read_only(data_dir, database, clock, busy_timeout)
        say(READ_ONLY.format(folder=data_dir))
    else:
        try:
            store = _open_writable(data_dir, database, clock, busy_timeout, say)
        except StoreFull:  # reading needs no room: look, but not change
            store = _open_read_only(data_dir, database, clock, busy_timeout)
            store.database.read_only_reason = disk_space.full_message(database)
            say(disk_space.read_only_notice(database))
            writable = False

    try:
        attach_key(store, data_dir, keychain, say, handed)
        if report_damage:
            _name_damage(store, say)
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
        with tempfile.NamedTemporaryFile(prefix=PROBE_PREFIX, dir=data_dir):
            pass
    except OSError:
        return False
    remove_stale_probes(data_dir)
    return not database.exists() or os.access(database, os.W_OK)


def remove_stale_probes(data_dir: Path, *, older_than: float = PROBE_STALE_S) -> int:
    """Delete probe files a process killed mid-probe left behind (empty files, harmless,
    but clutter); how many. Only old ones: another process may be probing right now."""
    removed = 0
    for probe in data_dir.glob(f"{PROBE_PREFIX}*"):
        with contextlib.suppress(OSError):
            if probe.is_file() and time.time() - probe.stat().st_mtime > older_than:
                probe.unlink()
                removed += 1
    return removed


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


def _open_read_only(data_dir: Path, database: Path, clock: Clock, busy_timeout: float) -> Store:
    store = Store.open(data_dir, busy_timeout=busy_timeout, read_only=True, clock=clock)
    problems = store.maintenance.quick_check()
    if problems:
        store.close()
        raise StoreCorrupt(
            f"{database} is damaged ({problems[0]}) and its folder cannot be written, so "
            "it cannot be set aside; make the folder writable and start Crickets again."
        )
    return store


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
    try:
        ensure_identity(store, data_dir)
    except BaseException:
        store.close()
        raise
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
    ensure_identity(store, data_dir)
    return store


def _name_damage(store: Store, say: Callable[[str], None]) -> None:
    """One notice naming the records that cannot be read; the rest works as usual."""
    damaged = store.unreadable()
    if damaged:
        say(damage.summary(damaged))


# -- small helpers -------------------------------------------------------------------------


def _one_line(text: str) -> str:
    return " ".join(text.split())
