"""Smoke tests of the desktop session: each part, seen the way a user would see it.

Every check drives a real subprocess with ``desktop.env``; nothing here sleeps for wall time
(every wait is a bounded poll of an external process).
"""

from __future__ import annotations

import json
import secrets
import sys
from pathlib import Path

from session import Child, DesktopSession, Window

SCRIPTS = Path(__file__).resolve().parent / "scripts"


def _python(desktop: DesktopSession, script: str, *args: str) -> Child:
    return desktop.spawn([sys.executable, str(SCRIPTS / script), *args], name=script)


def _assert_quiet(child: Child) -> None:
    """A Qt subprocess must not warn (Qt warnings fail the app's own tests, too)."""
    stderr = child.stderr_text()
    assert stderr.strip() == "", f"{child.name} wrote to stderr:\n{stderr}"


def test_tray_icon_is_embedded_and_painted(desktop: DesktopSession, tmp_path: Path) -> None:
    app_name = f"Crickets smoke {secrets.token_hex(3)}"
    color = "#d81b60"
    before = {window.id for window in desktop.tray_children()}

    with _python(desktop, "tray_probe.py", app_name, color) as probe:
        assert probe.read_line() == "available True"
        assert probe.read_line() == "shown"

        def new_icon() -> list[Window]:
            return [
                window
                for window in desktop.tray_children()
                if window.id not in before and window.name == app_name
            ]

        (icon,) = desktop.wait_until(new_icon, what=f"{app_name!r} in trayer's panel")
        assert len(desktop.tray_children()) == len(before) + 1
        # Qt paints the icon as a square as large as the slot allows, centred; the first
        # paint may come a little after the embedding, so poll the captured pixels.
        side = min(icon.width, icon.height)
        shot = tmp_path / "icon.png"

        def painted() -> bool:
            colors = desktop.colors(desktop.screenshot(shot, window=icon.id))
            return colors[color] >= side * side

        desktop.wait_until(painted, what=f"the icon painted {color} ({side}x{side} px)")

        probe.write_line("quit")
        assert probe.wait() == 0
    _assert_quiet(probe)
    desktop.wait_until(
        lambda: all(window.name != app_name for window in desktop.tray_children()),
        what="the icon to leave the tray after the app quit",
    )


def test_notification_reaches_the_daemon(desktop: DesktopSession) -> None:
    title = f"Interview in 10 minutes {secrets.token_hex(3)}"
    message = "Acme Corp — phone screen with Dana"
    with _python(desktop, "notify_probe.py", title, message, "Crickets smoke") as probe:
        lines = [probe.read_line()]
        while lines[-1] != "sent":
            lines.append(probe.read_line())
        assert probe.wait() == 0, probe.stderr_text()

    desktop.wait_until(
        lambda: desktop.displayed_notifications() > 0, what="dunst to show the notification"
    )
    received = desktop.wait_until(
        lambda: [n for n in desktop.notifications() if n.summary == title],
        what="the notification in dunst's history",
    )
    assert [(n.app_name, n.summary, n.body) for n in received] == [
        ("Crickets smoke", title, message)
    ], lines


def test_keychain_round_trip(desktop: DesktopSession) -> None:
    value = secrets.token_urlsafe(24)
    username = f"smoke-{secrets.token_hex(4)}"
    with _python(desktop, "keyring_probe.py", "crickets-smoke", username, value) as probe:
        result = json.loads(probe.read_line())
        assert probe.wait() == 0, probe.stderr_text()

    assert result["backend"] == "keyring.backends.SecretService.Keyring"
    assert result["read_back"] == value
    assert result["after_delete"] is None


def test_clipboard_is_served_to_other_clients(desktop: DesktopSession) -> None:
    text = f"Crickets ✓ {secrets.token_hex(4)} — +1 555 0100"
    with _python(desktop, "clipboard_probe.py", text) as probe:
        assert probe.read_line() == "owner True"
        desktop.wait_until(
            lambda: desktop.clipboard_text() == text, what="xclip to read the probe's text"
        )
        probe.write_line("quit")
        assert probe.wait() == 0
    _assert_quiet(probe)
