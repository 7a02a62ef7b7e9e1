"""How personal fields are sealed before they reach the disk.

A :class:`FieldCodec` turns the personal part of a row into bytes and back, bound to the
row's table and id so one row's sealed blob cannot be pasted into another.
:class:`crickets.storage.crypto.SealingCodec` (AES-GCM) is the real one, plugged in by
:func:`crickets.storage.opening.open_store`; :class:`PlainCodec` is the unencrypted stand-in
for tests of everything but encryption.
"""

from __future__ import annotations

import json
from typing import Any, Protocol

from crickets.digest import sha256

#: The first byte of every sealed blob (see crickets.storage.crypto); plain JSON starts "{".
SEALED_FORMAT_VERSION = 1
SEALED_NONCE_BYTES = 12


def is_sealed(blob: bytes) -> bool:
    """Whether ``blob`` was sealed with a key (legacy and PlainCodec rows are JSON)."""
    return len(blob) > 1 + SEALED_NONCE_BYTES and blob[0] == SEALED_FORMAT_VERSION


class FieldCodec(Protocol):
    def seal(self, fields: dict[str, Any], *, table: str, row_id: int) -> bytes: ...

    def open(self, blob: bytes, *, table: str, row_id: int) -> dict[str, Any]: ...

    def lookup_token(self, text: str) -> str:
        """What is stored in clear for equality lookups of ``text`` (a digest, or ``text``)."""
        ...


class PlainCodec:
    """JSON, unencrypted: for the foundation and for tests of everything but encryption."""

    def seal(self, fields: dict[str, Any], *, table: str, row_id: int) -> bytes:
        return json.dumps(fields, ensure_ascii=False, sort_keys=True).encode("utf-8")

    def open(self, blob: bytes, *, table: str, row_id: int) -> dict[str, Any]:
        data = json.loads(blob.decode("utf-8")) if blob else {}
        if not isinstance(data, dict):
            raise ValueError(f"{table} row {row_id}: personal fields are not an object")
        return data

    def lookup_token(self, text: str) -> str:
        return text


class OpenedFields:
    """The plaintext of sealed blobs already opened with this store's key, by table, row
    and the blob's digest: what the tray's first opening hands over from the process that
    read the key (:mod:`crickets.storage.first_open`), so the tray opens the same rows
    without loading the cipher (docs/decisions/181). A blob changed since is not found
    and is opened with the key as usual.
    """

    def __init__(self, entries: dict[str, str] | None = None) -> None:
        self._entries = dict(entries or {})

    @staticmethod
    def _name(blob: bytes, table: str, row_id: int) -> str:
        return f"{table}:{row_id}:{sha256(blob).hexdigest()}"

    def find(self, blob: bytes, *, table: str, row_id: int) -> str | None:
        """The JSON text sealed in ``blob`` when it was opened before, else None."""
        return self._entries.get(self._name(blob, table, row_id))

    def keep(self, blob: bytes, plain: str, *, table: str, row_id: int) -> None:
        self._entries[self._name(blob, table, row_id)] = plain

    def entries(self) -> dict[str, str]:
        return dict(self._entries)

    def __len__(self) -> int:
        return len(self._entries)
