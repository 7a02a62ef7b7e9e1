"""What every command handler receives: the data directory, the clock, the output."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from crickets.domain.clock import Clock, SystemClock
from crickets.storage.store import Store


class UsageError(Exception):
    """Bad input: the message is one line for stderr; the command exits 2 having changed nothing."""


@dataclass
class CliContext:
    data_dir: Path
    clock: Clock = field(default_factory=SystemClock)
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)
    _store: Store | None = None

    @property
    def store(self) -> Store:
        """The store, opened (and migrated) on first use only: ``--help`` touches no file."""
        if self._store is None:
            self._store = Store.open(self.data_dir)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def print(self, text: str = "") -> None:
        print(text, file=self.out)

    def print_json(self, data: Any) -> None:
        json.dump(data, self.out, indent=2, ensure_ascii=False)
        self.out.write("\n")

    def warn(self, text: str) -> None:
        print(f"crickets: {text}", file=self.err)
