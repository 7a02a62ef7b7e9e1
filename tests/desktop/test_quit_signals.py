"""Ctrl+C in the terminal (SIGINT) and SIGTERM (a logout, ``kill``) quit the real app the way
Quit does: the clean-up runs, nothing is printed, and the process then ends by the signal it
was sent, so a shell reports 130 or 143 (docs/decisions/076-quit-on-signals.md)."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest
from app_under_test import App
from session import DesktopSession

STOPS = [signal.SIGINT, signal.SIGTERM]


@pytest.mark.parametrize("stop", STOPS, ids=[s.name for s in STOPS])
def test_a_stop_signal_ends_the_demo_and_removes_its_profile(
    desktop: DesktopSession, tmp_path: Path, stop: signal.Signals
) -> None:
    scratch = tmp_path / "tmp"  # the demo's throw-away profile is made in TMPDIR
    scratch.mkdir()
    demo = App(desktop, tmp_path, at="2026-12-01 10:00:00")
    child = demo.start("--demo", extra_env={"TMPDIR": str(scratch)})
    demo.tray_icon()
    assert [p.name[:14] for p in scratch.iterdir()] == ["crickets-demo-"]
    os.kill(child.pid, stop)
    assert child.wait(timeout=10) == -stop  # ended by that signal, after the clean-up
    assert list(scratch.iterdir()) == []  # the throw-away profile is gone
    assert child.stderr_text() == ""  # no "internal error", no traceback


def test_sigterm_closes_the_store_before_the_app_ends(
    desktop: DesktopSession, tmp_path: Path
) -> None:
    """SQLite removes its write-ahead log when the last connection closes cleanly."""
    app = App(desktop, tmp_path, at="2026-12-01 10:00:00")
    app.add("--at", "2026-12-01 14:00", "--tz", "America/New_York", "--company", "Acme")
    child = app.start("--background")
    app.tray_icon()
    assert (app.data / "crickets.sqlite3-wal").exists()  # open while the tray runs
    os.kill(child.pid, signal.SIGTERM)
    assert child.wait(timeout=10) == -signal.SIGTERM
    assert not (app.data / "crickets.sqlite3-wal").exists()
    assert child.stderr_text() == ""
