"""The running tray chooses its heartbeat from what will tell it of a resume and of a write:
an hour with logind and a listening socket, a minute otherwise (docs/decisions/164)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from crickets.domain.clock import FixedClock
from crickets.storage.store import Store
from crickets.ui.shell import Shell, StartMode
from crickets.ui.system.sleep_watch import SleepWatch
from crickets.ui.wake_plan import HEARTBEAT, RESTING_HEARTBEAT
from tests.builders import make_interview
from tests.gui.running import running_tray

NOW = datetime(2026, 11, 30, 17, 0, tzinfo=UTC)  # the interview is a day and two hours away


def started_tray(
    store: Store, socket: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, *, logind: bool
) -> Shell:
    """A login-started tray over one interview, counting, with or without logind."""
    monkeypatch.setattr(SleepWatch, "_subscribe", lambda _watch: logind)
    store.interviews.add(make_interview(id=None))
    running, _ = running_tray(store, FixedClock(NOW), str(socket), mode=StartMode(background=True))
    shell = running.shell
    shell.start()
    qtbot.waitUntil(lambda: shell.controller.state is not None)
    return shell


@pytest.mark.parametrize(("logind", "heartbeat"), [(True, RESTING_HEARTBEAT), (False, HEARTBEAT)])
def test_the_tray_rests_an_hour_only_when_logind_reports_resumes(
    store: Store,
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    logind: bool,
    heartbeat: timedelta,
) -> None:
    shell = started_tray(store, tmp_path / "s.sock", qtbot, monkeypatch, logind=logind)
    assert shell.server.is_listening()
    assert shell.controller.heartbeat == heartbeat
    assert shell.controller.timer.interval() == heartbeat // timedelta(milliseconds=1) + 2
    shell.stop()


def test_a_tray_without_its_socket_keeps_the_minute_heartbeat(
    store: Store, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No socket, no reload requests from the command line: its writes are seen by the
    minute heartbeat's check, as before."""
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the socket's folder should be")
    shell = started_tray(store, blocked / "s.sock", qtbot, monkeypatch, logind=True)
    assert not shell.server.is_listening()
    assert shell.controller.heartbeat == HEARTBEAT
    shell.stop()
