"""Talking to the running tray from another process, without Qt (docs/decisions/041).

The tray listens on a per-user, per-data-directory local socket (a Unix socket in
``$XDG_RUNTIME_DIR``; a named pipe on Windows). A client sends one JSON line and reads one
JSON line back::

    -> {"v": 1, "cmd": "open", "path": "/home/me/Downloads/invite.ics"}
    <- {"v": 1, "ok": true}

Commands: ``focus`` (show yourself), ``reload`` (the store changed: re-read it), ``open``
(import this file). A server answers ``{"v": 1, "ok": false, "error": ...}`` to a line it
cannot use (garbage, another protocol version, an unknown command) and acts on nothing.

A tray that does not answer in time is busy, never absent: a request written whole waits
in the socket and is acted on when the tray wakes (:func:`hand_over`; docs/decisions/066).
"""

from __future__ import annotations

import enum
import json
import os
import socket
import stat
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from crickets.digest import sha256

PROTOCOL_VERSION = 1
MAX_LINE = 64 * 1024  # bytes; a longer line is not a Crickets message
_UNIX_PATH_MAX = 100  # sun_path holds 104 (macOS) or 108 (Linux) bytes with its NUL


class Command(enum.StrEnum):
    FOCUS = "focus"
    RELOAD = "reload"
    OPEN = "open"


class ProtocolError(ValueError):
    """A line that is not a message this version understands."""


class Delivery(enum.Enum):
    DELIVERED = "delivered"  # the running tray took it
    NOT_RUNNING = "not-running"  # nobody listens: start the tray, or just carry on
    QUEUED = "queued"  # written to a tray too busy to answer in time: it acts on it on waking
    NO_ANSWER = "no-answer"  # something listens but the request could not be handed over
    REJECTED = "rejected"  # the tray answered that it cannot use the message

    @property
    def is_running(self) -> bool:
        """Whether a tray is there: anything but "nobody listens". A tray that does not
        answer is busy, never absent (starting a second one would drop the request)."""
        return self is not Delivery.NOT_RUNNING


@dataclass(frozen=True)
class HandOver:
    """What a second launch tells the person after handing its request to the running
    tray, and whether the request reached it."""

    reached: bool
    message: str


@dataclass(frozen=True)
class Request:
    command: Command
    path: str | None = None  # ``open`` only: an absolute file name

    def __post_init__(self) -> None:
        if (self.command is Command.OPEN) != (self.path is not None):
            raise ProtocolError("'open' takes a file, the other commands none")


def socket_path(data_dir: Path, *, platform: str = sys.platform) -> str:
    """Where the tray for ``data_dir`` listens: the same answer in every process."""
    # The first 16 hex digits of the folder's SHA-256: the name every version has used, so a
    # command line finds a tray of an earlier version (without hashlib: crickets.digest).
    key = sha256(os.fsencode(data_dir.expanduser().resolve())).hexdigest()[:16]
    if platform.startswith("win"):
        return f"crickets-{_user()}-{key}"  # a pipe name: \\.\pipe\crickets-…
    runtime = Path(os.environ.get("XDG_RUNTIME_DIR") or "relative")
    name = f"crickets-{key}.sock"
    if runtime.is_absolute() and runtime.is_dir():
        candidate = str(runtime / name)
        if len(os.fsencode(candidate)) <= _UNIX_PATH_MAX:
            return candidate
    return str(Path(tempfile.gettempdir()) / f"crickets-{os.getuid()}" / name)


def encode(request: Request) -> bytes:
    body: dict[str, object] = {"v": PROTOCOL_VERSION, "cmd": request.command.value}
    if request.path is not None:
        body["path"] = request.path
    return json.dumps(body).encode() + b"\n"  # ASCII: any file name survives


def decode(line: bytes) -> Request:
    """The request in one line; :class:`ProtocolError` says why a line is unusable."""
    try:
        body = json.loads(line.decode())
    except (UnicodeDecodeError, ValueError) as error:
        raise ProtocolError(f"not a JSON line: {error}") from None
    if not isinstance(body, dict):
        raise ProtocolError("not a JSON object")
    if isinstance(body.get("v"), bool) or body.get("v") != PROTOCOL_VERSION:
        raise ProtocolError(f"protocol version {body.get('v')!r}, expected {PROTOCOL_VERSION}")
    try:
        command = Command(str(body.get("cmd")))
    except ValueError:
        raise ProtocolError(f"unknown command {body.get('cmd')!r}") from None
    path = body.get("path")
    if command is Command.OPEN and not (isinstance(path, str) and Path(path).is_absolute()):
        raise ProtocolError("'open' needs an absolute file name")
    return Request(command, path if command is Command.OPEN else None)


