"""The one QApplication, and the one message shown when Crickets cannot start at all."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMessageBox


def create_application() -> QApplication:
    """The one QApplication, named for the desktop and kept alive with no window open."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("crickets")
    app.setApplicationDisplayName("Crickets")
    app.setDesktopFileName("crickets")
    app.setQuitOnLastWindowClosed(False)
    return app


def show_fatal(message: str) -> None:
    """One clear message when the app cannot start at all (never a traceback)."""
    app = QApplication.instance() or QApplication([])
    box = QMessageBox(QMessageBox.Icon.Critical, "Cannot start", message)
    box.setObjectName("fatal")
    box.exec()
    del app
