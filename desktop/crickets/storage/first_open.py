"""The tray's first opening of the store, done by a short-lived Crickets process.

Reading the key (the Secret Service client) and opening sealed rows (cryptography's
library) would stay in the tray's memory for its whole life, about 8 MiB of a tray that
otherwise waits a day doing nothing (docs/decisions/181). So the tray starts this
process as soon as it has its socket: it opens the store exactly as the tray would
(:func:`~crickets.storage.opening.open_store`: migrations, set-aside, the key found or
made, the key check, the daily snapshot), opens every sealed row once, and writes one
JSON object to its stdout: the notices to show, and the key with the rows' plaintext.
The tray then opens the store with that :class:`~crickets.storage.identity.HandedKey`:
nothing is asked twice, and the cipher is loaded only when the tray seals something or
meets a row it was not handed.

A refusal (a locked keychain, a missing key, …) comes back as the same one-line message.
When the process cannot run or answers nothing usable, the tray opens the store itself,
as it did before: slower to settle and heavier, never wrong.
"""

from __future__ import annotations

import base64
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crickets.storage import errors
from crickets.storage.child_process import Child, spawn

if TYPE_CHECKING:  # the store's modules: loaded by the tray after its icon is up
    from crickets.storage.identity import HandedKey

#: The hidden first argument that makes ``crickets`` this process (crickets.__main__).
FLAG = "--first-open"
FILE_ONLY = "--file-only"


@dataclass(frozen=True)
class FirstOpen:
    """What the process found: the notices it raised, and the key when rows needed one."""

    notices: tuple[str, ...]
    handed: HandedKey | None


def command(data_dir: Path, *, file_only: bool) -> list[str]:
    """How to start the process: the bundle's own executable, or this Python."""
    own = [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m", "crickets"]
    return [*own, FLAG, str(data_dir), *([FILE_ONLY] if file_only else [])]


class FirstOpenProcess:
    """The running process; :meth:`result` waits for its answer (the keychain may ask the
    person to unlock it, so there is no time limit, as there is none in the tray)."""

    def __init__(self, data_dir: Path, *, file_only: bool) -> None:
        self._child: Child | None
        try:
            self._child = spawn(command(data_dir, file_only=file_only))
        except OSError:
            self._child = None

    def result(self) -> FirstOpen | None:
        """The answer; None when there is none to use (open in process instead). A refusal
        is raised as the :class:`~crickets.storage.errors.StorageError` the process met."""
        child, self._child = self._child, None
        if child is None:
            return None
        try:
            out = child.output()
        except OSError:
            return None
        return read_answer(out)

    def stop(self) -> None:
        """The tray stops before it asked: end the process, leave nothing running."""
        child, self._child = self._child, None
        if child is not None:
            child.kill()


def read_answer(out: bytes) -> FirstOpen | None:
    try:
        answer = json.loads(out)
        if "refused" in answer:
            raise _refusal(str(answer["refused"]), str(answer["message"]))
        return FirstOpen(tuple(map(str, answer["notices"])), _handed(answer.get("key")))
    except (ValueError, TypeError, KeyError, AttributeError):
        return None  # no answer, or not one this version writes


def _refusal(kind: str, message: str) -> errors.StorageError:
    """The error the process met, by its name (a plain StorageError if not one of ours)."""
    found = getattr(errors, kind, None)
    if isinstance(found, type) and issubclass(found, errors.StorageError):
        try:
            return found(message)
        except (TypeError, AttributeError):  # one made from a record, not from a message
            pass
    return errors.StorageError(message)


def _handed(key: dict[str, Any] | None) -> HandedKey | None:
    from crickets.storage.codec import OpenedFields
    from crickets.storage.identity import HandedKey
    from crickets.storage.keychain import KeySource

    if key is None:
        return None
    entries = key["opened"]
    if not isinstance(entries, dict):
        raise TypeError("opened rows are not an object")
    return HandedKey(
        store_id=str(key["store_id"]),
        key=base64.b64decode(key["key"], validate=True),
        source=KeySource(key["source"]),
        opened=OpenedFields({str(k): str(v) for k, v in entries.items()}),
    )


def main(argv: list[str]) -> int:
    """The process itself: ``crickets --first-open DATA_DIR [--file-only]``."""
    import signal

    from crickets.storage.first_open_reader import answer

    # Ctrl+C in the terminal reaches this process too: end quietly (the tray says what
    # happens next), never with a Python traceback on the tray's stderr.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    data_dir, file_only = Path(argv[0]), FILE_ONLY in argv[1:]
    try:
        reply: dict[str, Any] = answer(data_dir, file_only_key=file_only)
    except errors.StorageError as error:
        reply = {"refused": type(error).__name__, "message": str(error)}
    sys.stdout.write(json.dumps(reply))
    sys.stdout.flush()
    return 0
