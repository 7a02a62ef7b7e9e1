"""The demo on the real desktop, from its start to the guide (issue 13's "Tests"): at each
moment of its day exactly one Crickets window is on screen, inside the screen and centred
on it, the private log says which window was shown (and nothing personal), the action log
holds only what the person did (nothing yet), and the drafts say only what that log says.

The demo keeps its throw-away folder under ``TMPDIR``, which the test points into its own
folder so it can read the log and ask the command line for the drafts there; the wall clock
is placed with libfaketime and the app asked to look at it at once.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from app_under_test import ARTIFACTS, App, faketime_lib
from session import DesktopSession
from x_windows import Shown, visible

pytestmark = pytest.mark.skipif(
    faketime_lib() is None and os.environ.get("CI") != "true",
    reason="libfaketime is not installed (scripts/install-system-deps.sh installs it)",
)
WHAT = "Customer success associate with Northwind Traders"


@dataclass(frozen=True)
class Moment:
    at: str  # the wall clock, UTC, just after the moment (the demo starts at 12:00:00)
    title: str  # the one window on screen, as the desktop shows its title
    logged: str  # the private log's line for it
    draft: str  # the draft its window offers


DAY = (
    Moment(
        "2026-12-01 12:00:16",
        "Confirm your call with Northwind Traders — Crickets",
        "window shown: reminder:confirm:1",
        "confirmation",
    ),
    Moment(
        "2026-12-01 12:00:46",
        f"Get ready: {WHAT} — Crickets",
        "window shown: reminder:get-ready:1",
        "confirmation",
    ),
    Moment(
        "2026-12-01 12:01:16",
        f"It's time: {WHAT} — Crickets",
        "window shown: reminder:start:1",
        "follow-up",
    ),
    Moment(
        "2026-12-01 12:01:46",
        "They haven't called — Crickets",
        "window shown: havent-called:1",
        "follow-up",
    ),
)


@pytest.fixture
def demo(desktop: DesktopSession, tmp_path: Path) -> Iterator[App]:
    temp = tmp_path / "tmp"
    temp.mkdir()
    app = App(desktop, tmp_path, at="2026-12-01 12:00:00")
    app.start("--demo", extra_env={"TMPDIR": str(temp)})
    app.tray_icon()
    (folder,) = temp.glob("crickets-demo-*")
    app.data = folder  # the command line and the nudges now reach the demo's folder
    yield app
    assert app.child is not None
    app.child.stop()
    assert "Traceback" not in app.stderr() and "internal error" not in app.stderr()
    assert not folder.exists()  # the throw-away folder went with the app


def geometry(desktop: DesktopSession, shown: Shown) -> tuple[int, int, int, int]:
    """x, y, width, height of ``shown`` on the screen."""
    said = desktop.run(["xdotool", "getwindowgeometry", "--shell", shown.id]).stdout
    values = dict(line.split("=", 1) for line in said.split())
    return int(values["X"]), int(values["Y"]), int(values["WIDTH"]), int(values["HEIGHT"])


def screen(desktop: DesktopSession) -> tuple[int, int]:
    said = desktop.run(["xdotool", "getdisplaygeometry"]).stdout.split()
    return int(said[0]), int(said[1])


def shown_lines(demo: App) -> list[str]:
    """The private log's "window shown" lines, without their time stamps."""
    log = (demo.data / "crickets.log").read_text(encoding="utf-8")
    return [line.split(": ", 1)[1] for line in log.splitlines() if "window shown" in line]


def test_the_demo_day_one_window_at_a_time_with_its_log_and_drafts(
    demo: App, desktop: DesktopSession
) -> None:
    width, height = screen(desktop)
    for index, moment in enumerate(DAY):
        demo.set_time(moment.at)
        demo.nudge()
        expected = [moment.title]
        desktop.wait_until(
            lambda: [s.title for s in visible(desktop)] == expected,  # noqa: B023 - waited here
            timeout=15,
            what=f"only {moment.title!r}",
        )
        (window,) = visible(desktop)
        desktop.screenshot(ARTIFACTS / "demo-day" / f"{index + 1}.png")
        x, y, w, h = geometry(desktop, window)
        assert min(x, y) >= 0 and x + w <= width and y + h <= height, (x, y, w, h)
        assert abs((x + w / 2) - width / 2) <= 24, "placed in the middle of the screen"
        # One line per moment, the window's key only: no company, name or number in the log.
        assert shown_lines(demo) == [m.logged for m in DAY[: index + 1]]
        log = (demo.data / "crickets.log").read_text(encoding="utf-8")
        assert not any(word in log for word in ("Northwind", "Jordan", "Alex", "555"))
        # Nothing the person did yet, so nothing is claimed: not in the log, not in a draft.
        exported = json.loads(demo.cli("export").stdout)
        assert exported["actions"] == []
        draft = demo.cli("draft", moment.draft, "--id", "1").stdout
        assert "Northwind Traders" in draft
        assert draft.rstrip().endswith("Best regards,\nAlex Rivera\n+1 415 555 0199")
        assert "tried calling" not in draft and "voicemail" not in draft.lower()
