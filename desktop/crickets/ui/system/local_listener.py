"""What the single-instance server asks of the socket it listens on.

Two transports keep this contract: a plain Unix socket watched by ``QSocketNotifier``
(Linux, macOS: :mod:`crickets.ui.system.unix_listener`) and Qt's ``QLocalServer`` on a
named pipe (Windows: :mod:`crickets.ui.system.pipe_listener`, the only one that loads
QtNetwork; docs/decisions/178). The transport reads one line per connection, writes the
answer the server gives it and hangs up; what the line means is the server's business.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

#: The server's answer to one line (given without its newline; it may be longer than
#: ``ipc.MAX_LINE``, which the server answers with an error). Called once per connection.
Respond = Callable[[bytes], bytes]

READ_TIMEOUT_MS = 5_000  # a client that connects and says nothing is dropped after this


class Listener(Protocol):
    def listen(self, path: str) -> None:
        """Listen on ``path``; OSError when it cannot, with errno EADDRINUSE when the name
        is taken (by a live server, or a file in the way)."""

    def is_listening(self) -> bool: ...

    def close(self) -> None:
        """Stop listening, drop the clients still connected, remove the socket file."""
