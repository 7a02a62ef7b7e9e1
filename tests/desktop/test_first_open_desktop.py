"""The tray reads its key through a short-lived process of its own (docs/decisions/181).

On the real desktop, with the key in the session's Secret Service: the tray's reminder names
the company (the sealed row was opened), yet the tray's own process never maps the cipher's
library, and the process that read the key has gone.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from app_under_test import App, faketime_lib
from session import DesktopSession

pytestmark = pytest.mark.skipif(
    faketime_lib() is None and os.environ.get("CI") != "true",
    reason="libfaketime is not installed (scripts/install-system-deps.sh installs it)",
)
COMPANY = "Quillfeather Optics"


@pytest.fixture
def app(desktop: DesktopSession, tmp_path: Path) -> Iterator[App]:
    running = App(desktop, tmp_path, at="2026-12-01 18:59:50", real_keychain=True)
    running.add("--at", "2026-12-01 14:00", "--tz", "America/New_York", "--company", COMPANY)
    yield running
    if running.child is not None:
        running.child.stop()
        stderr = running.stderr()
        assert "Traceback" not in stderr and "internal error" not in stderr, stderr


def first_open_processes(tray: int) -> list[str]:
    """Processes running ``crickets --first-open``, and the tray's unreaped children (a
    zombie has no command line left). Qt reaps the short-lived helper of a detached start
    (the sound cue) at once; a first-open process never reaped would stay."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                argv = (entry / "cmdline").read_bytes().split(b"\0")
                stat = (entry / "stat").read_text()
            except OSError:
                continue  # ended meanwhile
            name = stat[stat.index("(") + 1 : stat.rindex(")")]
            state, parent = stat.rsplit(")", 1)[1].split()[:2]
            unreaped = state == "Z" and int(parent) == tray
            if b"--first-open" in argv or unreaped:
                found.append(f"{entry.name} {name} {state}")
    return found


def test_the_tray_opens_sealed_rows_without_the_cipher_or_a_key_file(
    app: App, desktop: DesktopSession
) -> None:
    assert list(app.data.glob("crickets-*.key")) == []  # the key is in the keychain
    child = app.start()
    app.wait_ready()
    desktop.wait_until(
        lambda: [
            n
            for n in desktop.notifications()
            if n.summary.startswith("It's time") and COMPANY in n.summary
        ],
        timeout=15,
        what="the 'it's time' notification naming the company",
    )
    maps = Path(f"/proc/{child.pid}/maps").read_text()
    assert "cryptography" not in maps and "_cffi_backend" not in maps
    desktop.wait_until(  # the process that read the key has ended, and was reaped
        lambda: first_open_processes(child.pid) == [],
        timeout=5,
        what=f"no first-open process left (now: {first_open_processes(child.pid)})",
    )
