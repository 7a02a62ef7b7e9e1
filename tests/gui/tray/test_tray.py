from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QAction, QColor, QImage, QPixmap, QPixmapCache
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from crickets.domain.display import IDLE, Tone, TrayState, tray_state
from crickets.domain.drafts import DraftKind
from crickets.domain.phases import Phase
from crickets.domain.settings import Settings
from crickets.ui.tray.badge_icon import SIZES, _fitted_font, plate_colours, render
from crickets.ui.tray.tray_icon import DRAFT_KINDS, STATUS_CHARS, Tray
from tests.builders import make_interview

LATE = datetime(2026, 12, 1, 19, 7, tzinfo=UTC)  # 2:07 PM in New York

WAITING = TrayState(
    3,
    Phase.OVERDUE,
    Tone.OVERDUE,
    "+7m",
    "Phone screen with Acme: started 7 min ago",
    "Phone screen with Acme: started 7 min ago",
)
IN_CALL = TrayState(3, Phase.IN_CALL, Tone.IN_CALL, "", "In the call", "In the call")


def names(tray: Tray) -> list[str]:
    return [a.objectName() for a in tray.menu.actions() if a.objectName()]


def action(tray: Tray, name: str) -> QAction:
    found = tray.action(name)
    assert found is not None, name
    return found


def test_menu_lists_every_action_in_order_with_a_disabled_status_line(qtbot: QtBot) -> None:
    tray = Tray()
    tray.set_state(WAITING)
    tray.rebuild_menu()
    assert names(tray) == [
        "tray.status",
        "tray.next",
        "tray.they_called",
        "tray.havent_called",
        "tray.missed_call",
        "tray.add",
        "tray.import",
        "tray.list",
        "tray.settings",
        "tray.quit",
    ]
    status = tray.action("tray.status")
    assert status is not None and not status.isEnabled()
    assert status.text().startswith("Phone screen with Acme")
    submenu = tray.menu.findChild(QMenu, "tray.drafts")
    assert submenu is not None
    drafts = [a.objectName() for a in submenu.actions()]
    assert drafts == [f"tray.drafts.{kind.value}" for kind in DRAFT_KINDS]


def test_actions_emit_intents_for_the_focused_interview(qtbot: QtBot) -> None:
    tray = Tray()
    tray.set_state(WAITING)
    tray.rebuild_menu()
    with qtbot.waitSignal(tray.havent_called_requested) as blocker:
        action(tray, "tray.havent_called").trigger()
    assert blocker.args == [3]
    with qtbot.waitSignal(tray.drafts_requested) as blocker:
        action(tray, "tray.drafts.follow-up").trigger()
    assert blocker.args == [DraftKind.FOLLOW_UP]
    with qtbot.waitSignal(tray.quit_requested):
        action(tray, "tray.quit").trigger()


def test_idle_menu_disables_call_actions(qtbot: QtBot) -> None:
    tray = Tray()
    tray.set_state(IDLE)
    tray.rebuild_menu()
    assert tray.action("tray.next") is None
    assert not action(tray, "tray.they_called").isEnabled()
    assert action(tray, "tray.add").isEnabled()


def test_in_call_menu_offers_to_end_the_call(qtbot: QtBot) -> None:
    tray = Tray()
    tray.set_state(IN_CALL)
    tray.rebuild_menu()
    assert tray.action("tray.they_called") is None
    with qtbot.waitSignal(tray.call_over_requested) as blocker:
        action(tray, "tray.call_over").trigger()
    assert blocker.args == [3]


def test_rebuilding_the_menu_leaves_one_drafts_submenu(qtbot: QtBot) -> None:
    tray = Tray()
    for _ in range(5):
        tray.menu.aboutToShow.emit()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert len(tray.menu.findChildren(QMenu, "tray.drafts")) == 1


def test_menu_is_rebuilt_when_it_opens(qtbot: QtBot) -> None:
    tray = Tray()
    tray.set_state(IDLE)
    tray.rebuild_menu()
    tray.set_state(WAITING)
    tray.menu.aboutToShow.emit()
    assert action(tray, "tray.status").text().startswith("Phone screen")


def test_tooltip_is_the_full_sentence(qtbot: QtBot) -> None:
    tray = Tray()
    tray.set_state(WAITING)
    assert tray.icon.toolTip() == WAITING.tooltip


def _ink_pixels(image: QImage, ink: QColor) -> int:
    return sum(
        1
        for x in range(image.width())
        for y in range(image.height())
        if abs(image.pixelColor(x, y).red() - ink.red()) < 40
        and abs(image.pixelColor(x, y).green() - ink.green()) < 40
        and abs(image.pixelColor(x, y).blue() - ink.blue()) < 40
        and image.pixelColor(x, y).alpha() > 200
    )


def test_badge_pixels_change_with_the_text_and_tone(qtbot: QtBot) -> None:
    a = render(Tone.CALM, "42m", 22, dark_panel=False).toImage()
    b = render(Tone.CALM, "41m", 22, dark_panel=False).toImage()
    c = render(Tone.OVERDUE, "+7m", 22, dark_panel=False).toImage()
    assert a != b and a != c
    plate, _ = plate_colours(Tone.OVERDUE, dark_panel=False)
    assert c.pixelColor(11, 1) == plate


