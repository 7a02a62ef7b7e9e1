"""Windows that open with everything visible, on a small screen and at 200 % alike.

A form taller than the screen goes in a scroll area (:func:`scrolling`) with its buttons
outside it, so Save is never below the bottom edge; :func:`fit_to_screen` then sizes the
window to show everything without scrolling wherever the screen has room, and keeps it
inside the screen's available area (what panels and docks leave).

Sizes are in Qt's logical pixels: at 200 % the same numbers cover twice the device pixels,
so one rule serves both (docs/decisions/077-windows-fit-the-screen.md).

A window that is a moment (a reminder, the guide) or the no-tray countdown is a dialog, and
:func:`float_at_size` makes a tiling compositor float it at the size placed here instead of
tiling it into a strip of the screen (docs/decisions/174-dialogs-float-on-tiling-desktops.md).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

MARGIN = 24  # logical px kept free around a window that had to be shrunk to the screen


def scrolling(content: QWidget, object_name: str) -> QScrollArea:
    """``content`` in a frameless scroll area that only scrolls when the screen is short."""
    area = QScrollArea()
    area.setObjectName(object_name)
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes straight to the first field
    return area


def wanted_size(window: QWidget, area: QScrollArea, min_width: int = 0) -> QSize:
    """The window's size with ``area``'s content shown in full (no scrolling)."""
    content = area.widget()
    outer = window.sizeHint()
    bar = area.verticalScrollBar().sizeHint().width()
    inner = content.sizeHint() if content is not None else QSize()
    width = max(outer.width(), inner.width() + 2 * area.frameWidth() + bar, min_width)
    inner_width = width - (outer.width() - area.sizeHint().width()) - bar
    if content is not None and content.hasHeightForWidth():
        inner_height = content.heightForWidth(max(inner_width, 1))
    else:
        inner_height = inner.height()
    height = outer.height() - area.sizeHint().height() + inner_height + 2 * area.frameWidth()
    return QSize(width, height)


def available(window: QWidget) -> QRect | None:
    """What the screen leaves for windows, less a margin; None off-screen (tests).

    Kept inside the screen itself: at 200 % on X11, Qt scales the panels' work area's size
    but not its offset, and reports an area reaching below the screen's bottom edge."""
    screen = window.screen()
    if screen is None:
        return None
    free = screen.availableGeometry().intersected(screen.geometry())
    return free.adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)


def place_on_screen(window: QWidget) -> None:
    """Before a window is first shown: no larger than the free part of the screen, and in
    the middle of it (where a window manager would put it, and where it lands even
    without one, rather than under a panel at the top left corner)."""
    room = available(window)
    if room is None:
        return
    resized = window.testAttribute(Qt.WidgetAttribute.WA_Resized)
    size = (window.size() if resized else window.sizeHint()).boundedTo(room.size())
    size = size.expandedTo(window.minimumSizeHint().boundedTo(room.size()))
    window.resize(size)
    window.move(room.center().x() - size.width() // 2, room.center().y() - size.height() // 2)


def float_at_size(window: QWidget) -> None:
    """Make ``window`` a dialog that a tiling compositor floats at its current size: the
    dialog window type (what i3 and XWayland read) and its width held, minimum = maximum
    (what sway and other Wayland compositors read from the size hints; the height stays
    free, so a longer text or a taller screen still has room). Call after sizing it."""
    window.setWindowFlag(Qt.WindowType.Dialog, True)
    window.setFixedWidth(window.width())


def fit_to_screen(window: QWidget, wanted: QSize, *, grow_only: bool = False) -> None:
    """Resize ``window`` to ``wanted``, no larger than the screen allows, and move it back
    inside the screen if it sticks out; ``grow_only`` never makes it smaller."""
    room = available(window)
    size = QSize(wanted)
    if grow_only:
        size = size.expandedTo(window.size())
    if room is not None:
        size = size.boundedTo(room.size())
    if size != window.size():
        window.resize(size)
    if room is not None and window.isVisible():
        keep_inside(window, room)


def keep_inside(window: QWidget, room: QRect) -> None:
    """Move ``window`` the least distance that brings its frame inside ``room``."""
    frame = window.frameGeometry()
    dx = max(room.left() - frame.left(), 0) or min(room.right() - frame.right(), 0)
    dy = max(room.top() - frame.top(), 0) or min(room.bottom() - frame.bottom(), 0)
    if dx or dy:
        window.move(window.pos().x() + dx, window.pos().y() + dy)
