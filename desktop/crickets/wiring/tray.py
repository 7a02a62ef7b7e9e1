"""The tray side of the composition root: the controller, the tray, the reminder windows,
the notification chain, the single-instance server, the sleep watch and the sound, built
over one data folder's use cases and handed to the :class:`~crickets.ui.shell.Shell`.

The window factories are registered separately (:func:`crickets.wiring.windows.
register_windows`), on the :class:`~crickets.ui.windows.Windows` built here.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from crickets.application.explanations import Explanations
from crickets.application.ports import Notifier
from crickets.application.use_cases import UseCases
from crickets.services.notifications import (
    ACTIONS_EXPIRE_MS,
    APP_NAME,
    PlyerNotifier,
    notify_send_args,
)
from crickets.storage.store import Store
from crickets.ui.controller import Controller
from crickets.ui.reminders.content import ReminderContent
from crickets.ui.reminders.sound import Sound
from crickets.ui.shell import USUAL_START, Shell, ShellParts, StartMode
from crickets.ui.system.action_notice import ActionNotifier, DaemonCapabilities
from crickets.ui.system.notify_chain import LogNotifier, NotifyChain, TrayBalloonNotifier
from crickets.ui.system.notify_send import NotifySendNotifier
from crickets.ui.system.single_instance import SingleInstanceServer
from crickets.ui.system.sleep_watch import SleepWatch
from crickets.ui.tray.early_icon import EarlyIcon
from crickets.ui.tray.placement import TrayPlacement
from crickets.ui.tray.tray_icon import Tray
from crickets.ui.windows import Windows


@dataclass(frozen=True)
class TrayApp:
    """What the entry point needs after assembly: the shell to start and stop, and the
    pieces the window factories are registered over."""

    shell: Shell
    controller: Controller
    windows: Windows
    notifier: NotifyChain


def notifiers(
    tray: QSystemTrayIcon | None,
    *,
    platform: str = sys.platform,
    which: Callable[[str], str | None] = shutil.which,
    parent: QObject | None = None,
) -> list[Notifier]:
    """The chain for this machine, in order: the OS notification (``notify-send`` run
    asynchronously on a freedesktop system, plyer elsewhere), the tray balloon, the log."""
    chain: list[Notifier] = []
    freedesktop = platform.startswith("linux") or "bsd" in platform
    notify_send = which("notify-send") if freedesktop else None
    if notify_send:
        chain.append(NotifySendNotifier(notify_send, notify_send_args, parent=parent))
    else:
        chain.append(PlyerNotifier(app_name=APP_NAME))
    if tray is not None:
        chain.append(TrayBalloonNotifier(tray))
    chain.append(LogNotifier())
    return chain


def action_notifier(
    *, platform: str = sys.platform, which: Callable[[str], str | None] = shutil.which
) -> ActionNotifier | None:
    """Notifications with buttons, where a freedesktop daemon can show them (notify-send);
    None elsewhere: there the chain shows them without buttons."""
    freedesktop = platform.startswith("linux") or "bsd" in platform
    notify_send = which("notify-send") if freedesktop else None
    if not notify_send:
        return None

    def arguments(title: str, message: str, actions: Sequence[tuple[str, str]]) -> list[str]:
        return notify_send_args(title, message, expire_ms=ACTIONS_EXPIRE_MS, actions=actions)

    return ActionNotifier(notify_send, arguments, DaemonCapabilities())


def build_tray(
    app: QApplication,
    use_cases: UseCases,
    store: Store,
    *,
    server: SingleInstanceServer,
    mode: StartMode = USUAL_START,
    hourly: Callable[[], None] | None = None,
    early: EarlyIcon | None = None,
) -> TrayApp:
    """Every Qt-side piece over ``use_cases``; ``store`` is read only for its change
    counter (writes by the CLI) and the app state (the no-tray explanation). ``server``:
    the single-instance socket, already claimed (``single_instance.claim``); ``early``: the
    tray icon already shown while the rest loaded, which the tray takes over."""
    book = use_cases.book
    controller = Controller(use_cases.logbook, use_cases.rescheduling, changes=store.database)
    tray = Tray(early=early)
    content = ReminderContent.load()
    windows = Windows(controller, book, content)  # links: the browser, loaded on use
    notifier = NotifyChain(notifiers(tray.icon), actionable=action_notifier())
    parts = ShellParts(
        controller=controller,
        tray=tray,
        placement=TrayPlacement(tray, Explanations(store.state)),
        windows=windows,
        notifier=notifier,
        sound=Sound(enabled=True),
        server=server,
        sleep=SleepWatch(book.clock),
        book=book,
        explanations=Explanations(store.state),
    )
    shell = Shell(app, parts, mode, hourly)
    return TrayApp(shell, controller, windows, notifier)
