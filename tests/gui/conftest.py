"""Fixtures for the Qt tests (offscreen): a store in the test's folder whose person lives in
London, so reminders that count working days do not depend on the machine's zone."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from crickets.domain.settings import Settings
from crickets.storage.store import Store

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # read when the QApplication is made

HOME_ZONE = "Europe/London"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path)
    opened.settings.save_settings(Settings(home_zone=HOME_ZONE))
    yield opened
    opened.close()


@pytest.fixture(autouse=True)
def twelve_hour_locale() -> Iterator[None]:
    """Windows that follow the desktop's clock (``ui/clock_format.py``) read Qt's default
    locale; the tests pin it to US English (12-hour) so their expectations do not depend on
    the machine's LANG. A test may set another default; it is put back afterwards."""
    from PySide6.QtCore import QLocale

    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(before)


@pytest.fixture
def sock_path() -> Iterator[str]:
    """A socket path short enough for sun_path, in a private directory."""
    with tempfile.TemporaryDirectory(prefix="crk-", dir="/tmp") as name:
        Path(name).chmod(0o700)
        yield str(Path(name) / "tray.sock")
