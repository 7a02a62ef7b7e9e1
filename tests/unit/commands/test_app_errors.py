"""An unexpected error in the tray is logged with its traceback and reported in one line."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from crickets import app, log


def test_a_bug_in_a_slot_is_logged_not_dumped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log_file = log.setup(tmp_path)
    hook = app._one_line_hook(log_file)
    try:
        raise RuntimeError("boom in a slot")
    except RuntimeError as error:
        hook(type(error), error, error.__traceback__)
    for handler in log.logger.handlers:
        handler.flush()
    err = capsys.readouterr().err
    assert err.strip() == f"crickets: internal error; details were written to {log_file}"
    assert "Traceback" in log_file.read_text() and "boom in a slot" in log_file.read_text()
    for handler in list(log.logger.handlers):
        log.logger.removeHandler(handler)
        handler.close()
    log.logger.setLevel(logging.NOTSET)


def test_no_display_gets_one_clear_line_not_a_qt_abort(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = subprocess.run(
        [sys.executable, "-m", "crickets", "--data-dir", str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.strip().startswith("crickets: no desktop session here")
    assert len(result.stderr.strip().splitlines()) == 1
    assert app.no_display_reason({"DISPLAY": ":0"}) is None
    assert app.no_display_reason({}, platform="darwin") is None
