"""The desktop outlets report what really happened: ``xdg-open`` that finds no mail app or
dialler is a failure, not "opened" (as Qt would have it); one still running the handler is a
success. Each case runs a stand-in ``xdg-open`` first on the PATH."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from crickets.ui.outlets import QtDialer, QtLinkOpener, QtMailOutlet, open_url

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="xdg-open is how Linux desktops open links"
)


@pytest.fixture
def bin_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "bin"
    folder.mkdir()
    monkeypatch.setenv("PATH", str(folder))
    return folder


def stand_in(folder: Path, body: str) -> Path:
    """An ``xdg-open`` that writes its argument to ``called`` and then runs ``body``."""
    script = folder / "xdg-open"
    called = folder / "called"
    script.write_text(f'#!/bin/sh\nprintf %s "$1" > "{called}"\n{body}\n')
    script.chmod(0o755)
    return called


@pytest.mark.parametrize("status", [1, 3, 4])
def test_a_handler_that_fails_is_reported_as_not_opened(bin_dir: Path, status: int) -> None:
    called = stand_in(bin_dir, f"exit {status}")
    assert QtMailOutlet().open_mailto("mailto:jane@acme.example?subject=Hi") is False
    assert called.read_text() == "mailto:jane@acme.example?subject=Hi"


def test_a_handler_that_succeeds_is_reported_as_opened(bin_dir: Path) -> None:
    called = stand_in(bin_dir, "exit 0")
    assert QtDialer().dial("+1 (415) 555-0134") is True
    assert called.read_text() == "tel:+14155550134"


@pytest.fixture
def gate(tmp_path: Path) -> Iterator[Path]:
    """A FIFO the stand-in waits on, released when the test is done with it."""
    fifo = tmp_path / "gate"
    os.mkfifo(fifo)
    yield fifo
    with fifo.open("w") as release:  # the stand-in is blocked reading: let it finish
        release.write("go\n")


def test_a_handler_still_running_counts_as_opened(bin_dir: Path, gate: Path) -> None:
    """A generic desktop's xdg-open waits for the mail app to close: that is success."""
    stand_in(bin_dir, f'read _ < "{gate}"')
    assert open_url("mailto:jane@acme.example", wait=0.2) is True


def test_without_xdg_open_nothing_opens(bin_dir: Path) -> None:
    assert open_url("mailto:jane@acme.example") is False
    assert QtDialer().dial("+1 415 555 0134") is False


def test_only_a_web_link_is_opened_as_a_meeting_link(bin_dir: Path) -> None:
    called = stand_in(bin_dir, "exit 0")
    for unsafe in ("file:///etc/passwd", "javascript:alert(1)", "not a link", ""):
        assert QtLinkOpener().open_link(unsafe) is False
        assert not called.exists()
    assert QtLinkOpener().open_link(" https://zoom.us/j/85012345678?pwd=a b ") is True
    assert called.read_text() == "https://zoom.us/j/85012345678?pwd=a%20b"


def test_a_number_without_digits_is_not_dialled(bin_dir: Path) -> None:
    called = stand_in(bin_dir, "exit 0")
    assert QtDialer().dial("(not recorded)") is False
    assert not called.exists()
