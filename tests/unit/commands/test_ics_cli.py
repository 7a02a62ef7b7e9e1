"""``crickets import`` and ``crickets export-ics`` through the real entry point, in a subprocess.

The clock is frozen through CRICKETS_CLOCK (as in test_cli.py); the person is in London.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.unit.commands.cli_run import PINNED_LOCALE

FROZEN = "2026-11-25T12:21:00+00:00"
DATA = Path(__file__).resolve().parents[2] / "data" / "ics"


def crickets(
    data: Path, *args: str, stdin: bytes | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CRICKETS_CLOCK": FROZEN, "TZ": "Europe/London", **PINNED_LOCALE}
    env.pop("CRICKETS_DATA_DIR", None)
    result = subprocess.run(
        [sys.executable, "-m", "crickets", "--data-dir", str(data), *args],
        capture_output=True,
        input=stdin,
        env=env,
        timeout=60,
    )
    return subprocess.CompletedProcess(
        result.args, result.returncode, result.stdout.decode(), result.stderr.decode()
    )


def ok(data: Path, *args: str, stdin: bytes | None = None) -> str:
    result = crickets(data, *args, stdin=stdin)
    assert result.returncode == 0, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    return result.stdout


def refused(data: Path, *args: str, code: int = 2) -> str:
    """Exit 2, exactly one line on stderr, no traceback."""
    result = crickets(data, *args)
    assert result.returncode == code, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("crickets: "), result.stderr
    return lines[0]


def fixture(name: str) -> str:
    return str(DATA / name)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A data folder with an empty store in it."""
    ok(tmp_path, "list")  # created before the tests, so first-run notices are not counted
    return tmp_path


def listed(data_dir: Path) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = json.loads(ok(data_dir, "list", "--json"))
    return rows


def test_dry_run_json_shows_everything_and_creates_nothing(tmp_path: Path) -> None:
    report = json.loads(
        ok(tmp_path, "import", fixture("google_request.ics"), "--dry-run", "--json")
    )
    assert report["dry_run"] is True and report["method"] == "REQUEST"
    (event,) = report["events"]
    assert event["start"] == "2026-12-01T19:00:00+00:00"
    assert event["start_local"] == "2026-12-01T14:00:00-05:00"
    assert event["zone"] == "America/New_York"
    assert event["summary"] == "Interview: Acme — Data analyst"
    assert event["interviewer_name"] == "Jane Doe"
    assert event["meeting_link"] == "https://meet.google.com/abc-defg-hij"
    assert event["phone"] == "" and event["warnings"] == []
    assert event["plan"] is None
    assert list(tmp_path.iterdir()) == []


def test_dry_run_text_says_what_would_happen_and_changes_nothing(data_dir: Path) -> None:
    out = ok(data_dir, "import", fixture("outlook_request.ics"), "--dry-run")
    assert "Wednesday 2 December 2026, 10:00 PST (America/Los_Angeles" in out
    assert "In UTC:      2026-12-02 18:00 UTC" in out
    assert "Would:       Adds" in out and "Dry run: nothing was changed." in out
    assert listed(data_dir) == []


def test_dry_run_of_several_events_lists_them_all(data_dir: Path) -> None:
    report = json.loads(ok(data_dir, "import", fixture("several.ics"), "--dry-run", "--json"))
    assert len(report["events"]) == 3


def test_import_then_again(data_dir: Path) -> None:
    out = ok(data_dir, "import", fixture("google_request.ics"))
    assert out.startswith("Added interview #1 (Data analyst with Acme)")
    (row,) = listed(data_dir)
    assert row["zone"] == "America/New_York" and row["start"] == "2026-12-01T19:00:00+00:00"
    assert row["meeting_link"] == "https://meet.google.com/abc-defg-hij"
    assert row["ics_uid"] == "7kukuqrfedlm2f9t0vr42q2vvq@google.com"
    assert row["direction"] == "video"
    assert "Already imported as interview #1" in ok(
        data_dir, "import", fixture("google_request.ics")
    )
    assert len(listed(data_dir)) == 1


def test_several_events_need_pick(data_dir: Path) -> None:
    result = crickets(data_dir, "import", fixture("several.ics"))
    assert result.returncode == 2
    assert result.stderr.strip().endswith("choose one with --pick N (1 to 3)")
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Event 3 of 3: Final round: Massive Dynamic" in result.stdout
    assert listed(data_dir) == []
    assert "1 to 3" in refused(data_dir, "import", fixture("several.ics"), "--pick", "9")
    out = json.loads(ok(data_dir, "import", fixture("several.ics"), "--pick", "2", "--json"))
    assert out["outcome"] == "added" and out["interview"]["company"] == "Massive Dynamic"
    assert [r["start"] for r in listed(data_dir)] == ["2026-12-15T21:00:00+00:00"]


