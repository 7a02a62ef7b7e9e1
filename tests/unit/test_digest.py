"""crickets.digest: hashlib's SHA-256, byte for byte, without loading OpenSSL."""

from __future__ import annotations

import hashlib
import subprocess
import sys

import pytest

from crickets import digest

SAMPLES = (b"", b"abc", "/home/zoë/.local/share/crickets".encode(), bytes(range(256)) * 300)


@pytest.mark.parametrize("data", SAMPLES)
def test_the_digest_is_hashlibs(data: bytes) -> None:
    assert digest.sha256(data).hexdigest() == hashlib.sha256(data).hexdigest()


def test_fed_in_pieces_it_is_the_digest_of_the_whole() -> None:
    pieces = digest.sha256()
    for piece in SAMPLES:
        pieces.update(piece)
    assert pieces.hexdigest() == hashlib.sha256(b"".join(SAMPLES)).hexdigest()


def test_its_own_sha256_is_cpythons_not_openssls() -> None:
    assert not isinstance(digest.sha256(), type(hashlib.sha256()))


def test_a_python_without_its_own_sha256_gets_hashlibs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(digest, "BUILTINS", ("_no_such_sha2", "_no_such_sha256"))
    fallback = digest.sha256(b"abc")
    assert isinstance(fallback, type(hashlib.sha256()))  # OpenSSL's, through hashlib
    assert fallback.hexdigest() == hashlib.sha256(b"abc").hexdigest()


def test_hashing_loads_no_openssl() -> None:
    code = (
        "import sys; from crickets.digest import sha256; sha256(b'x').hexdigest(); "
        "print(sorted({'hashlib', '_hashlib', 'hmac', 'ssl'} & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
