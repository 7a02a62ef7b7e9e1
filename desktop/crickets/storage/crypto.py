"""AES-GCM sealing of personal fields, each blob bound to its table and row id.

A sealed blob is ``version (1 byte) || nonce (12 bytes) || ciphertext || tag (16 bytes)``.
The nonce is random per seal (2**-32 collision bound is far beyond the few thousand seals a
job search makes). The associated data is ``version || "table:row_id"``, so a blob pasted
into another row, another table or under another format version fails to open instead of
showing someone else's fields. See docs/decisions/031-encryption-and-keychain.md.
"""

from __future__ import annotations

import base64
import json
import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from crickets.storage.codec import (
    SEALED_FORMAT_VERSION,
    SEALED_NONCE_BYTES,
    OpenedFields,
    is_sealed,
)
from crickets.storage.errors import KeyMismatch, SealBroken

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

FORMAT_VERSION = SEALED_FORMAT_VERSION
KEY_BYTES = 32
NONCE_BYTES = SEALED_NONCE_BYTES
_HEADER = bytes([FORMAT_VERSION])
_KEY_CHECK_TABLE, _KEY_CHECK_ROW = "key-check", 0
_KEY_CHECK_FIELDS = {"crickets": "key check"}


def new_key() -> bytes:
    """A fresh 256-bit key from the operating system's CSPRNG."""
    return os.urandom(KEY_BYTES)


def describe_row(table: str, row_id: int) -> str:
    """The row as a person would name it, for error messages."""
    return {
        "interviews": f"interview #{row_id}",
        "actions": f"action-log entry #{row_id}",
        "invitations": f"the saved invitation of interview #{row_id}",
        "sealed": "your profile",
        _KEY_CHECK_TABLE: "the key check",
    }.get(table, f"{table} row {row_id}")


def _associated_data(table: str, row_id: int) -> bytes:
    return _HEADER + f"{table}:{row_id}".encode()


class SealingCodec:
    """A :class:`~crickets.storage.codec.FieldCodec` that encrypts with AES-256-GCM.

    ``key`` is the key itself or a function returning it: the function is called on first
    use only, so a store that never seals or opens anything never touches the keychain.
    ``opened``: blobs already opened with this key (their plaintext, kept there too); the
    cipher library is loaded only to seal, or to open a blob it does not hold.
    """

    def __init__(
        self, key: bytes | Callable[[], bytes], *, opened: OpenedFields | None = None
    ) -> None:
        self._opened = opened
        self._key: bytes | None = None
        self._source: Callable[[], bytes] | None = None
        if isinstance(key, bytes):
            self._key = _checked(key)
        else:
            self._source = key
        self._aead: AESGCM | None = None
        self._lookup_key: bytes | None = None

    @property
    def key_ready(self) -> bool:
        return self._key is not None

    def key(self) -> bytes:
        if self._key is None:
            assert self._source is not None
            self._key = _checked(self._source())
        return self._key

    def _cipher(self) -> AESGCM:
        if self._aead is None:
            # cryptography maps its own OpenSSL (about 7 MiB): loaded when first needed
            from cryptography.hazmat.primitives.ciphers.aead import AESGCM

            self._aead = AESGCM(self.key())
        return self._aead

    def seal(self, fields: dict[str, Any], *, table: str, row_id: int) -> bytes:
        plain = json.dumps(fields, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        nonce = os.urandom(NONCE_BYTES)
        sealed = self._cipher().encrypt(nonce, plain.encode(), _associated_data(table, row_id))
        return _HEADER + nonce + sealed

    def open(self, blob: bytes, *, table: str, row_id: int) -> dict[str, Any]:
        what = describe_row(table, row_id)
        if not is_sealed(blob):
            raise SealBroken(
                f"{what} is not sealed the way this Crickets seals data "
                "(it was changed on disk); restore a backup with `crickets restore`."
            )
        opened = self._opened
        known = None if opened is None else opened.find(blob, table=table, row_id=row_id)
        text = self._decrypt(blob, table, row_id) if known is None else known
        data = json.loads(text)
        if not isinstance(data, dict):
            raise SealBroken(f"{what}: the decrypted fields are not an object")
        return data

    def _decrypt(self, blob: bytes, table: str, row_id: int) -> str:
        from cryptography.exceptions import InvalidTag

        nonce, body = blob[1 : 1 + NONCE_BYTES], blob[1 + NONCE_BYTES :]
        try:
            plain = self._cipher().decrypt(nonce, body, _associated_data(table, row_id))
        except InvalidTag:
            raise SealBroken(
                f"{describe_row(table, row_id)} cannot be decrypted: it was changed on disk, "
                "moved from another row, or sealed with another key; restore a backup with "
                "`crickets restore`."
            ) from None
        text = plain.decode("utf-8")
        if self._opened is not None:
            self._opened.keep(blob, text, table=table, row_id=row_id)
        return text

    def lookup_token(self, text: str) -> str:
        """A keyed digest of ``text`` for equality lookups (an invitation's UID): the column
        can be searched without holding the UID in clear. Empty stays empty."""
        if not text:
            return ""
        import hashlib  # with hmac, it maps OpenSSL's libcrypto (3.7 MiB): when first needed
        import hmac

        if self._lookup_key is None:
            self._lookup_key = hmac.new(self.key(), b"crickets/lookup/v1", hashlib.sha256).digest()
        digest = hmac.new(self._lookup_key, text.encode(), hashlib.sha256).hexdigest()
        return f"h1:{digest[:40]}"

    # -- the key check: proves a key belongs to a database before anything is written ----

    def key_check(self) -> str:
        """A sealed constant, stored in clear app state, that only this key opens."""
        blob = self.seal(_KEY_CHECK_FIELDS, table=_KEY_CHECK_TABLE, row_id=_KEY_CHECK_ROW)
        return base64.b64encode(blob).decode("ascii")

    def matches(self, check: str) -> bool:
        try:
            blob = base64.b64decode(check.encode("ascii"), validate=True)
            opened = self.open(blob, table=_KEY_CHECK_TABLE, row_id=_KEY_CHECK_ROW)
        except (SealBroken, ValueError):
            return False
        return opened == _KEY_CHECK_FIELDS


def _checked(key: bytes) -> bytes:
    if len(key) != KEY_BYTES:
        raise KeyMismatch(
            f"The Crickets key found is {len(key)} bytes long, not {KEY_BYTES}: it is not a "
            "Crickets key; nothing was changed."
        )
    return key


def encode_key(key: bytes) -> str:
    """The text form kept in the keychain and the key file (keychains store text)."""
    return base64.urlsafe_b64encode(key).decode("ascii")


def decode_key(text: str) -> bytes:
    try:
        key = base64.urlsafe_b64decode(text.strip().encode("ascii"))
    except (ValueError, UnicodeEncodeError):
        raise KeyMismatch(
            "The Crickets key found is not valid text (it was changed); nothing was changed."
        ) from None
    return _checked(key)