def test_reschedule_then_cancel_needs_yes(data_dir: Path) -> None:
    ok(data_dir, "import", fixture("series_1_request.ics"))
    assert "Moved interview #1" in ok(data_dir, "import", fixture("series_2_update.ics"))
    assert "older version" in ok(data_dir, "import", fixture("series_1_request.ics"))
    line = refused(data_dir, "import", fixture("series_3_cancel.ics"))
    assert "--yes" in line and "cancelled" in line
    (row,) = listed(data_dir)
    assert row["status"] == "scheduled" and row["start"] == "2026-12-03T15:00:00+00:00"
    assert "as cancelled" in ok(data_dir, "import", fixture("series_3_cancel.ics"), "--yes")
    assert listed(data_dir)[0]["status"] == "cancelled"


def test_cancel_of_unknown_invitation_exits_1(data_dir: Path) -> None:
    result = crickets(data_dir, "import", fixture("series_3_cancel.ics"), "--yes")
    assert result.returncode == 1 and "never imported" in result.stdout


def test_a_time_is_asked_for_an_all_day_event(data_dir: Path) -> None:
    line = refused(data_dir, "import", fixture("all_day.ics"))
    assert "all-day" in line and '--at "2026-12-10 14:00"' in line
    out = json.loads(
        ok(
            data_dir,
            "import",
            fixture("all_day.ics"),
            "--at",
            "2026-12-10 14:00",
            "--tz",
            "UTC",
            "--json",
        )
    )
    assert out["interview"]["start"] == "2026-12-10T14:00:00+00:00"


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"", "empty"),
        (b"<html><body>Sign in to see this calendar</body></html>", "web page"),
        (b"\x00\x01\x02binary", "binary"),
        (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\n", "cut off"),
        (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", "no events"),
    ],
)
def test_a_file_it_cannot_use_exits_2_with_one_line(
    data_dir: Path, content: bytes, fragment: str
) -> None:
    bad = data_dir / "invite.ics"
    bad.write_bytes(content)
    line = refused(data_dir, "import", str(bad))
    assert fragment in line and str(bad) in line
    assert listed(data_dir) == []


def test_a_missing_file_or_a_folder(data_dir: Path) -> None:
    assert "cannot read" in refused(data_dir, "import", str(data_dir / "nope.ics"))
    assert "folder" in refused(data_dir, "import", str(data_dir))


def test_import_from_standard_input(data_dir: Path) -> None:
    data = (DATA / "apple_publish.ics").read_bytes()
    assert "Added interview #1" in ok(data_dir, "import", "-", stdin=data)


def test_export_ics_and_import_it_elsewhere(data_dir: Path, tmp_path: Path) -> None:
    ok(data_dir, "add", "--at", "2026-12-01 14:00", "--tz", "Asia/Kolkata", "--company", "Zoë & Co")
    text = ok(data_dir, "export-ics", "1")
    assert text.startswith("BEGIN:VCALENDAR") and "TZID:Asia/Kolkata" in text
    out = tmp_path / "interview.ics"
    assert "Wrote #1" in ok(data_dir, "export-ics", "1", "--out", str(out))
    assert out.read_bytes() == text.encode().replace(b"\n", b"\r\n").replace(b"\r\r\n", b"\r\n")
    other = tmp_path / "other"
    ok(other, "import", str(out))
    (row,) = listed(other)
    assert row["zone"] == "Asia/Kolkata" and row["start"] == "2026-12-01T08:30:00+00:00"
    assert row["company"] == "Zoë & Co"
    # The same UID on every export: the calendar updates its entry instead of adding one.
    assert ok(data_dir, "export-ics", "1").split("UID:")[1][:40] == text.split("UID:")[1][:40]


def test_export_ics_of_a_missing_interview(data_dir: Path) -> None:
    assert "no interview #9" in refused(data_dir, "export-ics", "9")


def test_a_dry_run_with_a_typed_time_creates_no_store(tmp_path: Path) -> None:
    empty = tmp_path / "nothing-here"
    ok(empty, "import", fixture("all_day.ics"), "--dry-run", "--at", "2026-12-10 14:00")
    assert not empty.exists() or list(empty.iterdir()) == []


def test_a_dry_run_pick_names_the_event_picked(data_dir: Path) -> None:
    out = ok(
        data_dir,
        "import",
        fixture("several.ics"),
        "--dry-run",
        "--pick",
        "2",
        "--at",
        "2026-12-20 10:00",
    )
    assert "Event 2 of" in out and "Event 1 of" not in out
