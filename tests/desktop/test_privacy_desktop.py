"""Nothing personal in the log or the data folder, even when notifications fail (issue 15,
item 3).

The whole demo runs (confirmation nudge, get ready, it's time, nobody called, the guide)
with a broken notification daemon: the session bus is gone and ``notify-send`` fails,
writing its arguments (the notification's text) to stderr as a real one may. Then
``crickets.log`` and every file of the demo's data folder are searched for the demo's
company, role, people, addresses and numbers; the log must be its owner's alone.
"""

from __future__ import annotations

import os
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest
from app_under_test import App, faketime_lib
from session import DesktopSession

from crickets import demo

pytestmark = pytest.mark.skipif(
    faketime_lib() is None and os.environ.get("CI") != "true",
    reason="libfaketime is not installed (scripts/install-system-deps.sh installs it)",
)
GUIDE_TITLE = "They haven't called"
_DEMO = demo.demo_interview(datetime(2026, 12, 1, 10, 0, tzinfo=UTC))
SECRETS = [
    _DEMO.company,
    _DEMO.role,
    _DEMO.interviewer_name,
    _DEMO.interviewer_email,
    _DEMO.interviewer_phone,
    _DEMO.notes,
    demo.DEMO_PROFILE.name,
    demo.DEMO_PROFILE.email,
    demo.DEMO_PROFILE.phone,
]
BROKEN_NOTIFY_SEND = """#!/bin/sh
echo "notify-send: the notification daemon is not there; could not show: $*" >&2
exit 1
"""


def leaks(folder: Path) -> dict[str, list[str]]:
    """Each file under ``folder`` holding any of the demo's strings (UTF-8 or UTF-16)."""
    found: dict[str, list[str]] = {}
    for path in folder.rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        hits = [
            s
            for s in SECRETS
            if s.encode() in data or s.encode("utf-16-le") in data or s.lower().encode() in data
        ]
        if hits:
            found[str(path.relative_to(folder))] = hits
    return found


def test_the_demo_with_broken_notifications_leaves_nothing_personal_behind(
    desktop: DesktopSession, tmp_path: Path
) -> None:
    bin_dir, temp = tmp_path / "bin", tmp_path / "tmp"
    bin_dir.mkdir()
    temp.mkdir()
    fake = bin_dir / "notify-send"
    fake.write_text(BROKEN_NOTIFY_SEND)
    fake.chmod(0o755)
    broken = {
        "PATH": f"{bin_dir}:{os.environ['PATH']}",
        "DBUS_SESSION_BUS_ADDRESS": f"unix:path={tmp_path / 'no-bus'}",
        "TMPDIR": str(temp),  # where the demo makes its throw-away data folder
    }
    app = App(desktop, tmp_path, at="2026-12-01 10:00:00")
    app.start("--demo", extra_env=broken)
    try:
        app.tray_icon()
        (data,) = desktop.wait_until(
            lambda: [p for p in temp.glob("crickets-demo-*") if (p / "crickets.log").exists()],
            timeout=15,
            what="the demo's data folder and log",
        )
        app.set_time("2026-12-01 10:01:50")  # past the start and the grace period
        desktop.wait_until(
            lambda: desktop.run(
                ["xdotool", "search", "--onlyvisible", "--name", GUIDE_TITLE]
            ).stdout.strip(),
            timeout=30,
            what="the guide, at the end of the demo",
        )
        log = (data / "crickets.log").read_text(encoding="utf-8")
        assert "notify-send failed" in log  # the daemon really was broken, and logged
        assert leaks(data) == {}
        assert stat.S_IMODE((data / "crickets.log").stat().st_mode) == 0o600
        assert stat.S_IMODE(data.stat().st_mode) == 0o700
    finally:
        assert app.child is not None
        app.child.stop()
    stderr = app.stderr()
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr
