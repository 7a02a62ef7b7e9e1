"""Setting a database aside: renamed with a timestamp beside the data, never deleted.

The -wal and -shm files move with it under the same new name (SQLite finds a database's WAL
by appending ``-wal`` to its name), so the set-aside copy still opens with everything it
had. They move first: a crash half-way never leaves an old WAL beside a new database.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from crickets.atomic_files import fsync_directory
from crickets.domain.clock import require_aware

_SIDE_FILES = ("-shm", "-wal")
_SET_ASIDE = re.compile(r"^(?P<db>.+)\.(?P<reason>[a-z-]+)-(?P<stamp>\d{8}T\d{6}Z)(?:-\d+)?$")


def stamp(at: datetime) -> str:
    """``20261125T122100Z``: sortable, no characters any file system refuses."""
    return require_aware(at).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def set_aside(database: Path, at: datetime, reason: str) -> Path:
    """Rename ``database`` (and its -wal/-shm) to ``<name>.<reason>-<stamp>``; the new path.

    A name already taken gets a counter: nothing is ever overwritten."""
    base = f"{database.name}.{reason}-{stamp(at)}"
    target = database.with_name(base)
    counter = 1
    while any(Path(f"{target}{suffix}").exists() for suffix in ("", *_SIDE_FILES)):
        counter += 1
        target = database.with_name(f"{base}-{counter}")
    for suffix in _SIDE_FILES:
        side = Path(f"{database}{suffix}")
        if side.exists():
            side.rename(f"{target}{suffix}")
    if database.exists():
        database.rename(target)
    fsync_directory(database.parent)
    return target


def set_aside_files(database: Path) -> list[Path]:
    """Databases set aside earlier beside ``database``, oldest first."""
    found: list[tuple[str, Path]] = []
    for path in database.parent.glob(f"{database.name}.*"):
        match = _SET_ASIDE.match(path.name)
        if match and match["db"] == database.name:
            found.append((match["stamp"], path))
    return [path for _stamp, path in sorted(found)]
