"""The app's own log: a rotating file in the data directory, the last resort for messages."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_NAME = "crickets.log"
logger = logging.getLogger("crickets")


def log_path(directory: Path) -> Path:
    return directory / LOG_NAME


def setup(directory: Path, *, verbose: bool = False) -> Path:
    """Send ``crickets.*`` records to ``crickets.log`` in ``directory`` (created if needed)."""
    path = log_path(directory)
    if any(getattr(h, "baseFilename", None) == str(path) for h in logger.handlers):
        return path
    try:
        directory.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=512_000, backupCount=2, encoding="utf-8"
        )
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG if verbose else logging.INFO)
    return path
