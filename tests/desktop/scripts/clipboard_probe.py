"""Put TEXT on the clipboard and keep serving it until "quit" or EOF on stdin.

Usage: clipboard_probe.py TEXT

Prints "owner True|False" once the event loop runs (the X selection is only served while
it does). Run with the desktop session env (QT_QPA_PLATFORM=xcb).
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QSocketNotifier, QTimer
from PySide6.QtGui import QGuiApplication


def main() -> int:
    text = sys.argv[1]
    app = QGuiApplication(sys.argv[:1])
    app.setApplicationName("Crickets clipboard probe")
    clipboard = QGuiApplication.clipboard()
    clipboard.setText(text)

    def on_stdin() -> None:
        data = os.read(sys.stdin.fileno(), 4096)
        if not data or b"quit" in data:
            app.quit()

    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    notifier.activated.connect(on_stdin)
    QTimer.singleShot(0, lambda: print(f"owner {clipboard.ownsClipboard()}", flush=True))
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
