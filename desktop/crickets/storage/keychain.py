"""Where the Crickets key lives: the OS keychain through ``keyring``, else a 0600 key file.

This is the only module that imports ``keyring`` (lazily: the command line starts without
it, and a store that never seals anything never asks). ``PYTHON_KEYRING_BACKEND`` and
keyring's own configuration choose the backend, as for any keyring application. On a Linux
desktop where neither chose, a stored key is first looked for in the Secret Service
directly (:mod:`crickets.storage.secret_service`, without keyring's backend discovery);
whatever that read does not find, keyring is asked as before, so the table below holds.

Each data folder's database has a random *store id*; its key is the keychain entry
(service ``crickets``, username ``database key <store id>``) or the file
``crickets-<store id>.key`` beside the database. The states and their one-line messages:

======================  ===================================================================
keychain holds the key  no message
no keychain backend     key kept in a 0600 file, :data:`NO_KEYCHAIN` said once
keychain drops writes   (the null backend: read-back finds nothing) key file,
                        :data:`WRITES_LOST` said once
locked / denied         :data:`LOCKED`: nothing created or overwritten; try again later
unreachable, rows exist :data:`UNREACHABLE`: nothing created; try again from the desktop
entry missing, rows     :data:`MISSING`: refuse, point to ``crickets restore``
key does not fit        :data:`MISMATCH` (see ``opening``): refuse, point to restore
file moved to keychain  :data:`MOVED`, when a keychain appears later
key file gone, rows     :data:`KEY_FILE_MISSING` when the key was last found in the file
                        (the app state's ``store.key-home``): put it back, or restore
key file others read    made private, said once; not used if it cannot be (``key_file``)
======================  ===================================================================

Design notes (docs/decisions/031-encryption-and-keychain.md): never overwrite an entry, never
create a key while sealed rows exist, verify every write by reading it back (the null
backend and an empty chainer accept writes and keep nothing).
"""

from __future__ import annotations

import enum
import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from crickets.atomic_files import fsync_directory
from crickets.storage import key_file, secret_service
from crickets.storage.crypto import decode_key, encode_key, new_key
from crickets.storage.errors import KeychainLocked, KeyMissing, StoreReadOnly

SERVICE = "crickets"
KEY_FILE_MODE = key_file.MODE

NO_KEYCHAIN = (
    "No keychain is available ({reason}), so the Crickets key is kept in {path}, readable "
    "only by you; anyone who can read that file can read your interviews."
)
WRITES_LOST = (
    "Your keychain ({backend}) did not keep the Crickets key (reading it back found nothing), "
    "so the key is kept in {path} instead, readable only by you."
)
KEY_FILE_IN_USE = (
    "The Crickets key is kept in {path} (no usable keychain), readable only by you; anyone "
    "who can read that file can read your interviews."
)
LOCKED = (
    "Your keychain is locked or refused access to the Crickets key ({reason}); unlock it and "
    "try again. Nothing was changed."
)
UNREACHABLE = (
    "Your keychain cannot be reached right now ({reason}) and it holds the Crickets key; try "
    "again from your desktop session. Nothing was changed."
)
MISSING = (
    "Your keychain no longer holds the Crickets key, so the saved interviews in {database} "
    "cannot be read; nothing was deleted. Put the key back, or start again from an export "
    "with `crickets restore FILE`."
)
MISMATCH = (
    "The Crickets key found ({where}) does not open {database} (it belongs to other data); "
    "nothing was changed. Put the right key back, or start again from an export with "
    "`crickets restore FILE`."
)
MOVED = "The Crickets key was moved from {path} into your keychain ({backend})."
KEY_FILE_MISSING = (
    "The Crickets key file {path} is missing, so the saved interviews in {database} cannot "
    "be read; nothing was deleted. Put the file back (from a backup of this folder), or start "
    "again from an export with `crickets restore FILE`."
)


class KeySource(enum.Enum):
    KEYCHAIN = "keychain"
    KEY_FILE = "key-file"


