"""Leftovers of a kill -9 are cleared on the next start (issue 15, item 10: the probe part).

Opening the store checks the folder can be written by creating a ``.write-probe-*`` file;
a process killed in that instant leaves it behind. The next start removes old ones, and
never one another process may be using right now.
"""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime
from pathlib import Path

from crickets.domain.clock import FixedClock
from crickets.storage.keychain import Keychain
from crickets.storage.opening import PROBE_PREFIX, open_store


def test_a_start_clears_old_write_probes_and_keeps_a_fresh_one(tmp_path: Path) -> None:
    old, fresh = tmp_path / f"{PROBE_PREFIX}killed", tmp_path / f"{PROBE_PREFIX}busy"
    old.touch()
    fresh.touch()
    an_hour_ago = time.time() - 3600
    os.utime(old, (an_hour_ago, an_hour_ago))

    opened = open_store(
        tmp_path, clock=FixedClock(datetime(2026, 11, 25, tzinfo=UTC)), keychain=Keychain()
    )
    opened.close()
    assert not old.exists()
    assert fresh.exists()  # another process may be probing this very moment
    assert sorted(p.name for p in tmp_path.glob(f"{PROBE_PREFIX}*")) == [fresh.name]
