"""What the tests ask the Wayland session's bus, through ``jeepney``: who owns a name, the
StatusNotifierWatcher's items, an item's properties, its dbusmenu layout, and Activate.

The StatusNotifierItem specification: an item registers with ``org.kde.StatusNotifierWatcher``
(``RegisteredStatusNotifierItems`` lists it as ``"bus-name/object/path"`` or a bare bus name,
meaning ``/StatusNotifierItem``); the item's ``Menu`` property names an object exported over
``com.canonical.dbusmenu``, whose ``GetLayout`` returns ``(id, properties, children)`` nodes.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import Any

WATCHER = "org.kde.StatusNotifierWatcher"
ITEM_INTERFACE = "org.kde.StatusNotifierItem"
MENU_INTERFACE = "com.canonical.dbusmenu"
_TIMEOUT = 10.0


@dataclass(frozen=True)
class ItemAddress:
    bus_name: str
    path: str

    @classmethod
    def parse(cls, registered: str) -> ItemAddress:
        bus_name, slash, path = registered.partition("/")
        return cls(bus_name, f"/{path}" if slash else "/StatusNotifierItem")


@dataclass(frozen=True)
class MenuEntry:
    id: int
    label: str  # as the host shows it: "_" mnemonics removed
    enabled: bool
    kind: str  # "standard" or "separator"
    children: tuple[MenuEntry, ...]


class BusClient:
    """A blocking jeepney connection to one bus."""

    def __init__(self, connection: Any) -> None:
        self._connection = connection

    @classmethod
    def connect(cls, address: str) -> BusClient:
        from jeepney.io.blocking import open_dbus_connection

        return cls(open_dbus_connection(bus=address))

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self._connection.close()

    def call(self, message: Any) -> Any:
        from jeepney import MessageType
        from jeepney.wrappers import DBusErrorResponse

        reply = self._connection.send_and_get_reply(message, timeout=_TIMEOUT)
        if reply.header.message_type == MessageType.error:
            raise DBusErrorResponse(reply)
        return reply.body

    def has_name(self, name: str) -> bool:
        from jeepney.bus_messages import message_bus

        (owned,) = self.call(message_bus.NameHasOwner(name))
        return bool(owned)

    def get(self, bus_name: str, path: str, interface: str, name: str) -> Any:
        """One property's value (the variant unwrapped)."""
        from jeepney import DBusAddress, Properties

        address = DBusAddress(path, bus_name=bus_name, interface=interface)
        ((_signature, value),) = self.call(Properties(address).get(name))
        return value

    # -------------------------------------------------------- StatusNotifierItem

    def registered_items(self) -> list[ItemAddress]:
        """The items the watcher (the tray host's side) knows about."""
        if not self.has_name(WATCHER):
            return []
        names = self.get(
            WATCHER, "/StatusNotifierWatcher", WATCHER, "RegisteredStatusNotifierItems"
        )
        return [ItemAddress.parse(name) for name in names]

    def item(self, address: ItemAddress, name: str) -> Any:
        return self.get(address.bus_name, address.path, ITEM_INTERFACE, name)

    def activate(self, address: ItemAddress) -> None:
        """What a host does on a left click on the item."""
        from jeepney import DBusAddress, new_method_call

        target = DBusAddress(address.path, bus_name=address.bus_name, interface=ITEM_INTERFACE)
        self.call(new_method_call(target, "Activate", "ii", (10, 10)))

    def menu(self, address: ItemAddress) -> tuple[MenuEntry, ...]:
        """The item's menu, as the host reads it: ``AboutToShow`` on the root (Qt rebuilds the
        menu then), then the whole ``GetLayout``."""
        from jeepney import DBusAddress, new_method_call

        path = self.item(address, "Menu")
        menu = DBusAddress(path, bus_name=address.bus_name, interface=MENU_INTERFACE)
        with contextlib.suppress(Exception):  # optional in the protocol
            self.call(new_method_call(menu, "AboutToShow", "i", (0,)))
        _revision, layout = self.call(new_method_call(menu, "GetLayout", "iias", (0, -1, [])))
        return _entries(layout)

    def click(self, address: ItemAddress, entry: MenuEntry) -> None:
        """What a host sends when the person clicks ``entry`` in the item's menu."""
        from jeepney import DBusAddress, new_method_call

        path = self.item(address, "Menu")
        menu = DBusAddress(path, bus_name=address.bus_name, interface=MENU_INTERFACE)
        event = (entry.id, "clicked", ("i", 0), 0)
        self.call(new_method_call(menu, "Event", "isvu", event))


def _entries(node: tuple[int, dict[str, Any], list[Any]]) -> tuple[MenuEntry, ...]:
    _id, _props, children = node
    found = []
    for _signature, child in children:
        child_id, props = child[0], child[1]
        value = {key: data for key, (_sig, data) in props.items()}
        if value.get("visible", True) is False:
            continue
        found.append(
            MenuEntry(
                id=int(child_id),
                label=_without_mnemonic(str(value.get("label", ""))),
                enabled=bool(value.get("enabled", True)),
                kind=str(value.get("type", "standard")),
                children=_entries(child),
            )
        )
    return tuple(found)


def _without_mnemonic(label: str) -> str:
    """dbusmenu marks the access key with "_" and writes a literal one as "__"."""
    return label.replace("__", "\0").replace("_", "").replace("\0", "_")
