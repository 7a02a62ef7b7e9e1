"""Round-trip a secret through the keyring backend the session offers.

Usage: keyring_probe.py SERVICE USERNAME VALUE

Prints one JSON object: the backend's class, the value read back after set_password, and
what get_password returns after delete_password.
"""

from __future__ import annotations

import json
import sys

import keyring


def main() -> int:
    service, username, value = sys.argv[1:4]
    backend = keyring.get_keyring()
    keyring.set_password(service, username, value)
    read_back = keyring.get_password(service, username)
    keyring.delete_password(service, username)
    after_delete = keyring.get_password(service, username)
    cls = type(backend)
    result = {
        "backend": f"{cls.__module__}.{cls.__qualname__}",
        "read_back": read_back,
        "after_delete": after_delete,
    }
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
