"""Reading an invitation file off the GUI thread: a large or odd file never freezes the
windows, and the answer comes back on the GUI thread as one signal.

The parser is bound beforehand, on the GUI thread (it reads the person's zone and address
from the store, whose connection belongs to that thread); the worker thread only reads the
file and parses it.

The worker never touches the window's objects: the window may be closed (and deleted) while
the file is being read. It reports through one relay that lives as long as the application,
and the relay's signal reaches only readers still alive (a deleted receiver is disconnected
by Qt), so a window closed meanwhile simply never hears back.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

from crickets.application.errors import Refused
from crickets.application.invitations import Invitation, read_invitation_file

Parser = Callable[[bytes], Invitation]


def _sentence(text: str) -> str:
    """A use case's refusal ("cannot read …") as a sentence for the window."""
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "?", "!")) else f"{text}."


class _Relay(QObject):
    """Carries a worker's answer to the GUI thread; one per application, never deleted
    before it."""

    answered = Signal(int, object, str)  # job number, the Invitation or None, the problem


_jobs = itertools.count(1)


def _relay() -> _Relay:
    """The application's relay, made on the GUI thread the first time it is needed."""
    app = QCoreApplication.instance()
    found = app.findChild(_Relay) if app is not None else None
    return found if found is not None else _Relay(app)


class InvitationFileReader(QObject):
    """Starts one worker per file; :attr:`file_read` arrives on the GUI thread (queued)."""

    file_read = Signal(object, str)  # the Invitation or None, and the problem ("" when read)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._waiting: set[int] = set()
        self._relay = _relay()
        self._relay.answered.connect(self._answered)

    def start(self, path: Path, parse: Parser) -> None:
        job = next(_jobs)
        self._waiting.add(job)
        worker = threading.Thread(
            target=_work, args=(self._relay, job, path, parse), daemon=True, name="ics-read"
        )
        worker.start()

    def _answered(self, job: int, invitation: Invitation | None, problem: str) -> None:
        if job in self._waiting:
            self._waiting.discard(job)
            self.file_read.emit(invitation, problem)


def _work(relay: _Relay, job: int, path: Path, parse: Parser) -> None:
    """On the worker thread: read, parse, and hand the answer to the relay."""
    try:
        invitation = parse(read_invitation_file(path))
    except Refused as problem:
        relay.answered.emit(job, None, _sentence(str(problem)))
    else:
        relay.answered.emit(job, invitation, "")
