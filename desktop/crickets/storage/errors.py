"""What can go wrong with the store, each as one clear sentence for the person."""

from __future__ import annotations


class StorageError(Exception):
    """The store could not do what was asked; ``str(error)`` is a sentence for the person."""


class StoreBusy(StorageError):
    """Another Crickets process held the database for longer than the busy timeout."""


class SchemaTooNew(StorageError):
    """The database was written by a newer Crickets; refusing rather than losing data."""
