"""The tray on Wayland: Crickets' StatusNotifierItem in waybar's tray, read over D-Bus as the
host reads it (issue 17).

- The item registers with the watcher; its icon (IconPixmap) carries the countdown badge and
  changes when the countdown does; its tooltip is the whole sentence.
- Its menu, exported over dbusmenu, has the XEmbed menu's entries, and an entry clicked
  through dbusmenu does what it says.
- Activating it (a left click in the bar) opens what matters now: past the start, the guide.

A screenshot of the bar with the countdown is kept in artifacts/screens/wayland/.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from app_under_test import ARTIFACTS

from wayland.bus_client import ItemAddress, MenuEntry
from wayland.sway_session import BAR_HEIGHT, SCREEN, SwaySession
from wayland.sway_tree import windows
from wayland.wayland_app import WaylandApp

SHOTS = ARTIFACTS / "screens" / "wayland"
# 2:00 PM in New York on Tuesday 1 December 2026 = 19:00 UTC (7:00 PM in London).
INTERVIEW = (
    *("--at", "2026-12-01 14:00", "--tz", "America/New_York"),
    *("--company", "Acme", "--role", "Phone screen", "--phone", "+1 415 555 0134"),
)
TRAY_AREA = (SCREEN[0] - 120, 0, 120, BAR_HEIGHT)  # the right end of the bar: the tray
SOON_AMBER, NOW_BLUE = (0xF6, 0xC9, 0x45), (0x1A, 0x73, 0xE8)
GUIDE = "They haven't called"
DRAFTS = (
    "Confirmation (1–2 hours before)",
    "Follow-up: they haven't called",
    "Reschedule: three new times",
    "Missed again: ask them to call you",
    "Apology: I missed their call",
    "Thank-you after the interview",
    "Gentle reminder about a new time",
    "Voicemail script (spoken)",
    "Call-back script (spoken)",
)
# The XEmbed menu (crickets/ui/tray/tray_icon.py), below its status line, for an interview
# that has not started: what a person sees in either kind of tray.
MENU_BELOW_STATUS = (
    "-",
    "Edit this interview…",
    "They called",
    "They haven't called…",
    "I missed their call…",
    "Drafts",
    "-",
    "Add interview…",
    "Import invitation (.ics)…",
    "All interviews…",
    "Settings…",
    "-",
    "Quit",
)


def colours(pixmaps: list[tuple[int, int, bytes]]) -> Counter[tuple[int, int, int]]:
    """Opaque pixels per colour in the largest pixmap (ARGB32, network byte order)."""
    _width, _height, data = max(pixmaps, key=lambda p: p[0] * p[1])
    counts: Counter[tuple[int, int, int]] = Counter()
    for i in range(0, len(data), 4):
        if data[i] == 0xFF:
            counts[(data[i + 1], data[i + 2], data[i + 3])] += 1
    return counts


def labels(entries: tuple[MenuEntry, ...]) -> tuple[str, ...]:
    return tuple("-" if e.kind == "separator" else e.label for e in entries)


def tooltip_text(app: WaylandApp, item: ItemAddress) -> str:
    """The tooltip as a host shows it: its title, then its text."""
    bus = app.sway.bus
    assert bus is not None
    _icon_name, _icon, title, text = bus.item(item, "ToolTip")
    return f"{title}\n{text}".strip()


def test_the_item_shows_the_countdown_and_changes_with_it(
    make_app: Callable[[str], WaylandApp], sway: SwaySession
) -> None:
    app = make_app("2026-12-01 18:59:30")  # "<1m": amber; a minute later, "now": blue
    app.add(*INTERVIEW)
    app.start()
    item = app.item()
    bus = sway.bus
    assert bus is not None
    assert bus.item(item, "Status") in ("Active", "NeedsAttention")
    before = bus.item(item, "IconPixmap")
    assert before and all(w > 0 and h > 0 and len(data) == 4 * w * h for w, h, data in before)
    assert colours(before)[SOON_AMBER] >= 40, colours(before).most_common(5)
    sentence = tooltip_text(app, item)
    assert "Phone screen with Acme" in sentence, sentence
    assert "2:00 PM EST" in sentence and "7:00 PM your time" in sentence, sentence
    sway.wait_until(
        lambda: sway.colours(*TRAY_AREA)[SOON_AMBER] >= 40,
        timeout=10,
        what="the amber badge drawn in the bar",
    )
    sway.screenshot(SHOTS / "bar-countdown-soon.png", bar_only=True)

    app.set_time("2026-12-01 19:00:05")
    app.nudge()
    after = sway.wait_until(
        lambda: (p := bus.item(item, "IconPixmap")) != before and colours(p)[NOW_BLUE] >= 40 and p,
        timeout=10,
        what="the item's icon to turn to 'now'",
    )
    assert after != before
    assert tooltip_text(app, item) != sentence
    sway.wait_until(
        lambda: sway.colours(*TRAY_AREA)[NOW_BLUE] >= 40,
        timeout=10,
        what="the blue 'now' badge drawn in the bar",
    )
    shot = sway.screenshot(SHOTS / "bar-countdown-now.png", bar_only=True)
    assert shot.stat().st_size > 0


def test_the_menu_has_the_tray_menus_entries_and_they_work(
    make_app: Callable[[str], WaylandApp], sway: SwaySession
) -> None:
    app = make_app("2026-12-01 12:00:00")
    app.add(*INTERVIEW)
    app.start()
    item = app.item()
    # A host reads the menu's path once, when the item registers, while the tray may still
    # be starting: the early icon has its menu from the first moment.
    assert app.menu_when_registered not in (None, "/NO_DBUSMENU"), app.menu_when_registered
    bus = sway.bus
    assert bus is not None
    menu = bus.menu(item)
    status, *rest = menu
    assert "Acme" in status.label and not status.enabled, status
    assert labels(tuple(rest)) == MENU_BELOW_STATUS
    drafts = next(entry for entry in rest if entry.label == "Drafts")
    assert labels(drafts.children) == DRAFTS

    listing = next(entry for entry in rest if entry.label == "All interviews…")
    bus.click(item, listing)
    found = sway.wait_until(
        lambda: [w for w in windows(sway.tree()) if w.title.startswith("All interviews")],
        timeout=10,
        what="the 'All interviews' window after its menu entry was clicked",
    )
    assert app.child is not None and found[0].pid == app.child.pid


def test_activating_the_item_past_the_start_opens_the_guide(
    make_app: Callable[[str], WaylandApp], sway: SwaySession
) -> None:
    app = make_app("2026-12-01 19:01:00")  # one minute late; the guide opens by itself at 19:05
    app.add(*INTERVIEW, "--past")
    app.start()
    item = app.item()
    assert not [w for w in windows(sway.tree()) if w.title.startswith(GUIDE)]
    bus = sway.bus
    assert bus is not None
    bus.activate(item)
    guide = sway.wait_until(
        lambda: [w for w in windows(sway.tree()) if w.title.startswith(GUIDE)],
        timeout=10,
        what="the guide after the item was activated",
    )
    assert len(guide) == 1
