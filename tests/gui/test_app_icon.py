"""The idle icon (the app logo), a counting-down badge and the in-call handset look clearly
different, in shape and in colour, at the sizes a tray uses (issue 13)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from crickets.domain.display import Tone
from crickets.ui.tray.badge_icon import render
from crickets.ui.tray.early_icon import app_icon


def pixels(image: QImage) -> list[QColor]:
    return [image.pixelColor(x, y) for y in range(image.height()) for x in range(image.width())]


def logo(size: int) -> QImage:
    return app_icon().pixmap(size, size).toImage().convertToFormat(QImage.Format.Format_ARGB32)


def state(tone: Tone, badge: str, size: int) -> QImage:
    return (
        render(tone, badge, size, dark_panel=False)
        .toImage()
        .convertToFormat(QImage.Format.Format_ARGB32)
    )


def share_different(a: QImage, b: QImage) -> float:
    """The share of pixels whose colours differ by more than a glance would forgive."""
    pairs = list(zip(pixels(a), pixels(b), strict=True))
    far = [
        1
        for p, q in pairs
        if abs(p.red() - q.red()) + abs(p.green() - q.green()) + abs(p.blue() - q.blue()) > 120
        or abs(p.alpha() - q.alpha()) > 120
    ]
    return len(far) / len(pairs)


def hue_of_plate(image: QImage) -> int:
    """The hue of the most common opaque colour: the plate."""
    counts: dict[int, int] = {}
    for colour in pixels(image):
        if colour.alpha() > 200 and colour.hsvSaturation() > 60:
            counts[colour.hsvHue()] = counts.get(colour.hsvHue(), 0) + 1
    return max(counts, key=lambda hue: counts[hue])


@pytest.mark.parametrize("size", [22, 32])
def test_the_logo_is_not_the_in_call_handset(qtbot: QtBot, size: int) -> None:
    idle, in_call = logo(size), state(Tone.IN_CALL, "", size)
    assert share_different(idle, in_call) > 0.5
    assert abs(hue_of_plate(idle) - hue_of_plate(in_call)) > 60  # not two greens


@pytest.mark.parametrize("size", [22, 32])
def test_idle_and_counting_down_look_different(qtbot: QtBot, size: int) -> None:
    assert share_different(logo(size), state(Tone.CALM, "5h", size)) > 0.4
