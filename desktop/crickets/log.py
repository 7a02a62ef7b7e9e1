"""The app's own log: a rotating file in the data directory, the last resort for messages.

It holds how Crickets works, never what the person entered: no company, role, name,
address, phone number, note or link at any level (docs/decisions/061-private-log.md).
Three things keep it so, whatever a caller passes:

* the file is the person's alone: created 0600 (rotated files too) in a 0700 folder;
* an exception is written as its type and where it happened, never its message, which can
  quote anything (a company name that failed to parse, a file name);
* a log that cannot be written (a full disk) is dropped silently: it never prints a
  traceback in front of the person.

Callers still log only what they own: kinds, counts, ids, exit codes, never the text of a
notification or an interview.
"""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import os
import stat
import traceback
from io import TextIOWrapper
from pathlib import Path
from types import TracebackType

LOG_NAME = "crickets.log"
FILE_MODE = 0o600
FOLDER_MODE = 0o700
logger = logging.getLogger("crickets")

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def log_path(directory: Path) -> Path:
    return directory / LOG_NAME


class PrivateFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose files only their owner can read, and that never complains."""

    def _open(self) -> TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, FILE_MODE)
        with contextlib.suppress(OSError):
            os.fchmod(fd, FILE_MODE)  # a log an older version made world-readable
        return TextIOWrapper(
            os.fdopen(fd, "ab"), encoding=self.encoding or "utf-8", errors=self.errors
        )

    def handleError(self, record: logging.LogRecord) -> None:
        """The log is the last resort: a full disk or a vanished folder loses the line, and
        nothing is printed on the person's terminal."""


class PrivateFormatter(logging.Formatter):
    """Exceptions as their type and frames: a message can quote what the person entered."""

    def formatException(self, ei: ExcInfo | tuple[None, None, None]) -> str:
        kind, error, trace = ei
        if kind is None or error is None:
            return ""
        frames = "".join(traceback.format_tb(trace))
        return f"Traceback (most recent call last):\n{frames}{kind.__qualname__} (message withheld)"


def make_private(directory: Path) -> None:
    """The folder the log is in: made if missing, and readable by its owner only."""
    directory.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    if os.name != "posix":  # pragma: no cover - Windows: the profile's folders are private
        return
    with contextlib.suppress(OSError):
        info = directory.stat()
        if info.st_uid == os.getuid() and stat.S_IMODE(info.st_mode) & 0o077:
            directory.chmod(stat.S_IMODE(info.st_mode) & ~0o077 | FOLDER_MODE)


def setup(directory: Path, *, verbose: bool = False) -> Path:
    """Send ``crickets.*`` records to ``crickets.log`` in ``directory`` (created if needed)."""
    path = log_path(directory)
    if any(getattr(h, "baseFilename", None) == str(path) for h in logger.handlers):
        return path
    try:
        make_private(directory)
        handler: logging.Handler = PrivateFileHandler(
            path, maxBytes=512_000, backupCount=2, encoding="utf-8"
        )
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(PrivateFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG if verbose else logging.INFO)
    return path
