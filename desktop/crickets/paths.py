"""Where Crickets keeps its files: ``--data-dir``, else ``CRICKETS_DATA_DIR``, else the
platform's user data directory (``~/.local/share/crickets`` on Linux)."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "crickets"
ENV_DATA_DIR = "CRICKETS_DATA_DIR"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    if override:
        return Path(override).expanduser()
    from_env = os.environ.get(ENV_DATA_DIR, "").strip()
    if from_env:
        return Path(from_env).expanduser()
    import platformdirs  # only needed when no directory was given

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=True))


def database_path(directory: Path) -> Path:
    return directory / "crickets.sqlite3"
