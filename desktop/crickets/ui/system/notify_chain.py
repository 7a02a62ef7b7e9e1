"""Telling the person something, whatever the desktop can do: an ordered chain of notifiers.

The OS notification comes first (``notify-send`` run asynchronously on Linux,
:mod:`crickets.ui.system.notify_send`; plyer elsewhere), then the tray icon's balloon, then
the app's own log, which always works. A notifier that fails (returns False, raises or
warns) hands over to the next one; one that only learns later, like a ``notify-send``
process that exits non-zero, hands over when it learns.
Nothing ever reaches the caller: no exception, no Python warning, no Qt warning
(docs/decisions/040). Which notifiers, in which order, is the composition root's choice
(:mod:`crickets.wiring.tray`); the chain only runs them.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Callable, Sequence
from functools import partial
from typing import ClassVar, Protocol, runtime_checkable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QSystemTrayIcon

from crickets.application.ports import Notifier
from crickets.ui.system.action_notice import ActionNotifier, Answered, NoticeAction

logger = logging.getLogger("crickets.notifications")

Outcome = Callable[[str, str, bool], None]  # (title, message, shown)


@runtime_checkable
class Named(Protocol):
    """A notifier that says what it is in the log and in ``delivered`` ("notify-send")."""

    name: str


@runtime_checkable
class DeferredNotifier(Protocol):
    """A notifier whose ``notify`` only starts the attempt (True = started); the outcome
    arrives later through the callback given to ``on_outcome``."""

    def notify(self, title: str, message: str) -> bool: ...

    def on_outcome(self, callback: Outcome) -> None: ...


class Balloons(Protocol):
    """What the balloon notifier uses of a :class:`QSystemTrayIcon`."""

    def isSystemTrayAvailable(self) -> bool: ...

    def supportsMessages(self) -> bool: ...

    def isVisible(self) -> bool: ...

    def showMessage(
        self, title: str, msg: str, icon: QSystemTrayIcon.MessageIcon, msecs: int
    ) -> None: ...


class TrayBalloonNotifier:
    """The tray icon's own message balloon (a native notification on some desktops)."""

    name: ClassVar[str] = "tray"

    def __init__(self, tray: Balloons, *, timeout_ms: int = 10_000) -> None:
        self._tray = tray
        self._timeout_ms = timeout_ms

    def notify(self, title: str, message: str) -> bool:
        tray = self._tray
        if not (tray.isSystemTrayAvailable() and tray.supportsMessages() and tray.isVisible()):
            return False
        tray.showMessage(title, message, QSystemTrayIcon.MessageIcon.Information, self._timeout_ms)
        return True


class LogNotifier:
    """The last resort: a line in the app's log (``crickets.log``) saying a notification
    could not be shown, never its text (it names the company and the people; the log is
    no place for them, docs/decisions/061-private-log.md). The reminder window itself
    still opens."""

    name: ClassVar[str] = "log"

    def notify(self, title: str, message: str) -> bool:
        logger.info("A notification could not be shown on the desktop (its text is not logged)")
        return True


class NotifyChain(QObject):
    """Tries each notifier in order until one shows the notification. A notification with
    buttons goes to ``actionable`` first (where there is one); when that cannot show it, the
    chain shows it without them (:mod:`crickets.ui.system.action_notice`)."""

    delivered = Signal(str, str, str)  # title, message, the name of the notifier that showed it

    def __init__(
        self,
        notifiers: Sequence[Notifier],
        parent: QObject | None = None,
        *,
        actionable: ActionNotifier | None = None,
    ) -> None:
        super().__init__(parent)
        self._notifiers = list(notifiers)
        self._actionable = actionable
        if actionable is not None:
            if actionable.parent() is None:
                actionable.setParent(self)
            actionable.on_outcome(self._action_outcome)
        for index, notifier in enumerate(self._notifiers):
            if isinstance(notifier, QObject) and notifier.parent() is None:
                notifier.setParent(self)  # a notify-send runner lives as long as the chain
            if isinstance(notifier, DeferredNotifier):
                notifier.on_outcome(partial(self._outcome, index))

    def notify(
        self,
        title: str,
        message: str,
        actions: Sequence[NoticeAction] = (),
        answered: Answered | None = None,
    ) -> None:
        """Show it; with ``actions``, ``answered`` gets the key of a button the daemon
        reported pressed (never called when the notification could not carry buttons)."""
        actionable = self._actionable
        if actions and answered is not None and actionable is not None:
            try:
                if actionable.notify_with_actions(title, message, actions, answered):
                    return  # its outcome arrives later
            except Exception as error:  # its message may quote the notification: the type only
                logger.info("buttons could not be offered (%s)", _kind(error))
        self._try_from(0, title, message)

    def _action_outcome(self, title: str, message: str, shown: bool) -> None:
        if shown and self._actionable is not None:
            self.delivered.emit(title, message, self._actionable.name)
        else:
            self._try_from(0, title, message)  # without buttons: the window is there

    def _outcome(self, index: int, title: str, message: str, shown: bool) -> None:
        if shown:
            self.delivered.emit(title, message, _name(self._notifiers[index]))
        else:
            self._try_from(index + 1, title, message)

    def _try_from(self, start: int, title: str, message: str) -> None:
        for notifier in self._notifiers[start:]:
            if _attempt(notifier, title, message):
                if not isinstance(notifier, DeferredNotifier):
                    self.delivered.emit(title, message, _name(notifier))
                return
        logger.warning("No way to show a notification worked (its text is not logged)")


def _attempt(notifier: Notifier, title: str, message: str) -> bool:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            shown = bool(notifier.notify(title, message))
        except Exception as error:  # its message may quote the notification: the type only
            logger.info("%s could not show a notification (%s)", _name(notifier), _kind(error))
            shown = False
    for warning in caught:
        logger.info("%s warned (%s)", _name(notifier), warning.category.__name__)
    if isinstance(notifier, DeferredNotifier):
        return shown  # started: its outcome arrives later, whatever it warned
    return shown and not caught


def _kind(error: BaseException) -> str:
    return type(error).__name__


def _name(notifier: Notifier) -> str:
    return notifier.name if isinstance(notifier, Named) else type(notifier).__name__
