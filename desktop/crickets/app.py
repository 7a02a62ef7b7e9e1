"""Starting the tray: ``crickets`` (no subcommand) and ``crickets --demo`` reach it through
:func:`run`, from :mod:`crickets.__main__`; nothing else imports this module.

It claims the data folder's single-instance socket, shows the app's icon, and runs the
event loop; inside it :class:`crickets.wiring.start.TrayStart` opens the data folder and has
:mod:`crickets.wiring.tray` and :mod:`crickets.wiring.windows` assemble the Qt side over its
use cases (docs/architecture.md, docs/decisions/179). Heavy imports (Qt, the store) happen
here and there, after argument parsing.

Ctrl+C and SIGTERM stop the tray as Quit does: the clean-up runs (the store is closed, the
demo's throw-away folder removed), and then the process ends by that same signal, so the
shell sees 130 or 143 and a service manager a clean stop (docs/decisions/076-quit-on-
signals.md).
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from types import FrameType, TracebackType

from crickets import log, paths

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Interrupted(BaseException):
    """A stop signal before the event loop could take it: start-up unwinds through its
    clean-up. A BaseException, like KeyboardInterrupt, so no ``except Exception`` keeps it."""


class StopSignals:
    """Catches Ctrl+C and SIGTERM from the first moment of :func:`run` to its last."""

    def __init__(self) -> None:
        self.received: signal.Signals | None = None
        self.loop_watches = False  # the event loop takes them now (ui.system.quit_signals)
        self._previous = {sig: signal.signal(sig, self._caught) for sig in STOP_SIGNALS}

    def _caught(self, number: int, _frame: FrameType | None) -> None:
        if self.received is not None:
            return  # already stopping: the clean-up finishes
        self.received = signal.Signals(number)
        if not self.loop_watches:
            raise Interrupted(number)

    def restore(self) -> None:
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)

    def end_as_signalled(self) -> None:
        """After the clean-up: end the process by the signal that stopped it (as an
        unhandled Ctrl+C ends any Python program), so whoever started Crickets can tell."""
        if self.received is None:
            return
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        signal.signal(self.received, signal.SIG_DFL)
        os.kill(os.getpid(), self.received)


def _one_line_hook(log_file: Path) -> ExceptHook:
    """A bug inside a window or timer: the details go to the log, one line to stderr."""

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        log.logger.error("unexpected error in the tray app", exc_info=(kind, error, trace))
        print(f"crickets: internal error; details were written to {log_file}", file=sys.stderr)

    return hook


def _data_dir(args: argparse.Namespace) -> Path:
    if args.demo:
        from crickets import demo  # its sample interview's modules, only for the demo

        return demo.demo_data_dir()
    return paths.data_dir(args.data_dir)


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
    stops = StopSignals()
    data_dir: Path | None = None
    try:
        data_dir = _data_dir(args)
        code = _run_in(data_dir, args, stops)
    except Interrupted:
        code = 0  # replaced by the signal itself below
    finally:
        if args.demo and data_dir is not None:  # throw-away: nothing of it stays, ever
            shutil.rmtree(data_dir, ignore_errors=True)
        stops.restore()
    stops.end_as_signalled()
    return code


def _run_in(data_dir: Path, args: argparse.Namespace, stops: StopSignals) -> int:
    from crickets.ui.qt_app import create_application, plain_imports

    plain_imports()  # before Crickets' own Qt modules load
    from PySide6.QtCore import QTimer

    from crickets import ipc
    from crickets.ui.system.quit_signals import SignalQuit
    from crickets.ui.system.single_instance import claim
    from crickets.ui.tray.early_icon import show_early_icon

    log_file = log.setup(data_dir)
    sys.excepthook = _one_line_hook(log_file)
    app = create_application()
    quitter = SignalQuit(app)
    stops.loop_watches = True
    if stops.received is not None:  # caught just before the loop could take it
        raise Interrupted(stops.received)
    socket = ipc.socket_path(data_dir)
    request = ipc.open_request(args.open) if args.open else ipc.Request(ipc.Command.FOCUS)
    claimed = claim(socket, request)  # before the icon: an icon means the tray answers
    if isinstance(claimed, ipc.HandOver):
        print(claimed.message, file=sys.stdout if claimed.reached else sys.stderr)
        return 0 if claimed.reached else 1
    # The icon first; the store, the countdown and the menu follow inside the event loop
    # (crickets.wiring.start, docs/decisions/179), the store's first opening in a process
    # of its own meanwhile (crickets.storage.first_open, docs/decisions/181).
    early = show_early_icon()
    from crickets.storage.first_open import FirstOpenProcess
    from crickets.wiring.start import FIRST_PAINT_MS, TrayStart

    first = None if args.demo else FirstOpenProcess(data_dir, file_only=False)
    start = TrayStart(app, data_dir, args, claimed, early, first)
    QTimer.singleShot(FIRST_PAINT_MS, start.run)
    try:
        code = app.exec()
    finally:
        quitter.close()
        start.close()
    return int(code)
