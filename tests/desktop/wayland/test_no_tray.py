"""No tray at all, then a tray that turns up later (issue 17).

The session has a bar without a tray module, so no StatusNotifierWatcher is on the bus (stock
GNOME has none either). Crickets then shows its countdown in a small window within a few
seconds, saying once why; when a tray host appears (waybar with its tray starts), the item
registers there and the window goes away. A screenshot of the fallback is kept in
artifacts/screens/wayland/.
"""

from __future__ import annotations

from collections.abc import Callable

from app_under_test import ARTIFACTS

from wayland.bus_client import WATCHER
from wayland.sway_session import BAR_HEIGHT, SCREEN, SwaySession
from wayland.sway_tree import SwayWindow, windows
from wayland.wayland_app import WaylandApp

SWAY_TRAY = False  # this module's session starts with a bar that has no tray
SHOTS = ARTIFACTS / "screens" / "wayland"
INTERVIEW = (
    *("--at", "2026-12-01 14:00", "--tz", "America/New_York"),
    *("--company", "Acme", "--role", "Phone screen"),
)
COUNTDOWN = "Countdown"  # the fallback window's title; sway shows "Countdown — Crickets"


def countdown_windows(sway: SwaySession) -> list[SwayWindow]:
    return [w for w in windows(sway.tree()) if w.title.split(" — ")[0] == COUNTDOWN]


def test_without_a_tray_the_countdown_shows_in_a_window_then_moves_into_a_tray(
    make_app: Callable[[str], WaylandApp], sway: SwaySession
) -> None:
    sway.start_bar(tray=False)  # a fresh bar without a tray, whatever ran before
    bus = sway.bus
    assert bus is not None and not bus.has_name(WATCHER)
    app = make_app("2026-12-01 18:00:00")
    app.add(*INTERVIEW)
    app.start()
    first = sway.wait_until(
        lambda: countdown_windows(sway), timeout=5, what="the fallback countdown window"
    )
    assert len(first) == 1 and first[0].floating, first
    sway.wait_until(lambda: sway.drawn(first[0]), timeout=10, what="the window painted")
    sway.screenshot(SHOTS / "no-tray-countdown.png")

    sway.start_bar(tray=True)  # a tray host appears
    app.item(timeout=15)
    sway.wait_until(
        lambda: not countdown_windows(sway),
        timeout=10,
        what="the countdown window to go once the icon is in the tray",
    )
    sway.wait_until(
        lambda: len(sway.colours(SCREEN[0] - 120, 0, 120, BAR_HEIGHT)) > 3,
        timeout=10,
        what="the icon drawn in the bar's tray",
    )
    sway.screenshot(SHOTS / "no-tray-then-tray.png", bar_only=True)


def test_the_countdown_window_says_why_only_the_first_time(
    make_app: Callable[[str], WaylandApp], sway: SwaySession
) -> None:
    """The explanation under the countdown shows at the first start without a tray only:
    the second start's window is the same but for it, so it is shorter."""
    sway.start_bar(tray=False)
    app = make_app("2026-12-01 18:00:00")
    app.add(*INTERVIEW)
    heights = []
    for _start in range(2):
        app.start()
        shown = sway.wait_until(
            lambda: countdown_windows(sway), timeout=5, what="the fallback countdown window"
        )
        heights.append(shown[0].height)
        app.stop()  # and no traceback in what it printed
        sway.wait_until(lambda: not countdown_windows(sway), timeout=5, what="the app to stop")
    assert heights[1] < heights[0], heights
