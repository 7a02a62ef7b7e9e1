"""What can go wrong with the store, each as one clear sentence for the person."""

from __future__ import annotations

from crickets.domain.damage import UnreadableRecord
from crickets.domain.errors import StoreError


class StorageError(StoreError):
    """The store could not do what was asked; ``str(error)`` is a sentence for the person."""


class StoreBusy(StorageError):
    """Another Crickets process held the database for longer than the busy timeout."""


class SchemaTooNew(StorageError):
    """The database was written by a newer Crickets; refusing rather than losing data."""


class StoreFull(StorageError):
    """The disk (or the database's size limit) is full; the change was not saved."""


class StoreReadOnly(StorageError):
    """The data folder cannot be written: the store is open for reading only."""


class StoreCorrupt(StorageError):
    """The file is not a readable SQLite database, or SQLite found it damaged."""


class SealBroken(StorageError):
    """A sealed field did not open: altered on disk, moved from another row, or another key."""


class RecordUnreadable(StorageError):
    """One saved record is damaged (its text, its seal or a value); the rest is readable."""

    def __init__(self, record: UnreadableRecord) -> None:
        super().__init__(
            f"{record.what[:1].upper()}{record.what[1:]} cannot be read: {record.reason}. "
            "`crickets restore FILE` brings back a snapshot or an export."
        )
        self.record = record


class DataMissing(StorageError):
    """The database is empty or gone where there used to be data; refusing to start empty."""


class KeychainError(StorageError):
    """The Crickets key could not be used; nothing was created, changed or deleted."""


class KeychainLocked(KeychainError):
    """The keychain is locked, refused access, or cannot be reached now: try again later."""


class KeyMissing(KeychainError):
    """Encrypted rows exist but no key for them is found: restore, or put the key back."""


class KeyMismatch(KeychainError):
    """A key was found but it does not open this database."""
