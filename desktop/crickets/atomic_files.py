"""Writing a file so that a crash leaves either the old file or the new one, never half.

Every file Crickets writes for the person (exports, .eml drafts, .ics files, the login
entry, the key file's neighbours) goes through :func:`write_atomically`.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def fsync_directory(directory: Path) -> None:
    """Make renames in ``directory`` durable (best effort: not every platform allows it)."""
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_atomically(
    path: Path, data: bytes, mode: int = 0o600, *, sync_directory: bool = False
) -> None:
    """Write to a temporary file beside ``path``, flush it to disk, then rename over it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        Path(temp).chmod(mode)
        Path(temp).replace(path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    if sync_directory:
        fsync_directory(path.parent)
