"""The Secret Service fast read (storage/secret_service.py): when it stands in for keyring,
what it asks the service, and that anything but a found key leaves the answer to keyring.

A stand-in connection answers the D-Bus calls with jeepney's own reply messages; the real
gnome-keyring is exercised in tests/desktop/test_keychain_secret_service.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from jeepney import HeaderFields, Message, new_error, new_method_return

from crickets.storage import secret_service
from crickets.storage.keychain import Keychain

ITEM = "/org/freedesktop/secrets/collection/login/7"
SESSION = "/org/freedesktop/secrets/session/s1"
DESKTOP = {"DBUS_SESSION_BUS_ADDRESS": "unix:path=/run/user/1000/bus", "HOME": "/nonexistent"}


class SecretServiceStandIn:
    """Answers OpenSession, SearchItems and GetSecret as gnome-keyring does; records calls."""

    def __init__(self, items: dict[str, bytes], *, locked: bool = False) -> None:
        self.items = items  # username -> secret
        self.locked = locked
        self.calls: list[tuple[str, str, tuple[Any, ...]]] = []
        self.closed = False

    def send_and_get_reply(self, message: Message, *, timeout: float | None = None) -> Message:
        assert timeout is not None  # never wait for ever on a service that hangs
        fields = message.header.fields
        member, path = fields[HeaderFields.member], fields[HeaderFields.path]
        self.calls.append((member, path, message.body))
        if member == "OpenSession":
            return new_method_return(message, "vo", (("s", ""), SESSION))
        if member == "SearchItems":
            (attributes,) = message.body
            found = [ITEM] if attributes.get("username") in self.items else []
            return new_method_return(message, "ao", (found,))
        if member == "GetSecret" and self.locked:
            return new_error(message, "org.freedesktop.Secret.Error.IsLocked", "s", ("locked",))
        if member == "GetSecret":
            (secret,) = self.items.values()
            return new_method_return(message, "(oayays)", ((SESSION, b"", secret, "text/plain"),))
        return new_error(message, "org.freedesktop.DBus.Error.UnknownMethod")

    def close(self) -> None:
        self.closed = True


def _connect(monkeypatch: pytest.MonkeyPatch, service: SecretServiceStandIn | None) -> None:
    def open_dbus_connection(bus: str = "SESSION") -> SecretServiceStandIn:
        if service is None:
            raise ConnectionRefusedError("no bus")
        return service

    monkeypatch.setattr("jeepney.io.blocking.open_dbus_connection", open_dbus_connection)


def test_a_stored_key_is_read_from_the_default_collection_as_keyring_stores_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    service = SecretServiceStandIn({"database key 0a1b": b"a2V5"})
    _connect(monkeypatch, service)
    assert secret_service.read("crickets", "database key 0a1b") == "a2V5"
    opened, searched, got = service.calls
    assert opened[0] == "OpenSession" and opened[2] == ("plain", ("s", ""))
    assert searched == (
        "SearchItems",
        secret_service.DEFAULT_COLLECTION,
        ({"service": "crickets", "username": "database key 0a1b"},),
    )
    assert got == ("GetSecret", ITEM, (SESSION,))
    assert service.closed


@pytest.mark.parametrize(
    "service",
    [
        None,  # no session bus, or it refuses us
        SecretServiceStandIn({}),  # nothing stored (keyring may know another backend)
        SecretServiceStandIn({"database key 0a1b": b"a2V5"}, locked=True),  # keyring prompts
        SecretServiceStandIn({"database key 0a1b": b"\xff\xfe"}),  # not text: keyring says
    ],
    ids=["no-bus", "nothing-stored", "locked", "not-text"],
)
def test_anything_but_a_found_key_is_left_to_keyring(
    monkeypatch: pytest.MonkeyPatch, service: SecretServiceStandIn | None
) -> None:
    _connect(monkeypatch, service)
    assert secret_service.read("crickets", "database key 0a1b") is None
    if service is not None:
        assert service.closed


def test_the_fast_read_stands_in_only_where_keyring_would_ask_the_secret_service(
    tmp_path: Path,
) -> None:
    assert secret_service.usable(DESKTOP, platform="linux")
    assert not secret_service.usable(DESKTOP, platform="darwin")
    assert not secret_service.usable(DESKTOP, platform="win32")
    assert not secret_service.usable({**DESKTOP, "DBUS_SESSION_BUS_ADDRESS": ""}, "linux")
    chosen = {**DESKTOP, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    assert not secret_service.usable(chosen, platform="linux")
    configured = {**DESKTOP, "XDG_CONFIG_HOME": str(tmp_path)}
    assert secret_service.usable(configured, platform="linux")
    (tmp_path / "python_keyring").mkdir()
    (tmp_path / "python_keyring" / "keyringrc.cfg").write_text("[backend]\n")
    assert not secret_service.usable(configured, platform="linux")


class RecordingBackend:
    """What keyring's backend would answer; records that it was asked."""

    def __init__(self, stored: str | None) -> None:
        self.stored = stored
        self.asked: list[str] = []

    def get_password(self, service: str, username: str) -> str | None:
        self.asked.append(username)
        return self.stored


def test_keychain_takes_the_fast_answer_and_asks_keyring_for_anything_else(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    answers: dict[str, str | None] = {"database key 1": "ZmFzdA==", "database key 2": None}
    monkeypatch.setattr(secret_service, "usable", lambda: True)
    monkeypatch.setattr(secret_service, "read", lambda service, user: answers[user])
    backend = RecordingBackend("a2V5cmluZw==")
    chain = Keychain()
    monkeypatch.setattr(chain, "_resolve", lambda: backend)
    assert chain.get("database key 1") == "ZmFzdA=="
    assert backend.asked == []  # found: keyring never loaded
    assert chain.get("database key 2") == "a2V5cmluZw=="
    assert backend.asked == ["database key 2"]


def test_a_keychain_given_its_backend_never_takes_the_fast_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(secret_service, "usable", lambda: True)
    monkeypatch.setattr(secret_service, "read", lambda service, user: "ZmFzdA==")
    backend = RecordingBackend(None)
    assert Keychain(backend).get("database key 1") is None
    assert backend.asked == ["database key 1"]
