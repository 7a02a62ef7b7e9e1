"""What every command handler receives: the data directory, the clock, the output, and
the session over the data folder (opened on first use, so ``--help`` touches no file).

Everything printed goes through here, escaped for the terminal (:mod:`.terminal`): a
stored name can never move the cursor, clear the screen or forge a line of output.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, TypeAlias

from crickets.commands.session import CliSession, SessionFactory
from crickets.commands.terminal import json_safe, visible
from crickets.commands.usage import UsageError
from crickets.domain.clock import Clock, SystemClock

__all__ = ["CliContext", "Json", "Subparsers", "UsageError"]

if TYPE_CHECKING:
    from crickets.application.use_cases import UseCases

#: What each command module's ``register`` adds its parsers to.
Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
#: What ``--json`` prints: the JSON values the standard library writes.
Json: TypeAlias = Mapping[str, "Json"] | Sequence["Json"] | str | int | float | bool | None


@dataclass
class CliContext:
    data_dir: Path
    open_session: SessionFactory
    clock: Clock = field(default_factory=SystemClock)
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)
    _session: CliSession | None = None

    @property
    def session(self) -> CliSession:
        """The data folder's session; each store notice is printed once, on stderr."""
        if self._session is None:
            self._session = self.open_session(self.data_dir, self.clock, self.warn)
        return self._session

    @property
    def use_cases(self) -> UseCases:
        return self.session.use_cases

    def close(self) -> None:
        if self._session is not None:
            self._session.close()

    def print(self, text: str = "") -> None:
        """One line: a line break or control character in ``text`` is shown escaped."""
        print(visible(text), file=self.out)

    def print_json(self, data: Json) -> None:
        self.out.write(self.json_text(data) + "\n")

    @staticmethod
    def json_text(data: Json) -> str:
        """``data`` as indented UTF-8 JSON, with what a terminal would act on escaped."""
        return json_safe(json.dumps(data, indent=2, ensure_ascii=False))

    def emit_bytes(self, data: bytes, out: str | None, saved: str) -> None:
        """``data`` into the file ``out`` (atomically, then ``saved`` is printed), or to
        standard output as bytes when no file was named. Only a regular file or a new name
        in an existing folder is written (:mod:`.out_file` refuses the rest)."""
        if out is not None:
            from crickets.atomic_files import write_atomically
            from crickets.commands.out_file import writable_target

            path = writable_target(out)
            try:
                write_atomically(path, data)
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
        print(f"crickets: {visible(text)}", file=self.err)
