"""Every keychain state, with keyring's own backends (fail, null) and small test backends
built on keyring's ``KeyringBackend`` and errors (a locked one, a denying one, an in-memory
one, and a file-backed one a subprocess can load through ``PYTHON_KEYRING_BACKEND``).

The backends below are importable as ``tests.unit.storage.test_keychain.<Name>``; their priority is
negative, so keyring's automatic choice never picks them. keyring leaves its backends'
``__init__`` unannotated, so every backend here is made through a typed constructor
(:class:`TypedBackend`, :func:`fail_backend`, :func:`null_backend`).
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail, null
from keyring.errors import KeyringLocked, PasswordSetError

from crickets.domain.clock import FixedClock
from crickets.domain.profile import Profile
from crickets.storage import keychain as kc
from crickets.storage.crypto import encode_key
from crickets.storage.errors import KeychainLocked, KeyMismatch, KeyMissing
from crickets.storage.identity import KEY_CHECK_STATE, STORE_ID_STATE
from crickets.storage.keychain import Keychain, entry_name
from crickets.storage.opening import OpenedStore, open_store
from tests.builders import make_interview

ROOT = Path(__file__).resolve().parents[3]
NOW = datetime(2026, 11, 25, 12, 21, tzinfo=UTC)
FROZEN = NOW.isoformat()


# -- test backends -------------------------------------------------------------------------


class TypedBackend(KeyringBackend):
    """The test backends' base: a typed ``__init__`` over keyring's untyped one."""

    priority = -2

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # keyring: unannotated __init__


def fail_backend() -> KeyringBackend:
    """keyring's own "no keychain" backend: every call raises ``NoKeyringError``."""
    return fail.Keyring()  # type: ignore[no-untyped-call]  # keyring: unannotated __init__


def null_backend() -> KeyringBackend:
    """keyring's own backend that accepts every write and keeps nothing."""
    return null.Keyring()  # type: ignore[no-untyped-call]  # keyring: unannotated __init__


class MemoryKeyring(TypedBackend):
    """A working keychain that lives in this process."""

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        del self.entries[(service, username)]


