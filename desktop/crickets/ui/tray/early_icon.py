"""The app's icon in the tray before the rest of Crickets loads (docs/decisions/179).

Everything after this point (the store and its key, the controller, the menu, the windows'
registry) takes longer than Qt itself to load; a person who starts Crickets looks at the
tray, so the icon goes up first, with the app's own picture and a tooltip saying it is
starting, and the countdown replaces that picture as soon as the rest is ready
(:class:`~crickets.ui.tray.tray_icon.Tray` adopts this same icon and menu: the icon is never
shown twice, and a StatusNotifierItem host, which reads an item's menu path once, when the
item registers, finds the menu there from the start).

Imports nothing of Crickets beyond :mod:`crickets.resources`, so it costs what a bare tray
costs.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from crickets import resources

STARTING = "Crickets is starting…"


#: The app icon's PNG sizes (scripts/render_app_icon.py renders them from the SVG).
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    """The app's icon from its PNGs: an SVG would load Qt's SVG engine and libQt6Svg into
    a tray that never otherwise draws SVG (docs/decisions/180)."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(
            str(resources.path("icons", "raster", f"crickets-{size}.png")), QSize(size, size)
        )
    return icon


@dataclass(frozen=True)
class EarlyIcon:
    icon: QSystemTrayIcon
    menu: QMenu  # its menu from the first moment: a StatusNotifierItem host reads the
    # item's menu once, when it registers, so the item never goes up without one


def show_early_icon() -> EarlyIcon | None:
    """The icon, shown, when a tray is there; None when none is (the countdown window
    takes its place later: :class:`~crickets.ui.tray.placement.TrayPlacement`)."""
    if not QSystemTrayIcon.isSystemTrayAvailable():
        return None
    menu = QMenu()
    menu.setObjectName("tray.menu")
    menu.addAction(STARTING).setEnabled(False)
    icon = QSystemTrayIcon(app_icon())
    icon.setObjectName("tray.icon")
    icon.setToolTip(STARTING)
    icon.setContextMenu(menu)
    icon.show()
    return EarlyIcon(icon, menu)
