"""How personal fields are sealed before they reach the disk.

A :class:`FieldCodec` turns the personal part of a row into bytes and back, bound to the
row's table and id so one row's sealed blob cannot be pasted into another. The encryption
issue plugs an AES-GCM codec in here; :class:`PlainCodec` is the unencrypted stand-in.
"""

from __future__ import annotations

import json
from typing import Any, Protocol


class FieldCodec(Protocol):
    def seal(self, fields: dict[str, Any], *, table: str, row_id: int) -> bytes: ...

    def open(self, blob: bytes, *, table: str, row_id: int) -> dict[str, Any]: ...


class PlainCodec:
    """JSON, unencrypted: for the foundation and for tests of everything but encryption."""

    def seal(self, fields: dict[str, Any], *, table: str, row_id: int) -> bytes:
        return json.dumps(fields, ensure_ascii=False, sort_keys=True).encode("utf-8")

    def open(self, blob: bytes, *, table: str, row_id: int) -> dict[str, Any]:
        data = json.loads(blob.decode("utf-8")) if blob else {}
        if not isinstance(data, dict):
            raise ValueError(f"{table} row {row_id}: personal fields are not an object")
        return data