def answer(error: str | None = None) -> bytes:
    """The server's reply line: ok, or the reason it acted on nothing."""
    body: dict[str, object] = {"v": PROTOCOL_VERSION, "ok": error is None}
    if error is not None:
        body["error"] = error
    return json.dumps(body).encode() + b"\n"


def open_request(file: str | os.PathLike[str]) -> Request:
    """An ``open`` request; a relative name is made absolute here, in the caller's cwd."""
    return Request(Command.OPEN, str(Path(file).absolute()))


def send(path: str, request: Request, *, timeout: float = 2.0) -> Delivery:
    """Hand ``request`` to the tray listening on ``path``; never raises for a missing tray."""
    if sys.platform.startswith("win"):  # pragma: no cover - named pipes; not tested on Linux
        return _send_pipe(path, request)
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
        client.settimeout(timeout)
        try:
            client.connect(path)
        except (FileNotFoundError, ConnectionRefusedError, PermissionError, NotADirectoryError):
            return Delivery.NOT_RUNNING
        except OSError:
            return Delivery.NO_ANSWER
        try:
            client.sendall(encode(request))
        except OSError:
            return Delivery.NO_ANSWER
        try:
            reply = _read_line(client)
        except OSError:  # written whole: the tray reads it when it gets to it
            return Delivery.QUEUED
    try:
        ok = json.loads(reply.decode()).get("ok")
    except (UnicodeDecodeError, ValueError, AttributeError):
        return Delivery.NO_ANSWER
    return Delivery.DELIVERED if ok is True else Delivery.REJECTED


def hand_over(path: str, request: Request, *, timeout: float = 2.0) -> HandOver | None:
    """Give ``request`` to the tray listening on ``path``: what to tell the person, or None
    when no tray runs (start one). "No answer" is never "not running" (issue 15, item 11;
    docs/decisions/066-busy-tray.md)."""
    delivery = send(path, request, timeout=timeout)
    if not delivery.is_running:
        return None
    what = f"open {Path(request.path).name}" if request.path else "come to the front"
    if delivery is Delivery.DELIVERED:
        done = (
            f"it is opening {Path(request.path).name}"
            if request.path
            else ("it has been brought to the front")
        )
        return HandOver(True, f"Crickets is already running; {done}.")
    if delivery is Delivery.QUEUED:
        return HandOver(
            True, f"Crickets is already running but busy; it will {what} as soon as it responds."
        )
    why = "could not take it" if delivery is Delivery.REJECTED else "did not answer"
    return HandOver(
        False,
        f"Crickets is already running but {why}, so it did not {what}; try again in a moment.",
    )


def is_listening(path: str, *, timeout: float = 0.5) -> bool:
    """Whether a server accepts connections on ``path`` (a stale socket file does not)."""
    if sys.platform.startswith("win"):  # pragma: no cover
        return Path(rf"\\.\pipe\{path}").exists()
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
        probe.settimeout(timeout)
        try:
            probe.connect(path)
        except OSError:
            return False
    return True


def remove_stale(path: str) -> bool:
    """Delete ``path`` if it is a socket of ours that nobody listens on; True when ``path``
    is now free. Anything else there (a live server, a regular file, someone else's
    socket) is left alone."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return True
    if not stat.S_ISSOCK(info.st_mode) or info.st_uid != os.getuid() or is_listening(path):
        return False
    Path(path).unlink(missing_ok=True)
    return True


def prepare_directory(path: str) -> None:
    """Make the socket's directory, private to this user; refuse one that is not
    (OSError): another user could otherwise impersonate the tray."""
    directory = Path(path).parent
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    info = directory.lstat()
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o077:
        raise PermissionError(f"{directory} is not a private directory of this user")


def _read_line(client: socket.socket) -> bytes:
    data = b""
    while b"\n" not in data and len(data) <= MAX_LINE:
        chunk = client.recv(4096)
        if not chunk:
            break
        data += chunk
    return data.partition(b"\n")[0]


def _send_pipe(path: str, request: Request) -> Delivery:  # pragma: no cover - Windows
    try:
        with Path(rf"\\.\pipe\{path}").open("r+b", buffering=0) as pipe:
            pipe.write(encode(request))
    except FileNotFoundError:
        return Delivery.NOT_RUNNING
    except OSError:
        return Delivery.NO_ANSWER
    return Delivery.DELIVERED


def _user() -> str:
    name = os.environ.get("USERNAME") or os.environ.get("USER") or "user"
    return "".join(c for c in name if c.isalnum()) or "user"
