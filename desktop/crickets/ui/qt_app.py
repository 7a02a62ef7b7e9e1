"""The one QApplication, and the one message shown when Crickets cannot start at all."""

from __future__ import annotations

import builtins
import sys

from PySide6.QtWidgets import QApplication


def plain_imports() -> None:
    """Give Python its own ``import`` back after PySide6 loaded (docs/decisions/179).

    PySide6 replaces ``builtins.__import__`` with a hook for its opt-in ``__feature__``
    switches (snake_case names, true properties), which Crickets does not use: after every
    later import the hook reads the new module's whole source through ``linecache`` to look
    for the word "PySide6", and the cache keeps it, about 4 MiB of source text for the
    modules the tray loads, plus the reading on every start. Without the hook a module simply
    keeps PySide6's default (no feature switched on), which is what Crickets runs with.
    """
    original = getattr(builtins, "__orig_import__", None)
    if original is not None and builtins.__import__ is getattr(builtins, "__feature_import__", 0):
        builtins.__import__ = original


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
    from PySide6.QtWidgets import QMessageBox  # only when the start fails

    app = QApplication.instance() or QApplication([])
    box = QMessageBox(QMessageBox.Icon.Critical, "Cannot start", message)
    box.setObjectName("fatal")
    box.exec()
    del app
