"""kill -9 at random moments of a writing process: the database always opens, passes
``PRAGMA integrity_check``, and holds every write that was acknowledged.

A writer subprocess opens the store the way the app does (key file, daily snapshot, the
works), then adds interviews, logs actions and updates notes, printing each id only after
its transaction committed. The test kills it (SIGKILL) at a moment drawn from a seeded RNG:
sometimes while it starts (creating the database, the key, a snapshot), mostly while it
writes. What was printed before the kill is what was acknowledged.

Two lanes (separate data folders) run side by side so 110 kills take well under a minute;
the random delays choose *when* to kill, nothing waits for time to pass.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from crickets.domain.clock import FixedClock
from crickets.storage import backups
from crickets.storage.keychain import Keychain
from crickets.storage.opening import open_store
from crickets.storage.recovery import set_aside_files
from tests.unit.storage.test_keychain import NOW, ROOT, fail_backend

LANES = 2
KILLS_PER_LANE = 55  # 110 kills in all
SEED = 20261125

WRITER = r"""
import sys
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

from crickets.domain.actions import Action, ActionKind
from crickets.domain.clock import FixedClock
from crickets.domain.interview import Interview
from crickets.domain.profile import Profile
from crickets.storage.opening import open_store

data, run = Path(sys.argv[1]), int(sys.argv[2])
now = datetime(2026, 11, 25, 12, 21, tzinfo=timezone.utc) + timedelta(days=run)
opened = open_store(data, clock=FixedClock(now))  # a daily snapshot is due at every run
store = opened.store
store.settings.save_profile(Profile(f"Writer {run}"))  # the first seal: finds or makes the key
print("ready", flush=True)
n = 0
while True:
    tag = f"{run}.{n}"
    iv = store.interviews.add(Interview(
        local_start=datetime(2026, 12, 1, 14, 0), zone="America/New_York",
        company=f"Co {tag}", interviewer_name=f"Person {tag}", notes="x" * (n % 7 * 300),
    ))
    print(f"add {iv.id} {tag}", flush=True)
    action = store.log.log_action(Action(iv.id, now, ActionKind.CALLED, f"called {tag}"))
    print(f"act {action.id} {tag}", flush=True)
    if n % 3 == 0:
        store.interviews.update(replace(iv, notes=f"updated {tag}"))
        print(f"upd {iv.id} {tag}", flush=True)
    n += 1
"""


@dataclass
class Acknowledged:
    added: dict[int, str] = field(default_factory=dict)  # interview id -> tag
    actions: dict[int, str] = field(default_factory=dict)  # action id -> tag
    updated: dict[int, str] = field(default_factory=dict)  # interview id -> tag


def _env() -> dict[str, str]:
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    env["PYTHONPATH"] = str(ROOT)
    return env


def _kill_once(data: Path, run: int, rng: random.Random, seen: Acknowledged) -> str:
    """Start a writer, kill it at a random moment, record what it acknowledged."""
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(data), str(run)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(),
    )
    assert process.stdout is not None and process.stderr is not None
    early = rng.random() < 0.25  # a quarter of the kills land while it starts up
    killer = threading.Timer(rng.uniform(0.0, 0.3 if early else 0.12), process.kill)
    ready = False
    if early:
        killer.start()
    safety = threading.Timer(30, process.kill)  # never hang the suite
    safety.start()
    try:
        for line in process.stdout:
            kind, _, rest = line.strip().partition(" ")
            if kind == "ready":
                ready = True
                if not early:
                    killer.start()
                continue
            row_id, tag = rest.split()
            {"add": seen.added, "act": seen.actions, "upd": seen.updated}[kind][int(row_id)] = tag
        code = process.wait(timeout=30)
    finally:
        killer.cancel()
        safety.cancel()
    errors = process.stderr.read()
    process.stderr.close()
    process.stdout.close()
    assert code == -signal.SIGKILL, f"the writer stopped by itself ({code}): {errors}"
    return "writing" if ready else "starting"


def _check(data: Path, seen: Acknowledged) -> None:
    database = data / "crickets.sqlite3"
    if not database.exists():
        assert not seen.added
        return
    conn = sqlite3.connect(database)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        conn.close()
    opened = open_store(
        data, clock=FixedClock(NOW), keychain=Keychain(fail_backend()), daily_backup=False
    )
    try:
        assert not any("set aside" in notice for notice in opened.notices), opened.notices
        store = opened.store
        interviews = {i.id: i for i in store.interviews.list()}
        for interview_id, tag in seen.added.items():
            assert interviews[interview_id].company == f"Co {tag}"
            assert interviews[interview_id].interviewer_name == f"Person {tag}"
        if seen.added:  # the profile was saved before the first add
            assert store.settings.load_profile().name.startswith("Writer")
        for interview_id, tag in seen.updated.items():
            assert interviews[interview_id].notes == f"updated {tag}"
        details = {a.id: a.detail for a in store.log.actions()}
        for action_id, tag in seen.actions.items():
            assert details[action_id] == f"called {tag}"
    finally:
        opened.close()
    assert set_aside_files(database) == []


def _lane(data: Path, seed: int, moments: list[str]) -> None:
    rng = random.Random(seed)
    seen = Acknowledged()
    for run in range(KILLS_PER_LANE):
        moments.append(_kill_once(data, run, rng, seen))
        _check(data, seen)
    assert len(seen.added) >= 20 and len(seen.updated) >= 5
    for snapshot in backups.list_snapshots(data / "backups"):
        backups.verify_snapshot(snapshot.path)  # a killed copy never gets a snapshot's name


@pytest.mark.slow
def test_kill_9_at_random_moments_loses_no_acknowledged_write(tmp_path: Path) -> None:
    moments: list[str] = []
    failures: list[BaseException] = []

    def run_lane(index: int) -> None:
        try:
            _lane(tmp_path / f"lane{index}", SEED + index, moments)
        except BaseException as error:
            failures.append(error)

    lanes = [threading.Thread(target=run_lane, args=(i,)) for i in range(LANES)]
    for lane in lanes:
        lane.start()
    for lane in lanes:
        lane.join()
    if failures:
        raise failures[0]
    assert len(moments) == LANES * KILLS_PER_LANE >= 100
    assert moments.count("writing") >= 50 and moments.count("starting") >= 5, moments
