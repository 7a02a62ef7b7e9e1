"""Running the real ``crickets`` entry point in a subprocess, for the command-line tests.

The clock is frozen through CRICKETS_CLOCK (a Wednesday, 25 November 2026, 12:21 UTC), the
person is in London and has no keychain, and the locale is C (so times are on the 24-hour
clock, whatever the machine's LANG), so no result depends on when or where the tests run.
The data folder is given by the caller, before or after the command as a test needs.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

FROZEN = "2026-11-25T12:21:00+00:00"
#: Never the developer's keychain, also where tests/conftest.py's fixture is not yet active
#: (module-scoped fixtures): the key is kept in a file beside the temporary data.
NO_KEYCHAIN = "keyring.backends.fail.Keyring"
ROOT = Path(__file__).resolve().parents[3]
ICS = ROOT / "tests" / "data" / "ics"
#: The C locale's 24-hour clock in every run (the command line follows the locale when the
#: person has not chosen 12 or 24 hours): the tests' expectations do not depend on LANG.
PINNED_LOCALE = {"LC_ALL": "C.UTF-8"}


def run(*args: str, clock: str = FROZEN) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "CRICKETS_CLOCK": clock,
        "TZ": "Europe/London",
        "PYTHON_KEYRING_BACKEND": NO_KEYCHAIN,
        **PINNED_LOCALE,
    }
    env.pop("CRICKETS_DATA_DIR", None)
    return subprocess.run(
        [sys.executable, "-m", "crickets", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


def ok(*args: str) -> str:
    """Exit 0 and no traceback; the standard output."""
    result = run(*args)
    assert result.returncode == 0, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    return result.stdout


def refused(*args: str, code: int = 2) -> str:
    """Exit ``code``, exactly one line on stderr starting ``crickets: ``, no traceback."""
    result = run(*args)
    assert result.returncode == code, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("crickets: "), result.stderr
    return lines[0]
