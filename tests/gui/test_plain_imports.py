"""PySide6's import hook is taken off once Qt has loaded (docs/decisions/179): a module
imported afterwards is not read into ``linecache`` (3.9 MiB for the tray's modules)."""

from __future__ import annotations

import builtins
import subprocess
import sys

from pytest import MonkeyPatch

from crickets.ui.qt_app import plain_imports

PROBE = """
import builtins, linecache, sys
from crickets.ui.qt_app import plain_imports
hooked = builtins.__import__ is builtins.__feature_import__
if sys.argv[1] == "plain":
    plain_imports()
from crickets.domain.phases import Phase  # the hook sees the module named here
print(hooked, any(name.endswith("phases.py") for name in linecache.cache))
"""


def imported_source_cached(mode: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, mode], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_with_the_hook_each_import_is_read_into_linecache_and_without_it_not() -> None:
    assert imported_source_cached("hooked") == "True True"  # what PySide6 does by itself
    assert imported_source_cached("plain") == "True False"


def test_it_changes_nothing_when_the_hook_is_not_there(monkeypatch: MonkeyPatch) -> None:
    mine = builtins.__import__
    monkeypatch.setattr(builtins, "__feature_import__", object(), raising=False)
    plain_imports()
    assert builtins.__import__ is mine
