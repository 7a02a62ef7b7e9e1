"""The first start of the real app on the real desktop: one welcome window and nothing else;
Enter leads to Add interview, which takes its place; the next start opens Add interview
directly. A login start (``--background``) shows no window and leaves the welcome for the
person's own first start. Screenshots go to artifacts/welcome/ (the fit test keeps
artifacts/screens/100/welcome.png and 200/welcome.png)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from app_under_test import ARTIFACTS, App, faketime_lib
from session import DesktopSession
from x_windows import visible

pytestmark = pytest.mark.skipif(
    faketime_lib() is None and os.environ.get("CI") != "true",
    reason="libfaketime is not installed (scripts/install-system-deps.sh installs it)",
)
WELCOME = "Welcome — Crickets"
ADD = "Add interview — Crickets"


def titles(desktop: DesktopSession) -> list[str]:
    return sorted(shown.title for shown in visible(desktop))


def showing_only(desktop: DesktopSession, title: str) -> None:
    desktop.wait_until(lambda: titles(desktop) == [title], timeout=20, what=f"only {title!r}")


def stop(app: App) -> None:
    assert app.child is not None
    app.child.stop()
    assert "Traceback" not in app.stderr() and "internal error" not in app.stderr()


def test_the_first_start_welcomes_once_and_leads_to_add_interview(
    desktop: DesktopSession, tmp_path: Path
) -> None:
    app = App(desktop, tmp_path, at="2026-12-01 12:00:00")
    app.start()
    app.tray_icon()
    showing_only(desktop, WELCOME)
    (welcome,) = visible(desktop)
    desktop.screenshot(ARTIFACTS / "welcome" / "first-start.png", window=welcome.id)
    desktop.run(["xdotool", "windowfocus", "--sync", str(int(welcome.id, 16))], check=True)
    desktop.run(["xdotool", "key", "--clearmodifiers", "Return"], check=True)
    showing_only(desktop, ADD)  # the welcome gave way to the form
    stop(app)
    app.start()
    app.tray_icon()
    showing_only(desktop, ADD)  # welcomed once: now straight to the form
    stop(app)


def test_a_login_start_shows_nothing_and_keeps_the_welcome_for_later(
    desktop: DesktopSession, tmp_path: Path
) -> None:
    app = App(desktop, tmp_path, at="2026-12-01 12:00:00")
    app.start("--background")
    app.tray_icon()
    app.nudge()  # answered after the first tick, which opens any first window
    assert titles(desktop) == []
    stop(app)
    app.start()
    app.tray_icon()
    showing_only(desktop, WELCOME)
    stop(app)
