"""A stand-in for systemd-logind on a private "system" bus, for the resume test.

Owns ``org.freedesktop.login1`` and, for each line read on stdin ("sleep" or "wake"),
emits ``org.freedesktop.login1.Manager.PrepareForSleep(true|false)`` as logind does around
a suspend. Prints "ready" once it owns the name.
"""

from __future__ import annotations

import sys

from jeepney import DBusAddress, new_signal
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection

MANAGER = DBusAddress("/org/freedesktop/login1", interface="org.freedesktop.login1.Manager")


def main(address: str) -> int:
    conn = open_dbus_connection(bus=address)
    reply = conn.send_and_get_reply(message_bus.RequestName("org.freedesktop.login1"))
    if reply.body[0] != 1:  # DBUS_REQUEST_NAME_REPLY_PRIMARY_OWNER
        print(f"could not own the name: {reply.body}", flush=True)
        return 1
    print("ready", flush=True)
    for line in sys.stdin:
        word = line.strip()
        if word in ("sleep", "wake"):
            conn.send(new_signal(MANAGER, "PrepareForSleep", "b", (word == "sleep",)))
            print(f"sent {word}", flush=True)
    conn.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
