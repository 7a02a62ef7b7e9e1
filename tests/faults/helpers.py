"""What the fault tests share: the real command line in a subprocess, and a way to damage
one cell of a database behind Crickets' back."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
NOW = "2026-11-25T12:00:00+00:00"
DATABASE = "crickets.sqlite3"


def cli(
    data: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``crickets --data-dir DATA ARGS`` at a fixed instant, keeping its key in a file."""
    path = os.pathsep.join(filter(None, [os.environ.get("PYTHONPATH"), str(ROOT)]))
    full = {
        **os.environ,
        "CRICKETS_CLOCK": NOW,
        "TZ": "Europe/London",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "PYTHONPATH": path,
        **(env or {}),
    }
    full.pop("CRICKETS_DATA_DIR", None)
    return subprocess.run(
        [sys.executable, "-m", "crickets", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        env=full,
        timeout=60,
    )


def add(data: Path, company: str, *more: str) -> None:
    when = ("--at", "2026-12-01 14:00", "--tz", "Europe/Paris")
    done = cli(data, "add", *when, "--company", company, *more)
    assert done.returncode == 0, done.stderr


def listed(data: Path) -> list[str]:
    done = cli(data, "list", "--json")
    assert done.returncode == 0, done.stderr
    found: list[dict[str, Any]] = json.loads(done.stdout)
    return [str(i["company"]) for i in found]


def damage(data: Path, sql: str) -> None:
    """Run ``sql`` on the database directly, as a failing disk or another tool would."""
    conn = sqlite3.connect(data / DATABASE, isolation_level=None)
    try:
        conn.executescript(sql)
    finally:
        conn.close()
    check = sqlite3.connect(data / DATABASE)
    try:
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        check.close()


def not_utf8(text: str = "x") -> str:
    """An SQL expression for TEXT that is not UTF-8 (what SQLite stores without checking)."""
    return f"CAST(x'{text.encode().hex()}ff00fe' AS TEXT)"
