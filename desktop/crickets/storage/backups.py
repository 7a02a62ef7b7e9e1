"""Verified snapshots of the database, and the rule that thins them out.

A snapshot is ``backups/crickets-<UTC stamp>-<reason>.sqlite3``: a ``VACUUM INTO`` copy (one
consistent read transaction, compact, no WAL), checked with ``quick_check`` before it gets
its final name, so every file with a snapshot name is a database that opened and checked
sound. Personal fields stay sealed in it: a snapshot is as private as the database, and
needs the same key (docs/decisions/033-backups.md).

Snapshots are taken before each schema migration, before a restore, on request
(``crickets backups --now``), and at most once a day while the content keeps changing.
:func:`keep` (pure) decides which survive; :func:`prune` applies it.
"""

from __future__ import annotations

import os
import re
import sqlite3
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from urllib.parse import quote

from crickets.atomic_files import fsync_directory
from crickets.domain.clock import require_aware
from crickets.storage import migrations
from crickets.storage.errors import StorageError
from crickets.storage.recovery import stamp
from crickets.storage.store import Store

BACKUP_DIR_NAME = "backups"
DAILY = timedelta(days=1)
FINGERPRINT_STATE = "backup.fingerprint"
_NAME = re.compile(
    r"^crickets-(?P<stamp>\d{8}T\d{6}Z)-(?P<reason>[a-z0-9-]+?)(?:-(?P<n>\d+))?\.sqlite3$"
)


class BackupFailed(StorageError):
    """A snapshot could not be made or did not verify; the database itself is untouched."""


@dataclass(frozen=True)
class Snapshot:
    path: Path
    taken_at: datetime  # aware, UTC
    reason: str  # "daily", "before-migration-v1", "before-restore", "manual"

    @property
    def size(self) -> int:
        try:
            return self.path.stat().st_size
        except OSError:
            return 0


@dataclass(frozen=True)
class Thinning:
    """Keep every snapshot younger than ``recent``; beyond that the newest of each of the
    last ``daily`` days, ``weekly`` ISO weeks and ``monthly`` months that have snapshots."""

    recent: timedelta = timedelta(days=2)
    daily: int = 7
    weekly: int = 8
    monthly: int = 12


DEFAULT_THINNING = Thinning()


def backup_dir(data_dir: Path) -> Path:
    return data_dir / BACKUP_DIR_NAME


# -- the thinning rule: pure ---------------------------------------------------------------


def keep(
    snapshots: Iterable[Snapshot], now: datetime, rule: Thinning = DEFAULT_THINNING
) -> list[Snapshot]:
    """The snapshots to keep, newest first. Pure: no clock, no files.

    Day, week and month buckets are counted over all snapshots, not from ``now``, so what
    one run deletes would never have been kept by a later run: thinning every day or once
    a month leaves the same files (tests/unit/test_storage_backups.py checks this)."""
    now = require_aware(now)
    ordered = sorted(snapshots, key=lambda s: (s.taken_at, s.path.name), reverse=True)
    kept: dict[Path, Snapshot] = {}
    for snapshot in ordered:
        if now - snapshot.taken_at < rule.recent:
            kept[snapshot.path] = snapshot
    buckets = (
        (rule.daily, _day),
        (rule.weekly, _week),
        (rule.monthly, _month),
    )
    for limit, bucket in buckets:
        seen: set[tuple[int, int, int]] = set()
        for snapshot in ordered:  # newest first: the first of each bucket is its newest
            period = bucket(snapshot.taken_at)
            if period in seen:
                continue
            if len(seen) >= limit:
                break
            seen.add(period)
            kept[snapshot.path] = snapshot
    return [s for s in ordered if s.path in kept]


def _day(at: datetime) -> tuple[int, int, int]:
    day = at.astimezone(UTC).date()
    return (day.year, day.month, day.day)


def _week(at: datetime) -> tuple[int, int, int]:
    iso = at.astimezone(UTC).date().isocalendar()
    return (iso.year, iso.week, 0)


def _month(at: datetime) -> tuple[int, int, int]:
    day: date = at.astimezone(UTC).date()
    return (day.year, day.month, 0)


# -- files ---------------------------------------------------------------------------------


def list_snapshots(directory: Path) -> list[Snapshot]:
    """The snapshots in ``directory`` (a backups folder), newest first."""
    found: list[Snapshot] = []
    if not directory.is_dir():
        return found
    for path in directory.iterdir():
        match = _NAME.match(path.name)
        if not match or not path.is_file():
            continue
        # "%Y%m%dT%H%M%SZ", read without strptime (_strptime and calendar: 0.3 MiB, 162)
        taken = datetime.fromisoformat(match["stamp"])
        found.append(Snapshot(path, taken, match["reason"]))
    return sorted(found, key=lambda s: (s.taken_at, s.path.name), reverse=True)


