"""Who a database is and which key opens it: its store id, the marker file, the key check.

Each database has a random *store id* (kept in its app state and in the marker file
``crickets-store.json`` beside it, which outlives the database); its key is named after the
id (:mod:`crickets.storage.keychain`). :func:`ensure_identity` makes or repairs both;
:func:`attach_key` gives the store its sealing codec, fetching the key when sealed rows need
it, verifying it against the key check, remembering where it was found (keychain or key
file, so a missing key file is called missing), and sealing rows an earlier version wrote
in clear.
"""

from __future__ import annotations

import errno
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from crickets.atomic_files import write_atomically
from crickets.storage import disk_space
from crickets.storage.codec import OpenedFields, PlainCodec
from crickets.storage.crypto import SealingCodec
from crickets.storage.errors import KeyMismatch, StoreFull
from crickets.storage.keychain import (
    KEY_FILE_IN_USE,
    MISMATCH,
    FoundKey,
    Keychain,
    KeySource,
    KeyState,
    obtain_key,
)
from crickets.storage.store import Store

MARKER_NAME = "crickets-store.json"
STORE_ID_STATE = "store.id"
KEY_CHECK_STATE = "store.key-check"
KEY_FILE_SAID_STATE = "notice.key-file"
KEY_HOME_STATE = "store.key-home"  # where the key was last found: "keychain" or "key-file"
RESEALED = "Crickets now encrypts your data on disk: {count} saved records were encrypted."


@dataclass(frozen=True)
class HandedKey:
    """A key another Crickets process found for store ``store_id`` moments ago (where it
    found it, and the rows it opened with it): the tray's first opening
    (:mod:`crickets.storage.first_open`). It stands for that store's key only."""

    store_id: str
    key: bytes
    source: KeySource
    opened: OpenedFields

    def found(self) -> FoundKey:
        state = KeyState.KEY_FILE if self.source is KeySource.KEY_FILE else KeyState.IN_KEYCHAIN
        return FoundKey(self.key, self.source, state)


def ensure_identity(store: Store, data_dir: Path) -> str:
    """The database's random id (names its key) and the marker file that outlives it."""
    if store.state.is_damaged(STORE_ID_STATE):
        recovered = recorded_store_id(data_dir)
        if recovered is not None:  # else a new id: the key cannot be found, restore says so
            store.state.set_state(STORE_ID_STATE, recovered)
    store_id = store.state.ensure_state(STORE_ID_STATE, os.urandom(8).hex())
    marker = data_dir / MARKER_NAME
    wanted = {"format": "crickets-store", "store_id": store_id, "database": store.path.name}
    try:
        current = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        current = None
    if current != wanted:
        try:
            write_atomically(
                marker, (json.dumps(wanted, indent=2) + "\n").encode(), sync_directory=True
            )
        except OSError as error:
            if error.errno == errno.ENOSPC:
                raise StoreFull(disk_space.full_message(store.path)) from None
            raise
    return store_id


def recorded_store_id(data_dir: Path) -> str | None:
    """The store id the marker file recorded (what names the key), if it is one."""
    try:
        recorded = json.loads((data_dir / MARKER_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    store_id = recorded.get("store_id") if isinstance(recorded, dict) else None
    if isinstance(store_id, str) and re.fullmatch(r"[0-9a-f]{16}", store_id):
        return store_id
    return None


def attach_key(
    store: Store,
    data_dir: Path,
    keychain: Keychain,
    say: Callable[[str], None],
    handed: HandedKey | None = None,
) -> None:
    store_id = store.state.get_state(STORE_ID_STATE)
    if store_id is None and store.state.is_damaged(STORE_ID_STATE):
        store_id = recorded_store_id(data_dir)  # read-only: no repair, but the key is found
    if store_id is None:  # read-only and never opened by this version: nothing sealed
        store_id = "unset"
    if handed is not None and handed.store_id != store_id:
        handed = None  # another store's key (the database was replaced since): ask again
    opened = handed.opened if handed is not None else None

    def resolve() -> bytes:
        if handed is not None:
            _check_key(store, handed.found(), opened)
            return handed.key
        found = obtain_key(
            keychain,
            data_dir,
            store_id,
            sealed_rows=store.maintenance.sealed_row_count(),
            database=store.path,
            read_only=store.read_only,
            key_was_in_file=_key_was_in_file(store),
        )
        _check_key(store, found, None)
        _tell_about_key(store, found, say)
        if store.state.get_state(KEY_HOME_STATE) != found.source.value:
            store.state.record_state(KEY_HOME_STATE, found.source.value)
        return found.key

    codec = SealingCodec(resolve, opened=opened)
    plain_rows = store.maintenance.plain_row_count()
    needs_key_now = (
        store.state.get_state(KEY_CHECK_STATE) is not None
        or store.maintenance.sealed_row_count() > 0
    )
    if needs_key_now or (plain_rows and not store.read_only):
        codec.key()  # report a missing or locked key at start-up, not at the first click
    if plain_rows and not store.read_only:
        store.use_codec(codec)
        count = store.maintenance.reseal_plain_rows(PlainCodec())
        say(RESEALED.format(count=count))
    store.use_codec(codec)


def _key_was_in_file(store: Store) -> bool:
    """Where the key was last found; stores from before that was recorded say whether a
    key file was ever announced."""
    home = store.state.get_state(KEY_HOME_STATE)
    if home is not None:
        return home == KeySource.KEY_FILE.value
    return store.state.get_state(KEY_FILE_SAID_STATE) is not None


def _check_key(store: Store, found: FoundKey, opened: OpenedFields | None) -> None:
    check = store.state.get_state(KEY_CHECK_STATE)
    probe = SealingCodec(found.key, opened=opened)
    if check is not None and not probe.matches(check):
        if store.maintenance.sealed_row_count() == 0 and not store.read_only:
            check = None  # nothing sealed with the old key: this key takes over
        else:
            where = "key file" if found.source is KeySource.KEY_FILE else "keychain"
            raise KeyMismatch(MISMATCH.format(where=where, database=store.path))
    if check is None:
        store.state.record_state(KEY_CHECK_STATE, probe.key_check())


def _tell_about_key(store: Store, found: FoundKey, say: Callable[[str], None]) -> None:
    if found.message:
        say(found.message)
        if found.source is KeySource.KEY_FILE:
            store.state.record_state(KEY_FILE_SAID_STATE, "1")
        return
    if found.source is KeySource.KEY_FILE and store.state.get_state(KEY_FILE_SAID_STATE) is None:
        say(KEY_FILE_IN_USE.format(path=found.key_file))
        store.state.record_state(KEY_FILE_SAID_STATE, "1")
