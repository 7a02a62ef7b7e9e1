"""crickets.log rotates its file itself, as logging.handlers' RotatingFileHandler did,
without importing logging.handlers (pickle, queue, socket: 1.2 MiB in the tray)."""

from __future__ import annotations

import logging
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from crickets.log import PrivateFileHandler


@pytest.fixture
def writer(tmp_path: Path) -> Iterator[tuple[logging.Logger, PrivateFileHandler]]:
    handler = PrivateFileHandler(tmp_path / "crickets.log", max_bytes=100, backups=2)
    handler.setFormatter(logging.Formatter("%(message)s"))
    own = logging.Logger("rotation-test")  # not in the manager: nothing global to undo
    own.addHandler(handler)
    yield own, handler
    handler.close()


def test_a_line_that_would_pass_the_limit_starts_a_new_file(
    writer: tuple[logging.Logger, PrivateFileHandler], tmp_path: Path
) -> None:
    logger, _ = writer
    for number in range(3):
        logger.warning("%s", f"line {number} " + "x" * 30)  # 38 bytes with its newline
    # two lines fit under 100 bytes; the third would not: the first two moved to .1
    assert (tmp_path / "crickets.log.1").read_text() == "".join(
        f"line {n} {'x' * 30}\n" for n in (0, 1)
    )
    assert (tmp_path / "crickets.log").read_text() == f"line 2 {'x' * 30}\n"


def test_only_the_newest_backups_are_kept_each_private(
    writer: tuple[logging.Logger, PrivateFileHandler], tmp_path: Path
) -> None:
    logger, _ = writer
    for number in range(12):
        logger.warning("%s", f"line {number:02} " + "x" * 60)  # one line per file
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["crickets.log", "crickets.log.1", "crickets.log.2"]
    assert (tmp_path / "crickets.log").read_text().startswith("line 11")
    assert (tmp_path / "crickets.log.1").read_text().startswith("line 10")
    assert (tmp_path / "crickets.log.2").read_text().startswith("line 09")
    assert {stat.S_IMODE(p.stat().st_mode) for p in tmp_path.iterdir()} == {0o600}


def test_a_log_deleted_under_it_is_started_again(
    writer: tuple[logging.Logger, PrivateFileHandler], tmp_path: Path
) -> None:
    logger, handler = writer
    logger.warning("first")
    (tmp_path / "crickets.log").unlink()
    handler.doRollover()  # nothing to move: a fresh file all the same
    logger.warning("second")
    assert (tmp_path / "crickets.log").read_text() == "second\n"


def test_the_log_loads_no_logging_handlers(tmp_path: Path) -> None:
    code = (
        "import sys; from pathlib import Path; from crickets import log; "
        "log.setup(Path(sys.argv[1])); log.logger.info('x'); "
        "print(sorted({'logging.handlers', 'pickle', 'queue'} & set(sys.modules)))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"
