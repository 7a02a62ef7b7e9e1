"""The real ``crickets`` entry point, in a subprocess, on a temporary data directory.

The clock is frozen through CRICKETS_CLOCK, so no result depends on when the test runs.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.unit.commands.cli_run import PINNED_LOCALE

FROZEN = "2026-11-25T12:21:00+00:00"  # a Wednesday


def crickets(data: Path, *args: str, clock: str = FROZEN) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CRICKETS_CLOCK": clock, "TZ": "Europe/London", **PINNED_LOCALE}
    env.pop("CRICKETS_DATA_DIR", None)
    return subprocess.run(
        [sys.executable, "-m", "crickets", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def ok(data: Path, *args: str) -> str:
    result = crickets(data, *args)
    assert result.returncode == 0, result.stderr
    return result.stdout


def refused(data: Path, *args: str) -> str:
    """Exit 2, exactly one line on stderr, no traceback."""
    result = crickets(data, *args)
    assert result.returncode == 2, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("crickets: "), result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


def test_version(tmp_path: Path) -> None:
    assert ok(tmp_path, "--version").startswith("crickets 0.")


def test_the_issue_example_overdue_then_get_ready(tmp_path: Path) -> None:
    ok(tmp_path, "add", "--at", "2026-12-01 14:00", "--tz", "America/New_York", "--company", "Acme")
    overdue = json.loads(ok(tmp_path, "status", "--json", "--at", "2026-12-01T19:06:00Z"))
    (entry,) = overdue["interviews"]
    assert entry["phase"] == "overdue"
    assert entry["stop_waiting_at"] == "2026-12-01T19:30:00+00:00"
    assert entry["start_local"] == "2026-12-01T14:00:00-05:00"
    ready = json.loads(ok(tmp_path, "status", "--json", "--at", "2026-12-01T18:50:00Z"))
    assert ready["interviews"][0]["phase"] == "get-ready"


def test_a_time_in_the_dst_gap_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    line = refused(tmp_path, "add", "--at", "2027-03-14 02:30", "--tz", "America/New_York")
    assert "does not exist" in line and "America/New_York" in line
    assert json.loads(ok(tmp_path, "list", "--json")) == []


def test_the_repeated_hour_asks_which_and_fold_answers(tmp_path: Path) -> None:
    line = refused(tmp_path, "add", "--at", "2027-11-07 01:30", "--tz", "America/New_York")
    assert "EDT" in line and "EST" in line
    assert line.endswith("say which with --fold 0 (the first) or --fold 1 (the second).")
    added = json.loads(
        ok(
            tmp_path,
            "add",
            "--at",
            "2027-11-07 01:30",
            "--tz",
            "America/New_York",
            "--fold",
            "1",
            "--json",
        )
    )
    assert added["start"] == "2027-11-07T06:30:00+00:00"


def test_add_list_show_edit_delete(tmp_path: Path) -> None:
    out = ok(
        tmp_path,
        "add",
        "--at",
        "Tue 1 Dec 2pm",
        "--tz",
        "America/New_York",
        "--company",
        "Acme",
        "--role",
        "Data analyst",
        "--contact",
        "Jane Doe",
        "--email",
        "jane.doe+jobs@acme.com",
        "--phone",
        "+1 415 555 0100",
    )
    assert "Added #1: Data analyst with Acme" in out
    assert "Tuesday 1 December 2026, 14:00 EST" in out
    listed = json.loads(ok(tmp_path, "list", "--json"))
    assert [i["interviewer_email"] for i in listed] == ["jane.doe+jobs@acme.com"]
    assert "Jane Doe" in ok(tmp_path, "show", "1")
    edited = json.loads(ok(tmp_path, "edit", "1", "--at", "2026-12-02 09:00", "--json"))
    assert edited["start"] == "2026-12-02T14:00:00+00:00"  # zone kept from the interview
    assert edited["company"] == "Acme"
    assert "Deleted #1" in ok(tmp_path, "delete", "1")
    assert "no interview #1" in refused(tmp_path, "show", "1")


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["add", "--at", "2026-12-01 14:00", "--company", "Acme\r\nBcc: x@y.z"], "--company"),
        (["add", "--at", "2026-12-01 14:00", "--email", "not-an-email"], "--email"),
        (["add", "--at", "2026-12-01 14:00", "--tz", "Mars/Olympus"], "--tz"),
        (["add", "--at", "2026-12-01 14:00", "--duration", "0"], "--duration"),
        (["add", "--at", "2026-12-01 14:00", "--direction", "telepathy"], "direction"),
        (["add", "--at", "next blursday"], "--at"),
        (["add", "--at", "2026-12-01 14:00 EST", "--tz", "Europe/London"], "EST"),
        (["add", "--at", "04/05/2027 10:00"], "--at"),
        (["add", "--at", "2031-01-01 10:00"], "--at"),
        (["add"], "--at"),
        (["status", "--at", "yesterday"], "--at"),
        (["edit", "42", "--company", "X"], "no interview #42"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_bad_input_exits_2_with_one_line_and_writes_nothing(
    tmp_path: Path, args: list[str], fragment: str
) -> None:
    assert fragment in refused(tmp_path, *args)
    assert json.loads(ok(tmp_path, "list", "--json")) == []


def test_export_and_restore_round_trip(tmp_path: Path) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    ok(
        first,
        "add",
        "--at",
        "2026-12-01 14:00",
        "--tz",
        "Asia/Kolkata",
        "--company",
        "Zoë & Co",
        "--notes",
        "line 1\nline 2",
    )
    export = tmp_path / "export.json"
    result = crickets(first, "export", "--out", str(export))
    assert result.returncode == 0 and "unencrypted" in result.stderr
    assert oct(export.stat().st_mode & 0o777) == "0o600"
    ok(second, "restore", str(export))
    assert json.loads(ok(second, "list", "--json")) == json.loads(ok(first, "list", "--json"))
    assert json.loads(export.read_text())["actions"] == []


def test_restore_of_a_damaged_file_changes_nothing(tmp_path: Path) -> None:
    ok(tmp_path, "add", "--at", "2026-12-01 14:00", "--company", "Acme")
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "crickets-export", "version": 1, "interviews": [{"id": 1}]}')
    assert "not valid" in refused(tmp_path, "restore", str(bad))
    bad.write_bytes(b"\x00\xff garbage")
    assert "not a Crickets export" in refused(tmp_path, "restore", str(bad))
    assert [i["company"] for i in json.loads(ok(tmp_path, "list", "--json"))] == ["Acme"]


def test_a_newer_database_is_refused_in_one_line(tmp_path: Path) -> None:
    import sqlite3

    ok(tmp_path, "list")
    conn = sqlite3.connect(tmp_path / "crickets.sqlite3")
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    assert "newer Crickets" in refused(tmp_path, "list")


def test_data_dir_from_the_environment(tmp_path: Path) -> None:
    env = {**os.environ, "CRICKETS_DATA_DIR": str(tmp_path), "CRICKETS_CLOCK": FROZEN}
    subprocess.run(
        [sys.executable, "-m", "crickets", "add", "--at", "2026-12-01 14:00"],
        env=env,
        check=True,
        capture_output=True,
    )
    assert (tmp_path / "crickets.sqlite3").exists()


def test_moving_an_interview_to_another_zone_checks_the_kept_time(tmp_path: Path) -> None:
    """The wall-clock time stays; in the new zone it may not exist, or happen twice."""
    ok(tmp_path, "add", "--at", "2027-03-14 02:30", "--tz", "Europe/London")
    assert "does not exist" in refused(tmp_path, "edit", "1", "--tz", "America/New_York")
    assert json.loads(ok(tmp_path, "show", "1", "--json"))["zone"] == "Europe/London"
    ok(tmp_path, "add", "--at", "2027-11-07 01:30", "--tz", "Europe/London")
    assert "EDT" in refused(tmp_path, "edit", "2", "--tz", "America/New_York")
    moved = json.loads(
        ok(tmp_path, "edit", "2", "--tz", "America/New_York", "--fold", "1", "--json")
    )
    assert moved["start"] == "2027-11-07T06:30:00+00:00"
