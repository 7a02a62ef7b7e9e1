"""The tray's start after its icon is up: the store, the Qt side, the first count.

:func:`crickets.app.run` shows the app's icon (:mod:`crickets.ui.tray.early_icon`), starts
the event loop, and hands the rest to :class:`TrayStart` a moment later, so the icon is in
the tray, painted, while the modules load and the store opens (docs/decisions/179). A store
that cannot be used still ends the start with one clear message and exit code 2.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from crickets.domain.clock import SystemClock
from crickets.domain.errors import StoreError

if TYPE_CHECKING:
    from crickets.storage.first_open import FirstOpenProcess
    from crickets.ui.system.single_instance import SingleInstanceServer
    from crickets.ui.tray.early_icon import EarlyIcon
    from crickets.wiring.session import Session
    from crickets.wiring.tray import TrayApp

#: How long the loop runs before the rest of the start: the tray host embeds the icon
#: and it is painted (a few ms on a local display) before the loop is busy for a while.
FIRST_PAINT_MS = 15


class TrayStart:
    """Opens ``data_dir`` and assembles the tray over it, once, inside the event loop."""

    def __init__(
        self,
        app: QApplication,
        data_dir: Path,
        args: argparse.Namespace,
        server: SingleInstanceServer,
        early: EarlyIcon | None,
        first: FirstOpenProcess | None = None,
    ) -> None:
        self._app, self._data_dir, self._args = app, data_dir, args
        self._server, self._early, self._first = server, early, first
        self.session: Session | None = None
        self.running: TrayApp | None = None

    def run(self) -> None:
        """The start proper; a store that cannot be used ends the event loop with code 2."""
        from crickets.ui.qt_app import show_fatal

        try:
            self._open()
        except StoreError as error:  # a store that cannot be used: one clear message
            show_fatal(str(error))
            self._app.exit(2)

    def _open(self) -> None:
        from crickets.storage.keychain import file_only
        from crickets.ui.shell import StartMode
        from crickets.wiring.session import Session
        from crickets.wiring.tray import build_tray
        from crickets.wiring.windows import register_windows

        args, clock = self._args, SystemClock()
        first, self._first = (self._first.result() if self._first else None), None
        notices = Notices(first.notices if first else ())
        # The demo's throw-away store keeps its key in a file beside it, never in the
        # person's real keychain, and its storage notices would only confuse a first look.
        self.session = session = Session(
            self._data_dir,
            clock,
            on_notice=_ignore if args.demo else notices.say,
            keychain=file_only() if args.demo else None,
            handed=first.handed if first else None,
        )
        use_cases = session.use_cases  # opens the store
        if args.demo:
            from crickets import demo  # its sample interview, only for the demo

            demo.seed(use_cases, clock.now())
        opened = session.opened

        def snapshot() -> None:
            opened.snapshot_if_due()  # a failure becomes a notice, never an exception

        self.running = running = build_tray(
            self._app,
            use_cases,
            opened.store,
            server=self._server,
            mode=StartMode(background=args.background, demo=args.demo),
            hourly=snapshot,
            early=self._early,
        )
        register_windows(
            running.windows, running.controller, use_cases, self._app, data_dir=self._data_dir
        )
        running.shell.start()
        notices.show_with(lambda text: running.notifier.notify("Crickets", text))
        if args.open:
            running.shell.import_file(args.open)

    def close(self) -> None:
        """After the event loop: stop what started (any part of it) and close the store."""
        if self._first is not None:
            self._first.stop()
        if self.running is not None:
            self.running.shell.stop()
        else:
            self._server.close()
            if self._early is not None:
                self._early.icon.hide()
        if self.session is not None:
            self.session.close()


class Notices:
    """The store's notices: until the tray can show them, the first-open process's and the
    tray's own opening's, each kept once (both open the same store; read-only or damage is
    seen by both); from then on, each shown as it arises (a failed daily backup)."""

    def __init__(self, first: tuple[str, ...]) -> None:
        self.kept = list(first)
        self._show: Callable[[str], None] | None = None

    def say(self, text: str) -> None:
        if self._show is not None:
            self._show(text)
        elif text not in self.kept:
            self.kept.append(text)

    def show_with(self, show: Callable[[str], None]) -> None:
        """Show what was kept, and every later notice, with ``show``."""
        self._show = show
        for text in self.kept:
            show(text)


def _ignore(_text: str) -> None:
    """A notice nobody is shown (the demo's)."""
