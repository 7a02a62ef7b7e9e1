"""Reminder windows and the guide on a tiling Wayland compositor (issue 17).

sway tiles every window unless it floats: the reminders and the guide must come as dialogs
that sway floats at their own size (not a tile a quarter of the screen wide, with cut
buttons), fit the 1366x768 output below the bar, and only one of them shows per interview at
a time. A window cannot take the focus on Wayland: when the guide opens while the person
works in another window, it asks for attention through xdg-activation (sway then marks it
urgent). What sway did is read from its tree (``swaymsg -t get_tree``); a screenshot of the
guide is kept in artifacts/screens/wayland/.
"""

from __future__ import annotations

from collections.abc import Callable

from app_under_test import ARTIFACTS

from wayland.sway_session import BAR_HEIGHT, SCREEN, SwaySession
from wayland.sway_tree import SwayWindow, windows_of
from wayland.wayland_app import WaylandApp

# sway focuses every new window; here, as a desktop that prevents focus stealing, it does not
# give Crickets' windows the focus by itself while another window has it, so a window that
# gets attention asked for it (xdg-activation, which sway answers by marking it urgent).
SWAY_CONFIG = 'no_focus [app_id="crickets"]\n'
# Another program's window, where the person is working.
OTHER_WINDOW = (
    "from PySide6.QtWidgets import QApplication, QLabel; app = QApplication([]); "
    "label = QLabel('Working on something else'); label.setWindowTitle('Another app'); "
    "label.resize(500, 300); label.show(); app.exec()"
)
SHOTS = ARTIFACTS / "screens" / "wayland"
INTERVIEW = (
    *("--at", "2026-12-01 14:00", "--tz", "America/New_York"),
    *("--company", "Acme", "--role", "Phone screen", "--phone", "+1 415 555 0134"),
)
ITS_TIME = "It's time: Phone screen with Acme"
GUIDE = "They haven't called"


def assert_floats_on_screen(window: SwayWindow) -> None:
    """Floating, at a size of its own, wholly on the output and below the bar."""
    assert window.floating, f"{window.title!r} is tiled: {window}"
    assert window.x >= 0 and window.right <= SCREEN[0], window
    assert window.y >= BAR_HEIGHT and window.bottom <= SCREEN[1], window
    # A tile would fill the workspace (or a half or quarter of it): a dialog is its own size.
    workspace = (SCREEN[0], SCREEN[1] - BAR_HEIGHT)
    assert (window.width, window.height) != workspace, window
    assert window.width not in (workspace[0], workspace[0] // 2), window


def test_the_reminder_then_the_guide_float_one_at_a_time(
    make_app: Callable[[str], WaylandApp], sway: SwaySession
) -> None:
    app = make_app("2026-12-01 18:59:58")
    app.add(*INTERVIEW)
    child = app.start()
    app.item()
    shown = sway.wait_until(
        lambda: windows_of(sway.tree(), child.pid),
        timeout=15,
        what="the 'It's time' reminder",
    )
    assert [w.title.split(" — ")[0] for w in shown] == [ITS_TIME]
    assert_floats_on_screen(shown[0])

    app.set_time("2026-12-01 19:06:00")  # past the grace period: the guide takes over
    app.nudge()
    counts: list[int] = []

    def the_guide() -> bool:
        mine = windows_of(sway.tree(), child.pid)
        counts.append(len(mine))
        return any(w.title.startswith(GUIDE) for w in mine)

    sway.wait_until(the_guide, timeout=15, what="the guide to open by itself")
    mine = windows_of(sway.tree(), child.pid)
    assert [w.title.split(" — ")[0] for w in mine] == [GUIDE], mine
    assert max(counts) <= 1, "the reminder and the guide were on screen together"
    guide = mine[0]
    assert_floats_on_screen(guide)
    sway.wait_until(lambda: sway.drawn(guide), timeout=10, what="the guide painted")
    sway.screenshot(SHOTS / "guide.png")


def test_the_guide_asks_for_attention_when_another_window_has_the_focus(
    make_app: Callable[[str], WaylandApp], sway: SwaySession
) -> None:
    """A Wayland window cannot take the focus; it can ask through xdg-activation, which sway
    answers by marking it urgent (its default), as a person's bar shows."""
    app = make_app("2026-12-01 19:04:58")  # the guide opens by itself at 19:05
    app.add(*INTERVIEW, "--past")
    other = sway.spawn(
        [str(app.python.executable), "-c", OTHER_WINDOW], name="other", env=app.env(faked=False)
    )
    try:
        sway.wait_until(
            lambda: [w for w in windows_of(sway.tree(), other.pid) if w.focused],
            timeout=10,
            what="another program's window, focused",
        )
        child = app.start()

        def the_guide() -> list[SwayWindow]:
            mine = windows_of(sway.tree(), child.pid)
            return [w for w in mine if w.title.startswith(GUIDE)]

        guide = sway.wait_until(the_guide, timeout=15, what="the guide to open by itself")[0]
        assert not guide.focused, "sway gave the focus away despite no_focus"
        sway.wait_until(
            lambda: any(w.urgent or w.focused for w in the_guide()),
            timeout=5,
            what=f"the guide to ask for attention (xdg-activation); sway shows {guide}",
        )
    finally:
        other.stop()
