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
import os
import stat
import traceback
from io import TextIOWrapper
from pathlib import Path
from types import TracebackType

LOG_NAME = "crickets.log"
#: The tray's line once it counts down (its icon goes up earlier: docs/decisions/179);
#: it names nobody, and the desktop tests and the bench wait for it.
TRAY_READY = "tray ready: counting down"
FILE_MODE = 0o600
FOLDER_MODE = 0o700
logger = logging.getLogger("crickets")

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def log_path(directory: Path) -> Path:
    return directory / LOG_NAME


class PrivateFileHandler(logging.FileHandler):
    """A log whose files only their owner can read, that never complains, and that rotates:
    a line that would take it past ``max_bytes`` first moves it to ``crickets.log.1`` (and
    that one to ``.2``, up to ``backups``). The rotation is logging.handlers' own, written
    out here: importing that module brings pickle, queue and socket, 1.2 MiB of the tray's
    memory at rest (docs/decisions/162)."""

    def __init__(self, path: Path, *, max_bytes: int, backups: int) -> None:
        self.max_bytes, self.backups = max_bytes, backups
        super().__init__(path, mode="a", encoding="utf-8")

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self._would_overflow(record):
                self.doRollover()
        except Exception:  # a full disk, a vanished folder: the line is lost, quietly
            self.handleError(record)
            return
        super().emit(record)

    def _would_overflow(self, record: logging.LogRecord) -> bool:
        path = Path(self.baseFilename)
        if self.max_bytes <= 0 or (path.exists() and not path.is_file()):
            return False  # no limit, or not a file (/dev/null): nothing to rotate
        if self.stream is None:
            self.stream = self._open()
        self.stream.seek(0, os.SEEK_END)
        return self.stream.tell() + len(f"{self.format(record)}\n") >= self.max_bytes

    def doRollover(self) -> None:
        """``crickets.log`` becomes ``crickets.log.1``, each older one the next number, the
        oldest beyond ``backups`` dropped; writing goes on in a fresh ``crickets.log``."""
        if self.stream is not None:
            self.stream.close()
            self.stream = None
        base = self.baseFilename
        for number in range(self.backups - 1, 0, -1):
            older = Path(f"{base}.{number}")
            if older.exists():
                older.replace(f"{base}.{number + 1}")
        if self.backups > 0 and Path(base).exists():
            Path(base).replace(f"{base}.1")
        self.stream = self._open()

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
        handler: logging.Handler = PrivateFileHandler(path, max_bytes=512_000, backups=2)
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(PrivateFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG if verbose else logging.INFO)
    return path
