import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, time
from pathlib import Path

import pytest

from crickets.domain.interview import Status
from crickets.domain.profile import Profile
from crickets.domain.settings import Settings
from crickets.domain.slot_hours import WorkingHours
from crickets.storage import migrations
from crickets.storage.errors import SchemaTooNew, StorageError, StoreBusy
from crickets.storage.store import Store
from tests.builders import make_interview


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(tmp_path)
    yield s
    s.close()


def test_add_get_update_delete(store: Store) -> None:
    added = store.interviews.add(make_interview(id=None, interviewer_email="jane@acme.com"))
    assert added.id is not None
    assert store.interviews.get(added.id) == added
    store.interviews.update(replace(added, status=Status.CANCELLED))
    cancelled = store.interviews.get(added.id)
    assert cancelled is not None and cancelled.status is Status.CANCELLED
    assert store.interviews.delete(added.id) is True
    assert store.interviews.get(added.id) is None
    assert store.interviews.delete(added.id) is False


def test_list_is_ordered_by_instant_not_by_wall_clock(store: Store) -> None:
    ny = store.interviews.add(
        make_interview(datetime(2026, 12, 1, 14, 0), "America/New_York", id=None)
    )
    tokyo = store.interviews.add(
        make_interview(datetime(2026, 12, 1, 23, 0), "Asia/Tokyo", id=None)
    )
    assert [i.id for i in store.interviews.list()] == [tokyo.id, ny.id]  # 14:00Z before 19:00Z


def test_update_of_a_vanished_interview_raises(store: Store) -> None:
    with pytest.raises(KeyError):
        store.interviews.update(make_interview(id=999))


def test_settings_and_profile_persist(tmp_path: Path) -> None:
    with_store = Store.open(tmp_path)
    with_store.settings.save_settings(Settings(sound=False, home_zone="Europe/London"))
    with_store.settings.save_profile(Profile("Sam Lee", "sam@example.com", "+44 20 7946 0958"))
    with_store.close()
    again = Store.open(tmp_path)
    assert again.settings.load_settings() == Settings(sound=False, home_zone="Europe/London")
    assert again.settings.load_profile().first_name == "Sam"
    again.close()


def test_schema_version_and_wal(store: Store) -> None:
    conn = sqlite3.connect(store.path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_a_newer_schema_is_refused_not_overwritten(tmp_path: Path) -> None:
    Store.open(tmp_path).close()
    conn = sqlite3.connect(tmp_path / "crickets.sqlite3")
    conn.execute(f"PRAGMA user_version = {migrations.LATEST + 1}")
    conn.close()
    with pytest.raises(SchemaTooNew, match="newer Crickets"):
        Store.open(tmp_path)


def test_garbage_file_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "crickets.sqlite3").write_bytes(b"not a database at all" * 100)
    with pytest.raises(StorageError, match="not a readable Crickets database"):
        Store.open(tmp_path)


def test_a_second_writer_waits_then_reports_busy(tmp_path: Path) -> None:
    first = Store.open(tmp_path)
    second = Store.open(tmp_path, busy_timeout=0.05)
    blocker = sqlite3.connect(first.path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    with pytest.raises(StoreBusy, match="Another Crickets process"):
        second.interviews.add(make_interview(id=None))
    blocker.execute("ROLLBACK")
    assert second.interviews.add(make_interview(id=None)).id == 1
    for s in (first, second):
        s.close()


def test_two_writers_at_once_lose_nothing(tmp_path: Path) -> None:
    Store.open(tmp_path).close()

    def write(company: str) -> None:
        s = Store.open(tmp_path)
        for n in range(25):
            s.interviews.add(make_interview(id=None, company=f"{company}{n}"))
        s.close()

    threads = [threading.Thread(target=write, args=(name,)) for name in ("cli", "tray")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    check = Store.open(tmp_path)
    assert len(check.interviews.list()) == 50
    check.close()


def test_replace_all_keeps_ids(store: Store) -> None:
    store.interviews.add(make_interview(id=None))
    wanted = [make_interview(id=7, company="Initech"), make_interview(id=9, reschedules_id=7)]
    store.replace_all(wanted, Settings(), Profile("Sam"))
    assert [(i.id, i.company) for i in store.interviews.list()] == [(7, "Initech"), (9, "Acme")]


def test_action_log_round_trip_and_cascade(store: Store) -> None:
    from datetime import UTC

    from crickets.domain.action_words import log_line
    from crickets.domain.actions import Action, ActionKind

    iv = store.interviews.add(make_interview(id=None))
    assert iv.id is not None
    at = datetime(2026, 12, 1, 19, 9, tzinfo=UTC)
    logged = store.log.log_action(Action(iv.id, at, ActionKind.CALLED, "no answer"))
    assert logged.id is not None
    assert store.log.actions(iv.id) == [logged]
    assert log_line(logged, "America/New_York") == "2:09 PM  You called: no answer"
    store.interviews.delete(iv.id)
    assert store.log.actions() == []


def test_invitation_bytes_round_trip(store: Store) -> None:
    iv = store.interviews.add(make_interview(id=None, ics_uid="abc@example.com"))
    assert iv.id is not None
    raw = b"BEGIN:VCALENDAR\r\nX-ODD:\xff\xfe\r\nEND:VCALENDAR\r\n"
    store.kept_invitations.save_invitation(iv.id, raw)
    assert store.kept_invitations.load_invitation(iv.id) == raw
    assert store.interviews.find_by_uid("abc@example.com") == iv
    assert store.interviews.find_by_uid("") is None


def test_row_stamps_come_from_the_injected_clock(tmp_path: Path) -> None:
    from datetime import UTC

    from crickets.domain.clock import FixedClock

    clock = FixedClock(datetime(2026, 11, 25, 12, 21, tzinfo=UTC))
    s = Store.open(tmp_path, clock=clock)
    added = s.interviews.add(make_interview(id=None))
    clock.set(datetime(2026, 11, 26, 8, 0, tzinfo=UTC))
    s.interviews.update(replace(added, company="Globex"))
    row = s.database.conn.execute("SELECT created_at, updated_at FROM interviews").fetchone()
    assert tuple(row) == ("2026-11-25T12:21:00+00:00", "2026-11-26T08:00:00+00:00")
    s.close()


def test_their_hours_are_stored_and_cleared(store: Store) -> None:
    hours = WorkingHours(time(8, 30), time(16, 0))
    added = store.interviews.add(make_interview(id=None, their_hours=hours))
    assert added.id is not None
    assert store.interviews.get(added.id) == added
    conn = sqlite3.connect(store.path)
    assert conn.execute("SELECT their_hours FROM interviews").fetchall() == [("08:30-16:00",)]
    conn.close()  # in clear: it names nobody
    store.interviews.update(replace(added, their_hours=None))
    cleared = store.interviews.get(added.id)
    assert cleared is not None and cleared.their_hours is None


def test_a_store_from_before_their_hours_migrates_and_loads_with_none(tmp_path: Path) -> None:
    old = Store.open(tmp_path)
    kept = old.interviews.add(make_interview(id=None, company="Acme"))
    old.close()
    conn = sqlite3.connect(tmp_path / "crickets.sqlite3")
    conn.execute("ALTER TABLE interviews DROP COLUMN their_hours")  # as step 3 left it
    conn.execute("PRAGMA user_version = 3")
    conn.commit()
    conn.close()
    again = Store.open(tmp_path)
    (loaded,) = again.interviews.list()
    assert loaded == kept and loaded.their_hours is None
    again.close()
    conn = sqlite3.connect(tmp_path / "crickets.sqlite3")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST == 4
    conn.close()
