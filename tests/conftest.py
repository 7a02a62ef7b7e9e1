"""Shared by every test: never touch the developer's real keychain or data."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _isolated_keychain(monkeypatch: pytest.MonkeyPatch) -> None:
    """Subprocesses inherit this: the CLI keeps its key in a file beside the temporary data.

    The desktop tests that exercise the real Secret Service set their own backend.
    """
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.delenv("CRICKETS_DATA_DIR", raising=False)
