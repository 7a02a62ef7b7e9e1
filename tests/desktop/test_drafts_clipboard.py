"""The Drafts window's Copy button, seen from another program (xclip) on a real X display.

The window runs in its own process with the session's environment: on X11 the clipboard is
served by the owner's event loop, so reading it from the same thread would deadlock.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from session import DesktopSession

PROBE = '''
"""Open the Drafts window, press its Copy button, print what was copied (as JSON), then
keep the event loop (and so the clipboard) alive until "quit" or EOF on stdin."""
import json, os, sys
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication, QPushButton

from crickets.application.drafting import DraftOutlets
from crickets.domain.clock import FixedClock
from crickets.domain.interview import Interview
from crickets.domain.profile import Profile
from crickets.domain.settings import Settings
from crickets.storage.store import Store
from crickets.ui.drafts.drafts_window import DraftsWindow
from crickets.ui.outlets import QtClipboard, QtMailOutlet
from crickets.wiring.session import build_use_cases

app = QApplication(sys.argv[:1])
store = Store.open(Path(sys.argv[0]).resolve().parent / "probe-data")  # the test's tmp_path
store.settings.save_settings(Settings(home_zone="Europe/London"))
store.settings.save_profile(Profile(name="Sam Lee"))
interview = store.interviews.add(Interview(
    datetime(2026, 12, 1, 14, 0), "America/New_York", company="Zoë & Søn", role="Analyst",
    interviewer_name="Doe, Jane", interviewer_email="jane.doe+jobs@example.com",
))
use_cases = build_use_cases(store, FixedClock(datetime(2026, 12, 1, 19, 8, tzinfo=UTC)))
outlets = DraftOutlets(use_cases.logbook, QtClipboard(), QtMailOutlet())
window = DraftsWindow(use_cases.drafting, outlets, interview, choose_save_path=lambda name: None)
window.show()

def copy() -> None:
    window.findChild(QPushButton, "drafts.copy").click()
    print(json.dumps({"copied": QtClipboard().text(), "owner": app.clipboard().ownsClipboard()}),
          flush=True)

def on_stdin() -> None:
    data = os.read(sys.stdin.fileno(), 4096)
    if not data or b"quit" in data:
        app.quit()

notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
notifier.activated.connect(on_stdin)
QTimer.singleShot(0, copy)
sys.exit(app.exec())
'''


def test_copied_draft_is_readable_by_another_process(
    desktop: DesktopSession, tmp_path: Path
) -> None:
    script = tmp_path / "drafts_copy_probe.py"
    script.write_text(PROBE, encoding="utf-8")
    with desktop.spawn([sys.executable, str(script)], name="drafts_copy_probe") as probe:
        report = json.loads(probe.read_line(timeout=20))
        assert report["owner"] is True
        copied = report["copied"]
        assert copied.startswith("Subject: Our phone interview on Tuesday 1 December")
        assert "\n\nHi Jane,\n\n" in copied and "Zoë & Søn" in copied
        seen = desktop.wait_until(
            lambda: desktop.clipboard_text() == copied, what="xclip to read the copied draft"
        )
        assert seen
        probe.write_line("quit")
        assert probe.wait() == 0
    stderr = probe.stderr_text()
    assert stderr.strip() == "", f"the drafts window wrote to stderr:\n{stderr}"
