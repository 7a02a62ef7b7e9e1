"""The tray's first opening in a process of its own (crickets.storage.first_open,
docs/decisions/181): the real process, run as the tray runs it, hands back the key and the
plaintext of every sealed row; the tray's own opening then asks no keychain and opens rows
without the cipher; a refusal comes back as the same one-line error; anything else is
"open it yourself"."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from crickets.domain.actions import Action, ActionKind
from crickets.domain.clock import FixedClock
from crickets.domain.interview import Interview
from crickets.storage import first_open
from crickets.storage.codec import OpenedFields
from crickets.storage.crypto import SealingCodec, new_key
from crickets.storage.errors import KeychainLocked, KeyMissing, SealBroken, StorageError
from crickets.storage.first_open import FirstOpen, FirstOpenProcess, read_answer
from crickets.storage.identity import STORE_ID_STATE, HandedKey
from crickets.storage.keychain import Keychain, KeySource
from crickets.storage.opening import open_store
from tests.builders import make_interview
from tests.unit.storage.test_keychain import (
    FILE_BACKEND,
    NOW,
    ROOT,
    FileKeyring,
    MemoryKeyring,
    fail_backend,
    key_files,
    state,
)


class RefusingKeyring(MemoryKeyring):
    """A keychain that must not be asked: the handed key stands for it."""

    def get_password(self, service: str, username: str) -> str | None:
        raise AssertionError("the keychain was asked")


@pytest.fixture
def keyring_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The process reads its key from this file-backed keyring, as a tray's would."""
    path = tmp_path / "keyring.json"
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", FILE_BACKEND)
    monkeypatch.setenv("CRICKETS_TEST_KEYRING_FILE", str(path))
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(ROOT), str(ROOT / "desktop")]))
    return path


def filled(data: Path) -> Interview:
    """A store with a sealed interview and a sealed log entry, its key in the keyring."""
    o = open_store(data, clock=FixedClock(NOW), keychain=Keychain(FileKeyring()))
    try:
        interview = o.store.interviews.add(make_interview(id=None, company="Zyxwco Ltd"))
        assert interview.id is not None
        o.store.log.log_action(Action(interview.id, NOW, ActionKind.EMAIL_COPIED, "follow-up"))
    finally:
        o.close()
    return interview


def run_first_open(data: Path) -> FirstOpen | None:
    return FirstOpenProcess(data, file_only=False).result()


def test_the_process_hands_back_the_key_and_every_sealed_row(
    tmp_path: Path, keyring_file: Path
) -> None:
    data = tmp_path / "data"
    interview = filled(data)
    first = run_first_open(data)
    assert first is not None and first.notices == ()
    handed = first.handed
    assert handed is not None
    assert handed.store_id == state(data, STORE_ID_STATE)
    assert handed.source is KeySource.KEYCHAIN
    assert len(handed.opened) >= 3  # the interview, the log entry, the key check
    stored = json.loads(keyring_file.read_text())
    assert list(stored.values()) == [first_open_key_text(handed)]
    # The tray's own opening: no keychain asked, and the rows read as they were written.
    again = open_store(
        data, clock=FixedClock(NOW), keychain=Keychain(RefusingKeyring()), handed=handed
    )
    try:
        (read,) = again.store.interviews.list()
        assert read.company == "Zyxwco Ltd" and read.id == interview.id
        (entry,) = again.store.log.actions(read.id)
        assert entry.detail == "follow-up"
    finally:
        again.close()


def first_open_key_text(handed: HandedKey) -> str:
    from crickets.storage.crypto import encode_key

    return encode_key(handed.key)


def test_a_refusal_comes_back_as_the_same_error_and_nothing_is_made(
    tmp_path: Path, keyring_file: Path
) -> None:
    data = tmp_path / "data"
    filled(data)
    keyring_file.write_text("{}")  # the entry is gone, the sealed rows are not
    before = (data / "crickets.sqlite3").read_bytes()
    with pytest.raises(KeyMissing, match="no longer holds the Crickets key"):
        run_first_open(data)
    assert json.loads(keyring_file.read_text()) == {} and key_files(data) == []
    assert (data / "crickets.sqlite3").read_bytes() == before


