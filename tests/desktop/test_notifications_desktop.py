"""The notification chain on a real desktop: the app's own chain (wiring.tray.notifiers, as
the tray builds it) in a subprocess of the session, checked the way a person would see it: in
the notification daemon, or, with no daemon reachable, on the tray, and never a word on
stderr."""

from __future__ import annotations

import json
import secrets
import sys
from pathlib import Path

from session import DesktopSession

DESKTOP_SRC = Path(__file__).resolve().parents[2] / "desktop"

# Builds the chain exactly as the app does, shows one notification, prints which way it went.
CHAIN_SCRIPT = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QSystemTrayIcon
from crickets.ui.system.notify_chain import NotifyChain
from crickets.wiring.tray import notifiers

title, message, with_tray = sys.argv[1], sys.argv[2], sys.argv[3] == "tray"
app = QApplication(sys.argv[:1])
app.setApplicationName("crickets")
tray = None
if with_tray:
    pixmap = QPixmap(22, 22)
    pixmap.fill(QColor("#2e7d32"))
    tray = QSystemTrayIcon(QIcon(pixmap))
    tray.show()
chain = NotifyChain(notifiers(tray))
outcome = {"available": QSystemTrayIcon.isSystemTrayAvailable()}

def delivered(_title, _message, how):
    outcome["handler"] = how
    app.quit()

chain.delivered.connect(delivered)
QTimer.singleShot(0, lambda: chain.notify(title, message))
QTimer.singleShot(20000, app.quit)  # a safety net; the chain answers in milliseconds
app.exec()
if tray is not None:
    tray.hide()
print(json.dumps(outcome), flush=True)
"""


def run_chain(
    desktop: DesktopSession, title: str, message: str, *, tray: bool, env: dict[str, str]
) -> tuple[dict[str, object], str]:
    env = {**env, "PYTHONPATH": f"{DESKTOP_SRC}:{env.get('PYTHONPATH', '')}".rstrip(":")}
    done = desktop.run(
        [sys.executable, "-c", CHAIN_SCRIPT, title, message, "tray" if tray else "none"], env=env
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1]), done.stderr


def test_the_daemon_gets_exactly_the_title_and_body(desktop: DesktopSession) -> None:
    title = f"-5 min: Phone screen with Acme & Co {secrets.token_hex(3)}"
    message = 'Dana <dana@acme.example> will call +1 555 0100.\nC:\\Notes\\acme.txt — "ready?"'

    outcome, stderr = run_chain(desktop, title, message, tray=True, env=desktop.env)

    assert outcome["handler"] == "notify-send"
    received = desktop.wait_until(
        lambda: [n for n in desktop.notifications() if n.summary == title],
        what="the notification in dunst's history",
    )
    assert [(n.app_name, n.summary, n.body) for n in received] == [("Crickets", title, message)]
    assert stderr == ""


def test_without_a_daemon_the_tray_balloon_takes_over_silently(
    desktop: DesktopSession, tmp_path: Path
) -> None:
    title = f"It's time {secrets.token_hex(3)}"
    dead_bus = {**desktop.env, "DBUS_SESSION_BUS_ADDRESS": f"unix:path={tmp_path / 'no-bus'}"}

    outcome, stderr = run_chain(desktop, title, "Acme — phone screen", tray=True, env=dead_bus)

    assert outcome == {"available": True, "handler": "tray"}
    assert stderr == ""  # no Python warning, no notify-send complaint, no Qt warning
    assert all(n.summary != title for n in desktop.notifications())


def test_without_a_daemon_or_a_tray_the_log_takes_over_silently(
    desktop: DesktopSession, tmp_path: Path
) -> None:
    dead_bus = {**desktop.env, "DBUS_SESSION_BUS_ADDRESS": f"unix:path={tmp_path / 'no-bus'}"}

    outcome, stderr = run_chain(desktop, "It's time", "Acme", tray=False, env=dead_bus)

    assert outcome["handler"] == "log"
    assert stderr == ""
