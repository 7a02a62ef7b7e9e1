"""The idle icon (the app logo), a counting-down badge and the in-call handset look clearly
different, in shape and in colour, at the sizes a tray uses (issue 13)."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from crickets import resources
from crickets.domain.display import Tone
from crickets.ui.tray.badge_icon import render
from crickets.ui.tray.early_icon import ICON_SIZES, app_icon

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "render_app_icon.py"


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


def _render_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("render_app_icon", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("size", ICON_SIZES)
def test_the_icon_pngs_are_the_svg_rendered(qtbot: QtBot, size: int) -> None:
    """The PNGs the app loads are what scripts/render_app_icon.py makes of the SVG today:
    change the SVG without rendering them again and this fails."""
    fresh = _render_script().render(size).convertToFormat(QImage.Format.Format_ARGB32)
    stored = QImage(str(resources.path("icons", "raster", f"crickets-{size}.png")))
    assert stored.width() == stored.height() == size
    assert share_different(fresh, stored.convertToFormat(QImage.Format.Format_ARGB32)) < 0.01


@pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="reads /proc/self/maps")
def test_drawing_the_app_icon_and_a_badge_loads_no_svg_code() -> None:
    """At rest the tray draws the app icon or a badge; neither may pull in Qt's SVG engine
    (0.65 MiB of libQt6Svg mapped for as long as the tray runs: docs/decisions/180)."""
    script = (
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication(['probe'])\n"
        "from crickets.domain.display import Tone\n"
        "from crickets.ui.tray.badge_icon import badge_icon\n"
        "from crickets.ui.tray.early_icon import app_icon\n"
        "assert not app_icon().pixmap(44, 44).isNull()\n"
        "badge_icon(Tone.CALM, '1d', False, 2.0).pixmap(44, 44)\n"
        "print('libQt6Svg' in open('/proc/self/maps').read())\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"
