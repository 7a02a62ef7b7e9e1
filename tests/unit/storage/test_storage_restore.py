"""``crickets restore``: from a snapshot or an export, including when the main database is
broken; what the person had is kept first; a bad file changes nothing."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from crickets.domain.actions import Action, ActionKind
from crickets.domain.clock import FixedClock
from crickets.domain.interview import Interview
from crickets.domain.profile import Profile
from crickets.storage import backups
from crickets.storage.keychain import Keychain
from crickets.storage.recovery import set_aside_files
from crickets.storage.restoring import RestoreRefused, RestoreReport, restore
from tests.builders import make_interview
from tests.unit.storage.test_keychain import FROZEN, NOW, ROOT, MemoryKeyring, opened

AT = datetime(2026, 12, 1, 19, 9, tzinfo=UTC)

# interviews, the action log, kept invitations, the profile, and the interview ids
Content = tuple[list[Interview], list[Action], dict[int, bytes], Profile, list[int | None]]


def fill(data: Path, memory: MemoryKeyring) -> Path:
    """An interview with a log, an invitation and a profile; then a snapshot of it all."""
    o = opened(data, memory, daily_backup=False)
    iv = o.store.interviews.add(
        make_interview(id=None, company="Snapco", interviewer_name="Dana Ruiz")
    )
    assert iv.id is not None
    o.store.log.log_action(Action(iv.id, AT, ActionKind.CALLED, "no answer"))
    o.store.log.log_action(Action(iv.id, AT, ActionKind.VOICEMAIL_LEFT))
    o.store.kept_invitations.save_invitation(iv.id, b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    o.store.settings.save_profile(Profile("Sam Lee", "sam@example.com"))
    snapshot = backups.take_snapshot(o.store.path, o.backup_dir, NOW, "manual")
    o.close()
    return snapshot.path


def content(data: Path, memory: MemoryKeyring) -> Content:
    o = opened(data, memory, daily_backup=False)
    try:
        s = o.store
        ids = [i.id for i in s.interviews.list()]
        return (
            list(s.interviews.list()),
            list(s.log.actions()),
            s.kept_invitations.invitations(),
            s.settings.load_profile(),
            ids,
        )
    finally:
        o.close()


def do_restore(data: Path, source: Path, memory: MemoryKeyring) -> RestoreReport:
    return restore(data, source, clock=FixedClock(NOW), keychain=Keychain(memory))


def test_a_snapshot_brings_everything_back_with_the_log(tmp_path: Path) -> None:
    memory = MemoryKeyring()
    snapshot = fill(tmp_path, memory)
    wanted = content(tmp_path, memory)
    o = opened(tmp_path, memory, daily_backup=False)
    for interview in o.store.interviews.list():
        assert interview.id is not None
        o.store.interviews.delete(interview.id)
    o.store.interviews.add(make_interview(id=None, company="Later"))
    o.close()

    report = do_restore(tmp_path, snapshot, memory)
    assert content(tmp_path, memory) == wanted
    assert report.kind == "snapshot" and report.interviews == 1 and report.actions == 2
    safety = report.safety_snapshot
    assert safety is not None and "before-restore" in safety.name
    # ... and the restore itself can be undone with that safety snapshot.
    do_restore(tmp_path, safety, memory)
    assert [i.company for i in content(tmp_path, memory)[0]] == ["Later"]


def test_restore_works_when_the_main_database_is_broken(tmp_path: Path) -> None:
    memory = MemoryKeyring()
    snapshot = fill(tmp_path, memory)
    wanted = content(tmp_path, memory)
    database = tmp_path / "crickets.sqlite3"
    data = bytearray(database.read_bytes())
    data[:100] = bytes(100)
    database.write_bytes(bytes(data))

    report = do_restore(tmp_path, snapshot, memory)
    assert content(tmp_path, memory) == wanted
    assert any("set aside" in n for n in report.notices)
    assert len(set_aside_files(database)) == 1


def test_restore_works_when_the_database_was_emptied(tmp_path: Path) -> None:
    memory = MemoryKeyring()
    snapshot = fill(tmp_path, memory)
    wanted = content(tmp_path, memory)
    (tmp_path / "crickets.sqlite3").write_bytes(b"")
    do_restore(tmp_path, snapshot, memory)
    assert content(tmp_path, memory) == wanted
    (emptied,) = set_aside_files(tmp_path / "crickets.sqlite3")
    assert emptied.stat().st_size == 0  # even an empty file is renamed, not deleted


def test_a_snapshot_without_its_key_is_refused_before_anything_changes(tmp_path: Path) -> None:
    memory = MemoryKeyring()
    snapshot = fill(tmp_path, memory)
    other = tmp_path / "other"
    with pytest.raises(RestoreRefused, match="neither in your keychain"):
        do_restore(other, snapshot, MemoryKeyring())
    assert not other.exists()


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b'{"format": "crickets-export", "version": 1, "interviews": [{"id": 1}]}', "not valid"),
        (b"\x00\xff garbage", "not a Crickets export"),
        (b"SQLite format 3\x00" + bytes(200), "not a readable"),
    ],
)
def test_a_bad_file_changes_nothing(tmp_path: Path, data: bytes, fragment: str) -> None:
    memory = MemoryKeyring()
    fill(tmp_path, memory)
    before = content(tmp_path, memory)
    bad = tmp_path / "bad"
    bad.write_bytes(data)
    with pytest.raises(RestoreRefused, match=fragment):
        do_restore(tmp_path, bad, memory)
    assert content(tmp_path, memory) == before
    assert [s.reason for s in backups.list_snapshots(tmp_path / "backups")] == ["manual"]


# -- through the command line ---------------------------------------------------------------


def cli(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "CRICKETS_CLOCK": FROZEN,
        "TZ": "Europe/London",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "PYTHONPATH": str(ROOT),
    }
    env.pop("CRICKETS_DATA_DIR", None)
    return subprocess.run(
        [sys.executable, "-m", "crickets", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def test_cli_backups_then_restore_a_snapshot_over_a_corrupt_database(tmp_path: Path) -> None:
    add = ("add", "--at", "2026-12-01 14:00", "--company", "Clico", "--contact", "Ann Oak")
    assert cli(tmp_path, *add).returncode == 0
    taken = cli(tmp_path, "backups", "--now", "--json")
    assert taken.returncode == 0, taken.stderr
    snapshots = json.loads(taken.stdout)["snapshots"]
    assert sorted(s["reason"] for s in snapshots) == ["daily", "manual"]  # opening took one
    (snapshot,) = [s for s in snapshots if s["reason"] == "manual"]
    listed = cli(tmp_path, "list", "--json").stdout

    database = tmp_path / "crickets.sqlite3"
    with database.open("r+b") as handle:  # a garbage page in the middle
        handle.seek(4096 * 2)
        handle.write(bytes(range(256)) * 16)
    restored = cli(tmp_path, "restore", snapshot["path"])
    assert restored.returncode == 0, restored.stderr
    assert "Restored 1 interviews" in restored.stdout
    assert "set aside" in restored.stderr
    assert cli(tmp_path, "list", "--json").stdout == listed
    shown = cli(tmp_path, "backups")
    assert "set aside (damaged or replaced)" in shown.stdout


def test_cli_export_is_plain_json_with_a_warning_and_restores_identically(
    tmp_path: Path,
) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    assert cli(one, "add", "--at", "2026-12-01 14:00", "--company", "Zoë & Co").returncode == 0
    out = tmp_path / "export.json"
    exported = cli(one, "export", "--out", str(out))
    assert exported.returncode == 0 and "plain, unencrypted" in exported.stderr
    assert json.loads(out.read_text())["interviews"][0]["company"] == "Zoë & Co"
    assert cli(two, "restore", str(out)).returncode == 0
    assert cli(two, "list", "--json").stdout == cli(one, "list", "--json").stdout
    conn = sqlite3.connect(two / "crickets.sqlite3")
    (blob,) = conn.execute("SELECT personal FROM interviews").fetchone()
    conn.close()
    assert b"Zo" not in blob  # restored data is sealed like any other