def test_an_empty_folder_needs_no_key_yet(tmp_path: Path, keyring_file: Path) -> None:
    first = run_first_open(tmp_path / "data")
    assert first == FirstOpen(notices=(), handed=None)
    assert not keyring_file.exists()  # a key is made when something is first sealed


def test_no_keychain_is_said_by_the_process_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(ROOT), str(ROOT / "desktop")]))
    data = tmp_path / "data"
    o = open_store(data, clock=FixedClock(NOW), keychain=Keychain(fail_backend()))
    o.store.interviews.add(make_interview(id=None))
    o.close()
    first = run_first_open(data)  # PYTHON_KEYRING_BACKEND is the fail backend (conftest)
    assert first is not None and first.handed is not None
    assert first.handed.source is KeySource.KEY_FILE
    assert first.notices == ()  # said when the key file was made, not again


@pytest.mark.parametrize(
    "out",
    [b"", b"not json", b"[]", b'{"notices": 3}', b'{"notices": [], "key": {"opened": []}}'],
)
def test_an_answer_this_version_does_not_write_means_open_it_here(out: bytes) -> None:
    assert read_answer(out) is None


def test_a_refusal_is_rebuilt_by_name_and_an_unknown_name_is_a_storage_error() -> None:
    def refused(kind: str) -> StorageError:
        with pytest.raises(StorageError) as caught:
            read_answer(json.dumps({"refused": kind, "message": "one line"}).encode())
        assert str(caught.value) == "one line"
        return caught.value

    assert type(refused("KeychainLocked")) is KeychainLocked
    assert type(refused("RecordUnreadable")) is StorageError  # made from a record: not here
    assert type(refused("ValueError")) is StorageError
    assert type(refused("nonsense")) is StorageError


def test_a_process_that_cannot_start_means_open_it_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        first_open, "command", lambda data, *, file_only: [str(tmp_path / "no-such-program")]
    )
    assert run_first_open(tmp_path) is None


def test_the_process_is_the_bundle_itself_when_frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.frozen", True, raising=False)
    monkeypatch.setattr("sys.executable", "/opt/crickets/crickets")
    assert first_open.command(Path("/d"), file_only=True) == [
        "/opt/crickets/crickets",
        "--first-open",
        "/d",
        "--file-only",
    ]


def test_the_entry_point_knows_the_flag() -> None:
    from crickets import __main__ as entry

    assert entry.FIRST_OPEN == first_open.FLAG


# -- the handed rows -------------------------------------------------------------------------


def test_a_handed_row_opens_without_the_key_and_a_changed_one_does_not() -> None:
    key = new_key()
    sealer = SealingCodec(key)
    blob = sealer.seal({"company": "Acme"}, table="interviews", row_id=1)
    rows = OpenedFields()
    assert SealingCodec(key, opened=rows).open(blob, table="interviews", row_id=1) == {
        "company": "Acme"
    }
    assert len(rows) == 1  # kept as it was opened
    stranger = SealingCodec(new_key(), opened=OpenedFields(rows.entries()))
    assert stranger.open(blob, table="interviews", row_id=1) == {"company": "Acme"}
    with pytest.raises(SealBroken):  # the same blob under another row is not the handed one
        stranger.open(blob, table="interviews", row_id=2)
    changed = sealer.seal({"company": "Acme"}, table="interviews", row_id=1)
    with pytest.raises(SealBroken):  # a new nonce: opened with the (wrong) key, and refused
        stranger.open(changed, table="interviews", row_id=1)


def test_a_key_handed_for_another_store_is_not_used(tmp_path: Path) -> None:
    data = tmp_path / "data"
    memory = MemoryKeyring()
    o = open_store(data, clock=FixedClock(NOW), keychain=Keychain(memory))
    o.store.interviews.add(make_interview(id=None, company="Zyxwco Ltd"))
    o.close()
    other = HandedKey("0123456789abcdef", new_key(), KeySource.KEYCHAIN, OpenedFields())
    again = open_store(data, clock=FixedClock(NOW), keychain=Keychain(memory), handed=other)
    try:
        assert [i.company for i in again.store.interviews.list()] == ["Zyxwco Ltd"]
    finally:
        again.close()
