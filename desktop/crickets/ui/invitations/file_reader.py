"""Reading an invitation file off the GUI thread: a large or odd file never freezes the
windows, and the answer comes back on the GUI thread as one signal.

The parser is bound beforehand, on the GUI thread (it reads the person's zone and address
from the store, whose connection belongs to that thread); the worker thread only reads the
file and parses it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from crickets.application.errors import Refused
from crickets.application.invitations import Invitation, read_invitation_file

Parser = Callable[[bytes], Invitation]


def _sentence(text: str) -> str:
    """A use case's refusal ("cannot read …") as a sentence for the window."""
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "?", "!")) else f"{text}."


class InvitationFileReader(QObject):
    """Starts one worker per file; :attr:`file_read` arrives on the GUI thread (queued)."""

    file_read = Signal(object, str)  # the Invitation or None, and the problem ("" when read)

    def start(self, path: Path, parse: Parser) -> None:
        worker = threading.Thread(
            target=self._work, args=(path, parse), daemon=True, name="ics-read"
        )
        worker.start()

    def _work(self, path: Path, parse: Parser) -> None:
        try:
            invitation = parse(read_invitation_file(path))
        except Refused as problem:
            self.file_read.emit(None, _sentence(str(problem)))
        else:
            self.file_read.emit(invitation, "")
