"""The single-instance socket's fixture: a server on a short private path (tests/gui/conftest.py
has the path)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from crickets.ui.system.single_instance import ListenResult, SingleInstanceServer


@pytest.fixture
def server(qtbot: QtBot, sock_path: str) -> Iterator[SingleInstanceServer]:
    first = SingleInstanceServer(sock_path)
    assert first.listen() is ListenResult.LISTENING
    yield first
    first.close()
    first.deleteLater()