class FileKeyring(TypedBackend):
    """A working keychain kept in the JSON file named by ``CRICKETS_TEST_KEYRING_FILE``, so
    several CLI subprocesses share it (``PYTHON_KEYRING_BACKEND=tests.unit.storage.test_keychain.
    FileKeyring``)."""

    def _path(self) -> Path:
        return Path(os.environ["CRICKETS_TEST_KEYRING_FILE"])

    def _load(self) -> dict[str, str]:
        try:
            return dict(json.loads(self._path().read_text()))
        except FileNotFoundError:
            return {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        entries = self._load()
        entries[f"{service}/{username}"] = password
        self._path().write_text(json.dumps(entries))

    def delete_password(self, service: str, username: str) -> None:
        entries = self._load()
        del entries[f"{service}/{username}"]
        self._path().write_text(json.dumps(entries))


class LockedKeyring(TypedBackend):
    """A keychain whose collection stays locked (the person dismissed the unlock prompt):
    what keyring's SecretService backend raises."""

    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("Failed to unlock the collection!")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringLocked("Failed to unlock the collection!")

    def delete_password(self, service: str, username: str) -> None:
        raise KeyringLocked("Failed to unlock the collection!")


class DenyingKeyring(MemoryKeyring):
    """Reads work (nothing there) but storing is refused (a policy, a full keychain)."""

    def set_password(self, service: str, username: str, password: str) -> None:
        raise PasswordSetError("access denied")


# -- helpers -------------------------------------------------------------------------------


def opened(data: Path, backend: KeyringBackend, **kw: Any) -> OpenedStore:
    return open_store(data, clock=FixedClock(NOW), keychain=Keychain(backend), **kw)


def add_one(data: Path, backend: KeyringBackend) -> list[str]:
    """Open, add an interview (the first seal asks for the key), close; the notices."""
    o = opened(data, backend)
    try:
        o.store.interviews.add(make_interview(id=None, interviewer_name="Quentin Blorp"))
    finally:
        o.close()
    return o.notices


def key_files(data: Path) -> list[Path]:
    return sorted(data.glob("crickets-*.key"))


def state(data: Path, key: str) -> str | None:
    conn = sqlite3.connect(data / "crickets.sqlite3")
    try:
        row = conn.execute("SELECT value FROM app_state WHERE key = ?", (key,)).fetchone()
    finally:
        conn.close()
    return None if row is None else str(row[0])


@pytest.fixture
def memory() -> MemoryKeyring:
    return MemoryKeyring()


# -- available -----------------------------------------------------------------------------


def test_a_working_keychain_gets_a_verified_key_and_no_message(
    tmp_path: Path, memory: MemoryKeyring
) -> None:
    assert add_one(tmp_path, memory) == []
    store_id = state(tmp_path, STORE_ID_STATE)
    assert store_id is not None
    assert list(memory.entries) == [("crickets", entry_name(store_id))]
    assert key_files(tmp_path) == []
    again = opened(tmp_path, memory)
    assert [i.interviewer_name for i in again.store.interviews.list()] == ["Quentin Blorp"]
    assert again.notices == []
    again.close()


def test_a_store_that_never_seals_never_asks_the_keychain(tmp_path: Path) -> None:
    o = opened(tmp_path, LockedKeyring())  # would raise if asked
    assert o.store.interviews.list() == []
    o.store.settings.save_settings(o.store.settings.load_settings())
    o.close()


def test_keyring_set_keyring_is_honoured_in_process(tmp_path: Path, memory: MemoryKeyring) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(memory)
    try:
        o = open_store(tmp_path, clock=FixedClock(NOW))  # no keychain given: keyring's choice
        o.store.interviews.add(make_interview(id=None))
        o.close()
    finally:
        keyring.set_keyring(previous)
    assert len(memory.entries) == 1 and key_files(tmp_path) == []


# -- no backend: key file, said once -------------------------------------------------------


def test_no_keychain_keeps_a_0600_key_file_and_says_so_once(tmp_path: Path) -> None:
    first = add_one(tmp_path, fail_backend())
    (path,) = key_files(tmp_path)
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    assert first == [kc.NO_KEYCHAIN.format(reason="no keychain backend", path=path)]
    assert len(first[0].splitlines()) == 1
    assert state(tmp_path, "notice.key-file") == "1"
    assert add_one(tmp_path, fail_backend()) == []  # said once, not at every start
    o = opened(tmp_path, fail_backend())
    assert len(o.store.interviews.list()) == 2
    o.close()


def test_a_key_file_made_earlier_is_told_once_if_never_told(tmp_path: Path) -> None:
    add_one(tmp_path, fail_backend())
    conn = sqlite3.connect(tmp_path / "crickets.sqlite3")
    conn.execute("DELETE FROM app_state WHERE key = 'notice.key-file'")
    conn.commit()
    conn.close()
    o = opened(tmp_path, fail_backend())
    (path,) = key_files(tmp_path)
    assert o.notices == [kc.KEY_FILE_IN_USE.format(path=path)]
    o.close()
    assert opened(tmp_path, fail_backend()).notices == []


# -- the null backend: writes vanish, found by reading back ------------------------------


def test_a_keychain_that_drops_writes_is_caught_by_read_back(tmp_path: Path) -> None:
    notices = add_one(tmp_path, null_backend())
    (path,) = key_files(tmp_path)
    backend = "keyring.backends.null.Keyring"
    assert notices == [kc.WRITES_LOST.format(backend=backend, path=path)]
    o = opened(tmp_path, null_backend())
    assert len(o.store.interviews.list()) == 1 and o.notices == []
    o.close()


# -- locked or denied: nothing created, nothing overwritten --------------------------------


@pytest.mark.parametrize("backend", [LockedKeyring(), DenyingKeyring()], ids=["locked", "denied"])
def test_a_locked_or_denying_keychain_creates_nothing(
    tmp_path: Path, backend: KeyringBackend
) -> None:
    o = opened(tmp_path, backend)
    with pytest.raises(KeychainLocked) as raised:
        o.store.interviews.add(make_interview(id=None))
    o.close()
    message = str(raised.value)
    assert "locked or refused access" in message and "Nothing was changed" in message
    assert len(message.splitlines()) == 1
    assert key_files(tmp_path) == []
    assert state(tmp_path, KEY_CHECK_STATE) is None
    assert getattr(backend, "entries", {}) == {}
    later = opened(tmp_path, MemoryKeyring())  # unlocked later: works, nothing was written
    assert later.store.interviews.list() == []
    later.close()


def test_a_locked_keychain_with_data_is_reported_at_start_and_nothing_changes(
    tmp_path: Path, memory: MemoryKeyring
) -> None:
    add_one(tmp_path, memory)
    before = (tmp_path / "crickets.sqlite3").read_bytes()
    entries = dict(memory.entries)
    with pytest.raises(KeychainLocked, match="locked or refused access"):
        opened(tmp_path, LockedKeyring(), daily_backup=False)
    assert (tmp_path / "crickets.sqlite3").read_bytes() == before
    assert memory.entries == entries and key_files(tmp_path) == []
    o = opened(tmp_path, memory)  # unlocked: everything is there
    assert len(o.store.interviews.list()) == 1
    o.close()


def test_no_keychain_reachable_while_the_key_lives_there_is_retry_later(
    tmp_path: Path, memory: MemoryKeyring
) -> None:
    add_one(tmp_path, memory)
    with pytest.raises(KeychainLocked, match="cannot be reached right now"):
        opened(tmp_path, fail_backend())  # e.g. the CLI over ssh, no session bus
    assert key_files(tmp_path) == []  # never a new key beside sealed rows


# -- the entry is gone while sealed rows exist ----------------------------------------------


def test_a_missing_entry_with_sealed_rows_is_refused_and_points_to_restore(
    tmp_path: Path, memory: MemoryKeyring
) -> None:
    add_one(tmp_path, memory)
    memory.entries.clear()
    with pytest.raises(KeyMissing) as raised:
        opened(tmp_path, memory)
    message = str(raised.value)
    assert message.startswith("Your keychain no longer holds the Crickets key")
    assert "crickets restore" in message and len(message.splitlines()) == 1
    assert memory.entries == {} and key_files(tmp_path) == []  # no new key was made


def test_a_missing_entry_with_nothing_sealed_gets_a_new_key(
    tmp_path: Path, memory: MemoryKeyring
) -> None:
    o = opened(tmp_path, memory)
    added = o.store.interviews.add(make_interview(id=None))
    assert added.id is not None
    o.store.interviews.delete(added.id)
    o.close()
    memory.entries.clear()  # only the key check remains sealed: nothing to lose
    again = opened(tmp_path, memory)
    again.store.settings.save_profile(Profile("Sam Lee"))
    assert again.store.settings.load_profile().name == "Sam Lee"
    again.close()
    assert len(memory.entries) == 1


def test_a_key_that_does_not_fit_is_refused(tmp_path: Path, memory: MemoryKeyring) -> None:
    add_one(tmp_path, memory)
    ((service, user),) = memory.entries
    memory.entries[(service, user)] = encode_key(b"\x07" * 32)
    with pytest.raises(KeyMismatch, match="does not open"):
        opened(tmp_path, memory)


# -- a keychain that appears later takes the key over -------------------------------------


def test_a_key_file_moves_into_a_keychain_that_works_later(
    tmp_path: Path, memory: MemoryKeyring
) -> None:
    add_one(tmp_path, fail_backend())
    (path,) = key_files(tmp_path)
    o = opened(tmp_path, memory)
    assert o.notices == [kc.MOVED.format(path=path, backend=Keychain(memory).name)]
    assert len(o.store.interviews.list()) == 1
    o.close()
    assert key_files(tmp_path) == [] and len(memory.entries) == 1


def test_a_key_file_never_moves_into_a_keychain_that_drops_writes(tmp_path: Path) -> None:
    add_one(tmp_path, fail_backend())
    o = opened(tmp_path, null_backend())
    assert o.notices == [] and len(key_files(tmp_path)) == 1
    o.close()


# -- two processes starting at once agree on one key ---------------------------------------


def test_two_first_writers_at_once_agree_on_one_key(tmp_path: Path, memory: MemoryKeyring) -> None:
    opened(tmp_path, memory, daily_backup=False).close()  # the empty database exists
    errors: list[BaseException] = []

    def write(n: int) -> None:
        try:
            o = opened(tmp_path, memory, daily_backup=False)
            for i in range(5):
                o.store.interviews.add(make_interview(id=None, company=f"W{n}-{i}"))
            o.close()
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(memory.entries) == 1
    o = opened(tmp_path, memory)
    assert len(o.store.interviews.list()) == 15
    o.close()


# -- the command line, with PYTHON_KEYRING_BACKEND ----------------------------------------


def cli(
    data: Path, backend: str, *args: str, keyring_file: Path | None = None
) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "CRICKETS_CLOCK": FROZEN,
        "TZ": "Europe/London",
        "PYTHON_KEYRING_BACKEND": backend,
        "PYTHONPATH": str(ROOT),
    }
    env.pop("CRICKETS_DATA_DIR", None)
    if keyring_file is not None:
        env["CRICKETS_TEST_KEYRING_FILE"] = str(keyring_file)
    return subprocess.run(
        [sys.executable, "-m", "crickets", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


ADD = ("add", "--at", "2026-12-01 14:00", "--tz", "America/New_York", "--company", "Zyxwco")
FILE_BACKEND = "tests.unit.storage.test_keychain.FileKeyring"


def test_cli_without_a_keychain_warns_once_on_stderr(tmp_path: Path) -> None:
    first = cli(tmp_path, "keyring.backends.fail.Keyring", *ADD)
    assert first.returncode == 0, first.stderr
    (line,) = first.stderr.splitlines()
    assert line.startswith("crickets: No keychain is available")
    second = cli(tmp_path, "keyring.backends.fail.Keyring", "list")
    assert second.returncode == 0 and second.stderr == ""
    assert "Zyxwco" in second.stdout


def test_cli_with_the_null_backend_says_writes_were_lost(tmp_path: Path) -> None:
    result = cli(tmp_path, "keyring.backends.null.Keyring", *ADD)
    assert result.returncode == 0, result.stderr
    assert "did not keep the Crickets key" in result.stderr
    assert len(key_files(tmp_path)) == 1


def test_cli_with_an_unusable_backend_name_falls_back_and_says_why(tmp_path: Path) -> None:
    result = cli(tmp_path, "no_such_module.Keyring", *ADD)
    assert result.returncode == 0, result.stderr
    assert "PYTHON_KEYRING_BACKEND=no_such_module.Keyring" in result.stderr


def test_cli_with_a_locked_keychain_exits_2_in_one_line(tmp_path: Path) -> None:
    result = cli(tmp_path, "tests.unit.storage.test_keychain.LockedKeyring", *ADD)
    assert result.returncode == 2
    (line,) = result.stderr.splitlines()
    assert "locked or refused access" in line and "Traceback" not in result.stderr
    assert key_files(tmp_path) == []


def test_cli_refuses_when_the_entry_is_gone_and_restore_brings_an_export_back(
    tmp_path: Path,
) -> None:
    data, keys = tmp_path / "data", tmp_path / "keyring.json"
    assert cli(data, FILE_BACKEND, *ADD, keyring_file=keys).returncode == 0
    export = tmp_path / "export.json"
    assert (
        cli(data, FILE_BACKEND, "export", "--out", str(export), keyring_file=keys).returncode == 0
    )
    keys.write_text("{}")  # the keychain lost the entry
    refused = cli(data, FILE_BACKEND, "list", keyring_file=keys)
    assert refused.returncode == 2
    (line,) = refused.stderr.splitlines()
    assert "no longer holds the Crickets key" in line and "crickets restore" in line
    restored = cli(data, FILE_BACKEND, "restore", str(export), keyring_file=keys)
    assert restored.returncode == 0, restored.stderr
    assert "set aside" in restored.stderr  # the unreadable database was kept, renamed
    listed = cli(data, FILE_BACKEND, "list", "--json", keyring_file=keys)
    assert [i["company"] for i in json.loads(listed.stdout)] == ["Zyxwco"]


@pytest.fixture(autouse=True)
def _no_real_keychain(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """In-process tests pass their backend explicitly; this keeps keyring's automatic
    choice away from a developer's real keychain should a test forget to."""
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    yield


def test_file_only_never_reaches_the_os_keychain() -> None:
    from crickets.storage.keychain import file_only

    chosen = file_only()
    assert isinstance(chosen._resolve(), fail.Keyring)
