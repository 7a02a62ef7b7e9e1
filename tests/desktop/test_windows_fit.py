"""Every Crickets window opens with all its content and buttons visible and no text cut off,
on a 1366×768 screen and on a HiDPI screen of the same logical size at 200 % (Xvfb at
2732×1536 with QT_SCALE_FACTOR=2), each with a 32-pixel panel at the top that windows must
leave free (the desktop's work area, as panels set it).

``scripts/window_probe.py`` opens each window inside the app's own process (the real window
registry and factories) and measures it with ``fit_checks``; this test takes a screenshot of
each into ``artifacts/screens/<scale>/<window>.png`` (the folder CI keeps; ``make test``
leaves it in the checkout) and reads each window's title as the desktop shows it.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from app_under_test import ARTIFACTS
from session import DesktopSession
from x_windows import set_work_area

PROBE = Path(__file__).resolve().parent / "scripts" / "window_probe.py"
PANEL = 32  # logical px, the test session's tray panel at the top


@dataclass(frozen=True)
class Scale:
    name: str  # the screenshots' folder
    screen: str  # Xvfb's screen, in device pixels
    factor: int  # QT_SCALE_FACTOR


SCALES = (Scale("100", "1366x768x24", 1), Scale("200", "2732x1536x24", 2))

#: Every window the probe opens, in its order (the tray menu first).
WINDOWS = (
    "tray-menu",
    "welcome",
    "add-interview",
    "add-interview-paste",
    "edit-interview",
    "all-interviews",
    "settings",
    "own-wording",
    "import",
    "import-invitation",
    "reminder-confirm",
    "reminder-get-ready",
    "reminder-start",
    "reminder-stop-waiting",
    "reminder-how-did-it-go",
    "reminder-thank-you",
    "reminder-nudge",
    "guide-havent-called",
    "guide-missed-call",
    "drafts",
    "reschedule",
    "reschedule-typed",
)

#: Windows laid out in ui/guide and ui/drafts (issue 13's other half): what they still do
#: not fit is reported, not failed, until their layout lands.
OTHERS = frozenset({"guide-havent-called", "guide-missed-call", "drafts"})


@dataclass
class Seen:
    """What the probe said about each window, and what the desktop showed."""

    factor: int
    reports: dict[str, dict[str, Any]] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    shots: dict[str, Path] = field(default_factory=dict)
    stderr: str = ""


def _probe(desktop: DesktopSession, scale: Scale, tmp: Path) -> Seen:
    env = {**desktop.env, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    env.update(TZ="Europe/London", LC_TIME="en_US.UTF-8")
    if scale.factor != 1:
        env["QT_SCALE_FACTOR"] = str(scale.factor)
    seen = Seen(scale.factor)
    with desktop.spawn([sys.executable, str(PROBE), str(tmp)], name="probe", env=env) as probe:
        while True:
            report = json.loads(probe.read_line(timeout=60))
            if report.get("done"):
                break
            name = report["name"]
            seen.reports[name] = report
            seen.titles[name] = desktop.run(["xdotool", "getwindowname", report["id"]]).stdout
            shot = ARTIFACTS / "screens" / scale.name / f"{name}.png"
            seen.shots[name] = desktop.screenshot(shot, window=report["id"])
            probe.write_line("next")
        probe.wait(timeout=20)
        seen.stderr = probe.stderr_text()
    return seen


@pytest.fixture(scope="module", params=SCALES, ids=[s.name for s in SCALES])
def seen(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Seen]:
    scale: Scale = request.param
    request.getfixturevalue("desktop")  # skips (or fails on CI) as every desktop test does
    with DesktopSession(screen=scale.screen) as desktop:
        width, height = (int(n) for n in scale.screen.split("x")[:2])
        top = PANEL * scale.factor
        set_work_area(desktop, 0, top, width, height - top)
        yield _probe(desktop, scale, tmp_path_factory.mktemp(f"probe-{scale.name}"))


def test_the_probe_opened_every_window_quietly(seen: Seen) -> None:
    assert list(seen.reports) == list(WINDOWS)
    assert {report["ratio"] for report in seen.reports.values()} == {seen.factor}
    assert seen.stderr == ""  # no traceback, no Qt warning


@pytest.mark.parametrize("window", WINDOWS)
def test_the_window_fits_the_screen(seen: Seen, window: str) -> None:
    report = seen.reports[window]
    assert report["screen"] == [1366, 768]  # the same logical screen at both scales
    problems = report["problems"]
    if window in OTHERS and problems:
        pytest.xfail(f"{window} (ui/guide, ui/drafts): " + "; ".join(problems))
    assert problems == []


@pytest.mark.parametrize("window", [w for w in WINDOWS if w != "tray-menu"])
def test_the_title_names_the_app_once(seen: Seen, window: str) -> None:
    shown = seen.titles[window].rstrip("\n")
    assert shown.endswith(" — Crickets")
    assert shown.count("Crickets") == 1, shown


@pytest.mark.parametrize("window", WINDOWS)
def test_a_screenshot_of_the_window_is_kept(seen: Seen, window: str) -> None:
    shot = seen.shots[window]
    assert shot.is_file() and shot.stat().st_size > 1000
