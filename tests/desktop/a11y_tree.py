"""Reading the real app's windows as a screen reader does: over AT-SPI, the desktop's
accessibility bus, so a desktop test can check the words and ticks a window shows.

``AccessibilityBus`` starts ``at-spi-bus-launcher`` on the session's D-Bus (our private bus
has no service activation, so nothing starts it behind our back) with accessibility left
*off* for everyone; only a program started with :data:`ACCESSIBLE_ENV` (Qt's "always on")
joins it, so other tests' programs are unaffected. The tree is read with ``jeepney`` (no
pyatspi or GObject): a window becomes a :class:`Node` with every descendant's name, role and
states. ``stop()`` ends the launcher by its PID.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from session import Child, DesktopSession

LAUNCHERS = ("/usr/libexec/at-spi-bus-launcher", "/usr/lib/at-spi2-core/at-spi-bus-launcher")
PACKAGE = "at-spi2-core"
ACCESSIBLE_ENV = {"QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1"}
_CHECKED = 4  # ATSPI_STATE_CHECKED: bit 4 of the first word of GetState
_SHOWING = 25  # ATSPI_STATE_SHOWING
_ROOT = "/org/a11y/atspi/accessible/root"
_ACCESSIBLE = "org.a11y.atspi.Accessible"
_WITH_TEXT = frozenset({"text", "paragraph"})  # Qt's labels speak through their name


def launcher() -> str | None:
    found = [path for path in LAUNCHERS if Path(path).exists()]
    return found[0] if found else shutil.which("at-spi-bus-launcher")


@dataclass(frozen=True)
class Node:
    name: str  # the accessible name: a label's text unless the app named it otherwise
    role: str
    states: frozenset[int]
    children: tuple[Node, ...]
    text: str = ""  # what a label or text field shows, when it has a name of its own

    @property
    def checked(self) -> bool:
        return _CHECKED in self.states

    @property
    def showing(self) -> bool:
        return _SHOWING in self.states

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            yield from child.walk()

    def texts(self) -> list[str]:
        """Every name and text shown in this window, depth first (hidden widgets left out)."""
        shown = [n for n in self.walk() if n.showing]
        return [t for n in shown for t in (n.name, n.text) if t]

    def find(self, name: str) -> Node:
        found = [n for n in self.walk() if n.name == name]
        if not found:
            raise LookupError(f"nothing named {name!r} in {self.name!r}")
        return found[0]


class AccessibilityBus:
    def __init__(self, desktop: DesktopSession) -> None:
        self._desktop = desktop
        program = launcher()
        if program is None:
            raise FileNotFoundError(f"at-spi-bus-launcher (package {PACKAGE})")
        self._child: Child = desktop.spawn(
            [program, "--launch-immediately", "--a11y=0"], name="at-spi-bus-launcher"
        )
        desktop.wait_until(
            lambda: desktop.has_bus_name("org.a11y.Bus"), timeout=10, what="the AT-SPI bus"
        )
        self._bus: Any = None

    def _connect(self) -> Any:
        from jeepney import DBusAddress, new_method_call
        from jeepney.io.blocking import open_dbus_connection

        if self._bus is None:
            assert self._desktop.bus_address is not None, "the desktop session is not started"
            session = open_dbus_connection(self._desktop.bus_address)
            launcher_object = DBusAddress(
                "/org/a11y/bus", bus_name="org.a11y.Bus", interface="org.a11y.Bus"
            )
            (address,) = session.send_and_get_reply(
                new_method_call(launcher_object, "GetAddress")
            ).body
            session.close()
            self._bus = open_dbus_connection(address)
        return self._bus

    def _call(self, bus_name: str, path: str, method: str) -> Any:
        from jeepney import DBusAddress, new_method_call

        target = DBusAddress(path, bus_name=bus_name, interface=_ACCESSIBLE)
        return self._connect().send_and_get_reply(new_method_call(target, method)).body

    def _name(self, bus_name: str, path: str) -> str:
        from jeepney import DBusAddress, Properties

        target = DBusAddress(path, bus_name=bus_name, interface=_ACCESSIBLE)
        reply = self._connect().send_and_get_reply(Properties(target).get("Name"))
        return str(reply.body[0][1])

    def _node(self, bus_name: str, path: str) -> Node:
        (words,) = self._call(bus_name, path, "GetState")
        states = frozenset(
            bit + 32 * i for i, word in enumerate(words) for bit in range(32) if word >> bit & 1
        )
        (children,) = self._call(bus_name, path, "GetChildren")
        role = str(self._call(bus_name, path, "GetRoleName")[0])
        return Node(
            self._name(bus_name, path),
            role,
            states,
            tuple(self._node(b, p) for b, p in children),
            self._text(bus_name, path) if role in _WITH_TEXT else "",
        )

    def _text(self, bus_name: str, path: str) -> str:
        from jeepney import DBusAddress, MessageType, new_method_call

        target = DBusAddress(path, bus_name=bus_name, interface="org.a11y.atspi.Text")
        reply = self._connect().send_and_get_reply(
            new_method_call(target, "GetText", "ii", (0, -1))
        )
        return "" if reply.header.message_type is MessageType.error else str(reply.body[0])

    def windows(self) -> list[Node]:
        """Every top-level window of every accessible program, freshly read."""
        (programs,) = self._call("org.a11y.atspi.Registry", _ROOT, "GetChildren")
        found: list[Node] = []
        for bus_name, path in programs:
            (windows,) = self._call(bus_name, path, "GetChildren")
            found += [self._node(b, p) for b, p in windows]
        return found

    def window(self, title: str, *, timeout: float = 10.0, prefix: bool = False) -> Node:
        """The first window named ``title`` (or starting with it): its title as the app set
        it, without the "— Crickets" the desktop adds."""

        def named(window: Node) -> bool:
            return window.name.startswith(title) if prefix else window.name == title

        def look() -> list[Node]:
            return [w for w in self.windows() if named(w)]

        return self._desktop.wait_until(look, timeout=timeout, what=f"{title!r} over AT-SPI")[0]

    def stop(self) -> None:
        if self._bus is not None:
            self._bus.close()
        self._child.stop()
