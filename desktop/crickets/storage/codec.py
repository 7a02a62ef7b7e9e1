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
