"""The AES-GCM field codec on its own: sealing, binding to a row, tampering, keys."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crickets.storage.codec import is_sealed
from crickets.storage.crypto import (
    FORMAT_VERSION,
    KEY_BYTES,
    NONCE_BYTES,
    SealingCodec,
    decode_key,
    encode_key,
    new_key,
)
from crickets.storage.errors import KeyMismatch, SealBroken

KEY = bytes(range(32))
FIELDS = {"company": "Zoë & Co", "interviewer_phone": "+1 415 555 0100", "notes": "line\nline"}


def test_round_trip_and_layout() -> None:
    codec = SealingCodec(KEY)
    blob = codec.seal(FIELDS, table="interviews", row_id=3)
    assert blob[0] == FORMAT_VERSION and is_sealed(blob)
    plain = json.dumps(FIELDS, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    assert len(blob) == 1 + NONCE_BYTES + len(plain.encode()) + 16  # version, nonce, body, tag
    assert codec.open(blob, table="interviews", row_id=3) == FIELDS
    assert b"Zo" not in blob and b"555" not in blob


def test_each_seal_uses_a_fresh_nonce() -> None:
    codec = SealingCodec(KEY)
    blobs = {codec.seal(FIELDS, table="interviews", row_id=1) for _ in range(50)}
    assert len(blobs) == 50
    assert len({b[1 : 1 + NONCE_BYTES] for b in blobs}) == 50


@pytest.mark.parametrize(
    ("table", "row_id"), [("interviews", 4), ("actions", 3), ("sealed", 3), ("interviews", -3)]
)
def test_a_blob_opens_only_for_its_own_row(table: str, row_id: int) -> None:
    codec = SealingCodec(KEY)
    blob = codec.seal(FIELDS, table="interviews", row_id=3)
    with pytest.raises(SealBroken, match="moved from another row"):
        codec.open(blob, table=table, row_id=row_id)


def test_a_changed_byte_anywhere_is_refused() -> None:
    codec = SealingCodec(KEY)
    blob = codec.seal(FIELDS, table="interviews", row_id=3)
    for index in range(1, len(blob)):
        changed = bytearray(blob)
        changed[index] ^= 0x01
        with pytest.raises(SealBroken):
            codec.open(bytes(changed), table="interviews", row_id=3)


def test_another_format_version_or_plain_json_is_refused() -> None:
    codec = SealingCodec(KEY)
    blob = bytearray(codec.seal(FIELDS, table="interviews", row_id=3))
    blob[0] = 2
    with pytest.raises(SealBroken, match="not sealed the way"):
        codec.open(bytes(blob), table="interviews", row_id=3)
    with pytest.raises(SealBroken, match="interview #3"):
        codec.open(b'{"company": "Acme"}', table="interviews", row_id=3)
    with pytest.raises(SealBroken):
        codec.open(b"", table="interviews", row_id=3)


def test_another_key_does_not_open_and_the_key_check_tells_them_apart() -> None:
    one, other = SealingCodec(KEY), SealingCodec(new_key())
    blob = one.seal(FIELDS, table="sealed", row_id=1)
    with pytest.raises(SealBroken, match="your profile"):
        other.open(blob, table="sealed", row_id=1)
    check = one.key_check()
    assert one.matches(check) and not other.matches(check)
    assert not one.matches("not base64 at all!")


def test_the_key_is_asked_for_lazily_and_once() -> None:
    calls: list[int] = []

    def source() -> bytes:
        calls.append(1)
        return KEY

    codec = SealingCodec(source)
    assert calls == [] and not codec.key_ready
    blob = codec.seal(FIELDS, table="interviews", row_id=1)
    codec.open(blob, table="interviews", row_id=1)
    assert calls == [1] and codec.key_ready


def test_lookup_tokens_are_keyed_digests() -> None:
    one, other = SealingCodec(KEY), SealingCodec(new_key())
    uid = "20261201T140000-jane.doe@acme.example"
    assert one.lookup_token(uid) == one.lookup_token(uid)
    assert one.lookup_token(uid) != other.lookup_token(uid)
    assert "acme" not in one.lookup_token(uid) and one.lookup_token("") == ""


def test_keys_as_text_and_bad_keys() -> None:
    key = new_key()
    assert len(key) == KEY_BYTES and decode_key(encode_key(key)) == key
    with pytest.raises(KeyMismatch, match="not 32"):
        decode_key(encode_key(b"short"))
    with pytest.raises(KeyMismatch):
        SealingCodec(b"short")


@given(
    st.dictionaries(st.text(max_size=20), st.text(max_size=200), max_size=8),
    st.sampled_from(["interviews", "actions", "invitations", "sealed"]),
    st.integers(min_value=0, max_value=2**62),
)
def test_any_fields_round_trip(fields: dict[str, str], table: str, row_id: int) -> None:
    codec = SealingCodec(KEY)
    assert codec.open(
        codec.seal(fields, table=table, row_id=row_id), table=table, row_id=row_id
    ) == (fields)
