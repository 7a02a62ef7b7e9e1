"""``--data-dir`` before or after the command, and ``crickets FILE.ics`` among options."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from crickets import cli
from crickets.commands.parser import build_parser, file_shortcut
from crickets.commands.session import CliSession
from crickets.domain.clock import Clock
from tests.unit.commands.cli_run import ok, refused


def no_session(data_dir: Path, clock: Clock, on_notice: Callable[[str], None]) -> CliSession:
    raise AssertionError("the tray start opened the store")


def tray_args(argv: list[str]) -> argparse.Namespace:
    """What the tray would be started with for ``argv``."""
    started: list[argparse.Namespace] = []

    def launch(args: argparse.Namespace) -> int:
        started.append(args)
        return 0

    assert cli.main(argv, launch=launch, open_session=no_session) == 0
    (args,) = started
    return args


def test_data_dir_after_the_command_is_the_same_as_before(tmp_path: Path) -> None:
    ok("add", "--at", "2026-12-01 14:00", "--company", "Acme", "--data-dir", str(tmp_path))
    after = json.loads(ok("list", "--json", "--data-dir", str(tmp_path)))
    before = json.loads(ok("--data-dir", str(tmp_path), "list", "--json"))
    assert [i["company"] for i in after] == ["Acme"] and after == before


def test_the_data_dir_after_the_command_wins(tmp_path: Path) -> None:
    used, other = tmp_path / "used", tmp_path / "other"
    ok("--data-dir", str(other), "add", "--at", "2026-12-01 14:00", "--data-dir", str(used))
    assert (used / "crickets.sqlite3").exists() and not other.exists()


@pytest.mark.parametrize(
    "argv",
    [
        ["--data-dir", "{dir}", "invite.ics"],
        ["invite.ics", "--data-dir", "{dir}"],
        ["--data-dir={dir}", "--background", "invite.ics"],
    ],
)
def test_an_invitation_among_global_options_is_opened_in_the_tray(
    tmp_path: Path, argv: list[str]
) -> None:
    args = tray_args([word.format(dir=tmp_path) for word in argv])
    assert args.command is None and args.open == "invite.ics"
    assert args.data_dir == str(tmp_path)


def test_the_shortcut_leaves_commands_and_option_values_alone() -> None:
    parser = build_parser()
    assert file_shortcut(["import", "x.ics"], parser) == ["import", "x.ics"]
    assert file_shortcut(["--open", "x.ics"], parser) == ["--open", "x.ics"]
    assert file_shortcut(["--data-dir", "a.ics", "list"], parser) == ["--data-dir", "a.ics", "list"]
    assert file_shortcut(["X.ICS"], parser) == ["--open", "X.ICS"]
    assert file_shortcut(["notes.txt"], parser) == ["notes.txt"]


def test_a_tray_option_with_a_command_is_refused_not_ignored(tmp_path: Path) -> None:
    line = refused("--demo", "list", "--data-dir", str(tmp_path))
    assert line == (
        "crickets: --demo starts the tray, so it does not go with the command list; "
        "use one or the other"
    )
    assert not tmp_path.exists() or not any(tmp_path.iterdir())
