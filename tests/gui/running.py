"""The tray app as :mod:`crickets.app` assembles it, over a test's store and clock."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication

from crickets.application.use_cases import UseCases
from crickets.domain.clock import Clock
from crickets.storage.store import Store
from crickets.ui.shell import USUAL_START, StartMode
from crickets.ui.system.single_instance import SingleInstanceServer
from crickets.wiring.session import build_use_cases
from crickets.wiring.tray import TrayApp, build_tray
from crickets.wiring.windows import register_windows


def qt_app() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app


def running_tray(
    store: Store,
    clock: Clock,
    socket: str,
    *,
    mode: StartMode = USUAL_START,
    hourly: Callable[[], None] | None = None,
    data_dir: Path | None = None,
) -> tuple[TrayApp, UseCases]:
    use_cases = build_use_cases(store, clock)
    server = SingleInstanceServer(socket)  # claimed first, as crickets.app claims it; a
    server.listen()  # socket that cannot be made leaves it not listening, as there
    running = build_tray(qt_app(), use_cases, store, server=server, mode=mode, hourly=hourly)
    register_windows(running.windows, running.controller, use_cases, qt_app(), data_dir=data_dir)
    return running, use_cases
