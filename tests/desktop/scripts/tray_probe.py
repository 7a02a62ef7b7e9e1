"""Show a tray icon painted in one colour, report on stdout, quit on "quit" or EOF on stdin.

Usage: tray_probe.py APP_NAME COLOR   (COLOR like "#d81b60")

Prints "available True|False" (QSystemTrayIcon.isSystemTrayAvailable()), then "shown" once
the icon is shown. Run with the desktop session env (QT_QPA_PLATFORM=xcb).
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QSocketNotifier, QTimer
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QSystemTrayIcon


def main() -> int:
    app_name, color = sys.argv[1], sys.argv[2]
    app = QApplication(sys.argv[:1])
    app.setApplicationName(app_name)
    app.setQuitOnLastWindowClosed(False)

    print(f"available {QSystemTrayIcon.isSystemTrayAvailable()}", flush=True)

    pixmap = QPixmap(64, 64)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.fillRect(pixmap.rect(), QColor(color))
    painter.end()
    tray = QSystemTrayIcon(QIcon(pixmap))
    tray.setToolTip(app_name)

    def on_stdin() -> None:
        data = os.read(sys.stdin.fileno(), 4096)
        if not data or b"quit" in data:
            app.quit()

    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    notifier.activated.connect(on_stdin)

    def show() -> None:
        tray.show()
        print("shown", flush=True)

    QTimer.singleShot(0, show)
    code = app.exec()
    tray.hide()
    return code


if __name__ == "__main__":
    sys.exit(main())
