"""The yardstick: a bare PySide6 tray app (a painted text icon and a menu), nothing else.

Every Crickets figure in bench/ is a ratio against this program measured in the same run.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon


def main() -> int:
    app = QApplication(sys.argv[:1])
    app.setApplicationName("bare")
    app.setApplicationDisplayName("Bare")
    pixmap = QPixmap(22, 22)
    pixmap.fill(QColor("#263238"))
    painter = QPainter(pixmap)
    painter.setPen(QColor("white"))
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, "42m")
    painter.end()
    menu = QMenu()
    menu.addAction("Quit", app.quit)
    tray = QSystemTrayIcon(QIcon(pixmap))
    tray.setContextMenu(menu)
    tray.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
