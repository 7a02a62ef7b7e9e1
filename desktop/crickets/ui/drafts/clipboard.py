"""The clipboard, behind a one-method port so windows can be tested with a fake.

On X11 the copied text is served by the app's event loop: another program can paste it
for as long as Crickets runs (a clipboard manager keeps it after that).
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QClipboard, QGuiApplication


class ClipboardPort(Protocol):
    def set_text(self, text: str) -> None: ...


class QtClipboard:
    """The system clipboard through Qt (needs a running QGuiApplication)."""

    def set_text(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text, QClipboard.Mode.Clipboard)

    def text(self) -> str:
        return QGuiApplication.clipboard().text(QClipboard.Mode.Clipboard)


class MemoryClipboard:
    """Keeps the last text in memory: for tests, and where no clipboard exists."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def set_text(self, text: str) -> None:
        self.texts.append(text)

    def text(self) -> str:
        return self.texts[-1] if self.texts else ""
