"""The guide in the real app (issue 13): it opens by itself five minutes after the start.

- When no mail app opens: the email step opens the drafts window, "Open in mail app" runs an
  ``xdg-open`` that fails, and the app says so, offers Copy and Save as .eml, logs nothing and
  leaves the step open. Copy then works, and only then is the step ticked.
- A video interview gets the video checklist: the meeting link, the waiting room, audio and
  camera, the dial-in from the invitation; opening the link ticks its step.

The windows are read over AT-SPI (``a11y_tree``), as a screen reader reads them; keys reach
them through ``xdotool``; ``xdg-open`` is a stand-in first on the PATH; the log is read back
with ``crickets export``. Screenshots go to artifacts/guide/.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from a11y_tree import ACCESSIBLE_ENV, AccessibilityBus, Node
from app_under_test import ARTIFACTS, App, faketime_lib
from session import DesktopSession

pytestmark = pytest.mark.skipif(
    faketime_lib() is None and os.environ.get("CI") != "true",
    reason="libfaketime is not installed (scripts/install-system-deps.sh installs it)",
)
SHOTS = ARTIFACTS / "guide"
GUIDE = "They haven't called"  # the title as set; the desktop shows "… — Crickets"
EMAIL_STEP = "Done: Then send a short email"
NO_MAIL_APP = "No mail app opened. Use Copy or Save as .eml instead."
PHONE_INTERVIEW = (
    *("--at", "2026-12-01 14:00", "--tz", "America/New_York", "--past"),
    *("--company", "Acme", "--role", "Data Analyst", "--contact", "Jane Doe"),
    *("--email", "jane@acme.example", "--phone", "+1 415 555 0134"),
    *("--my-phone", "+44 20 7946 0958"),
)


def stand_in_xdg_open(folder: Path, status: int) -> Path:
    """An ``xdg-open`` first on the PATH that notes what it was asked to open, then exits
    with ``status``; the file it writes to is returned."""
    folder.mkdir(exist_ok=True)
    calls = folder / "xdg-open-calls"
    script = folder / "xdg-open"
    script.write_text(f'#!/bin/sh\nprintf "%s\\n" "$1" >> "{calls}"\nexit {status}\n')
    script.chmod(0o755)
    return calls


def start_with(app: App, bin_dir: Path) -> None:
    path = f"{bin_dir}{os.pathsep}{app.desktop.env.get('PATH', os.defpath)}"
    app.start(extra_env={**ACCESSIBLE_ENV, "PATH": path})
    app.tray_icon()


def press(desktop: DesktopSession, title: str, keys: str) -> None:
    """Give the window titled ``title`` the keyboard (there is no window manager to do it),
    then type ``keys`` into it."""
    window = desktop.find_window(title, timeout=15)
    desktop.run(["xdotool", "windowfocus", "--sync", str(int(window, 16))], check=True)
    desktop.run(["xdotool", "key", "--clearmodifiers", keys], check=True)


def logged(app: App) -> list[tuple[str, str]]:
    exported = json.loads(app.cli("export").stdout)
    return [(a["kind"], a["detail"]) for a in exported["actions"]]


def drafts_window(a11y: AccessibilityBus) -> Node:
    return a11y.window("Drafts")  # its accessible name; the title names the interview


@pytest.fixture
def app(desktop: DesktopSession, tmp_path: Path) -> Iterator[App]:
    running = App(desktop, tmp_path, at="2026-12-01 19:04:55")  # the guide opens at 19:05
    yield running
    if running.child is not None:
        running.child.stop()
        stderr = running.stderr()
        assert "Traceback" not in stderr and "internal error" not in stderr, stderr


def test_when_no_mail_app_opens_the_email_step_stays_open_and_copy_is_offered(
    app: App, desktop: DesktopSession, a11y: AccessibilityBus, tmp_path: Path
) -> None:
    app.add(*PHONE_INTERVIEW)
    calls = stand_in_xdg_open(tmp_path / "bin", status=3)  # xdg-open's "no method available"
    start_with(app, tmp_path / "bin")

    guide = a11y.window(GUIDE, timeout=20)
    assert "Now: Check your phone for a missed call or voicemail." in guide.texts()
    assert "Write to: jane@acme.example" in guide.texts()
    assert not guide.find(EMAIL_STEP).checked
    SHOTS.mkdir(parents=True, exist_ok=True)
    app.screenshot("guide/guide-at-five-minutes.png")

    press(desktop, GUIDE, "alt+e")  # the email step: "Open the email…"
    drafts_window(a11y)
    press(desktop, "Drafts — Data Analyst with Acme", "ctrl+m")  # Open in mail app
    desktop.wait_until(lambda: calls.exists() and calls.read_text(), what="xdg-open to run")
    assert calls.read_text().startswith("mailto:jane@acme.example?subject=")

    desktop.wait_until(
        lambda: NO_MAIL_APP in drafts_window(a11y).texts(),
        what="the drafts window to say no mail app opened",
    )
    drafts = drafts_window(a11y)
    assert drafts.find("Copy subject and text").role == "push button"
    assert drafts.find("Save as an email draft file").role == "push button"
    app.screenshot("guide/drafts-no-mail-app.png")
    assert logged(app) == []  # nothing claimed: no "email opened"
    assert not a11y.window(GUIDE).find(EMAIL_STEP).checked

    press(desktop, "Drafts — Data Analyst with Acme", "ctrl+shift+c")  # the offered way
    copied = desktop.wait_until(
        lambda: (desktop.clipboard_text() or "").startswith("Subject: "),
        what="the draft on the clipboard",
    )
    assert copied
    assert "\n\nHi Jane,\n\n" in (desktop.clipboard_text() or "")
    assert logged(app) == [("email-copied", "follow-up")]
    ticked = desktop.wait_until(
        lambda: a11y.window(GUIDE).find(EMAIL_STEP).checked, what="the email step ticked"
    )
    assert ticked


LINK = "https://zoom.us/j/85012345678"
DIAL_IN = "(US) +1 508-555-0100 PIN: 123 456 789#"
VIDEO_INTERVIEW = (
    *("--at", "2026-12-01 14:00", "--tz", "America/New_York", "--past"),
    *("--company", "Acme", "--role", "Data Analyst", "--contact", "Jane Doe"),
    *("--direction", "video", "--link", LINK),
    *("--notes", f"Join Zoom Meeting\n{LINK}\n\nJoin by phone\n{DIAL_IN}"),
)


def test_a_video_interview_gets_the_video_checklist(
    app: App, desktop: DesktopSession, a11y: AccessibilityBus, tmp_path: Path
) -> None:
    app.add(*VIDEO_INTERVIEW)
    calls = stand_in_xdg_open(tmp_path / "bin", status=0)  # a browser takes the link
    start_with(app, tmp_path / "bin")

    guide = a11y.window(GUIDE, timeout=20)
    shown = guide.texts()
    assert "Now: Open the meeting link and see whether you are in a waiting room." in shown
    assert f"Meeting link: {LINK}; by phone: {DIAL_IN}" in shown
    assert f"The link: {LINK}" in shown
    checklist = [t.removeprefix("•  ") for t in shown if t.startswith("•  ")]
    assert any(
        t.startswith("In a waiting room or lobby? The host has to let you in") for t in checklist
    )
    assert any(
        t.startswith("Audio and camera: the right microphone, speaker and camera")
        for t in checklist
    )
    assert f"The link won't work? Join by phone instead: {DIAL_IN}" in checklist
    assert not any("Do Not Disturb" in t or "ringer" in t for t in shown)  # not the phone's
    SHOTS.mkdir(parents=True, exist_ok=True)
    app.screenshot("guide/guide-video.png")

    press(desktop, GUIDE, "alt+o")  # "Open the link"
    desktop.wait_until(lambda: calls.exists() and calls.read_text(), what="xdg-open to run")
    assert calls.read_text() == f"{LINK}\n"
    assert logged(app) == [("link-opened", "")]
    desktop.wait_until(
        lambda: a11y.window(GUIDE).find("Done: Open the meeting link").checked,
        what="the link step ticked",
    )
    after = a11y.window(GUIDE)
    assert "Now: Check your audio and camera, and your email for a new link." in after.texts()
    app.screenshot("guide/guide-video-link-opened.png")
