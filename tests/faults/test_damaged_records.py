"""One damaged cell never blocks the rest, and restore always works (issue 15, item 1).

SQLite's integrity check looks at pages, not meanings: a TEXT value that is not UTF-8, a
sealed blob someone edited, a value out of range all pass it. Each is made here behind
Crickets' back; every command must still work on what can be read, name what cannot, and
``restore`` (the way back) must always succeed.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from crickets.domain.clock import FixedClock
from crickets.storage.store import Store
from crickets.wiring.session import build_use_cases
from tests.builders import make_interview
from tests.faults.helpers import add, cli, damage, listed, not_utf8


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    for company in ("Acme", "Globex", "Initech"):
        add(folder, company)
    exported = cli(folder, "export", "--out", str(tmp_path / "export.json"))
    assert exported.returncode == 0, exported.stderr
    return folder


@pytest.mark.parametrize(
    "key", ["store.id", "store.key-check", "backup.fingerprint", "notice.key-file"]
)
def test_one_undecodable_app_state_value_blocks_nothing(data: Path, key: str) -> None:
    damage(data, f"UPDATE app_state SET value = {not_utf8()} WHERE key = '{key}'")

    assert listed(data) == ["Acme", "Globex", "Initech"]
    status = cli(data, "status", "--json")
    assert status.returncode == 0, status.stderr
    restored = cli(data, "restore", str(data.parent / "export.json"))
    assert restored.returncode == 0, restored.stderr
    after = cli(data, "list")
    assert after.returncode == 0 and "cannot be read" not in after.stderr, after.stderr


def test_a_damaged_row_is_left_out_and_named_and_restore_brings_it_back(data: Path) -> None:
    damage(
        data,
        f"UPDATE interviews SET zone = {not_utf8('Europe/')} WHERE id = 2;"
        "UPDATE interviews SET personal = x'0102030405060708090a0b0c0d0e0f1011' WHERE id = 3;"
        f"INSERT OR REPLACE INTO settings (key, value) VALUES ('grace', {not_utf8()});",
    )

    shown = cli(data, "list", "--json")
    assert shown.returncode == 0, shown.stderr
    assert [i["company"] for i in json.loads(shown.stdout)] == ["Acme"]
    assert "interview #2: its stored text is not valid UTF-8" in shown.stderr
    assert "interview #3: its encrypted part was changed on disk" in shown.stderr
    assert "the setting 'grace'" in shown.stderr
    one = cli(data, "show", "2")
    assert one.returncode == 2 and "Interview #2 cannot be read" in one.stderr  # not "no #2"
    assert "Traceback" not in one.stderr and "internal error" not in one.stderr
    exported = cli(data, "export", "--out", str(data.parent / "partial.json"))
    assert exported.returncode == 0
    assert "Damaged records are not in it: interview #2" in exported.stderr

    restored = cli(data, "restore", str(data.parent / "export.json"))
    assert restored.returncode == 0, restored.stderr
    again = cli(data, "list", "--json")
    assert [i["company"] for i in json.loads(again.stdout)] == ["Acme", "Globex", "Initech"]
    assert "cannot be read" not in again.stderr


def test_restore_from_a_snapshot_works_over_damage(data: Path) -> None:
    taken = cli(data, "backups", "--now", "--json")
    assert taken.returncode == 0, taken.stderr
    (snapshot,) = [
        s["path"] for s in json.loads(taken.stdout)["snapshots"] if s["reason"] == "manual"
    ]
    damage(
        data,
        f"UPDATE app_state SET value = {not_utf8()} WHERE key = 'store.id';"
        f"UPDATE interviews SET local_start = {not_utf8()} WHERE id = 1;",
    )
    restored = cli(data, "restore", snapshot)
    assert restored.returncode == 0, restored.stderr
    assert listed(data) == ["Acme", "Globex", "Initech"]


def test_the_application_layer_names_what_the_store_left_out(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    try:
        for company in ("Acme", "Globex"):
            store.interviews.add(make_interview(id=None, company=company))
        damage(tmp_path, f"UPDATE interviews SET direction = {not_utf8()} WHERE id = 2")
        book = build_use_cases(store, FixedClock(datetime(2026, 11, 25, tzinfo=UTC))).book
        assert [i.company for i in book.all()] == ["Acme"]
        assert [r.what for r in book.unreadable()] == ["interview #2"]
        assert book.unreadable_text().startswith(
            "1 saved record cannot be read and is left out (interview #2: its stored text"
        )
    finally:
        store.close()
