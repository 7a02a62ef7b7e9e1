"""The real tray app on the real desktop: tray icon, badge pixels, notifications, a second
launch, the guided window opening on its own, and a resume from suspend (issues 6 and 7).

The app's wall clock is placed with libfaketime; its timers run on the real monotonic clock.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from app_under_test import App, FakeLogind, faketime_lib
from session import DesktopSession
from tests.private_bus import private_bus

pytestmark = pytest.mark.skipif(
    faketime_lib() is None and os.environ.get("CI") != "true",
    reason="libfaketime is not installed (scripts/install-system-deps.sh installs it)",
)
SCRIPTS = Path(__file__).resolve().parent / "scripts"
# The interview: 2:00 PM in New York on Tuesday 1 December 2026 = 19:00 UTC.
INTERVIEW = (
    "--at",
    "2026-12-01 14:00",
    "--tz",
    "America/New_York",
    "--company",
    "Acme",
    "--role",
    "Phone screen",
    "--phone",
    "+1 415 555 0134",
    "--my-phone",
    "+44 20 7946 0958",
)
GUIDE_TITLE = "They haven't called"  # WM_NAME; the desktop shows "… — Crickets"
SOON_AMBER, NOW_BLUE, OVERDUE_RED = "#f6c945", "#1a73e8", "#c5221f"


@pytest.fixture
def app(desktop: DesktopSession, tmp_path: Path) -> Iterator[App]:
    running = App(desktop, tmp_path, at="2026-12-01 18:00:00")
    running.add(*INTERVIEW)
    yield running
    if running.child is not None:
        running.child.stop()
        stderr = running.stderr()
        assert "Traceback" not in stderr and "internal error" not in stderr, stderr


def dominant(colours: dict[str, int], wanted: str) -> bool:
    return colours.get(wanted, 0) >= 40  # a 22 px plate is ~400 pixels; text takes some


def test_tray_icon_badge_pixels_and_the_start_notification(
    app: App, desktop: DesktopSession
) -> None:
    app.set_time("2026-12-01 18:59:50")  # "<1m" now, "now" (blue) ten seconds later
    app.start()
    first = app.tray_icon()  # up with the app's picture before the store is even open
    before = desktop.wait_until(
        lambda: (c := app.icon_colours("badge-before.png")) and dominant(c, SOON_AMBER) and c,
        timeout=10,
        what="the calm badge",
    )
    # The countdown took the early icon's place: one icon, the same window, never two.
    assert [w.id for w in desktop.tray_children() if w.name == "Crickets"] == [first.id]
    after = desktop.wait_until(
        lambda: (c := app.icon_colours("badge-after.png")) and dominant(c, NOW_BLUE) and c,
        timeout=10,
        what="the badge turning to 'now'",
    )
    assert before != after
    # The session's notification history is shared by every desktop test (the demo's
    # "It's time" may already be in it), so look for this app's own notification.
    expected = "It's time: Phone screen with Acme"
    note = desktop.wait_until(
        lambda: [n for n in desktop.notifications() if n.summary == expected],
        timeout=10,
        what="the 'it's time' notification",
    )
    assert "2:00 PM EST (7:00 PM your time)" in note[0].body


def test_the_guide_opens_by_itself_at_start_plus_grace(app: App, desktop: DesktopSession) -> None:
    app.set_time("2026-12-01 19:04:55")  # the grace period ends in five seconds
    app.start()
    app.tray_icon()
    window = desktop.find_window(GUIDE_TITLE, timeout=15)
    assert window
    shot = app.screenshot("guide-opened-by-itself.png")
    assert shot.stat().st_size > 0
    colours = desktop.wait_until(
        lambda: (c := app.icon_colours("badge-overdue.png")) and dominant(c, OVERDUE_RED) and c,
        timeout=10,
        what="the overdue badge",
    )
    assert colours


def test_a_second_launch_focuses_the_first(app: App, desktop: DesktopSession) -> None:
    app.set_time("2026-12-01 12:00:00")
    app.start()
    app.tray_icon()
    second = app.launch_again()
    assert second.returncode == 0, second.stderr
    assert "already running" in second.stdout
    assert desktop.find_window("All interviews", timeout=10)
    children = [w for w in desktop.tray_children() if w.name == "Crickets"]
    assert len(children) == 1  # still one icon: the second process did not start a tray


def test_an_interview_added_in_the_terminal_shows_up_at_once(
    app: App, desktop: DesktopSession
) -> None:
    app.set_time("2026-12-01 12:00:00")
    app.start()
    app.tray_icon()
    calm = app.icon_colours("badge-7h.png")
    app.cli("add", "--at", "2026-12-01 12:30", "--tz", "Europe/London", "--company", "Globex")
    changed = desktop.wait_until(
        lambda: (c := app.icon_colours("badge-30m.png")) != calm and c,
        timeout=10,
        what="the badge to show the new, sooner interview",
    )
    assert changed


def test_resume_from_suspend_across_the_start_opens_the_guide(
    app: App, desktop: DesktopSession, tmp_path: Path
) -> None:
    with private_bus(tmp_path) as address, FakeLogind(address) as logind:
        app.set_time("2026-12-01 18:30:00")  # half an hour before the start
        app.start(extra_env={"DBUS_SYSTEM_BUS_ADDRESS": address})
        app.tray_icon()
        logind.sleep()
        app.set_time("2026-12-01 19:06:00")  # the lid opens six minutes after the start
        logind.wake()
        assert desktop.find_window(GUIDE_TITLE, timeout=5)
        app.screenshot("guide-after-resume.png")


IMPORT_TITLE = "Import an invitation"
INVITE = Path(__file__).resolve().parents[1] / "data" / "ics" / "google_request.ics"


def test_opening_an_invitation_with_the_app_imports_it(app: App, desktop: DesktopSession) -> None:
    """What a file manager does: `crickets FILE.ics`, first to start, then to a running app."""
    app.set_time("2026-11-25 12:00:00")
    app.start(str(INVITE))
    app.tray_icon()
    assert desktop.find_window(IMPORT_TITLE, timeout=15)
    again = app.launch_again(str(INVITE))
    assert again.returncode == 0, again.stderr
    assert "already running" in again.stdout


def test_the_demo_reaches_the_guide_on_its_own(desktop: DesktopSession, tmp_path: Path) -> None:
    """`crickets --demo`: an interview ~75 s away; the wall clock is moved past the grace
    period and the app opens the guide by itself on its next tick (a reminder ~15 s in)."""
    demo = App(desktop, tmp_path, at="2026-12-01 10:00:00")
    demo.start("--demo")
    try:
        demo.tray_icon()
        demo.set_time("2026-12-01 10:01:50")
        assert desktop.find_window(GUIDE_TITLE, timeout=30)
        demo.screenshot("demo-guide.png")
    finally:
        assert demo.child is not None
        demo.child.stop()
    assert "Traceback" not in demo.stderr() and "internal error" not in demo.stderr()
    assert not (tmp_path / "data").exists()  # --demo never touched the real data folder
