"""The command line receives its session from the entry point: in process, with a fake.

A fake session whose store "explodes" when used shows which commands never open it: the
tray start, and a dry run where no store exists yet.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from crickets import cli
from crickets.application.backups import BackupShelf
from crickets.application.ports import ZoneSource
from crickets.application.use_cases import UseCases
from crickets.commands.session import CliSession, SessionFactory
from crickets.domain.clock import Clock, FixedClock

NOW = FixedClock(datetime.fromisoformat("2026-11-25T12:21:00+00:00"))
GOOGLE = Path(__file__).resolve().parents[2] / "data" / "ics" / "google_request.ics"


class LondonZone:
    def home_zone(self, configured: str) -> str:
        return configured or "Europe/London"


class NoStore:
    """A data folder with nothing in it, whose store must not be opened."""

    def __init__(self) -> None:
        self.closed = 0

    @property
    def use_cases(self) -> UseCases:
        raise AssertionError("the store was opened")

    @property
    def shelf(self) -> BackupShelf:
        raise AssertionError("the backups were opened")

    @property
    def has_store(self) -> bool:
        return False

    @property
    def zones(self) -> ZoneSource:
        return LondonZone()

    def close(self) -> None:
        self.closed += 1


@pytest.fixture
def opened() -> list[tuple[Path, NoStore]]:
    """Every session the command line asked for, with its data folder."""
    return []


def factory(opened: list[tuple[Path, NoStore]]) -> SessionFactory:
    def open_session(data_dir: Path, clock: Clock, on_notice: Callable[[str], None]) -> CliSession:
        session = NoStore()
        opened.append((data_dir, session))
        return session

    return open_session


def no_tray(args: argparse.Namespace) -> int:
    raise AssertionError("the tray was started")


def test_the_tray_start_builds_no_session(
    tmp_path: Path, opened: list[tuple[Path, NoStore]]
) -> None:
    started: list[argparse.Namespace] = []

    def tray(args: argparse.Namespace) -> int:
        started.append(args)
        return 0

    code = cli.main(["--data-dir", str(tmp_path)], launch=tray, open_session=factory(opened))
    assert code == 0 and len(started) == 1
    assert opened == []


def test_a_dry_run_without_a_store_reads_defaults_through_the_session(
    tmp_path: Path, opened: list[tuple[Path, NoStore]], capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["--data-dir", str(tmp_path), "import", str(GOOGLE), "--dry-run", "--json"]
    code = cli.main(argv, launch=no_tray, open_session=factory(opened), clock=NOW)
    out, err = capsys.readouterr()
    assert code == 0, err
    (event,) = json.loads(out)["events"]
    assert event["plan"] is None and event["zone"] == "America/New_York"
    assert [folder for folder, _ in opened] == [tmp_path]
    assert opened[0][1].closed >= 1  # the session is closed when the command ends


def test_a_refusal_from_the_application_exits_2_in_one_line(
    tmp_path: Path, opened: list[tuple[Path, NoStore]], capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "a-folder.ics"
    folder.mkdir()
    argv = ["--data-dir", str(tmp_path), "import", str(folder), "--dry-run"]
    assert cli.main(argv, launch=no_tray, open_session=factory(opened), clock=NOW) == 2
    assert (
        capsys.readouterr().err == f"crickets: {folder} is a folder; give the .ics file inside it\n"
    )