def test_badge_text_is_drawn_at_every_size_and_on_hidpi(qtbot: QtBot) -> None:
    for size in SIZES:
        for ratio in (1.0, 2.0):
            pixmap = render(Tone.SOON, "42m", size, dark_panel=True, ratio=ratio)
            assert pixmap.width() == round(size * ratio)
            _, ink = plate_colours(Tone.SOON, dark_panel=True)
            assert _ink_pixels(pixmap.toImage(), ink) > size * ratio  # real strokes of text


def test_calm_badge_follows_the_panel() -> None:
    light_panel, _ = plate_colours(Tone.CALM, dark_panel=False)
    dark_panel, _ = plate_colours(Tone.CALM, dark_panel=True)
    assert light_panel.lightness() < 100 < dark_panel.lightness()


def test_small_sizes_drop_the_minute_unit_only() -> None:
    from crickets.ui.tray.badge_icon import small_badge

    assert [small_badge(b, 16) for b in ("42m", "+59m", "<1m", "now", "5h", "3d")] == [
        "42",
        "+59",
        "<1",
        "now",
        "5h",
        "3d",
    ]
    assert small_badge("42m", 22) == "42m"


def _late_with_long_names() -> TrayState:
    """What the tray shows 7 minutes into a late call with long names, in two zones."""
    interview = make_interview(
        company="Northwind Traders International", role="Senior Customer Success Associate"
    )
    return tray_state([interview], Settings(), "Europe/London", LATE)


def test_the_menu_says_where_things_stand_once(qtbot: QtBot) -> None:
    tray = Tray()
    state = _late_with_long_names()
    tray.set_state(state)
    tray.rebuild_menu()
    texts = [a.text() for a in tray.menu.actions() if a.text()]
    said = [t for t in texts if "started" in t.lower() or "Senior Customer" in t]
    assert len(said) == 1, texts
    status = action(tray, "tray.status")
    assert status.text().startswith("Started 7 min ago")  # what matters first, then whose
    assert status.toolTip() == state.tooltip  # the whole sentence, both zones


def test_no_brackets_inside_brackets_in_the_menu_or_the_tooltip(qtbot: QtBot) -> None:
    tray = Tray()
    state = _late_with_long_names()
    tray.set_state(state)
    tray.rebuild_menu()
    for text in (action(tray, "tray.status").text(), tray.icon.toolTip()):
        depth = 0
        for char in text:
            depth += {"(": 1, ")": -1}.get(char, 0)
            assert depth <= 1, text
    assert "2:00 PM EST, 7:00 PM your time" in tray.icon.toolTip()


def test_the_menu_keeps_a_readable_width(qtbot: QtBot) -> None:
    tray = Tray()
    tray.set_state(_late_with_long_names())
    tray.rebuild_menu()
    chars = tray.menu.fontMetrics().averageCharWidth()
    assert tray.menu.sizeHint().width() <= (STATUS_CHARS + 12) * chars  # and its margins
    short = Tray()
    short.set_state(IDLE)
    short.rebuild_menu()
    assert tray.menu.sizeHint().width() < 2 * short.menu.sizeHint().width()


def test_the_icon_is_redrawn_only_when_its_picture_changes(qtbot: QtBot) -> None:
    """Each redraw wakes the tray host and Qt's pixmap cache: a new tooltip alone (the
    countdown's sentence) keeps the icon; a new badge text or tone draws a new one."""
    tray = Tray()
    tray.set_state(WAITING)
    drawn = tray.icon.icon().cacheKey()
    sentence = "Phone screen with Acme: started 7 min ago (2:00 PM)"
    tray.set_state(replace(WAITING, tooltip=sentence, status_line=sentence))
    assert tray.icon.icon().cacheKey() == drawn
    assert tray.icon.toolTip() == sentence
    tray.set_state(replace(WAITING, badge="+8m"))
    assert tray.icon.icon().cacheKey() != drawn
    redrawn = tray.icon.icon().cacheKey()
    tray.set_state(IN_CALL)
    assert tray.icon.icon().cacheKey() != redrawn


def test_a_redraw_leaves_qts_pixmap_cache_empty_so_its_timer_stops(qtbot: QtBot) -> None:
    """QIcon caches each pixmap it hands out, and a non-empty cache runs a clean-up timer
    that wakes the tray for a minute after each redraw (docs/decisions/165)."""
    tray = Tray()
    tray.set_state(WAITING)
    cached = QPixmapCache.insert(QPixmap(4, 4))
    assert QPixmapCache.find(cached, QPixmap())
    tray.set_state(replace(WAITING, badge="+8m"))
    qtbot.waitUntil(lambda: not QPixmapCache.find(cached, QPixmap()))


def test_the_badges_fonts_are_kept_between_redraws() -> None:
    """A font let go is unloaded by Qt's font cache on a 10 s timer, then loaded again."""
    assert _fitted_font("42m", 22) is _fitted_font("41m", 22)
