"""The Crickets key in a real Secret Service (gnome-keyring on the session's private bus).

The real ``crickets`` command line adds an interview in one process; a separate process
asks keyring, as any application would, for the entry under service ``crickets``, and
Crickets' own Secret Service read finds the same key without loading keyring; the
database on disk holds none of what was typed.
"""

from __future__ import annotations

import base64
import json
import sys
from pathlib import Path

from session import DesktopSession

FROZEN = "2026-11-25T12:21:00+00:00"
TYPED = {
    "--company": "Vexlowe Instruments",
    "--contact": "Ottoline Brabazon",
    "--email": "o.brabazon@vexlowe.example",
    "--phone": "+1 415 555 0142",
}
PROBE = """
import json, sys, keyring
backend = keyring.get_keyring()
value = keyring.get_password("crickets", sys.argv[1])
cls = type(backend)
print(json.dumps({"backend": f"{cls.__module__}.{cls.__qualname__}", "key": value}))
"""


FAST_READ = """
import json, sys
from crickets.storage.keychain import Keychain
value = Keychain().get(sys.argv[1])
print(json.dumps({"key": value, "loaded": sorted(m for m in sys.modules if "keyring" in m)}))
"""


def crickets(desktop: DesktopSession, data: Path, *args: str) -> tuple[int, str, str]:
    env = {**desktop.env, "CRICKETS_CLOCK": FROZEN, "TZ": "Europe/London"}
    env.pop("CRICKETS_DATA_DIR", None)
    done = desktop.run([sys.executable, "-m", "crickets", "--data-dir", str(data), *args], env=env)
    return done.returncode, done.stdout, done.stderr


def test_the_key_is_kept_in_the_secret_service_and_the_disk_holds_no_plaintext(
    desktop: DesktopSession, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    options = [part for pair in TYPED.items() for part in pair]
    code, out, err = crickets(
        desktop, data, "add", "--at", "2026-12-01 14:00", "--tz", "America/New_York", *options
    )
    assert code == 0, err
    assert err == ""  # a keychain was there: no key-file warning
    assert list(data.glob("crickets-*.key")) == []

    store_id = json.loads((data / "crickets-store.json").read_text())["store_id"]
    probe = desktop.run([sys.executable, "-c", PROBE, f"database key {store_id}"])
    assert probe.returncode == 0, probe.stderr
    found = json.loads(probe.stdout)
    assert found["backend"] == "keyring.backends.SecretService.Keyring"
    assert found["key"] is not None
    assert len(base64.urlsafe_b64decode(found["key"])) == 32

    # Crickets reads that same entry straight from the Secret Service, without keyring
    # (docs/decisions/160-secret-service-fast-read.md).
    fast = desktop.run([sys.executable, "-c", FAST_READ, f"database key {store_id}"])
    assert fast.returncode == 0, fast.stderr
    assert json.loads(fast.stdout) == {"key": found["key"], "loaded": []}

    # A second process reads the interview back with the key from the keychain ...
    code, out, err = crickets(desktop, data, "list", "--json")
    assert code == 0 and err == "", err
    (listed,) = json.loads(out)
    assert listed["interviewer_email"] == TYPED["--email"]
    # ... while nothing typed is on the disk in clear (database, WAL, snapshots).
    files = [p for p in data.rglob("*") if p.is_file()]
    assert any(p.parent.name == "backups" for p in files)
    for path in files:
        raw = path.read_bytes().lower()
        for typed in TYPED.values():
            for needle in {typed, typed.split()[-1], typed.split("@")[0]}:
                if len(needle) >= 6:  # shorter ones could occur in random ciphertext
                    assert needle.lower().encode() not in raw, (path.name, needle)