class KeyState(enum.Enum):
    """How the key was found or made: what the person is told (once) about it."""

    IN_KEYCHAIN = "in-keychain"
    NO_KEYCHAIN = "no-keychain"  # no backend: a key file was created
    WRITES_LOST = "writes-lost"  # the backend accepted the key and kept nothing: key file
    KEY_FILE = "key-file"  # an existing key file was used
    MOVED = "moved"  # an existing key file was moved into a keychain that now works


@dataclass(frozen=True)
class FoundKey:
    key: bytes
    source: KeySource
    state: KeyState
    message: str = ""  # what to tell the person ("" = nothing)
    created: bool = False
    key_file: Path | None = None


class _NoBackend(Exception):
    """No keychain at all (keyring's fail backend, or a backend that cannot load)."""


class _Refused(Exception):
    """The keychain exists but did not answer: locked, denied, or an error on its side."""


def entry_name(store_id: str) -> str:
    """The keychain username under service ``crickets`` for one database's key."""
    return f"database key {store_id}"


def key_file_path(data_dir: Path, store_id: str) -> Path:
    return data_dir / f"crickets-{store_id}.key"


def file_only() -> Keychain:
    """A keychain that never touches the OS keychain: the key goes to the 0600 file.

    For throw-away stores (``crickets --demo``) that must leave nothing in the person's
    real keychain.
    """
    from keyring.backends import fail

    return Keychain(fail.Keyring())  # type: ignore[no-untyped-call]  # keyring: unannotated __init__


class Keychain:
    """A thin wrapper over one keyring backend that sorts its failures into two kinds.

    ``backend`` is a ``keyring.backend.KeyringBackend``; by default the one keyring picks
    (``PYTHON_KEYRING_BACKEND``, keyring's config file, or the best available).
    """

    def __init__(self, backend: Any = None) -> None:
        self._backend = backend

    def _resolve(self) -> Any:
        if self._backend is None:
            import keyring  # the only keyring import in Crickets

            try:
                self._backend = keyring.get_keyring()
            except Exception as error:  # PYTHON_KEYRING_BACKEND names an unusable backend
                chosen = os.environ.get("PYTHON_KEYRING_BACKEND", "")
                where = f"PYTHON_KEYRING_BACKEND={chosen}: " if chosen else ""
                raise _NoBackend(f"{where}{_short(error)}") from None
        return self._backend

    @property
    def name(self) -> str:
        try:
            backend = self._resolve()
        except _NoBackend:
            return "none"
        cls = type(backend)
        return f"{cls.__module__}.{cls.__qualname__}"

    def get(self, username: str) -> str | None:
        if self._backend is None and secret_service.usable():
            found = secret_service.read(SERVICE, username)
            if found is not None:  # the one answer the fast read gives; else keyring's
                return found
        value = self._call(lambda b: b.get_password(SERVICE, username))
        return None if value is None else str(value)

    def set(self, username: str, value: str) -> None:
        self._call(lambda b: b.set_password(SERVICE, username, value))

    def _call(self, action: Callable[[Any], Any]) -> Any:
        from keyring import errors

        backend = self._resolve()
        try:
            result = action(backend)
        except errors.NoKeyringError as error:
            raise _NoBackend("no keychain backend") from error
        except errors.KeyringLocked as error:
            raise _Refused(f"locked: {_short(error)}") from error
        except errors.KeyringError as error:  # PasswordSetError, InitError, ...
            raise _Refused(f"{type(error).__name__}: {_short(error)}") from error
        except Exception as error:  # D-Bus and backend errors: retry later, never create
            raise _Refused(f"{type(error).__name__}: {_short(error)}") from error
        return result


