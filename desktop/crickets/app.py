"""The composition root: the one place that builds and wires everything (DESIGN.md §3).

Nothing imports this module; ``crickets`` (no subcommand) and ``crickets --demo`` reach it
through :func:`run`. Heavy imports (Qt) happen here, after argument parsing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

from crickets import demo, log, paths
from crickets.domain.clock import SystemClock
from crickets.services.system_zone import home_zone


def _one_line_hook(log_file: Path):  # type: ignore[no-untyped-def]
    """A bug inside a window or timer: the details go to the log, one line to stderr."""

    def hook(kind, error, trace) -> None:  # type: ignore[no-untyped-def]
        log.logger.error("unexpected error in the tray app", exc_info=(kind, error, trace))
        print(f"crickets: internal error; details were written to {log_file}", file=sys.stderr)

    return hook


def _data_dir(args: argparse.Namespace) -> Path:
    return demo.demo_data_dir() if args.demo else paths.data_dir(args.data_dir)


def no_display_reason(environ: dict[str, str], platform: str = sys.platform) -> str | None:
    """Why the tray cannot start here, in one sentence (None when a desktop is reachable)."""
    if not platform.startswith("linux") or environ.get("QT_QPA_PLATFORM"):
        return None
    if environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return None
    return (
        "no desktop session here (neither DISPLAY nor WAYLAND_DISPLAY is set); start "
        "Crickets from your desktop, or use the command line: crickets --help"
    )


def run(args: argparse.Namespace) -> int:
    reason = no_display_reason(dict(os.environ))
    if reason:
        print(f"crickets: {reason}", file=sys.stderr)
        return 2
    data_dir = _data_dir(args)
    try:
        return _run_in(data_dir, args)
    finally:
        if args.demo:  # throw-away: nothing of it stays, even when start-up failed
            shutil.rmtree(data_dir, ignore_errors=True)


def _run_in(data_dir: Path, args: argparse.Namespace) -> int:
    from crickets import ipc
    from crickets.storage.errors import StorageError
    from crickets.storage.keychain import file_only
    from crickets.storage.opening import open_store
    from crickets.ui.shell import Shell, create_application, show_fatal

    log_file = log.setup(data_dir)
    sys.excepthook = _one_line_hook(log_file)
    app = create_application()
    socket = ipc.socket_path(data_dir)
    request = ipc.open_request(args.open) if args.open else ipc.Request(ipc.Command.FOCUS)
    if ipc.send(socket, request) is ipc.Delivery.DELIVERED:
        print("Crickets is already running; it has been brought to the front.")
        return 0
    clock = SystemClock()
    notices: list[str] = []
    try:
        # The demo's throw-away store keeps its key in a file beside it, never in the
        # person's real keychain, and its storage notices would only confuse a first look.
        keychain = file_only() if args.demo else None
        say = (lambda _text: None) if args.demo else notices.append
        opened = open_store(data_dir, clock=clock, keychain=keychain, on_notice=say)
        store = opened.store
    except StorageError as error:  # a store that cannot be used: one clear message
        show_fatal(str(error))
        return 2
    if args.demo:
        demo.seed(store, clock.now())
    shell = Shell(
        app,
        store,
        clock,
        zone_for=lambda s: home_zone(s.home_zone),
        socket=socket,
        data_dir=data_dir,
        background=args.background,
        demo=args.demo,
        hourly=opened.snapshot_if_due,
    )
    shell.start()
    for notice in notices:
        shell.notifier.notify("Crickets", notice)
    if args.open:
        shell.import_file(args.open)
    code = app.exec()
    shell.stop()
    opened.close()
    return int(code)
