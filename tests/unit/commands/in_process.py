"""Running ``crickets`` in this process: ``cli.main`` over the real session, a fixed clock.

Faster than a subprocess (no interpreter start), so a test can run many commands; the
output streams encode strictly as UTF-8, as a terminal's do, so text that cannot be
written (a lone surrogate) fails here as it would there. The data folder is the caller's.
"""

from __future__ import annotations

import argparse
import io
from collections.abc import Callable
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from crickets import cli
from crickets.commands.session import CliSession
from crickets.domain.clock import Clock, FixedClock
from crickets.domain.settings import Settings
from crickets.storage.store import Store
from crickets.wiring.session import Session

#: Wednesday 25 November 2026, 12:21 UTC, as tests/unit/commands/cli_run.py freezes it.
NOW = FixedClock(datetime.fromisoformat("2026-11-25T12:21:00+00:00"))


@dataclass(frozen=True)
class Ran:
    code: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        return self.err.strip().splitlines()


def _no_tray(args: argparse.Namespace) -> int:
    raise AssertionError("the tray was started")


def _open_session(data_dir: Path, clock: Clock, on_notice: Callable[[str], None]) -> CliSession:
    return Session(data_dir, clock, on_notice=on_notice)


def _stream() -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict", newline="\n")


def _text(stream: io.TextIOWrapper) -> str:
    stream.flush()
    buffer = stream.buffer
    assert isinstance(buffer, io.BytesIO)
    return buffer.getvalue().decode("utf-8")


def run(data: Path, *args: str, clock: Clock = NOW) -> Ran:
    """``crickets --data-dir DATA ARGS…``; a SystemExit (``--help``) counts as its code."""
    out, err = _stream(), _stream()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = cli.main(
                ["--data-dir", str(data), *args],
                launch=_no_tray,
                open_session=_open_session,
                clock=clock,
            )
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else 0
    return Ran(code, _text(out), _text(err))


def with_settings(data: Path, settings: Settings) -> None:
    """Settings the command line has no option for (the person's zone, the clock)."""
    store = Store.open(data)
    try:
        store.settings.save_settings(settings)
    finally:
        store.close()
