"""An invitation opened while the tray is busy is not dropped (issue 15, item 11).

The running tray is stopped with SIGSTOP for longer than a second launch waits for an
answer (2 s): the second launch must neither take it for "not running" nor drop the file.
When the tray continues (SIGCONT) it opens the invitation; importing it puts the interview
in the store, which the command line reads back.
"""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from app_under_test import App, faketime_lib
from session import DesktopSession

pytestmark = pytest.mark.skipif(
    faketime_lib() is None and os.environ.get("CI") != "true",
    reason="libfaketime is not installed (scripts/install-system-deps.sh installs it)",
)
INVITE = Path(__file__).resolve().parents[1] / "data" / "ics" / "google_request.ics"
IMPORT_TITLE = "[Ii]mport an invitation"  # the window's title, with "Crickets" before or after


@pytest.fixture
def app(desktop: DesktopSession, tmp_path: Path) -> Iterator[App]:
    running = App(desktop, tmp_path, at="2026-11-25 12:00:00")
    running.add("--at", "2026-12-03 10:00", "--tz", "Europe/London", "--company", "Globex")
    yield running
    if running.child is not None:
        running.child.stop()
        stderr = running.stderr()
        assert "Traceback" not in stderr and "internal error" not in stderr, stderr


def import_window(desktop: DesktopSession) -> str:
    found = desktop.run(["xdotool", "search", "--onlyvisible", "--name", IMPORT_TITLE])
    return found.stdout.split()[0] if found.stdout.split() else ""


def companies(app: App) -> list[str]:
    return [str(i["company"]) for i in json.loads(app.cli("list", "--json").stdout)]


def test_an_invitation_opened_while_the_tray_is_paused_is_imported_when_it_wakes(
    app: App, desktop: DesktopSession
) -> None:
    tray = app.start("--background")
    app.tray_icon()
    os.kill(tray.pid, signal.SIGSTOP)  # busy: it answers nothing, for longer than 2 s
    try:
        again = app.launch_again(str(INVITE))
    finally:
        os.kill(tray.pid, signal.SIGCONT)
    assert again.returncode == 0, again.stderr
    assert "already running but busy" in again.stdout
    assert "google_request.ics" in again.stdout
    window = desktop.wait_until(  # the request waited in the socket for the tray to wake
        lambda: import_window(desktop), timeout=15, what="the import window"
    )
    children = [w for w in desktop.tray_children() if w.name == "Crickets"]
    assert len(children) == 1  # the second launch did not start a tray of its own
    desktop.run(["xdotool", "windowfocus", "--sync", window], check=True)
    desktop.wait_until(
        lambda: (
            desktop.run(["xdotool", "key", "--clearmodifiers", "Return"]).returncode == 0
            and "Acme" in " ".join(companies(app))
        ),
        timeout=15,
        what="the invitation's interview in the store",
    )
    assert sorted(companies(app)) == ["Acme", "Globex"]
