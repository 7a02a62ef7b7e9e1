"""A full disk says so, and reading still works (issue 15, item 7).

With under about 32 KB free, SQLite cannot make the shared-memory file of a WAL database,
and every command (reading ones included) used to end with "disk I/O error". Simulated on a
real, small file system: a 1 MB tmpfs mounted in a private mount namespace (``unshare
-rm``; no root needed), filled to 16 KB.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from crickets.storage import disk_space
from crickets.storage.connection import translate
from tests.faults.helpers import NOW, ROOT

COMMANDS = {
    "list": ("list", "--json"),
    "status": ("status", "--json"),
    "show": ("show", "1", "--json"),
    "export": ("export",),
    "add": ("add", "--at", "2026-12-02 10:00", "--company", "Overflow", "--notes", "x" * 5000),
}


def _tmpfs_works() -> bool:
    if shutil.which("unshare") is None or not sys.platform.startswith("linux"):
        return False
    with tempfile.TemporaryDirectory() as folder:
        probe = subprocess.run(
            ["unshare", "-rm", "sh", "-c", f"mount -t tmpfs -o size=64k tmpfs '{folder}'"],
            capture_output=True,
            timeout=10,
        )
    return probe.returncode == 0


def run_on_a_full_disk(tmp_path: Path, free_kb: int) -> dict[str, tuple[int, str, str]]:
    """Add two interviews on a 1 MB tmpfs, fill it to ``free_kb`` free, run each command;
    (exit status, stdout, stderr) by command."""
    mount, out = tmp_path / "mnt", tmp_path / "out"
    mount.mkdir()
    out.mkdir()
    crickets = f"'{sys.executable}' -m crickets --data-dir '{mount}/data'"
    fill = (
        f"'{sys.executable}' -c \"import shutil; f = shutil.disk_usage('{mount}').free; "
        f"open('{mount}/filler', 'wb').write(bytes(max(f - {free_kb * 1024}, 0)))\""
    )
    lines = [f"mount -t tmpfs -o size=1m tmpfs '{mount}' || exit 99"]
    for company in ("Acme", "Globex"):
        lines.append(f"{crickets} add --at '2026-12-01 14:00' --company {company} || exit 98")
    lines.append(fill)
    for name, args in COMMANDS.items():
        quoted = " ".join(f"'{a}'" for a in args)
        lines.append(
            f"{crickets} {quoted} > '{out}/{name}.out' 2> '{out}/{name}.err'; "
            f"echo $? > '{out}/{name}.rc'"
        )
    path = os.pathsep.join(filter(None, [os.environ.get("PYTHONPATH"), str(ROOT)]))
    env = {
        **os.environ,
        "CRICKETS_CLOCK": NOW,
        "TZ": "Europe/London",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "PYTHONPATH": path,
    }
    done = subprocess.run(
        ["unshare", "-rm", "sh", "-c", "\n".join(lines)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return {
        name: (
            int((out / f"{name}.rc").read_text()),
            (out / f"{name}.out").read_text(),
            (out / f"{name}.err").read_text(),
        )
        for name in COMMANDS
    }


@pytest.mark.skipif(not _tmpfs_works(), reason="no private mount namespace (unshare -rm)")
def test_reading_works_and_writing_says_the_disk_is_full(tmp_path: Path) -> None:
    results = run_on_a_full_disk(tmp_path, free_kb=16)
    for name in ("list", "status", "show", "export"):
        code, _out, err = results[name]
        assert code == 0, (name, err)
        assert "is full" in err and "read-only mode" in err and "Free about" in err, (name, err)
        assert "disk I/O error" not in err
    listed = json.loads(results["list"][1])
    assert [i["company"] for i in listed] == ["Acme", "Globex"]
    assert json.loads(results["show"][1])["company"] == "Acme"
    assert json.loads(results["export"][1])["format"] == "crickets-export"
    code, _out, err = results["add"]
    assert code == 2, err
    last = err.strip().splitlines()[-1]
    assert "is full" in last and "free about" in last and "disk I/O error" not in last


def test_an_io_error_on_a_nearly_full_disk_is_a_full_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    monkeypatch.setattr(disk_space, "free_bytes", lambda folder: 12_000)
    error = translate(sqlite3.OperationalError("disk I/O error"), tmp_path / "crickets.sqlite3")
    assert str(error).startswith(f"The disk holding {tmp_path} is full (12 KB free)")
    assert "free about 1.1 MB and try again" in str(error)
    monkeypatch.setattr(disk_space, "free_bytes", lambda folder: 50_000_000_000)
    other = translate(sqlite3.OperationalError("disk I/O error"), tmp_path / "crickets.sqlite3")
    assert "is full" not in str(other)  # a real I/O error on a roomy disk stays one


@pytest.mark.parametrize(
    ("size", "text"), [(999, "999 bytes"), (16_384, "16 KB"), (1_250_000, "1.2 MB")]
)
def test_sizes_read_as_a_file_manager_shows_them(size: int, text: str) -> None:
    assert disk_space.size_text(size) == text
