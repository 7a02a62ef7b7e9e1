"""The tray icon with the countdown drawn into it (text beside a tray icon is macOS-only).

Every tone has its own shape cue as well as its colour, so nothing depends on colour alone:
the overdue badge reads ``+7m``, the in-call icon shows a handset, idle shows the app icon.
The calm badge follows the panel: dark plate on a light panel, light plate on a dark one.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QIcon, QPainter, QPainterPath, QPixmap

from crickets.domain.display import Tone
from crickets.ui.tray.early_icon import app_icon

SIZES = (16, 22, 24, 32, 48, 64)

# (plate, text) per tone; CALM is chosen from the panel's lightness.
_COLOURS = {
    Tone.SOON: ("#f6c945", "#1b1b1b"),
    Tone.NOW: ("#1a73e8", "#ffffff"),
    Tone.OVERDUE: ("#c5221f", "#ffffff"),
    Tone.IN_CALL: ("#188038", "#ffffff"),
}
_CALM_ON_LIGHT = ("#263238", "#ffffff")
_CALM_ON_DARK = ("#eceff1", "#111111")


def plate_colours(tone: Tone, dark_panel: bool) -> tuple[QColor, QColor]:
    plate, text = _COLOURS.get(tone, _CALM_ON_DARK if dark_panel else _CALM_ON_LIGHT)
    return QColor(plate), QColor(text)


def _handset(size: int) -> QPainterPath:
    """A phone handset filling most of a ``size`` square."""
    s = size / 16
    path = QPainterPath()
    path.moveTo(4.2 * s, 2.6 * s)
    path.cubicTo(5.0 * s, 1.8 * s, 6.0 * s, 2.0 * s, 6.6 * s, 2.9 * s)
    path.lineTo(7.4 * s, 4.4 * s)
    path.cubicTo(7.7 * s, 5.0 * s, 7.5 * s, 5.6 * s, 7.0 * s, 6.0 * s)
    path.lineTo(6.4 * s, 6.5 * s)
    path.cubicTo(7.0 * s, 7.8 * s, 8.2 * s, 9.0 * s, 9.5 * s, 9.6 * s)
    path.lineTo(10.0 * s, 9.0 * s)
    path.cubicTo(10.4 * s, 8.5 * s, 11.0 * s, 8.3 * s, 11.6 * s, 8.6 * s)
    path.lineTo(13.1 * s, 9.4 * s)
    path.cubicTo(14.0 * s, 10.0 * s, 14.2 * s, 11.0 * s, 13.4 * s, 11.8 * s)
    path.lineTo(12.4 * s, 12.8 * s)
    path.cubicTo(11.4 * s, 13.8 * s, 9.8 * s, 14.0 * s, 8.4 * s, 13.3 * s)
    path.cubicTo(5.6 * s, 11.9 * s, 4.1 * s, 10.4 * s, 2.7 * s, 7.6 * s)
    path.cubicTo(2.0 * s, 6.2 * s, 2.2 * s, 4.6 * s, 3.2 * s, 3.6 * s)
    path.closeSubpath()
    return path


def small_badge(badge: str, size: int) -> str:
    """Below 20 px a minute count drops its unit (``42``, ``+59``, ``<1``): minutes are the
    common case and every character left is larger; hours and days keep theirs."""
    if size < 20 and badge.endswith("m") and badge != "now":
        return badge[:-1]
    return badge


#: The badge's fonts, kept between redraws: a font let go is unloaded by Qt's font cache on
#: a 10 s timer and loaded again a minute later, for nothing (docs/decisions/165).
_FONTS: dict[tuple[bool, int], QFont] = {}


def _badge_font(condensed: bool, pixels: int) -> QFont:
    font = _FONTS.get((condensed, pixels))
    if font is None:
        font = QFont()
        font.setBold(True)
        if condensed:
            font.setStretch(QFont.Stretch.Condensed)
        font.setPixelSize(pixels)
        _FONTS[condensed, pixels] = font
    return font


def _fitted_font(text: str, size: int) -> QFont:
    condensed, room = len(text) >= 3, size * 0.92
    pixels = max(6, round(size * 0.62))
    font = _badge_font(condensed, pixels)
    while pixels > 6 and QFontMetricsF(font).horizontalAdvance(text) > room:
        pixels -= 1
        font = _badge_font(condensed, pixels)
    return font


def render(tone: Tone, badge: str, size: int, dark_panel: bool, ratio: float = 1.0) -> QPixmap:
    """One square pixmap of ``size`` logical pixels at device pixel ``ratio``."""
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    plate, ink = plate_colours(tone, dark_panel)
    box = QRectF(0.5, 0.5, size - 1, size - 1)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(plate)
    painter.drawRoundedRect(box, size * 0.22, size * 0.22)
    if tone is Tone.IN_CALL or not badge:
        painter.setBrush(ink)
        painter.drawPath(_handset(size))
    else:
        text = small_badge(badge, size)
        painter.setPen(ink)
        painter.setFont(_fitted_font(text, size))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return pixmap


def badge_icon(tone: Tone, badge: str, dark_panel: bool, ratio: float = 1.0) -> QIcon:
    """The tray icon for a state; the idle state is the app icon itself."""
    if tone is Tone.IDLE:
        return app_icon()
    icon = QIcon()
    for size in SIZES:
        icon.addPixmap(render(tone, badge, size, dark_panel, ratio))
    return icon
