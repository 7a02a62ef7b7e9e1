"""What a person sees of an app's windows on the X server, and does to them: which are on
screen with which titles, closing one with its title bar's close button, and a desktop
whose panels leave less than the whole screen for windows.

There is no window manager in the test session, so "closing" is what a window manager
sends on a click of the close button: a ``WM_DELETE_WINDOW`` client message (the app may
still refuse it, as it would on a real desktop). Sent with libX11 through ctypes, as
``session.py`` already does for the tray selection.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass

from session import DesktopSession

_CLIENT_MESSAGE = 33


class _ClientMessage(ctypes.Structure):
    _fields_ = (
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("window", ctypes.c_ulong),
        ("message_type", ctypes.c_ulong),
        ("format", ctypes.c_int),
        ("data", ctypes.c_long * 5),
    )


class _Event(ctypes.Union):
    _fields_ = (("client", _ClientMessage), ("pad", ctypes.c_long * 24))


@dataclass(frozen=True)
class Shown:
    """One window on screen: its X id and the title the desktop shows."""

    id: str
    title: str


def visible(desktop: DesktopSession, wm_class: str = "crickets") -> list[Shown]:
    """The app's windows on screen now (its tray icon, embedded in the panel, left out)."""
    tray = {int(w.id, 16) for w in desktop.tray_children()}
    found = desktop.run(["xdotool", "search", "--onlyvisible", "--class", f"^{wm_class}$"])
    ids = [int(word) for word in found.stdout.split() if int(word) not in tray]
    return [Shown(hex(i), title(desktop, hex(i))) for i in ids]


def title(desktop: DesktopSession, window: str) -> str:
    """The title the desktop shows (``_NET_WM_NAME``, UTF-8)."""
    return desktop.run(["xdotool", "getwindowname", window]).stdout.rstrip("\n")


def set_work_area(desktop: DesktopSession, x: int, y: int, width: int, height: int) -> None:
    """Say, as a desktop with panels does, which part of the screen windows may use."""
    area = f"{x}, {y}, {width}, {height}"
    desktop.run(
        ["xprop", "-root", "-f", "_NET_WORKAREA", "32c", "-set", "_NET_WORKAREA", area],
        check=True,
    )


def close(desktop: DesktopSession, window: str) -> None:
    """Ask ``window`` to close, as a click on its title bar's close button does."""
    x11 = ctypes.CDLL("libX11.so.6")
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x11.XInternAtom.restype = ctypes.c_ulong
    x11.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    x11.XSendEvent.argtypes = [
        ctypes.c_void_p,
        ctypes.c_ulong,
        ctypes.c_int,
        ctypes.c_long,
        ctypes.POINTER(_Event),
    ]
    x11.XFlush.argtypes = [ctypes.c_void_p]
    x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
    assert desktop.display is not None
    connection = x11.XOpenDisplay(desktop.display.encode())
    assert connection, f"cannot open display {desktop.display}"
    try:
        event = _Event()
        message = event.client
        message.type = _CLIENT_MESSAGE
        message.window = int(window, 16)
        message.message_type = x11.XInternAtom(connection, b"WM_PROTOCOLS", 0)
        message.format = 32
        message.data[0] = x11.XInternAtom(connection, b"WM_DELETE_WINDOW", 0)
        message.data[1] = 0  # CurrentTime
        x11.XSendEvent(connection, int(window, 16), 0, 0, ctypes.byref(event))
        x11.XFlush(connection)
    finally:
        x11.XCloseDisplay(connection)
