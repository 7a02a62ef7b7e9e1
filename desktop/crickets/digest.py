"""SHA-256 without OpenSSL: the tray at rest hashes two things (its socket's name, and the
store's content when the daily backup is considered), and ``hashlib`` would map OpenSSL's
libcrypto into it for them (``_hashlib``, 3.7 MiB of the tray's memory; docs/decisions/162).

CPython ships its own SHA-256 (``_sha256``; ``_sha2`` from 3.12), which ``hashlib`` itself
falls back to: the digests are the same bytes, so names and fingerprints made by earlier
versions still match. A Python built without it gets ``hashlib``'s.
"""

from __future__ import annotations

import importlib
from typing import Protocol, cast


class Sha256(Protocol):
    """The part of a ``hashlib`` hash object Crickets uses."""

    def update(self, data: bytes, /) -> None: ...

    def hexdigest(self) -> str: ...


#: CPython's own SHA-256 module: ``_sha2`` from Python 3.12, ``_sha256`` in 3.11.
BUILTINS = ("_sha2", "_sha256")


def sha256(data: bytes = b"") -> Sha256:
    """A SHA-256 hash object over ``data``, as ``hashlib.sha256(data)`` gives."""
    for builtin in BUILTINS:
        try:
            module = importlib.import_module(builtin)
        except ImportError:
            continue
        return cast(Sha256, module.sha256(data))
    import hashlib  # a Python built without CPython's own implementation

    return hashlib.sha256(data)
