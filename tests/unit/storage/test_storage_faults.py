"""Faults, each with what the person is told and what happens to their data: disk full,
read-only folder, a damaged database (zeroed header, garbage page, truncated), an empty or
missing database where there was data, a newer schema, a second writer."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from crickets.storage import backups, migrations
from crickets.storage.errors import (
    DataMissing,
    SchemaTooNew,
    StoreBusy,
    StoreFull,
    StoreReadOnly,
)
from crickets.storage.identity import MARKER_NAME
from crickets.storage.opening import READ_ONLY
from crickets.storage.recovery import set_aside_files
from tests.builders import make_interview
from tests.unit.storage.test_keychain import ROOT, MemoryKeyring, opened

DB = "crickets.sqlite3"


def filled(data: Path, memory: MemoryKeyring, count: int = 3) -> None:
    o = opened(data, memory)
    for n in range(count):
        o.store.interviews.add(make_interview(id=None, company=f"Company {n}", notes="x" * 300))
    o.close()


def companies(data: Path, memory: MemoryKeyring) -> list[str]:
    o = opened(data, memory)
    try:
        return [i.company for i in o.store.interviews.list()]
    finally:
        o.close()


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


# -- disk full -----------------------------------------------------------------------------


def test_disk_full_is_a_clear_error_and_old_data_is_intact(tmp_path: Path) -> None:
    memory = MemoryKeyring()
    filled(tmp_path, memory)
    o = opened(tmp_path, memory)
    conn = o.store.database.conn  # the size limit is per connection
    (pages,) = conn.execute("PRAGMA page_count").fetchone()
    conn.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(StoreFull) as raised:
        for n in range(50):  # each note is bigger than a page: the file must grow
            o.store.interviews.add(
                make_interview(id=None, company=f"Overflow {n}", notes="y" * 20_000)
            )
    message = str(raised.value)
    assert "is full" in message and "earlier data is intact" in message
    assert len(message.splitlines()) == 1
    assert [i.company for i in o.store.interviews.list()][:3] == [
        "Company 0",
        "Company 1",
        "Company 2",
    ]
    o.close()
    assert integrity(tmp_path / DB) == "ok"
    assert companies(tmp_path, memory)[:3] == ["Company 0", "Company 1", "Company 2"]


# -- read-only folder ----------------------------------------------------------------------


def test_a_folder_that_cannot_be_written_opens_read_only_with_a_message(tmp_path: Path) -> None:
    memory = MemoryKeyring()
    filled(tmp_path, memory)

    def contents() -> dict[str, bytes]:
        # SQLite may add a -shm/-wal beside a WAL database it reads (here the folder is
        # writable in fact); on a truly read-only folder it cannot, and opens immutable.
        return {
            p.name: p.read_bytes()
            for p in tmp_path.iterdir()
            if p.is_file() and not p.name.endswith(("-shm", "-wal"))
        }

    before = contents()
    o = opened(tmp_path, memory, writable=False)
    assert o.read_only and o.notices == [READ_ONLY.format(folder=tmp_path)]
    assert [i.company for i in o.store.interviews.list()] == ["Company 0", "Company 1", "Company 2"]
    with pytest.raises(StoreReadOnly, match="read-only mode"):
        o.store.interviews.add(make_interview(id=None))
    o.close()
    assert contents() == before


def test_the_writability_probe_really_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """os.access() says yes to root on a chmod 555 folder; the probe creates a file, which
    is what fails on a read-only mount. Simulated here by refusing the probe's file."""
    from crickets.storage import opening

    assert opening.folder_is_writable(tmp_path, tmp_path / DB)

    def refuse(*args: object, **kw: object) -> object:
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(tempfile, "NamedTemporaryFile", refuse)
    assert not opening.folder_is_writable(tmp_path, tmp_path / DB)


def test_an_empty_read_only_folder_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(StoreReadOnly, match="holds no Crickets database"):
        opened(tmp_path, MemoryKeyring(), writable=False)


def _read_only_mount_works() -> bool:
    if shutil.which("unshare") is None or not sys.platform.startswith("linux"):
        return False
    with tempfile.TemporaryDirectory() as folder:
        script = (
            f"mount --bind '{folder}' '{folder}' && mount -o remount,bind,ro '{folder}' && "
            f"! touch '{folder}/probe' 2>/dev/null"
        )
        probe = subprocess.run(
            ["unshare", "-rm", "sh", "-c", script], capture_output=True, timeout=10
        )
    return probe.returncode == 0


