"""The key file: where the Crickets key lives when there is no keychain.

``crickets-<store id>.key`` beside the data, readable by its owner only. It is written whole
or not at all (a temporary file, then a hard link that never replaces an existing one), and
read only once it is private: one that others can read is made private first and the person
is told once (docs/decisions/064-key-file-permissions.md); one that cannot be made private
is not used.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import time
from pathlib import Path

from crickets.atomic_files import fsync_directory
from crickets.storage.crypto import decode_key, encode_key
from crickets.storage.errors import KeychainLocked

MODE = 0o600
PARTIAL_PREFIX = ".crickets-key."

MADE_PRIVATE = (
    "The Crickets key file {path} could be read by other people on this computer (its "
    "permissions were {mode:04o}); Crickets made it readable only by you. Anyone who read it "
    "before can read your interviews: if that worries you, export, then restore into a new "
    "data folder."
)
NOT_PRIVATE = (
    "The Crickets key file {path} can be read by other people on this computer (permissions "
    "{mode:04o}) and Crickets could not change that ({reason}); nothing was read. Make it "
    "private with `chmod 600` and start Crickets again."
)


def read(path: Path) -> tuple[bytes, str]:
    """The key in ``path`` and what to tell the person about it ("" or :data:`MADE_PRIVATE`)."""
    note = make_private(path)
    try:
        text = path.read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError) as error:
        raise KeychainLocked(
            f"The Crickets key file {path} cannot be read ({_short(error)}); nothing was changed."
        ) from None
    return decode_key(text), note


def make_private(path: Path) -> str:
    """Take group and other permissions off ``path``; what to say ("" when it was private)."""
    if os.name != "posix":  # pragma: no cover - Windows keeps the file in the user's profile
        return ""
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return ""  # reading it says what is wrong
    if not mode & 0o077:
        return ""
    try:
        path.chmod(MODE)
    except OSError as error:
        reason = error.strerror or _short(error)
        raise KeychainLocked(NOT_PRIVATE.format(path=path, mode=mode, reason=reason)) from None
    return MADE_PRIVATE.format(path=path, mode=mode)


def write_new(path: Path, key: bytes) -> bytes | None:
    """Write ``key`` to a new 0600 file at ``path``; None when the file exists already
    (another process made it first: theirs is the key)."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    remove_stale_partials(path.parent)
    fd, temp = tempfile.mkstemp(prefix=PARTIAL_PREFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(encode_key(key) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        Path(temp).chmod(MODE)
        try:
            os.link(temp, path)  # never replaces an existing key file
        except FileExistsError:
            return None
    finally:
        Path(temp).unlink(missing_ok=True)
    fsync_directory(path.parent)
    return key


def remove_stale_partials(directory: Path) -> None:
    """A process killed while writing a key file leaves its temporary file: a key that never
    sealed anything. Removed after an hour (file system time: never one being written)."""
    for partial in directory.glob(f"{PARTIAL_PREFIX}*"):
        with contextlib.suppress(OSError):
            if time.time() - partial.stat().st_mtime > 3600:
                partial.unlink()


def _short(error: BaseException) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    return text if len(text) <= 120 else text[:117] + "..."
