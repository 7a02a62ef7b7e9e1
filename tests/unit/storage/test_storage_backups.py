"""Snapshots (verified, before each migration, daily while things change) and the thinning
rule, tested like Anki's: concrete calendars first, then properties over random ones."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crickets.domain.clock import FixedClock
from crickets.storage import backups, migrations
from crickets.storage.backups import Snapshot, Thinning, keep
from crickets.storage.keychain import Keychain
from crickets.storage.opening import open_store
from crickets.storage.store import Store
from tests.builders import make_interview
from tests.unit.storage.test_keychain import NOW, MemoryKeyring, opened

RULE = Thinning(recent=timedelta(days=2), daily=7, weekly=8, monthly=12)


def snap(at: datetime, reason: str = "daily") -> Snapshot:
    return Snapshot(Path(f"crickets-{at:%Y%m%dT%H%M%SZ}-{reason}.sqlite3"), at, reason)


def every(start: datetime, step: timedelta, count: int) -> list[Snapshot]:
    return [snap(start - step * n) for n in range(count)]


# -- the rule, on concrete calendars -------------------------------------------------------


def test_everything_from_the_last_two_days_is_kept() -> None:
    hourly = every(NOW, timedelta(hours=1), 47)
    assert keep(hourly, NOW, RULE) == hourly


def test_a_year_of_daily_snapshots_thins_to_days_then_weeks_then_months() -> None:
    daily = every(NOW, timedelta(days=1), 365)
    kept = keep(daily, NOW, RULE)
    ages = [(NOW - s.taken_at).days for s in kept]
    assert ages[:7] == [0, 1, 2, 3, 4, 5, 6]  # the last week, day by day
    assert len({s.taken_at.isocalendar()[:2] for s in kept}) >= 8  # then a week each ...
    months = {(s.taken_at.year, s.taken_at.month) for s in kept}
    assert len(months) == 12  # ... then one per month, back a year
    assert len(kept) <= 7 + 8 + 12
    oldest = min(s.taken_at for s in kept)
    assert NOW - oldest > timedelta(days=300)


def test_the_newest_of_each_period_is_the_one_kept() -> None:
    day = datetime(2026, 10, 7, tzinfo=UTC)  # seven weeks before NOW
    morning, evening = snap(day.replace(hour=8)), snap(day.replace(hour=20))
    recent = every(NOW, timedelta(days=1), 7)
    kept = keep([*recent, morning, evening], NOW, RULE)
    assert evening in kept and morning not in kept


def test_few_snapshots_are_all_kept_however_old() -> None:
    old = [snap(NOW - timedelta(days=d)) for d in (30, 200, 900)]
    assert keep(old, NOW, RULE) == old


def test_nothing_to_keep_from_nothing() -> None:
    assert keep([], NOW, RULE) == []


def test_a_clock_set_back_keeps_snapshots_from_the_future() -> None:
    future = snap(NOW + timedelta(days=3))
    assert future in keep([future, *every(NOW, timedelta(days=1), 60)], NOW, RULE)


# -- the rule, as properties ---------------------------------------------------------------

instants = st.integers(min_value=0, max_value=3 * 365 * 24 * 60).map(
    lambda minutes: NOW - timedelta(minutes=minutes)
)
histories = st.lists(instants, max_size=80, unique=True).map(lambda xs: [snap(x) for x in xs])
rules = st.builds(
    Thinning,
    recent=st.integers(min_value=0, max_value=5).map(lambda d: timedelta(days=d)),
    daily=st.integers(min_value=0, max_value=10),
    weekly=st.integers(min_value=0, max_value=10),
    monthly=st.integers(min_value=0, max_value=14),
)


@settings(max_examples=200, deadline=None)
@given(histories, rules)
def test_kept_is_a_subset_bounded_and_keeps_the_newest(
    history: list[Snapshot], rule: Thinning
) -> None:
    kept = keep(history, NOW, rule)
    assert set(kept) <= set(history)
    recent = [s for s in history if NOW - s.taken_at < rule.recent]
    assert len(kept) <= len(recent) + rule.daily + rule.weekly + rule.monthly
    if history and (rule.daily or rule.weekly or rule.monthly or recent):
        assert max(history, key=lambda s: s.taken_at) in kept
    assert kept == sorted(kept, key=lambda s: s.taken_at, reverse=True)


@settings(max_examples=200, deadline=None)
@given(histories, rules)
def test_thinning_twice_is_thinning_once(history: list[Snapshot], rule: Thinning) -> None:
    once = keep(history, NOW, rule)
    assert keep(once, NOW, rule) == once


@settings(max_examples=200, deadline=None)
@given(histories, histories, rules, st.integers(min_value=0, max_value=400))
def test_what_is_deleted_is_never_wanted_later(
    old: list[Snapshot], new: list[Snapshot], rule: Thinning, days_later: int
) -> None:
    """Thinning as we go (then adding newer snapshots, later) leaves exactly what thinning
    once at the end would: nothing deleted early would have been kept."""
    later = NOW + timedelta(days=days_later)
    newer = [snap(s.taken_at + timedelta(days=days_later) + timedelta(seconds=1)) for s in new]
    newer = [s for s in newer if s.taken_at <= later and s not in old]
    thinned_early = keep(old, NOW, rule)
    assert keep([*thinned_early, *newer], later, rule) == keep([*old, *newer], later, rule)


# -- files: verified snapshots and pruning -------------------------------------------------


def test_a_snapshot_is_a_verified_database_with_its_reason_in_the_name(tmp_path: Path) -> None:
    memory = MemoryKeyring()
    o = opened(tmp_path, memory, daily_backup=False)
    o.store.interviews.add(make_interview(id=None, company="Snapco"))
    taken = backups.take_snapshot(o.store.path, o.backup_dir, NOW, "manual")
    o.close()
    assert taken.path.name == "crickets-20261125T122100Z-manual.sqlite3"
    assert oct(taken.path.stat().st_mode & 0o777) == "0o600"
    assert backups.verify_snapshot(taken.path) == migrations.LATEST
    assert backups.list_snapshots(o.backup_dir) == [taken]
    again = backups.take_snapshot(tmp_path / "crickets.sqlite3", o.backup_dir, NOW, "manual")
    assert again.path.name == "crickets-20261125T122100Z-manual-2.sqlite3"  # never replaced
    assert not list(o.backup_dir.glob(".partial-*"))


def test_a_damaged_file_does_not_verify(tmp_path: Path) -> None:
    bad = tmp_path / "crickets-20261125T122100Z-daily.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + bytes(4000))
    with pytest.raises(backups.BackupFailed):
        backups.verify_snapshot(bad)


def test_a_snapshot_that_cannot_be_written_fails_cleanly(tmp_path: Path) -> None:
    o = opened(tmp_path, MemoryKeyring(), daily_backup=False)
    o.store.interviews.add(make_interview(id=None))
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the backups folder should be")
    with pytest.raises(backups.BackupFailed, match="cannot create"):
        backups.take_snapshot(o.store.path, blocked / "backups", NOW, "manual")
    o.close()


def test_prune_deletes_what_the_rule_does_not_keep(tmp_path: Path) -> None:
    directory = tmp_path / "backups"
    directory.mkdir()
    for s in every(NOW, timedelta(days=1), 40):
        (directory / s.path.name).write_bytes(b"x")
    (directory / "notes.txt").write_text("not a snapshot: left alone")
    deleted = backups.prune(directory, NOW, RULE)
    left = backups.list_snapshots(directory)
    assert len(left) + len(deleted) == 40
    assert [s.path.name for s in left] == [
        s.path.name for s in keep(every(NOW, timedelta(days=1), 40), NOW, RULE)
    ]
    assert (directory / "notes.txt").exists()


# -- when snapshots are taken --------------------------------------------------------------


def test_a_snapshot_is_taken_before_each_migration(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "crickets.sqlite3", isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.executescript(migrations.STEPS[0])
    conn.execute(
        "INSERT INTO interviews (local_start, zone, start_utc, duration_min, direction, status,"
        " personal, created_at, updated_at) VALUES ('2026-12-01T14:00:00', 'UTC',"
        " '2026-12-01T14:00:00+00:00', 30, 'they-call', 'scheduled', '{}', 'x', 'x')"
    )
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    o = opened(tmp_path, MemoryKeyring(), daily_backup=False)
    o.close()
    (before,) = backups.list_snapshots(tmp_path / "backups")
    assert before.reason == "before-migration-v1"
    assert backups.verify_snapshot(before.path) == 1  # the schema as it was


def test_daily_snapshots_only_when_due_and_changed(tmp_path: Path) -> None:
    memory = MemoryKeyring()
    clock = FixedClock(NOW)

    def start() -> None:
        o = open_store(tmp_path, clock=clock, keychain=Keychain(memory))
        o.close()

    def count() -> int:
        return len(backups.list_snapshots(tmp_path / "backups"))

    start()
    assert count() == 0  # nothing entered yet: nothing to keep
    o = open_store(tmp_path, clock=clock, keychain=Keychain(memory))
    o.store.interviews.add(make_interview(id=None))
    o.close()
    start()
    assert count() == 1
    clock.advance(timedelta(hours=23))
    start()
    assert count() == 1  # not due yet
    clock.advance(timedelta(hours=2))
    start()
    assert count() == 1  # due, but nothing changed since
    o = open_store(tmp_path, clock=clock, keychain=Keychain(memory))
    o.store.state.set_state("last-tick", "app state does not count")
    o.store.interviews.add(make_interview(id=None, company="Second"))
    o.close()
    start()
    assert count() == 2


def test_the_running_app_can_ask_for_the_daily_snapshot(tmp_path: Path) -> None:
    memory = MemoryKeyring()
    clock = FixedClock(NOW)
    o = open_store(tmp_path, clock=clock, keychain=Keychain(memory))
    o.store.interviews.add(make_interview(id=None))
    first = o.snapshot_if_due()
    assert first is not None and o.snapshot_if_due() is None
    clock.advance(timedelta(days=1))
    o.store.interviews.add(make_interview(id=None))
    assert o.snapshot_if_due() is not None
    o.close()


def test_a_failing_daily_snapshot_is_a_notice_not_a_failure(tmp_path: Path) -> None:
    memory = MemoryKeyring()
    o = opened(tmp_path, memory, daily_backup=False)
    o.store.interviews.add(make_interview(id=None))
    o.close()
    (tmp_path / "backups").write_text("a file where the folder should be")
    again = opened(tmp_path, memory)
    (notice,) = again.notices
    assert notice.startswith("Crickets could not make its backup") and "unchanged" in notice
    assert len(again.store.interviews.list()) == 1
    again.close()


def test_store_open_alone_still_works_for_tools(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    assert store.maintenance.quick_check() == ()
    store.close()


@pytest.mark.parametrize("odd", ["crk#3", "why?", "100%"])
def test_a_snapshot_in_a_folder_with_url_characters_verifies(tmp_path: Path, odd: str) -> None:
    folder = tmp_path / odd
    folder.mkdir()
    database = folder / "snapshot.sqlite3"
    conn = sqlite3.connect(database)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()
    assert backups.verify_snapshot(database) == 2
