"""``python -m crickets`` and the ``crickets`` console script."""

from __future__ import annotations

import sys


def _launch_tray(args: object) -> int:
    from crickets.app import run  # the composition root, imported only to start the tray

    return run(args)  # type: ignore[arg-type]


def main() -> int:
    from crickets.cli import main as cli_main

    return cli_main(sys.argv[1:], launch=_launch_tray)


def main_gui() -> int:
    """The gui-script entry point (no console window on Windows)."""
    return main()


if __name__ == "__main__":
    sys.exit(main())
