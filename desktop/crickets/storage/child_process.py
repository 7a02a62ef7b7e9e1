"""A helper process whose whole stdout is read at once: the store's first opening.

On Linux and macOS it is started with ``os.posix_spawn`` and read from a pipe, because
``subprocess`` (with ``locale``, ``selectors``' users and its own pages) would stay in the
tray's memory for one use at start (docs/decisions/181); elsewhere ``subprocess`` does it.
The child's stdin is ``/dev/null`` and its stderr is the tray's.
"""

from __future__ import annotations

import contextlib
import os
import signal
from typing import Protocol


class Child(Protocol):
    def output(self) -> bytes:
        """Everything the child wrote to stdout, once it closed it; then it is reaped."""
        ...

    def kill(self) -> None:
        """End the child now and reap it."""
        ...


def spawn(argv: list[str]) -> Child:
    """Start ``argv`` (``argv[0]`` a path); raises OSError when it cannot be started."""
    if hasattr(os, "posix_spawn"):
        return SpawnedChild(argv)
    return PopenChild(argv)


class SpawnedChild:
    def __init__(self, argv: list[str]) -> None:
        read_end, write_end = os.pipe()
        try:
            self._pid = os.posix_spawn(
                argv[0],
                argv,
                os.environ,
                file_actions=[
                    (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
                    (os.POSIX_SPAWN_DUP2, write_end, 1),
                ],
            )
        except BaseException:
            os.close(read_end)
            raise
        finally:
            os.close(write_end)
        self._out: int | None = read_end

    def output(self) -> bytes:
        chunks = []
        try:
            while self._out is not None and (chunk := os.read(self._out, 65536)):
                chunks.append(chunk)
        finally:
            self._reap()
        return b"".join(chunks)

    def kill(self) -> None:
        if self._out is None:
            return  # reaped already: the pid may be someone else's by now
        with contextlib.suppress(ProcessLookupError):
            os.kill(self._pid, signal.SIGKILL)
        self._reap()

    def _reap(self) -> None:
        if self._out is not None:
            os.close(self._out)
            self._out = None
            os.waitpid(self._pid, 0)


class PopenChild:
    def __init__(self, argv: list[str]) -> None:
        import subprocess

        self._process = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE)

    def output(self) -> bytes:
        out, _ = self._process.communicate()
        return out

    def kill(self) -> None:
        self._process.kill()
        self._process.wait()
