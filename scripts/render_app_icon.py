"""Render the app icon (resources/icons/hicolor/scalable/apps/crickets.svg) to the PNG sizes
the running app uses (resources/icons/raster/crickets-N.png).

The tray and the windows load these, not the SVG: an SVG icon makes Qt load its SVG icon
engine and libQt6Svg into a tray that otherwise never draws SVG (0.65 MiB at rest,
docs/decisions/180). Run it after changing the SVG; tests/gui/test_app_icon.py fails while
the PNGs and the SVG disagree.

    .venv/bin/python scripts/render_app_icon.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from crickets.ui.tray.early_icon import ICON_SIZES

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "resources" / "icons" / "hicolor" / "scalable" / "apps" / "crickets.svg"
RASTER = ROOT / "resources" / "icons" / "raster"


def render(size: int, svg: Path = SVG) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    return image


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(
        ["render_app_icon", "-platform", "offscreen"]
    )
    RASTER.mkdir(parents=True, exist_ok=True)
    for size in ICON_SIZES:
        target = RASTER / f"crickets-{size}.png"
        if not render(size).save(str(target), "PNG"):
            print(f"could not write {target}", file=sys.stderr)
            return 1
        print(target.relative_to(ROOT))
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
