"""Open every Crickets window in turn, as the running app opens it, and say whether it fits.

Usage: window_probe.py DATA_DIR

The app is assembled as ``crickets.app`` assembles it (the tray, the controller, the window
registry and its factories) over a store in DATA_DIR holding one interview that started
seven minutes ago, with long names, and a second one later. For each window the probe
prints one JSON line::

    {"name": "settings", "id": "0x1a00007", "title": "Settings", "size": [w, h],
     "ratio": 2.0, "problems": ["…"]}

then waits for a line on stdin (the test takes its screenshot meanwhile) before closing the
window and opening the next. After the last it prints ``{"done": true}``. Run it with the
desktop session's environment (``QT_QPA_PLATFORM=xcb``; ``QT_SCALE_FACTOR=2`` for HiDPI).
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QPoint
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QListWidget, QToolButton, QWidget

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/desktop: fit_checks
sys.path.insert(0, str(Path(__file__).resolve().parents[3]))  # the checkout: tests.builders

import fit_checks
from tests.builders import make_interview

from crickets.domain.clock import FixedClock
from crickets.domain.interview import Direction
from crickets.domain.profile import Profile
from crickets.domain.reminders import Reminder, ReminderKind
from crickets.domain.settings import Settings
from crickets.storage.store import Store
from crickets.ui.qt_app import create_application
from crickets.ui.system.single_instance import SingleInstanceServer
from crickets.ui.windows import WindowKind, WindowRequest, Windows
from crickets.wiring.session import build_use_cases
from crickets.wiring.tray import TrayApp, build_tray
from crickets.wiring.windows import register_windows

START = datetime(2026, 12, 1, 19, 0, tzinfo=UTC)  # 2:00 PM in New York, 7:00 PM in London
NOW = START + timedelta(minutes=7)
INVITE = Path(__file__).resolve().parents[2] / "data" / "ics" / "google_request.ics"
MENU_WIDEST = 420  # logical px: the tray menu stays a menu, not a banner
#: Each reminder, shown at its own moment (as far from the start as it comes by default).
REMINDERS = {
    ReminderKind.CONFIRM: -timedelta(minutes=90),
    ReminderKind.GET_READY: -timedelta(minutes=15),
    ReminderKind.START: timedelta(0),
    ReminderKind.STOP_WAITING: timedelta(minutes=30),
    ReminderKind.HOW_DID_IT_GO: timedelta(minutes=30),
    ReminderKind.THANK_YOU: timedelta(hours=14),
    ReminderKind.NUDGE: timedelta(days=2),
}

Opener = Callable[[], QWidget | None]


def seed(store: Store) -> None:
    """An interview with long names (what clips first), seven minutes late, and one more."""
    store.settings.save_settings(Settings(home_zone="Europe/London"))
    store.settings.save_profile(
        Profile("Alex Rivera", "alex.rivera@example.com", "+44 20 7946 0958")
    )
    store.interviews.add(
        make_interview(
            id=None,
            company="Northwind Traders International",
            role="Senior Customer Success Associate",
            interviewer_name="Jordan Lee-Whitfield",
            interviewer_email="jordan.lee-whitfield@northwind.example.com",
            interviewer_phone="+1 415 555 0134",
            my_phone="+44 20 7946 0958",
            notes="Ask about the team; they mentioned a second round.",
        )
    )
    store.interviews.add(
        make_interview(
            datetime(2026, 12, 3, 10, 30),
            "Europe/Paris",
            id=None,
            company="Globex",
            role="Data Analyst",
            direction=Direction.VIDEO,
            meeting_link="https://meet.example.com/abc-defg-hij",
        )
    )


W = TypeVar("W", bound=QWidget)


def child_of(window: QWidget, kind: type[W], name: str) -> W:
    child = window.findChild(kind, name)
    assert child is not None, name
    return child


def settle(window: QWidget) -> None:
    QTest.qWaitForWindowExposed(window, 5000)
    for _ in range(5):
        QApplication.processEvents()
        QTest.qWait(20)


def report(name: str, window: QWidget, found: list[str]) -> None:
    handle = window.windowHandle()
    print(
        json.dumps(
            {
                "name": name,
                "id": hex(int(window.winId())),
                "title": window.windowTitle(),
                "size": [window.width(), window.height()],
                "ratio": handle.devicePixelRatio() if handle else 1.0,
                "screen": [window.screen().size().width(), window.screen().size().height()],
                "problems": found,
            }
        ),
        flush=True,
    )
    sys.stdin.readline()  # the test's screenshot is taken now


def openers(running: TrayApp, clock: FixedClock) -> dict[str, Opener]:
    windows: Windows = running.windows

    def request(kind: WindowKind, iid: int | None = None, path: Path | None = None) -> Opener:
        def opener() -> QWidget | None:
            clock.set(NOW)
            return windows.open(WindowRequest(kind, iid, path=path))

        return opener

    def importing() -> QWidget | None:
        """The import dialog once it has read the invitation (on its worker thread)."""
        dialog = request(WindowKind.IMPORT, path=INVITE)()
        assert dialog is not None
        events = child_of(dialog, QListWidget, "import.events")
        deadline = time.monotonic() + 20
        while events.count() == 0 and time.monotonic() < deadline:
            QTest.qWait(20)  # the worker's answer arrives through the event loop
        return dialog

    def pasting() -> QWidget | None:
        """Add interview at its tallest: the paste box open, a question about the date
        and a problem with the email showing."""
        editor = windows.open(WindowRequest(WindowKind.EDITOR))
        assert editor is not None
        child_of(editor, QToolButton, "editor.paste_toggle").setChecked(True)
        child_of(editor, QLineEdit, "editor.when").setText("04/05 2pm")
        child_of(editor, QLineEdit, "editor.interviewer_email").setText("jordan at northwind")
        return editor

    def rescheduling() -> QWidget | None:
        """The reschedule dialog with an agreed time typed: its echo shows under the field."""
        dialog = windows.open(WindowRequest(WindowKind.RESCHEDULE, 1))
        assert dialog is not None
        child_of(dialog, QLineEdit, "reschedule.when").setText("Thursday 3pm")
        return dialog

    def reminder(kind: ReminderKind) -> Opener:
        def opener() -> QWidget | None:
            at = START + REMINDERS[kind]
            clock.set(at)
            return windows.show_reminder(Reminder(1, kind, at, at + timedelta(hours=1)))

        return opener

    found: dict[str, Opener] = {
        "welcome": request(WindowKind.WELCOME),
        "add-interview": request(WindowKind.EDITOR),
        "add-interview-paste": pasting,
        "edit-interview": request(WindowKind.EDITOR, 1),
        "all-interviews": request(WindowKind.LIST),
        "settings": request(WindowKind.SETTINGS),
        "own-wording": request(WindowKind.TEMPLATES),
        "import": request(WindowKind.IMPORT),
        "import-invitation": importing,
    }
    found.update({f"reminder-{kind.value}": reminder(kind) for kind in REMINDERS})
    found.update(
        {
            "guide-havent-called": request(WindowKind.HAVENT_CALLED, 1),
            "guide-missed-call": request(WindowKind.MISSED_CALL, 1),
            "drafts": request(WindowKind.DRAFTS, 1),
            "reschedule": request(WindowKind.RESCHEDULE, 1),
            "reschedule-typed": rescheduling,
        }
    )
    return found


def probe_menu(running: TrayApp) -> None:
    menu = running.shell.tray.menu
    running.shell.tray.rebuild_menu()
    screen = menu.screen().availableGeometry()
    menu.popup(QPoint(screen.right() - menu.sizeHint().width(), screen.top() + 32))
    settle(menu)
    report("tray-menu", menu, fit_checks.menu_problems(menu, MENU_WIDEST))
    menu.hide()


def main() -> int:
    app = create_application()
    store = Store.open(Path(sys.argv[1]))
    seed(store)
    clock = FixedClock(NOW)
    use_cases = build_use_cases(store, clock)
    server = SingleInstanceServer(str(Path(sys.argv[1]) / "probe.sock"))
    running = build_tray(app, use_cases, store, server=server)
    register_windows(
        running.windows, running.controller, use_cases, app, data_dir=Path(sys.argv[1])
    )
    running.controller.start()
    running.controller.state_changed.connect(running.shell.tray.set_state)
    running.shell.tray.set_state(running.controller.state or running.shell.tray.state)
    probe_menu(running)
    for name, opener in openers(running, clock).items():
        window = opener()
        assert window is not None, name
        settle(window)
        report(name, window, fit_checks.problems(window))
        for key in running.windows.open_keys():
            running.windows.close(key)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    print(json.dumps({"done": True}), flush=True)
    running.controller.stop()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