def take_snapshot(database: Path, directory: Path, at: datetime, reason: str) -> Snapshot:
    """Copy ``database`` into ``directory`` with ``VACUUM INTO``, verify the copy, then give
    it its final name. Raises :class:`BackupFailed`; a failed copy leaves no snapshot."""
    if not re.fullmatch(r"[a-z0-9-]+", reason):
        raise ValueError(f"snapshot reason {reason!r}: lowercase letters, digits and '-' only")
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as error:
        raise BackupFailed(f"cannot create {directory}: {error.strerror}") from None
    temp = directory / f".partial-{stamp(at)}-{os.urandom(4).hex()}.sqlite3"
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
        _vacuum_into(database, temp)
        _verify_file(temp)
        with temp.open("rb+") as handle:
            os.fsync(handle.fileno())
        final = _free_name(directory, at, reason)
        os.link(temp, final)  # never replaces an existing snapshot
    except OSError as error:
        raise BackupFailed(f"cannot write a snapshot in {directory}: {error.strerror}") from None
    except sqlite3.DatabaseError as error:
        raise BackupFailed(f"the snapshot of {database} failed: {error}") from None
    finally:
        temp.unlink(missing_ok=True)
    fsync_directory(directory)
    return Snapshot(final, require_aware(at), reason)


def _vacuum_into(database: Path, target: Path) -> None:
    conn = sqlite3.connect(database, timeout=30, isolation_level=None)
    try:
        conn.execute("VACUUM INTO ?", (str(target),))
    finally:
        conn.close()


def _verify_file(path: Path) -> None:
    """Open the copy as its own database: rollback journal, ``quick_check`` ok."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=DELETE")
        found = [str(row[0]) for row in conn.execute("PRAGMA quick_check")]
        if found != ["ok"]:
            raise BackupFailed(f"the snapshot did not verify: {'; '.join(found[:3])}")
    finally:
        conn.close()


def verify_snapshot(path: Path) -> int:
    """Check a snapshot (or any database file) without changing it; its schema version.
    Raises :class:`BackupFailed` with the reason."""
    try:
        uri = f"file:{quote(str(path.resolve()))}?mode=ro"  # '#', '?', '%' in folder names
        conn = sqlite3.connect(uri, uri=True, isolation_level=None)
    except sqlite3.DatabaseError as error:
        raise BackupFailed(f"{path} cannot be opened: {error}") from None
    try:
        found = [str(row[0]) for row in conn.execute("PRAGMA quick_check")]
        if found != ["ok"]:
            raise BackupFailed(f"{path} is damaged: {'; '.join(found[:3])}")
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.DatabaseError as error:
        raise BackupFailed(f"{path} is not a readable Crickets database ({error})") from None
    finally:
        conn.close()
    if version > migrations.LATEST:
        raise BackupFailed(f"{path} was written by a newer Crickets (schema {version})")
    if version < 1:
        raise BackupFailed(f"{path} holds no Crickets data")
    return version


def _free_name(directory: Path, at: datetime, reason: str) -> Path:
    base = f"crickets-{stamp(at)}-{reason}"
    candidate = directory / f"{base}.sqlite3"
    counter = 1
    while candidate.exists():
        counter += 1
        candidate = directory / f"{base}-{counter}.sqlite3"
    return candidate


def prune(directory: Path, now: datetime, rule: Thinning = DEFAULT_THINNING) -> list[Snapshot]:
    """Delete the snapshots :func:`keep` does not keep (and partial copies over an hour old,
    left by a process that was killed mid-copy); the deleted snapshots."""
    snapshots = list_snapshots(directory)
    kept = {s.path for s in keep(snapshots, now, rule)}
    deleted = [s for s in snapshots if s.path not in kept]
    for snapshot in deleted:
        snapshot.path.unlink(missing_ok=True)
    _remove_stale_partials(directory)
    return deleted


def _remove_stale_partials(directory: Path) -> None:
    """File ages are compared with the file system's own clock, not the injected one: a
    copy another process is writing right now is never removed."""
    if not directory.is_dir():
        return
    for path in directory.glob(".partial-*.sqlite3"):
        try:
            age = time.time() - path.stat().st_mtime
        except OSError:
            continue
        if age > 3600:
            path.unlink(missing_ok=True)


def newest(snapshots: Sequence[Snapshot]) -> Snapshot | None:
    return max(snapshots, key=lambda s: (s.taken_at, s.path.name), default=None)


def snapshot_if_due(
    store: Store,
    directory: Path,
    now: datetime,
    *,
    every: timedelta = DAILY,
    rule: Thinning = DEFAULT_THINNING,
) -> Snapshot | None:
    """The daily snapshot: taken when the newest one is at least ``every`` old and what the
    person entered changed since (app state alone does not count); then thinned."""
    if store.read_only or not store.maintenance.has_user_data():
        return None
    latest = newest(list_snapshots(directory))
    if latest is not None and require_aware(now) - latest.taken_at < every:
        return None
    fingerprint = store.maintenance.fingerprint()
    if latest is not None and store.state.get_state(FINGERPRINT_STATE) == fingerprint:
        return None
    snapshot = take_snapshot(store.path, directory, now, "daily")
    store.state.set_state(FINGERPRINT_STATE, fingerprint)
    prune(directory, now, rule)
    return snapshot
