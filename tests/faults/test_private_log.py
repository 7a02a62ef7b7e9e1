"""The log holds nothing personal and is its owner's alone (issue 15, item 3).

The desktop test tests/desktop/test_privacy_desktop.py runs the whole demo with a broken
notification daemon and searches the log and the data folder; these check each guard on
its own.
"""

from __future__ import annotations

import contextlib
import logging
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from crickets import log

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # read when the QApplication is made

SECRET = "Northwind Traders"


@pytest.fixture
def own_handlers() -> Iterator[None]:
    """log.setup adds a handler to the process-wide "crickets" logger: take it off again."""
    before = list(log.logger.handlers)
    level = log.logger.level
    yield
    for handler in log.logger.handlers[:]:
        if handler not in before:
            log.logger.removeHandler(handler)
            with contextlib.suppress(ValueError):  # a stream a test closed on purpose
                handler.close()
    log.logger.setLevel(level)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.usefixtures("own_handlers")
def test_the_log_and_its_folder_are_private_rotated_files_too(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    (folder / log.LOG_NAME).write_text("an older line\n")
    (folder / log.LOG_NAME).chmod(0o644)  # as an earlier version left it

    path = log.setup(folder)
    log.logger.info("started")
    assert mode(folder) == 0o700 and mode(path) == 0o600
    (handler,) = [h for h in log.logger.handlers if isinstance(h, log.PrivateFileHandler)]
    handler.doRollover()
    log.logger.info("after the rollover")
    assert sorted(p.name for p in folder.iterdir()) == ["crickets.log", "crickets.log.1"]
    assert {mode(p) for p in folder.iterdir()} == {0o600}


@pytest.mark.usefixtures("own_handlers")
def test_an_exception_is_logged_as_its_type_never_its_message(tmp_path: Path) -> None:
    path = log.setup(tmp_path)
    try:
        raise ValueError(f"{SECRET} is not a company Crickets knows")
    except ValueError:
        log.logger.exception("unexpected error")
    text = path.read_text(encoding="utf-8")
    assert "ValueError (message withheld)" in text and "Traceback" in text
    assert SECRET not in text


@pytest.mark.usefixtures("own_handlers")
def test_a_log_that_cannot_be_written_says_nothing_on_the_terminal(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    log.setup(tmp_path)
    (handler,) = [h for h in log.logger.handlers if isinstance(h, log.PrivateFileHandler)]
    assert handler.stream is not None
    handler.stream.close()  # as a full disk or a vanished folder would make it fail
    log.logger.warning("this line is lost")
    assert capfd.readouterr().err == ""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a shell-script notify-send")
def test_a_failing_notify_send_leaves_its_words_out_of_the_log(
    qtbot: QtBot, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from crickets.services.notifications import notify_send_args
    from crickets.ui.system.notify_chain import LogNotifier, NotifyChain
    from crickets.ui.system.notify_send import NotifySendNotifier

    fake = tmp_path / "notify-send"
    fake.write_text('#!/bin/sh\necho "could not show: $*" >&2\nexit 1\n')
    fake.chmod(0o755)
    chain = NotifyChain([NotifySendNotifier(str(fake), notify_send_args), LogNotifier()])
    with (
        caplog.at_level(logging.DEBUG, logger="crickets"),
        qtbot.waitSignal(chain.delivered, timeout=10_000) as delivered,
    ):
        chain.notify(f"Get ready: Analyst with {SECRET}", "Jordan Lee calls +1 415 555 0134")
    assert delivered.args[2] == "log"
    assert "notify-send failed (exit status 1)" in caplog.text
    for word in (SECRET, "Jordan Lee", "555 0134", "Analyst"):
        assert word not in caplog.text
