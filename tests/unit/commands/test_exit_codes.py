"""The exit statuses docs/cli.md documents are the ones ``crickets`` returns, each one seen.

0, 1 and 2 through the real entry point in a subprocess; 3 (a bug) and 130 (Ctrl+C) in
process, with a session factory that fails that way, since no input can cause them.
"""

from __future__ import annotations

import argparse
import logging
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from crickets import cli, log
from crickets.commands.exit_codes import ExitCode
from crickets.commands.session import CliSession, SessionFactory
from crickets.domain.clock import Clock
from tests.unit.commands import cli_doc
from tests.unit.commands.cli_run import ICS, ok, run


def test_the_documented_codes_are_the_exit_codes() -> None:
    documented = cli_doc.exit_codes()
    assert set(documented) == {int(code) for code in ExitCode}
    words = {
        ExitCode.OK: "done",
        ExitCode.NOT_FOUND: "nothing found",
        ExitCode.USAGE: "bad input",
        ExitCode.INTERNAL: "internal error",
        ExitCode.INTERRUPTED: "interrupted",
    }
    assert [code for code, word in words.items() if word not in documented[int(code)]] == []


def test_crickets_help_names_the_same_codes() -> None:
    epilog = " ".join(str(cli.build_parser().epilog).split())
    assert "Exit status: 0 done, 1 nothing found, 2 bad input" in epilog
    assert "3 internal error" in epilog


def test_0_done(tmp_path: Path) -> None:
    assert run("--data-dir", str(tmp_path), "list").returncode == ExitCode.OK


def test_1_nothing_found(tmp_path: Path) -> None:
    ok("--data-dir", str(tmp_path), "list")
    result = run("--data-dir", str(tmp_path), "import", str(ICS / "series_3_cancel.ics"), "--yes")
    assert result.returncode == ExitCode.NOT_FOUND
    assert "never imported" in result.stdout


def test_2_bad_input(tmp_path: Path) -> None:
    ok("--data-dir", str(tmp_path), "list")
    result = run("--data-dir", str(tmp_path), "show", "42")
    assert result.returncode == ExitCode.USAGE
    assert "no interview #42" in result.stderr and result.stdout == ""
    assert len(result.stderr.splitlines()) == 1


def failing(error: BaseException) -> SessionFactory:
    def open_session(data_dir: Path, clock: Clock, on_notice: Callable[[str], None]) -> CliSession:
        raise error

    return open_session


def no_tray(args: argparse.Namespace) -> int:
    raise AssertionError("the tray was started")


@pytest.fixture
def clean_log() -> Iterator[None]:
    """The bug report adds a file handler to the ``crickets`` logger: closed afterwards."""
    yield
    for handler in list(log.logger.handlers):
        log.logger.removeHandler(handler)
        handler.close()
    log.logger.setLevel(logging.NOTSET)


@pytest.mark.usefixtures("clean_log")
def test_3_internal_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["--data-dir", str(tmp_path), "list"]
    code = cli.main(argv, launch=no_tray, open_session=failing(RuntimeError("a bug")))
    assert code == ExitCode.INTERNAL
    log_file = tmp_path / log.LOG_NAME
    assert (
        capsys.readouterr().err == f"crickets: internal error; details were written to {log_file}\n"
    )
    for handler in log.logger.handlers:
        handler.flush()
    logged = log_file.read_text(encoding="utf-8")
    assert "RuntimeError" in logged and "in open_session" in logged  # what, and where


def test_130_interrupted(tmp_path: Path) -> None:
    argv = ["--data-dir", str(tmp_path), "list"]
    code = cli.main(argv, launch=no_tray, open_session=failing(KeyboardInterrupt()))
    assert code == ExitCode.INTERRUPTED
