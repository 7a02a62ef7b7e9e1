"""A full disk, told as one: how much is free, and roughly how much Crickets needs.

SQLite reports a full disk in two ways: ``database or disk is full`` when a page cannot be
written, and ``disk I/O error`` when the shared-memory file beside a WAL database (32 KiB)
cannot be created or grown, which is what opening a database does first. The second one
said nothing useful, and with under about 32 KiB free every command, reading ones included,
ended with it. Here an I/O error on a nearly full disk is recognised as a full disk; the
opener then falls back to reading (docs/decisions/062-full-disk.md).
"""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path

SHARED_MEMORY = 32 * 1024  # the -shm file SQLite makes beside a WAL database
HEADROOM = 1024 * 1024  # the write-ahead log of a few changes, the log file, the marker
#: Below this much free space an I/O error is taken for a full disk.
NEARLY_FULL = 4 * 1024 * 1024


def free_bytes(folder: Path) -> int | None:
    """Free space where ``folder`` is (its nearest existing parent); None if unknown."""
    for candidate in (folder, *folder.parents):
        if candidate.exists():
            with contextlib.suppress(OSError):
                return shutil.disk_usage(candidate).free
            return None
    return None


def needed_bytes(database: Path) -> int:
    """Roughly what saving changes needs: the shared memory, some log, and room for the
    daily snapshot (a copy of the database)."""
    size = 0
    with contextlib.suppress(OSError):
        size = database.stat().st_size
    return SHARED_MEMORY + HEADROOM + size


def is_nearly_full(folder: Path) -> bool:
    free = free_bytes(folder)
    return free is not None and free < NEARLY_FULL


def size_text(count: float) -> str:
    """``"12 KB"``, ``"1.3 MB"``: sizes as a file manager shows them (powers of 1000)."""
    units = ("bytes", "KB", "MB", "GB")
    unit = 0
    while count >= 1000 and unit < len(units) - 1:
        count, unit = count / 1000, unit + 1
    return f"{count:.0f} {units[unit]}" if unit < 2 else f"{count:.1f} {units[unit]}"


def full_message(database: Path) -> str:
    """The one sentence for a write refused by a full disk."""
    free = free_bytes(database.parent)
    if free is None or free >= NEARLY_FULL:  # a size limit, not the disk itself
        return (
            f"The disk holding {database} is full: the change was not saved and your earlier "
            "data is intact; free some space and try again."
        )
    need = needed_bytes(database)
    return (
        f"The disk holding {database.parent} is full ({size_text(free)} free): the change was "
        f"not saved and your earlier data is intact; free about {size_text(need - free)} "
        "and try again."
    )


def read_only_notice(database: Path) -> str:
    """What the person is told when Crickets opens for reading because the disk is full."""
    free = free_bytes(database.parent) or 0
    need = needed_bytes(database)
    return (
        f"The disk holding {database.parent} is full ({size_text(free)} free), so Crickets is "
        "in read-only mode: you can look, but changes will not be saved. Free about "
        f"{size_text(max(need - free, 0))} and start Crickets again."
    )
