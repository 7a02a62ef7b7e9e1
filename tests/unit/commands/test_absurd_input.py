"""Absurd input is refused in one line with exit 2, never reported as "internal error".

Each case here once reached the data store or the standard library unchecked: a
twenty-digit id overflowed SQLite's integer, a 300-character ``--tz`` became a file name
too long for the zone database, an instant in year 1 overflowed on its way to UTC,
``restore /dev/zero`` read until memory ran out, and ``--data-dir ""`` meant the real data
folder. tests/faults/test_cli_fuzz.py looks for more.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from crickets.domain.settings import Settings
from tests.unit.commands.cli_run import ICS, refused
from tests.unit.commands.in_process import Ran, run, with_settings

TWENTY_DIGITS = "12345678901234567890"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    with_settings(folder, Settings(home_zone="Europe/London"))
    assert run(folder, "add", "--at", "2026-12-01 14:00", "--company", "Acme").code == 0
    return folder


def _one_line(ran: Ran) -> str:
    assert ran.code == 2, ran
    assert len(ran.err_lines) == 1 and "internal error" not in ran.err, ran.err
    return ran.err_lines[0]


def test_a_twenty_digit_id_is_refused_by_the_real_entry_point(tmp_path: Path) -> None:
    line = refused("--data-dir", str(tmp_path), "show", TWENTY_DIGITS)
    assert line == (
        f"crickets: argument ID: '{TWENTY_DIGITS}' is not an interview number; "
        "give the # that crickets list shows (see: crickets show --help)"
    )


@pytest.mark.parametrize("number", [TWENTY_DIGITS, str(2**63), "0", "-1", "x", "9" * 5000])
@pytest.mark.parametrize(
    "command",
    [["show"], ["edit"], ["delete"], ["export-ics"], ["draft", "follow-up", "--id"]],
)
def test_an_id_no_interview_can_have_is_refused_everywhere(
    data: Path, command: list[str], number: str
) -> None:
    line = _one_line(run(data, *command, number))
    assert "is not an interview number; give the # that crickets list shows" in line


def test_the_largest_id_sqlite_holds_is_looked_up_and_not_found(data: Path) -> None:
    line = _one_line(run(data, "show", str(2**63 - 1)))
    assert line == f"crickets: there is no interview #{2**63 - 1}; `crickets list` shows them all"


def test_a_300_character_zone_is_refused_in_one_line(tmp_path: Path) -> None:
    line = refused(
        "--data-dir", str(tmp_path), "add", "--at", "2026-12-01 14:00", "--tz", "A" * 300
    )
    assert line == (
        f'crickets: --tz: "{"A" * 39}…" is not a time zone Crickets knows; use an IANA name '
        "such as Europe/London or America/New_York."
    )


@pytest.mark.parametrize("zone", ["../../../etc/passwd", "", " ", "\x1b[2J", "Europe/Nowhere"])
@pytest.mark.parametrize("command", [["add", "--at", "2026-12-01 15:00"], ["edit", "1"]])
def test_a_zone_that_is_none_is_refused_whatever_it_holds(
    data: Path, command: list[str], zone: str
) -> None:
    line = _one_line(run(data, *command, "--tz", zone))
    assert line.startswith("crickets: --tz: ") and "is not a time zone Crickets knows" in line
    assert "\x1b" not in line


@pytest.mark.parametrize(
    "instant", ["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00", "1899-12-31T23:00Z"]
)
def test_status_at_an_instant_beyond_any_interview_is_refused(data: Path, instant: str) -> None:
    line = _one_line(run(data, "status", "--at", instant))
    assert line.startswith("crickets: --at: ") and line.endswith(
        ("from 1900 to 2999", "or 2026-12-01T14:06:00-05:00")
    )


def test_status_at_the_edges_of_the_range_still_answers(data: Path) -> None:
    for instant in ("1900-01-01T00:00:00Z", "2999-12-31T23:59:59Z"):
        assert run(data, "status", "--at", instant, "--json").code == 0


@pytest.mark.parametrize("duration", ["nan", "inf", "-inf", "1e400", "0", "100000"])
def test_a_duration_out_of_range_is_refused(data: Path, duration: str) -> None:
    line = _one_line(run(data, "edit", "1", f"--duration={duration}"))
    assert line == "crickets: --duration: must be between 5 and 480 minutes"


def test_restore_refuses_a_device_before_reading_it(data: Path) -> None:
    """``/dev/zero`` never ends: it was read until memory ran out. ``/dev/null`` stands in
    here (were the check to go, it reads as empty instead of never ending)."""
    line = _one_line(run(data, "restore", "/dev/null"))
    assert line == (
        "crickets: /dev/null is not a file (a device or a pipe); "
        "give an export (crickets export) or a snapshot"
    )
    assert "Acme" in run(data, "list").out  # nothing was replaced


def test_an_empty_data_dir_is_refused_rather_than_read_as_the_default(tmp_path: Path) -> None:
    line = refused("--data-dir", "", "list")
    assert line == (
        "crickets: --data-dir: the folder name is empty; give a folder, or leave it out"
    )


def test_pick_beyond_the_events_is_refused(data: Path) -> None:
    line = _one_line(run(data, "import", str(ICS / "several.ics"), "--pick", TWENTY_DIGITS))
    assert line.startswith("crickets: --pick: choose a number from 1 to ")


@pytest.mark.parametrize("name", ["a\x00b.ics", "\ud800.ics"])
@pytest.mark.parametrize(
    ("command", "what"),
    [(["import"], "import"), (["restore"], "restore"), (["export", "--out"], "--out")],
)
def test_a_file_name_no_file_can_have_is_refused(
    data: Path, command: list[str], what: str, name: str
) -> None:
    """A NUL, or a surrogate no byte stands for: Python raises ValueError or
    UnicodeEncodeError for these, not the OSError a "cannot read" expects."""
    line = _one_line(run(data, *command, name))
    assert line.startswith(f"crickets: {what}: ") and line.endswith(" is not a file name")
