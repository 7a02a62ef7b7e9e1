"""The desktop's outlets as the application's ports see them: the clipboard
(:class:`~crickets.application.ports.Clipboard`), the mail app
(:class:`~crickets.application.ports.MailOutlet`), whatever places calls
(:class:`~crickets.application.ports.Dialer`) and the browser for a meeting link
(:class:`~crickets.application.ports.LinkOpener`); and the file dialogs that ask where a
file goes or which one to read.

Each outlet says whether it worked, so a use case logs a step only when it really happened.
On Linux, Qt reports a link as opened as soon as ``xdg-open`` *starts*, even when it then
finds no mail app or dialler and exits with an error; :func:`open_url` runs ``xdg-open``
itself and reads its exit status (docs/decisions/070-honest-outlets.md).

The composition root hands them to the use cases and the windows; tests give small fakes
(a chooser is a plain function: a test returns a path, or None for "cancelled").
"""

from __future__ import annotations

import logging
import os
import select
import shutil
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QClipboard, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QWidget

if TYPE_CHECKING:
    import subprocess

SavePathChooser = Callable[[str], Path | None]  # suggested file name -> chosen path or None
OpenPathChooser = Callable[[], Path | None]  # -> the chosen file, or None

logger = logging.getLogger("crickets.outlets")

#: What a window says when a meeting link did not open, above the link to copy.
LINK_DID_NOT_OPEN = "The link did not open, so copy it into your browser:"

#: Seconds ``xdg-open`` gets to fail. It fails within a fraction of a second when nothing
#: handles the link; still running after this, it is running the handler (a generic
#: desktop's ``xdg-open`` waits for the mail app to close), which counts as opened.
LAUNCH_WAIT = 1.0


def open_url(url: str, *, wait: float = LAUNCH_WAIT) -> bool:
    """Hand ``url`` (already percent-encoded) to the desktop; True only when something took
    it. On Linux through ``xdg-open`` and its exit status; elsewhere through Qt, whose
    platforms report a failure there."""
    if sys.platform.startswith("linux"):
        return _xdg_open(url, wait)
    # The link is already percent-encoded: Qt must take it as it is, not encode it again.
    encoded = QUrl.fromEncoded(url.encode("ascii"), QUrl.ParsingMode.StrictMode)
    return QDesktopServices.openUrl(encoded)


def _xdg_open(url: str, wait: float) -> bool:
    opener = shutil.which("xdg-open")
    if opener is None:
        logger.info("no xdg-open on this system: nothing can open %s links", _scheme(url))
        return False
    import subprocess  # 0.8 MiB the tray at rest does without (docs/decisions/162)

    try:
        process = subprocess.Popen(
            [opener, url],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # a Ctrl+C in Crickets' terminal must not reach it
        )
    except OSError as error:
        logger.info("xdg-open could not start: %s", error)
        return False
    status = _exit_status(process, wait)
    if status is None:
        # Still running: it is running the handler. Reap it whenever it ends.
        threading.Thread(target=process.wait, name="xdg-open", daemon=True).start()
        return True
    if status != 0:
        logger.info("xdg-open found nothing to open %s links (status %s)", _scheme(url), status)
    return status == 0


def _exit_status(process: subprocess.Popen[bytes], wait: float) -> int | None:
    """The exit status within ``wait`` seconds, else None. Waits on a pidfd with ``select``
    (``Popen.wait(timeout)`` sleeps in small steps, which fails under libfaketime, the
    desktop tests' fake wall clock); without pidfds, polls in 20 ms steps."""
    try:
        pidfd = os.pidfd_open(process.pid)
    except (AttributeError, OSError):
        pidfd = None
    try:
        deadline = time.monotonic() + wait
        while (status := process.poll()) is None:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            step = left if pidfd is not None else min(left, 0.02)
            select.select([pidfd] if pidfd is not None else [], [], [], step)
        return status
    finally:
        if pidfd is not None:
            os.close(pidfd)


def _scheme(url: str) -> str:
    return url.partition(":")[0]


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
        return open_url(url)


def tel_url(number: str) -> str:
    """``tel:`` and the digits (and a leading ``+``): what every dialler understands."""
    return "tel:" + "".join(c for c in number if c.isdigit() or c == "+")


class QtDialer:
    """Hands a number to the desktop's ``tel:`` handler (a softphone, a paired phone)."""

    def dial(self, number: str) -> bool:
        digits = tel_url(number)
        return digits != "tel:" and open_url(digits)


class QtLinkOpener:
    """Opens a meeting link in the browser (which hands it on to the meeting app)."""

    def open_link(self, url: str) -> bool:
        link = QUrl(url.strip(), QUrl.ParsingMode.TolerantMode)
        if not link.isValid() or link.scheme() not in ("https", "http"):
            return False  # only a web address: a link from an invitation is not a command
        return open_url(link.toString(QUrl.ComponentFormattingOption.FullyEncoded))


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
