"""Run ``crickets ARGS`` (or start the tray, offscreen, until its start has run) in
this fresh interpreter and print the modules it loaded, as JSON on the last line of stdout.

Used by test_light_start.py. The key is kept by :class:`FileKeychain` (a JSON file named by
``CRICKETS_PROBE_KEYS``), standing in for the Secret Service: what keyring or jeepney
load is the keychain's business, checked on the real desktop; what is checked here is
everything else the command line and the tray load on their way.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from crickets.storage.keychain import Keychain


class FileKeychain(Keychain):
    """A keychain that is a JSON file: it works, and it imports nothing."""

    def __init__(self, backend: object = None) -> None:
        super().__init__(backend=self)
        self._path = Path(os.environ["CRICKETS_PROBE_KEYS"])

    @property
    def name(self) -> str:
        return "probe"

    def _entries(self) -> dict[str, str]:
        return dict(json.loads(self._path.read_text())) if self._path.exists() else {}

    def get(self, username: str) -> str | None:
        return self._entries().get(username)

    def set(self, username: str, value: str) -> None:
        self._path.write_text(json.dumps({**self._entries(), username: value}))


def _stop_when_started() -> None:
    """The tray's start-up is done when :class:`TrayStart` has run inside the event loop
    (after the early icon): then print, and quit."""
    from PySide6.QtCore import QCoreApplication

    from crickets.wiring.start import TrayStart

    run = TrayStart.run

    def run_and_stop(self: TrayStart) -> None:
        run(self)
        QCoreApplication.exit(0)

    TrayStart.run = run_and_stop  # type: ignore[method-assign]


def _first_open_here() -> None:
    """The tray's first-open process is this probe too, so it finds the same key file."""
    from crickets.storage import first_open

    def command(data_dir: Path, *, file_only: bool) -> list[str]:
        return [sys.executable, __file__, first_open.FLAG, str(data_dir)]

    first_open.command = command


def main(argv: list[str]) -> int:
    from crickets import __main__ as entry
    from crickets.storage import opening

    vars(opening)["Keychain"] = FileKeychain  # the keychain open_store makes, for this run
    if argv[:1] == [entry.FIRST_OPEN]:
        from crickets.storage import first_open

        return first_open.main(argv[1:])
    if not argv:
        _stop_when_started()
        _first_open_here()
    sys.argv = ["crickets", *argv]
    code = entry.main()
    print(json.dumps(sorted(sys.modules)))
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
