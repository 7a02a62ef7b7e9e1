"""Operating-system notifications through plyer: the only module that imports it.

plyer is imported on first use, never at start-up. Nothing escapes :meth:`PlyerNotifier.notify`:
an exception, a Python warning (plyer warns before it raises ``NotImplementedError`` when a
platform has no backend) or a traceback plyer prints itself all mean "not shown", so the
caller's chain moves on to the next way of telling the person (docs/decisions/040).

On Linux plyer runs ``notify-send`` synchronously and ignores its exit status, so the tray
runs the same command itself, asynchronously, with the arguments :func:`notify_send_args`
builds; plyer remains the route everywhere else.
"""

from __future__ import annotations

import contextlib
import io
import logging
import warnings
from collections.abc import Sequence
from typing import ClassVar

APP_NAME = "Crickets"
ICON_NAME = "crickets"  # the hicolor icon the packaged .desktop file names
DESKTOP_ENTRY = "crickets"  # lets a desktop match a notification to the app (the spec's hint)
DEFAULT_TIMEOUT_S = 10

logger = logging.getLogger("crickets.notifications")


class PlyerNotifier:
    """A desktop notification via plyer; ``notify`` returns False instead of failing."""

    name: ClassVar[str] = "plyer"

    def __init__(self, *, app_name: str = APP_NAME, timeout: int = DEFAULT_TIMEOUT_S) -> None:
        self.app_name = app_name
        self.timeout = timeout

    def notify(self, title: str, message: str) -> bool:
        captured = io.StringIO()
        with (
            warnings.catch_warnings(record=True) as caught,
            contextlib.redirect_stderr(captured),  # plyer prints a failed import's traceback
        ):
            warnings.simplefilter("always")
            try:
                from plyer import notification

                notification.notify(
                    title=title, message=message, app_name=self.app_name, timeout=self.timeout
                )
            except Exception as error:  # NotImplementedError without a backend, and the rest
                logger.info("plyer could not show a notification (%s)", type(error).__name__)
                return False
            finally:
                if captured.getvalue().strip():  # it may quote the notification: not kept
                    logger.debug("plyer wrote %d characters on stderr", len(captured.getvalue()))
        if caught:
            # A warning means plyer fell back or gave up (no dbus, no notify-send): a duplicate
            # balloon is better than a reminder lost in silence.
            for warning in caught:
                logger.info("plyer warned (%s)", warning.category.__name__)
            return False
        return True


def notify_send_args(
    title: str,
    message: str,
    *,
    app_name: str = APP_NAME,
    icon: str = ICON_NAME,
    expire_ms: int = DEFAULT_TIMEOUT_S * 1000,
    actions: Sequence[tuple[str, str]] = (),
) -> list[str]:
    """The arguments (after the program name) for ``notify-send`` to show exactly ``title``
    and ``message``: options first, ``--`` so a title such as ``-5 min`` is not an option,
    and the body's backslashes doubled because notify-send reads C escapes in the body.

    With ``actions`` (key, button text), notify-send (0.8 and later) shows them as buttons,
    prints the notification's id at once (``--print-id``), then the key of the button the
    person chose, and exits when the notification is closed."""
    buttons = [f"--action={key}={label}" for key, label in actions]
    return [
        f"--app-name={app_name}",
        f"--icon={icon}",
        f"--expire-time={expire_ms}",
        f"--hint=string:desktop-entry:{DESKTOP_ENTRY}",
        *(["--print-id", *buttons] if buttons else []),
        "--",
        title,
        message.replace("\\", "\\\\"),
    ]


#: How long a notification with buttons stays: until the person closes it (0), since its
#: buttons are the way to what it announces where the window cannot take the focus.
ACTIONS_EXPIRE_MS = 0
