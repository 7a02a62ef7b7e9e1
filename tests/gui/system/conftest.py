"""The single-instance socket's fixtures: a short private path, and a server on it."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from crickets.ui.system.single_instance import ListenResult, SingleInstanceServer


@pytest.fixture
def sock_path() -> Iterator[str]:
    """A socket path short enough for sun_path, in a private directory."""
    with tempfile.TemporaryDirectory(prefix="crk-", dir="/tmp") as name:
        Path(name).chmod(0o700)
        yield str(Path(name) / "tray.sock")


@pytest.fixture
def server(qtbot: QtBot, sock_path: str) -> Iterator[SingleInstanceServer]:
    first = SingleInstanceServer(sock_path)
    assert first.listen() is ListenResult.LISTENING
    yield first
    first.close()
    first.deleteLater()
