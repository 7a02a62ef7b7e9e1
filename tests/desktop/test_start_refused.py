"""A tray that cannot open its data says so in one message and ends with exit code 2,
nothing changed (the non-negotiable "bad input gets one clear message"): here its key file
is gone. Since decision 179 this happens inside the event loop, after the early icon; the
icon goes with the process. The message is read over AT-SPI, as a screen reader reads it;
its screenshot goes to artifacts/start-refused/."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from a11y_tree import ACCESSIBLE_ENV, AccessibilityBus
from app_under_test import ARTIFACTS, App, faketime_lib
from session import DesktopSession
from x_windows import visible

pytestmark = pytest.mark.skipif(
    faketime_lib() is None and os.environ.get("CI") != "true",
    reason="libfaketime is not installed (scripts/install-system-deps.sh installs it)",
)
TITLE = "Cannot start"


def test_a_missing_key_file_is_one_message_then_exit_2_and_the_data_is_untouched(
    desktop: DesktopSession, a11y: AccessibilityBus, tmp_path: Path
) -> None:
    app = App(desktop, tmp_path, at="2026-12-01 12:00:00")
    app.add("--at", "2026-12-03 10:00", "--tz", "Europe/London", "--company", "Globex")
    (key,) = app.data.glob("crickets-*.key")  # keyring's "fail" backend: the key file
    key.unlink()
    database = app.data / "crickets.sqlite3"
    before = database.read_bytes()
    child = app.start(extra_env=ACCESSIBLE_ENV)
    message = a11y.window(TITLE, timeout=20, prefix=True)
    texts = " ".join(message.texts())
    assert "key file" in texts and "is missing" in texts and "nothing was deleted" in texts
    (shown,) = [s for s in visible(desktop) if s.title.startswith(TITLE)]  # one window
    desktop.screenshot(ARTIFACTS / "start-refused" / "key-file-missing.png", window=shown.id)
    desktop.run(["xdotool", "windowfocus", "--sync", str(int(shown.id, 16))], check=True)
    desktop.run(["xdotool", "key", "--clearmodifiers", "Return"], check=True)
    assert child.wait(timeout=15) == 2
    assert "Traceback" not in child.stderr_text() and "internal error" not in child.stderr_text()
    assert database.read_bytes() == before  # nothing was changed
    assert not [w for w in desktop.tray_children() if w.name == "Crickets"]  # gone with it
