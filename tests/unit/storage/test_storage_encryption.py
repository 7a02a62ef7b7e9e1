"""Encryption at rest, seen from the disk: no personal string in the database, its WAL or
its snapshots; rows bound to their ids; rows an earlier version wrote in clear get sealed."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from crickets.domain.actions import Action, ActionKind
from crickets.domain.profile import Profile
from crickets.storage import backups
from crickets.storage.errors import RecordUnreadable
from crickets.storage.identity import RESEALED
from crickets.storage.opening import OpenedStore
from crickets.storage.store import Store
from tests.builders import PersonalFields, make_interview
from tests.unit.storage.test_keychain import MemoryKeyring, opened

SECRETS: PersonalFields = {
    "company": "Zyxwvut Analytics",
    "role": "Quorble Engineer",
    "interviewer_name": "Philippa Quenneville",
    "interviewer_email": "p.quenneville@zyxwvut.example",
    "interviewer_phone": "+1 415 555 0199",
    "meeting_link": "https://meet.example/zyx-wvut-qqq",
    "my_phone": "+44 20 7946 0321",
    "notes": "Ask about the Borgravian office",
}
UID = "invite-7f3a@zyxwvut.example"
PROFILE = Profile("Sam Marchetti-Lee", "sam.marchetti@mailbox.example", "+44 7700 900461")
NEEDLES = [
    *(str(text) for text in SECRETS.values()),  # a TypedDict's values are typed object
    UID,
    "zyxwvut",
    "Quenneville",
    "Philippa",
    "555 0199",
    "4155550199",
    "Marchetti",
    "mailbox.example",
    "7700 900461",
    "called back from a payphone",
    "BEGIN:VCALENDAR",
]


def fill(o: OpenedStore) -> None:
    store = o.store
    iv = store.interviews.add(make_interview(id=None, ics_uid=UID, **SECRETS))
    assert iv.id is not None
    store.settings.save_profile(PROFILE)
    store.log.log_action(
        Action(
            iv.id,
            datetime(2026, 12, 1, 19, 9, tzinfo=UTC),
            ActionKind.NOTE,
            "called back from a payphone",
        )
    )
    store.kept_invitations.save_invitation(
        iv.id, b"BEGIN:VCALENDAR\r\nORGANIZER:mailto:" + UID.encode() + b"\r\n"
    )


def leaks(paths: list[Path]) -> list[tuple[str, str]]:
    found = []
    for path in paths:
        data = path.read_bytes().lower()
        for needle in NEEDLES:
            for form in (needle.encode(), needle.encode("utf-16-le")):
                if form.lower() in data:
                    found.append((path.name, needle))
    return found


def files_of(data: Path) -> list[Path]:
    return sorted(p for p in data.rglob("*") if p.is_file())


def test_no_personal_string_reaches_the_disk(tmp_path: Path) -> None:
    memory = MemoryKeyring()
    o = opened(tmp_path, memory)
    fill(o)
    # While the store is open the new rows sit in the WAL: check it before it is folded in.
    wal = tmp_path / "crickets.sqlite3-wal"
    assert wal.exists() and wal.stat().st_size > 0
    assert leaks(files_of(tmp_path)) == []
    o.close()
    again = opened(tmp_path, memory)  # the daily snapshot of the filled database
    assert backups.list_snapshots(again.backup_dir)
    iv = again.store.interviews.find_by_uid(UID)
    assert iv is not None and iv.company == SECRETS["company"] and iv.ics_uid == UID
    assert again.store.settings.load_profile() == PROFILE
    assert again.store.log.actions()[0].detail == "called back from a payphone"
    again.close()
    assert leaks(files_of(tmp_path)) == []


@pytest.mark.skipif(shutil.which("strings") is None, reason="binutils' strings is not installed")
def test_strings_finds_nothing_personal(tmp_path: Path) -> None:
    o = opened(tmp_path, MemoryKeyring())
    fill(o)
    paths = [str(p) for p in files_of(tmp_path)]
    out = subprocess.run(["strings", "-a", "-n", "4", *paths], capture_output=True, text=True)
    o.close()
    text = out.stdout.lower()
    assert out.returncode == 0 and text  # it read the files (table names are in clear)
    assert "interviews" in text
    assert [n for n in NEEDLES if n.lower() in text] == []


def test_swapped_blobs_fail_for_that_row_not_with_garbage(tmp_path: Path) -> None:
    memory = MemoryKeyring()
    o = opened(tmp_path, memory)
    a = o.store.interviews.add(make_interview(id=None, company="Alpha"))
    b = o.store.interviews.add(make_interview(id=None, company="Beta"))
    assert a.id is not None
    o.close()
    conn = sqlite3.connect(tmp_path / "crickets.sqlite3")
    (blob_a,) = conn.execute("SELECT personal FROM interviews WHERE id = ?", (a.id,)).fetchone()
    (blob_b,) = conn.execute("SELECT personal FROM interviews WHERE id = ?", (b.id,)).fetchone()
    conn.execute("UPDATE interviews SET personal = ? WHERE id = ?", (blob_b, a.id))
    conn.execute("UPDATE interviews SET personal = ? WHERE id = ?", (blob_a, b.id))
    conn.commit()
    conn.close()
    again = opened(tmp_path, memory)
    with pytest.raises(RecordUnreadable, match=rf"^Interview #{a.id} cannot be read: its encr"):
        again.store.interviews.get(a.id)
    # Neither row opens; each is named, never returned as the other's garbage.
    assert again.store.interviews.list() == []
    assert [r.what for r in again.store.interviews.unreadable()] == [
        f"interview #{a.id}",
        f"interview #{b.id}",
    ]
    again.close()


def test_a_swapped_action_detail_fails_too(tmp_path: Path) -> None:
    memory = MemoryKeyring()
    o = opened(tmp_path, memory)
    iv = o.store.interviews.add(make_interview(id=None))
    assert iv.id is not None
    at = datetime(2026, 12, 1, 19, 9, tzinfo=UTC)
    first = o.store.log.log_action(Action(iv.id, at, ActionKind.CALLED, "no answer"))
    o.store.log.log_action(Action(iv.id, at, ActionKind.CALLED, "voicemail"))
    o.close()
    conn = sqlite3.connect(tmp_path / "crickets.sqlite3")
    conn.execute(
        "UPDATE actions SET detail = (SELECT detail FROM actions WHERE id = 2) WHERE id = 1"
    )
    conn.commit()
    conn.close()
    again = opened(tmp_path, memory)
    assert [a.detail for a in again.store.log.actions()] == ["voicemail"]
    assert [r.what for r in again.store.log.unreadable()] == [f"action-log entry #{first.id}"]
    again.close()


def test_rows_written_in_clear_by_an_earlier_version_are_sealed_on_open(tmp_path: Path) -> None:
    legacy = Store.open(tmp_path)  # the foundation's unencrypted codec
    iv = legacy.interviews.add(make_interview(id=None, ics_uid=UID, **SECRETS))
    assert iv.id is not None
    legacy.settings.save_profile(PROFILE)
    legacy.log.log_action(
        Action(
            iv.id,
            datetime(2026, 12, 1, 19, 9, tzinfo=UTC),
            ActionKind.NOTE,
            "called back from a payphone",
        )
    )
    legacy.close()
    assert leaks([tmp_path / "crickets.sqlite3"])  # the premise: it was in clear

    memory = MemoryKeyring()
    o = opened(tmp_path, memory, daily_backup=False)
    assert o.notices == [RESEALED.format(count=3)]
    assert o.store.interviews.get(iv.id) == iv
    assert o.store.interviews.find_by_uid(UID) == iv
    assert o.store.settings.load_profile() == PROFILE
    o.close()
    assert leaks(files_of(tmp_path)) == []  # VACUUM + checkpoint left no old bytes behind
    again = opened(tmp_path, memory)
    assert again.notices == [] and again.store.interviews.get(iv.id) == iv
    again.close()
