"""The desktop's outlets as the application's ports see them: the clipboard
(:class:`~crickets.application.ports.Clipboard`), the mail app
(:class:`~crickets.application.ports.MailOutlet`) and whatever places calls
(:class:`~crickets.application.ports.Dialer`); and the file dialogs that ask where a file
goes or which one to read.

Each outlet says whether it worked, so a use case logs a step only when it really happened.
The composition root hands them to the use cases and the windows; tests give small fakes
(a chooser is a plain function: a test returns a path, or None for "cancelled").
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QClipboard, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QWidget

SavePathChooser = Callable[[str], Path | None]  # suggested file name -> chosen path or None
OpenPathChooser = Callable[[], Path | None]  # -> the chosen file, or None


class QtClipboard:
    """The system clipboard through Qt (needs a running QGuiApplication).

    On X11 the copied text is served by the app's event loop: another program can paste
    it for as long as Crickets runs (a clipboard manager keeps it after that).
    """

    def set_text(self, text: str) -> bool:
        """False only when there is no clipboard at all: Qt reports nothing more."""
        clipboard = QGuiApplication.clipboard()
        if clipboard is None:
            return False
        clipboard.setText(text, QClipboard.Mode.Clipboard)
        return True

    def text(self) -> str:
        clipboard = QGuiApplication.clipboard()
        return clipboard.text(QClipboard.Mode.Clipboard) if clipboard is not None else ""


class QtMailOutlet:
    """Hands a ``mailto:`` link to the desktop's mail app."""

    def open_mailto(self, url: str) -> bool:
        # The link is already percent-encoded: Qt must take it as it is, not encode it again.
        encoded = QUrl.fromEncoded(url.encode("ascii"), QUrl.ParsingMode.StrictMode)
        return QDesktopServices.openUrl(encoded)


def tel_url(number: str) -> str:
    """``tel:`` and the digits (and a leading ``+``): what every dialler understands."""
    return "tel:" + "".join(c for c in number if c.isdigit() or c == "+")


class QtDialer:
    """Hands a number to the desktop's ``tel:`` handler (a softphone, a paired phone)."""

    def dial(self, number: str) -> bool:
        return QDesktopServices.openUrl(QUrl(tel_url(number)))


def save_path_chooser(
    title: str, file_filter: str, *, in_documents: bool = False, parent: QWidget | None = None
) -> SavePathChooser:
    """A Save dialog suggesting the name it is given (in the Documents folder when asked)."""

    def choose(name: str) -> Path | None:
        if in_documents:
            documents = QStandardPaths.StandardLocation.DocumentsLocation
            name = str(Path(QStandardPaths.writableLocation(documents)) / name)
        chosen, _ = QFileDialog.getSaveFileName(parent, title, name, file_filter)
        return Path(chosen) if chosen else None

    return choose


def open_path_chooser(
    title: str, file_filter: str, *, parent: QWidget | None = None
) -> OpenPathChooser:
    """An Open dialog for one file."""

    def choose() -> Path | None:
        chosen, _ = QFileDialog.getOpenFileName(parent, title, "", file_filter)
        return Path(chosen) if chosen else None

    return choose
