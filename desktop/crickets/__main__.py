"""``python -m crickets`` and the ``crickets`` console script.

The entry point hands the command line its two outer pieces, each imported only when
used: the tray (:mod:`crickets.app`) and the data folder's session
(:mod:`crickets.wiring.session`), so ``crickets --help`` loads neither.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

#: ``crickets.storage.first_open.FLAG``, spelled here so a command line imports nothing more.
FIRST_OPEN = "--first-open"

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable
    from pathlib import Path

    from crickets.commands.session import CliSession
    from crickets.domain.clock import Clock


def _launch_tray(args: argparse.Namespace) -> int:
    from crickets.app import run  # the composition root, imported only to start the tray

    return run(args)


def _open_session(data_dir: Path, clock: Clock, on_notice: Callable[[str], None]) -> CliSession:
    from crickets.wiring.session import Session  # the store, only when a command needs it

    return Session(data_dir, clock, on_notice=on_notice)


def main() -> int:
    if sys.argv[1:2] == [FIRST_OPEN]:  # the tray's own helper process, not a command
        from crickets.storage import first_open

        return first_open.main(sys.argv[2:])
    from crickets.cli import main as cli_main

    return cli_main(sys.argv[1:], launch=_launch_tray, open_session=_open_session)


def main_gui() -> int:
    """The gui-script entry point (no console window on Windows)."""
    return main()


if __name__ == "__main__":
    sys.exit(main())
