"""The icon that goes up before the rest of Crickets loads (docs/decisions/179)."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu, QSystemTrayIcon
from pytest import MonkeyPatch
from pytestqt.qtbot import QtBot

from crickets.domain.display import IDLE
from crickets.ui.tray import early_icon
from crickets.ui.tray.early_icon import STARTING, EarlyIcon, show_early_icon
from crickets.ui.tray.tray_icon import Tray
from tests.gui.tray.test_tray import WAITING


def test_without_a_tray_nothing_is_shown_early(qtbot: QtBot) -> None:
    assert not QSystemTrayIcon.isSystemTrayAvailable()  # offscreen: no tray host
    assert show_early_icon() is None


def test_with_a_tray_the_app_icon_is_shown_saying_it_is_starting_with_a_menu(
    qtbot: QtBot, monkeypatch: MonkeyPatch
) -> None:
    shown: list[QSystemTrayIcon] = []
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", lambda: True)
    menus_when_shown: list[object] = []

    def show(icon: QSystemTrayIcon) -> None:
        shown.append(icon)
        menus_when_shown.append(icon.contextMenu())  # a host reads it as the icon goes up

    monkeypatch.setattr(QSystemTrayIcon, "show", show)
    early = show_early_icon()
    assert early is not None and shown == [early.icon]
    assert early.icon.toolTip() == STARTING
    assert not early.icon.icon().isNull()
    assert early.icon.objectName() == "tray.icon"
    # A StatusNotifierItem host reads the menu's path once, at registration: it is there.
    assert early.icon.contextMenu() is early.menu
    assert menus_when_shown == [early.menu]
    assert [a.text() for a in early.menu.actions()] == [STARTING]
    assert not early.menu.actions()[0].isEnabled()


def test_the_tray_takes_the_early_icon_and_menu_over_with_its_countdown(qtbot: QtBot) -> None:
    early = EarlyIcon(QSystemTrayIcon(early_icon.app_icon()), QMenu())
    early.icon.setToolTip(STARTING)
    early.icon.setContextMenu(early.menu)
    tray = Tray(early=early)
    assert tray.icon is early.icon and early.icon.parent() is tray
    assert tray.menu is early.menu and early.icon.contextMenu() is early.menu
    assert early.icon.toolTip() == IDLE.tooltip  # "starting" is gone once the tray is built
    assert STARTING not in [a.text() for a in tray.menu.actions()]
    assert tray.action("tray.quit") is not None
    tray.set_state(WAITING)
    assert early.icon.toolTip() == WAITING.tooltip
