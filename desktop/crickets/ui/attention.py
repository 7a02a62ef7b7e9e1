"""Bringing a moment's window (a reminder, the guide) in front of the person, or, where the
desktop does not let an application take the focus, asking for their attention.

On X11 a window can raise and activate itself. On Wayland it cannot: Qt turns
``activateWindow`` into an xdg-activation request, and ``QApplication.alert`` into the
compositor's urgency hint, and a compositor may ignore both for a window whose first frame is
not on screen yet (sway 1.7 does). So the request is made at once and again one turn of the
event loop later, when the window has been mapped (docs/decisions/176).
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget


def bring_forward(window: QWidget) -> None:
    """Show, raise and activate ``window``; repeat the request after the first frame."""
    window.show()
    _ask(window)
    # The window is the timer's context: a window closed meanwhile cancels the repeat.
    QTimer.singleShot(0, window, lambda: _ask(window))


def _ask(window: QWidget) -> None:
    if not window.isVisible():
        return  # closed or hidden in the meantime: nothing to ask for
    window.raise_()
    window.activateWindow()  # on Wayland: an xdg-activation request (Qt makes it)
    QApplication.alert(window)  # urgent where the focus cannot be taken; no-op if active