def obtain_key(
    keychain: Keychain,
    data_dir: Path,
    store_id: str,
    *,
    sealed_rows: int,
    database: Path,
    read_only: bool = False,
    key_was_in_file: bool = False,
) -> FoundKey:
    """The key of database ``store_id``: found, or created when no sealed row needs an
    older one. Raises :class:`KeychainLocked` (try again later), :class:`KeyMissing`
    (refuse, point to restore) or :class:`StoreReadOnly` (a key would have to be created).

    ``key_was_in_file``: the key was last found in the key file, so a missing file is said
    to be missing (not a keychain that cannot be reached)."""
    username = entry_name(store_id)
    path = key_file_path(data_dir, store_id)
    if path.exists():
        key, note = key_file.read(path)
        if not read_only:
            moved = _move_into_keychain(keychain, username, key, path)
            if moved is not None:
                return replace(moved, message=" ".join(filter(None, (note, moved.message))))
        return FoundKey(key, KeySource.KEY_FILE, KeyState.KEY_FILE, note, key_file=path)
    file_missing = KeyMissing(KEY_FILE_MISSING.format(path=path, database=database))

    try:
        stored = keychain.get(username)
    except _NoBackend as error:
        if sealed_rows and key_was_in_file:
            raise file_missing from None
        if sealed_rows:
            raise KeychainLocked(UNREACHABLE.format(reason=error)) from None
        message = NO_KEYCHAIN.format(reason=error, path=path)
        return _create_key_file(path, read_only, message, KeyState.NO_KEYCHAIN)
    except _Refused as error:
        raise KeychainLocked(LOCKED.format(reason=error)) from None
    if stored is not None:
        return FoundKey(decode_key(stored), KeySource.KEYCHAIN, KeyState.IN_KEYCHAIN)
    if sealed_rows and key_was_in_file:
        raise file_missing
    if sealed_rows:
        raise KeyMissing(MISSING.format(database=database))
    if read_only:
        raise StoreReadOnly(f"{data_dir} cannot be written, so no Crickets key can be made.")

    key = new_key()
    try:
        keychain.set(username, encode_key(key))
    except _NoBackend as error:
        message = NO_KEYCHAIN.format(reason=error, path=path)
        return _create_key_file(path, read_only, message, KeyState.NO_KEYCHAIN)
    except _Refused as error:
        raise KeychainLocked(LOCKED.format(reason=error)) from None
    try:
        read_back = keychain.get(username)
    except (_NoBackend, _Refused) as error:
        raise KeychainLocked(LOCKED.format(reason=error)) from None
    if read_back is None:
        message = WRITES_LOST.format(backend=keychain.name, path=path)
        return _create_key_file(path, read_only, message, KeyState.WRITES_LOST)
    # Another Crickets process may have stored its key first: theirs wins, ours is dropped.
    return FoundKey(decode_key(read_back), KeySource.KEYCHAIN, KeyState.IN_KEYCHAIN, created=True)


def _move_into_keychain(
    keychain: Keychain, username: str, key: bytes, path: Path
) -> FoundKey | None:
    """When a keychain works now, store the file's key there, verify, and remove the file.
    Anything short of a verified copy leaves the file alone (and says nothing)."""
    try:
        existing = keychain.get(username)
        if existing is None:
            keychain.set(username, encode_key(key))
            existing = keychain.get(username)
    except (_NoBackend, _Refused):
        return None
    if existing is None or decode_key(existing) != key:
        return None  # writes lost, or an entry that is not ours: never overwrite it
    path.unlink()
    fsync_directory(path.parent)
    return FoundKey(
        key,
        KeySource.KEYCHAIN,
        KeyState.MOVED,
        message=MOVED.format(path=path, backend=keychain.name),
    )


def _create_key_file(path: Path, read_only: bool, message: str, state: KeyState) -> FoundKey:
    """A new key in a new 0600 file; if another process made the file first, use theirs."""
    if read_only:
        raise StoreReadOnly(f"{path.parent} cannot be written, so no Crickets key can be made.")
    key = key_file.write_new(path, new_key())
    if key is None:  # another process made it first
        key, note = key_file.read(path)
        return FoundKey(key, KeySource.KEY_FILE, KeyState.KEY_FILE, note, key_file=path)
    return FoundKey(key, KeySource.KEY_FILE, state, message, created=True, key_file=path)


def _short(error: BaseException) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    return text if len(text) <= 120 else text[:117] + "..."
