"""Where ``--out FILE`` may write: a regular file, or a new name in a folder that exists.

Files are written atomically (a temporary file beside the target, then renamed over it),
and a rename replaces whatever has the name: a named pipe another program reads, a
symbolic link (the link goes, its target stays as it was), a file made read-only so it
stays as it is, and, for root, a device node such as ``/dev/full``, which would be
replaced by an ordinary file until the next boot. A missing folder would be created. Each
of these is refused here, before anything is written, with one sentence saying what the
name is and what to give instead.

What is checked is what the name is now; a file swapped in between this check and the
rename (by another program of the same person) is not guarded against: the person's own
programs are trusted (docs/decisions/030-threat-model.md).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from crickets.commands.file_args import typed_path
from crickets.commands.usage import UsageError

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)
_LONGEST = 120
_INSTEAD = "give the name of a file (or leave out --out to print to the screen)"


def _refuse(name: str, problem: str) -> UsageError:
    return UsageError(f"--out: {_shown(name)} {problem}")


def writable_target(name: str) -> Path:
    """The path ``--out`` names, once it is safe to replace; :class:`UsageError` otherwise."""
    if not name.strip():
        raise UsageError(f"--out: the file name is empty; {_INSTEAD}")
    path = typed_path(name, "--out")
    if name.endswith(("/", os.sep)):
        raise _refuse(name, f"names a folder; {_INSTEAD}")
    try:
        found = path.lstat()
    except FileNotFoundError:
        return _new_name(name, path)
    except OSError as error:
        raise _refuse(name, f"cannot be used: {error.strerror}") from None
    _check_existing(name, path, found)
    return path


def _check_existing(name: str, path: Path, found: os.stat_result) -> None:
    mode = found.st_mode
    if stat.S_ISLNK(mode):
        target = _target(path)
        where = f"give {target} itself, or another name" if target else "give another name"
        raise _refuse(name, f"is a symbolic link, which writing would replace; {where}")
    for test, kind in _KINDS:
        if test(mode):
            raise _refuse(name, f"is {kind}, not a file; {_INSTEAD}")
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK):
        raise _refuse(
            name, "is read-only, so it is kept as it is; make it writable or give another name"
        )


def _new_name(name: str, path: Path) -> Path:
    """A name that does not exist yet: its folder must exist, be a folder, and be writable."""
    folder = path.parent
    if not folder.exists():
        raise _refuse(
            name,
            f"is in {_shown(str(folder))}, which does not exist; Crickets does not create folders",
        )
    if not folder.is_dir():
        raise _refuse(name, f"is inside {_shown(str(folder))}, which is not a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise _refuse(name, f"cannot be created: the folder {_shown(str(folder))} is not writable")
    return path


def _target(path: Path) -> str:
    """Where a link leads, or "" when it leads nowhere (dangling, or a loop)."""
    try:
        return _shown(str(path.resolve(strict=True)))
    except (OSError, RuntimeError):
        return ""


def _shown(name: str) -> str:
    """A name short enough for one line of a message."""
    return name if len(name) <= _LONGEST else f"{name[: _LONGEST - 1]}…"