@pytest.mark.skipif(not _read_only_mount_works(), reason="no mount namespace (unshare -rm)")
def test_cli_on_a_real_read_only_mount(tmp_path: Path) -> None:
    """A real read-only file system (a bind mount remounted ro in a private mount
    namespace): chmod does not stop root, a read-only mount does."""
    data = tmp_path / "data"
    env = {
        **os.environ,
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "CRICKETS_CLOCK": "2026-11-25T12:21:00+00:00",
        "PYTHONPATH": str(ROOT),
    }
    crickets = [sys.executable, "-m", "crickets", "--data-dir", str(data)]
    add = [*crickets, "add", "--at", "2026-12-01 14:00", "--company", "Mountco"]
    subprocess.run(add, env=env, check=True, capture_output=True, timeout=60)
    before = sorted(p.name for p in data.rglob("*"))

    def in_read_only(*args: str) -> subprocess.CompletedProcess[str]:
        command = " ".join(f"'{a}'" for a in args)
        script = (
            f"mount --bind '{data}' '{data}' && mount -o remount,bind,ro '{data}' && exec {command}"
        )
        return subprocess.run(
            ["unshare", "-rm", "sh", "-c", script],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )

    listed = in_read_only(*crickets, "list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert [i["company"] for i in json.loads(listed.stdout)] == ["Mountco"]
    assert "read-only mode" in listed.stderr
    refused = in_read_only(*add)
    assert refused.returncode == 2
    assert "read-only mode" in refused.stderr.splitlines()[-1]
    assert sorted(p.name for p in data.rglob("*")) == before


# -- a damaged database --------------------------------------------------------------------


def _zero_header(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[:100] = bytes(100)
    path.write_bytes(bytes(data))


def _garbage_page(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) >= 4 * page
    data[2 * page : 3 * page] = bytes((i * 7 + 3) % 256 for i in range(page))
    path.write_bytes(bytes(data))


def _truncate(path: Path) -> None:
    os.truncate(path, path.stat().st_size // 2)


@pytest.mark.parametrize(
    "damage", [_zero_header, _garbage_page, _truncate], ids=["header", "page", "truncated"]
)
def test_a_damaged_database_is_set_aside_and_the_app_starts_clean(
    tmp_path: Path, damage: Callable[[Path], None]
) -> None:
    memory = MemoryKeyring()
    filled(tmp_path, memory, count=40)
    database = tmp_path / DB
    assert not Path(f"{database}-wal").exists()  # everything is in the main file
    damage(database)
    damaged = database.read_bytes()

    o = opened(tmp_path, memory, daily_backup=False)
    (moved,) = set_aside_files(database)
    assert moved.name.startswith("crickets.sqlite3.corrupt-2026")
    assert moved.read_bytes() == damaged  # renamed, byte for byte, never deleted
    (notice,) = o.notices
    assert str(moved) in notice and "set aside" in notice and "nothing was deleted" in notice
    assert o.store.interviews.list() == []  # a clean start ...
    o.store.interviews.add(make_interview(id=None, company="Fresh"))  # ... that works
    o.close()
    assert companies(tmp_path, memory) == ["Fresh"]
    assert integrity(database) == "ok"


def test_a_second_damage_never_overwrites_the_first_set_aside(tmp_path: Path) -> None:
    memory = MemoryKeyring()
    for _ in range(2):
        filled(tmp_path, memory)
        _zero_header(tmp_path / DB)
        opened(tmp_path, memory, daily_backup=False).close()
    assert len(set_aside_files(tmp_path / DB)) == 2


# -- empty or missing where there was data -------------------------------------------------


@pytest.mark.parametrize("how", ["zero-bytes", "deleted"])
def test_an_empty_database_where_there_was_data_is_refused(tmp_path: Path, how: str) -> None:
    memory = MemoryKeyring()
    filled(tmp_path, memory)
    opened(tmp_path, memory).close()  # a daily snapshot exists too
    database = tmp_path / DB
    if how == "zero-bytes":
        database.write_bytes(b"")
    else:
        database.unlink()
    with pytest.raises(DataMissing) as raised:
        opened(tmp_path, memory)
    message = str(raised.value)
    assert "held data before" in message and "crickets restore" in message
    assert str(backups.list_snapshots(tmp_path / "backups")[0].path) in message
    assert len(message.splitlines()) == 1
    # Nothing was created in its place.
    assert (not database.exists()) if how == "deleted" else database.stat().st_size == 0


def test_the_marker_alone_is_enough_to_refuse(tmp_path: Path) -> None:
    memory = MemoryKeyring()
    opened(tmp_path, memory).close()
    assert json.loads((tmp_path / MARKER_NAME).read_text())["format"] == "crickets-store"
    (tmp_path / DB).write_bytes(b"")
    with pytest.raises(DataMissing, match="an export, as there is no snapshot"):
        opened(tmp_path, memory)


def test_a_first_start_is_not_mistaken_for_lost_data(tmp_path: Path) -> None:
    (tmp_path / DB).write_bytes(b"")  # e.g. a first start killed before its first write
    o = opened(tmp_path, MemoryKeyring())
    assert o.store.interviews.list() == [] and o.notices == []
    o.close()


# -- a newer schema ------------------------------------------------------------------------


def test_a_newer_schema_is_refused_with_restore_offered_and_left_untouched(
    tmp_path: Path,
) -> None:
    memory = MemoryKeyring()
    filled(tmp_path, memory)
    conn = sqlite3.connect(tmp_path / DB)
    conn.execute(f"PRAGMA user_version = {migrations.LATEST + 1}")
    conn.close()
    before = (tmp_path / DB).read_bytes()
    with pytest.raises(SchemaTooNew) as raised:
        opened(tmp_path, memory)
    assert "newer Crickets" in str(raised.value) and "crickets restore" in str(raised.value)
    assert (tmp_path / DB).read_bytes() == before
    assert set_aside_files(tmp_path / DB) == []


# -- a second writer -----------------------------------------------------------------------


def test_a_second_writer_waits_then_says_busy(tmp_path: Path) -> None:
    memory = MemoryKeyring()
    filled(tmp_path, memory)
    o = opened(tmp_path, memory, busy_timeout=0.05)
    blocker = sqlite3.connect(tmp_path / DB, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    with pytest.raises(StoreBusy, match="Another Crickets process is writing"):
        o.store.interviews.add(make_interview(id=None))
    blocker.execute("ROLLBACK")
    blocker.close()
    o.store.interviews.add(make_interview(id=None, company="After"))
    o.close()
    assert companies(tmp_path, memory)[-1] == "After"
