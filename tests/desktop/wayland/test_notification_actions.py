"""The overdue guide's notification and its actions, on Wayland with mako (issue 17).

A Wayland window cannot bring itself to the front, so when the guide opens by itself it comes
with a notification that offers "Open the guide" (``open-guide``) and "They called"
(``they-called``). The actions are invoked with ``makoctl invoke``, as a click on them would.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from wayland.sway_session import SwaySession
from wayland.sway_tree import windows_of
from wayland.wayland_app import WaylandApp

INTERVIEW = (
    *("--at", "2026-12-01 14:00", "--tz", "America/New_York", "--past"),
    *("--company", "Acme", "--role", "Phone screen", "--phone", "+1 415 555 0134"),
)
GUIDE = "They haven't called"
SUMMARY = "They haven't called yet"
ACTIONS = {"open-guide": "Open the guide", "they-called": "They called"}


def guide_open(sway: SwaySession, app: WaylandApp) -> bool:
    assert app.child is not None
    return any(w.title.startswith(GUIDE) for w in windows_of(sway.tree(), app.child.pid))


def overdue_with_its_notification(
    make_app: Callable[[str], WaylandApp], sway: SwaySession
) -> tuple[WaylandApp, dict[str, Any]]:
    """The app reaching five minutes past the start: the guide opens by itself, with its
    notification in mako."""
    sway.makoctl("dismiss", "--all")
    app = make_app("2026-12-01 19:04:30")
    app.add(*INTERVIEW)
    app.start()
    app.item()
    app.set_time("2026-12-01 19:05:30")
    app.nudge()
    sway.wait_until(lambda: guide_open(sway, app), timeout=15, what="the guide")
    notes = sway.wait_until(
        lambda: [n for n in sway.notifications() if n["summary"] == SUMMARY],
        timeout=10,
        what=f"the {SUMMARY!r} notification in mako",
    )
    assert len(notes) == 1, notes
    return app, notes[0]


def test_the_guides_notification_offers_its_actions_and_opens_it(
    make_app: Callable[[str], WaylandApp], sway: SwaySession
) -> None:
    app, note = overdue_with_its_notification(make_app, sway)
    assert note["app-name"] == "Crickets"
    assert "Phone screen with Acme" in note["body"]
    assert {key: note["actions"].get(key) for key in ACTIONS} == ACTIONS
    assert app.child is not None
    # The person closes the guide, then clicks "Open the guide" in the notification.
    sway.swaymsg(f"[pid={app.child.pid}]", "kill")
    sway.wait_until(lambda: not guide_open(sway, app), timeout=10, what="the guide to close")
    sway.makoctl("invoke", "-n", str(note["id"]), "open-guide")
    sway.wait_until(
        lambda: guide_open(sway, app), timeout=10, what="the guide after 'Open the guide'"
    )


def test_they_called_from_the_notification_starts_the_call(
    make_app: Callable[[str], WaylandApp], sway: SwaySession
) -> None:
    app, note = overdue_with_its_notification(make_app, sway)
    assert [i["phase"] for i in app.status()["interviews"]] == ["overdue"]
    sway.makoctl("invoke", "-n", str(note["id"]), "they-called")
    phases = sway.wait_until(
        lambda: (p := [i["phase"] for i in app.status()["interviews"]]) != ["overdue"] and p,
        timeout=10,
        what="the interview to leave 'overdue' after 'They called'",
    )
    assert phases == ["in-call"]
