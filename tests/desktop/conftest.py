"""The ``desktop`` fixture: one private desktop session (Xvfb, tray host, D-Bus session bus,
notification daemon, Secret Service) shared by every test under tests/desktop.

The app under test runs in subprocesses with ``desktop.env``; this pytest process never
imports Qt for these tests and keeps its own QT_QPA_PLATFORM.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from a11y_tree import PACKAGE, AccessibilityBus, launcher
from session import INSTALL_SCRIPT, DesktopSession

_HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test in this directory needs the desktop: mark it (``-m "not desktop"``)."""
    for item in items:
        if item.path.is_relative_to(_HERE):
            item.add_marker(pytest.mark.desktop)


@pytest.fixture(scope="session")
def desktop() -> Iterator[DesktopSession]:
    missing = DesktopSession.missing_tools()
    if missing:
        message = (
            f"desktop tests need: {' '.join(missing)}; "
            f"run {INSTALL_SCRIPT} as root, or: {DesktopSession.install_command(missing)}"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(f"{message} (CI must install them)", pytrace=False)
        pytest.skip(message)
    session = DesktopSession()
    session.start()
    try:
        yield session
    finally:
        session.stop()


@pytest.fixture
def a11y(desktop: DesktopSession) -> Iterator[AccessibilityBus]:
    """The session's accessibility bus, for tests that read windows as a screen reader
    does (the app joins it when started with ``a11y_tree.ACCESSIBLE_ENV``)."""
    if launcher() is None:
        message = f"desktop tests read windows over AT-SPI: install {PACKAGE}"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{message} (CI must install it)", pytrace=False)
        pytest.skip(message)
    bus = AccessibilityBus(desktop)
    yield bus
    bus.stop()
