"""Fixtures for the Wayland tests: the account and Python they run as (once per run), one sway
session per test module, and the app under test (stopped, and its stderr checked, after each
test).

Missing packages skip these tests with one line per module (on CI, where ``make test``
installs them, that is a failure instead), as the X11 desktop tests do.
"""

from __future__ import annotations

import functools
import os
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from app_under_test import faketime_lib
from session import INSTALL_SCRIPT, _has_library

from wayland.account import Account, AccountError
from wayland.app_python import AppPython, AppPythonError, app_python
from wayland.sway_session import LIBRARY_PACKAGES, TOOL_PACKAGES, SwaySession
from wayland.wayland_app import WaylandApp


def missing() -> dict[str, str]:
    """What this machine lacks for the Wayland session: name -> Debian package."""
    if not sys.platform.startswith("linux"):
        return {"a Linux desktop": "sway"}
    lacking = {tool: pkg for tool, pkg in TOOL_PACKAGES.items() if shutil.which(tool) is None}
    lacking |= {lib: pkg for lib, pkg in LIBRARY_PACKAGES.items() if not _has_library(lib)}
    if faketime_lib() is None:
        lacking["libfaketime"] = "libfaketime"
    return lacking


def _cannot(message: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{message} (CI must provide it)", pytrace=False)
    pytest.skip(message)


@functools.cache
def _missing_message() -> str | None:
    lacking = missing()
    if not lacking:
        return None
    packages = " ".join(dict.fromkeys(lacking.values()))
    return (
        f"Wayland tests need: {' '.join(lacking)}; run {INSTALL_SCRIPT} as root, "
        f"or: sudo apt-get install -y {packages}"
    )


_HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Without the packages, skip by mark: the summary folds that into one line per module
    (a skip inside a fixture would print one per test). On CI each test fails instead, in
    ``wayland_user``."""
    mine = [item for item in items if item.path.is_relative_to(_HERE)]
    if not mine or os.environ.get("CI") == "true":
        return
    reason = _missing_message()
    if reason:
        for item in mine:
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def wayland_user() -> Iterator[tuple[Account, AppPython]]:
    reason = _missing_message()
    if reason:
        _cannot(reason)
    try:
        account = Account.for_tests()
        python = app_python(account)
    except (AccountError, AppPythonError) as error:
        _cannot(f"Wayland tests cannot run: {error}")
        raise  # unreachable: _cannot raises
    yield account, python
    python.remove()


@pytest.fixture(scope="module")
def sway(
    request: pytest.FixtureRequest, wayland_user: tuple[Account, AppPython]
) -> Iterator[SwaySession]:
    """One session per module; a module sets ``SWAY_TRAY = False`` to start without a tray,
    and ``SWAY_CONFIG`` to add lines to sway's configuration."""
    account, _python = wayland_user
    session = SwaySession(
        account,
        tray=getattr(request.module, "SWAY_TRAY", True),
        config=getattr(request.module, "SWAY_CONFIG", ""),
    )
    session.start()
    try:
        yield session
    finally:
        session.stop()


@pytest.fixture
def make_app(
    sway: SwaySession, wayland_user: tuple[Account, AppPython]
) -> Iterator[Callable[[str], WaylandApp]]:
    """``make_app(at)``: a WaylandApp with a fresh data folder and its clock at ``at``; every
    one made is stopped after the test, and a traceback in its stderr fails the test."""
    _account, python = wayland_user
    made: list[WaylandApp] = []

    def make(at: str) -> WaylandApp:
        app = WaylandApp(sway, python, at)
        made.append(app)
        return app

    yield make
    for app in made:
        app.stop()
