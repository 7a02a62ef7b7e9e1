"""The real app on the real desktop shows one window per interview: through the day of an
interview (confirm, get ready, it's time, nobody called) never more than one is on screen,
each with the app's name once in its title, and a guide the person closed with its title
bar's button stays closed when the app starts again.

The wall clock is placed with libfaketime (re-read at every look, so it stays where it is
put); after each move the app is asked to look at it at once (the reload request the
command line sends), instead of at its next timer.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from app_under_test import ARTIFACTS, App, faketime_lib
from session import DesktopSession
from x_windows import close, visible

pytestmark = pytest.mark.skipif(
    faketime_lib() is None and os.environ.get("CI") != "true",
    reason="libfaketime is not installed (scripts/install-system-deps.sh installs it)",
)
ACME = (  # 19:00 UTC
    *("--at", "2026-12-01 14:00", "--tz", "America/New_York"),
    *("--company", "Acme", "--role", "Phone screen", "--phone", "+1 415 555 0134"),
)
GUIDE = "They haven't called — Crickets"

#: (the wall clock, UTC, just after a moment; the one window then expected on screen;
#: the screenshot's name in artifacts/moments/)
DAY = (
    ("2026-12-01 17:30:01", "Confirm your call with Acme — Crickets", "1-confirm"),
    ("2026-12-01 18:45:01", "Get ready: Phone screen with Acme — Crickets", "2-get-ready"),
    ("2026-12-01 19:00:01", "It's time: Phone screen with Acme — Crickets", "3-its-time"),
    ("2026-12-01 19:05:01", GUIDE, "4-guide"),
)


@pytest.fixture
def app(desktop: DesktopSession, tmp_path: Path) -> Iterator[App]:
    running = App(desktop, tmp_path, at="2026-12-01 17:29:00")
    running.add(*ACME)
    yield running
    if running.child is not None:
        running.child.stop()
        assert "Traceback" not in running.stderr() and "internal error" not in running.stderr()


def titles(desktop: DesktopSession) -> list[str]:
    return sorted(shown.title for shown in visible(desktop))


def test_each_moment_of_the_day_replaces_the_window_before(
    app: App, desktop: DesktopSession
) -> None:
    app.start()
    app.tray_icon()
    most = 0
    for clock, expected, shot in DAY:
        app.set_time(clock)
        app.nudge()

        def only(title: str = expected) -> bool:
            nonlocal most
            shown = titles(desktop)
            most = max(most, len(shown))
            return shown == [title]

        desktop.wait_until(only, timeout=15, what=f"only {expected!r} on screen")
        desktop.screenshot(ARTIFACTS / "moments" / f"{shot}.png")
    assert most == 1  # never two windows at once, not even in passing


def test_a_guide_closed_by_the_person_stays_closed_after_a_restart(
    app: App, desktop: DesktopSession
) -> None:
    """Acme's guide is closed; Globex's get-ready reminder is left open. After a restart the
    reminder comes back (what was showing is shown again) and the guide does not."""
    app.add("--at", "2026-12-01 19:20", "--tz", "Europe/London", "--company", "Globex")
    app.set_time("2026-12-01 19:04:00")
    app.start()
    app.tray_icon()
    app.set_time("2026-12-01 19:05:01")  # both came due at 19:05:00
    app.nudge()
    ready = "Get ready: Phone interview with Globex — Crickets"
    desktop.wait_until(lambda: titles(desktop) == sorted([GUIDE, ready]), timeout=15)
    (guide,) = [shown for shown in visible(desktop) if shown.title == GUIDE]
    close(desktop, guide.id)
    desktop.wait_until(lambda: titles(desktop) == [ready], timeout=10, what="the guide closed")
    assert app.child is not None
    app.child.stop()
    app.set_time("2026-12-01 19:06:00")
    app.start()
    desktop.wait_until(lambda: ready in titles(desktop), timeout=20, what="the reminder back")
    app.tray_icon()
    assert titles(desktop) == [ready]


def test_a_reminder_closed_by_the_person_stays_closed_after_a_restart_until_its_snooze_ends(
    app: App, desktop: DesktopSession
) -> None:
    """Closing a reminder with its title bar's button snoozes it for five minutes: a restart
    in between does not bring it back; the snooze running out does, once."""
    confirm = DAY[0][1]
    app.start()
    app.tray_icon()
    app.set_time("2026-12-01 17:30:01")
    app.nudge()
    desktop.wait_until(lambda: titles(desktop) == [confirm], timeout=15, what="the reminder")
    (shown,) = visible(desktop)
    close(desktop, shown.id)
    desktop.wait_until(lambda: titles(desktop) == [], timeout=10, what="the reminder closed")
    assert app.child is not None
    app.child.stop()
    app.set_time("2026-12-01 17:32:00")
    app.start()
    app.tray_icon()
    app.nudge()  # answered after the first tick: anything it would show is showing
    assert titles(desktop) == []
    logged = json.loads(app.cli("export").stdout)["actions"]
    assert [a["kind"] for a in logged] == ["snoozed"]  # closed is snoozed, and said so
    app.set_time("2026-12-01 17:35:02")
    app.nudge()
    desktop.wait_until(lambda: titles(desktop) == [confirm], timeout=15, what="back after 5 min")
