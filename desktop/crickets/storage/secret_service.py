"""Reading the Crickets key from the freedesktop Secret Service in a few D-Bus calls.

This is the only module that imports ``jeepney``. keyring reads the same entry, but only
after importing its backends and probing every platform's (about 25 MiB and 150 ms in a
process that keeps running all day, docs/decisions/160-secret-service-fast-read.md); this
module asks the one service that keyring would ask on a Linux desktop, the way keyring's
``SecretService`` backend does: the default collection, attributes ``service`` and
``username``, the first item found.

It only ever *finds* a key. :func:`read` returns ``None`` for everything else (no session
bus, no Secret Service, no default collection, nothing stored, a locked item, an error,
a slow answer), and the caller then asks keyring as before, so every state in
:mod:`crickets.storage.keychain`'s table keeps keyring's behaviour and message. Writes go
through keyring too.

The secret travels in the Secret Service's ``plain`` session: over the per-user session
bus, which only the same user can connect to (or watch); who can watch it can ask the
service for the key directly, so the encrypted session would add a cipher suite and
cryptography's DH code without keeping anyone out (the decision record weighs it).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

BUS_NAME = "org.freedesktop.secrets"
SERVICE_PATH = "/org/freedesktop/secrets"
DEFAULT_COLLECTION = "/org/freedesktop/secrets/aliases/default"
TIMEOUT_S = 5.0  # a Secret Service that does not answer by then is keyring's to handle


def usable(environ: Mapping[str, str] | None = None, platform: str = sys.platform) -> bool:
    """Whether the fast read may stand in for keyring's own choice of backend: on Linux,
    with a session bus, and when nobody chose a backend (``PYTHON_KEYRING_BACKEND`` or
    keyring's configuration file), since then keyring may use something else."""
    env = os.environ if environ is None else environ
    if not platform.startswith("linux") or not env.get("DBUS_SESSION_BUS_ADDRESS"):
        return False
    if env.get("PYTHON_KEYRING_BACKEND"):
        return False
    return not keyring_config(env).exists()


def keyring_config(environ: Mapping[str, str]) -> Path:
    """keyring's configuration file on Linux (``keyring.util.platform_.config_root``)."""
    base = environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "python_keyring" / "keyringrc.cfg"


def read(service: str, username: str) -> str | None:
    """The secret stored under ``service``/``username`` in the default collection, or
    ``None`` when it cannot simply be read (then keyring is asked, see above)."""
    try:
        from jeepney.io.blocking import open_dbus_connection

        connection = open_dbus_connection(bus="SESSION")
    except Exception:  # no bus, refused, jeepney missing: keyring decides
        return None
    try:
        return _read(connection, service, username)
    except Exception:  # an error reply, a timeout, an odd answer: keyring decides
        return None
    finally:
        connection.close()


def _read(connection: Any, service: str, username: str) -> str | None:
    from jeepney import DBusAddress, new_method_call
    from jeepney.wrappers import unwrap_msg

    def call(path: str, interface: str, method: str, signature: str, body: tuple[Any, ...]) -> Any:
        address = DBusAddress(path, bus_name=BUS_NAME, interface=interface)
        message = new_method_call(address, method, signature, body)
        return unwrap_msg(connection.send_and_get_reply(message, timeout=TIMEOUT_S))

    # The session ends when the connection closes (the service watches its clients).
    _output, session = call(
        SERVICE_PATH, "org.freedesktop.Secret.Service", "OpenSession", "sv", ("plain", ("s", ""))
    )
    (items,) = call(
        DEFAULT_COLLECTION,
        "org.freedesktop.Secret.Collection",
        "SearchItems",
        "a{ss}",
        ({"service": service, "username": username},),
    )
    if not items:
        return None  # keyring may still find it elsewhere (another backend, a prompt)
    ((_session, _parameters, value, _content_type),) = call(
        items[0], "org.freedesktop.Secret.Item", "GetSecret", "o", (session,)
    )  # a locked item answers with an error: keyring unlocks it (a prompt)
    return bytes(value).decode("utf-8")
