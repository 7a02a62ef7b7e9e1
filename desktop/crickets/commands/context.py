"""What every command handler receives: the data directory, the clock, the output."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from crickets.domain.clock import Clock, SystemClock
from crickets.storage.store import Store

if TYPE_CHECKING:
    from crickets.storage.opening import OpenedStore


class UsageError(Exception):
    """Bad input: the message is one line for stderr; the command exits 2 having changed nothing."""


@dataclass
class CliContext:
    data_dir: Path
    clock: Clock = field(default_factory=SystemClock)
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)
    _opened: OpenedStore | None = None

    @property
    def opened(self) -> OpenedStore:
        """The store as the app opens it (key, recovery, backups), on first use only:
        ``--help`` touches no file. Each notice is printed once, on stderr, as it arises."""
        if self._opened is None:
            from crickets.storage.opening import open_store  # cryptography only when needed

            self._opened = open_store(self.data_dir, clock=self.clock, on_notice=self.warn)
        return self._opened

    @property
    def store(self) -> Store:
        return self.opened.store

    def close(self) -> None:
        if self._opened is not None:
            self._opened.close()
            self._opened = None

    def print(self, text: str = "") -> None:
        print(text, file=self.out)

    def print_json(self, data: Any) -> None:
        json.dump(data, self.out, indent=2, ensure_ascii=False)
        self.out.write("\n")

    def emit_bytes(self, data: bytes, out: str | None, saved: str) -> None:
        """``data`` into the file ``out`` (atomically, then ``saved`` is printed), or to
        standard output as bytes when no file was named."""
        if out:
            from crickets.atomic_files import write_atomically

            try:
                write_atomically(Path(out), data)
            except OSError as error:
                raise UsageError(f"--out: cannot write {out}: {error.strerror}") from None
            self.print(saved)
            return
        binary = getattr(self.out, "buffer", None)
        self.out.flush()
        if binary is None:
            self.out.write(data.decode("utf-8"))
            return
        binary.write(data)
        binary.flush()

    def warn(self, text: str) -> None:
        print(f"crickets: {text}", file=self.err)
