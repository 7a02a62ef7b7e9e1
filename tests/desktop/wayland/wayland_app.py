"""The real Crickets app, native on Wayland (``QT_QPA_PLATFORM=wayland``), in the sway session,
as the session's account, at a wall-clock time the test chooses (libfaketime, as in
``app_under_test``: the wall clock is placed, the monotonic clock runs)."""

from __future__ import annotations

import contextlib
import json
from typing import Any

from app_under_test import faked_clock_env, ready_lines
from session import Child, DesktopSessionError

from wayland.app_python import AppPython
from wayland.bus_client import ItemAddress
from wayland.sway_session import SwaySession


class WaylandApp:
    """One data folder (owned by the account), a faked wall clock, the app and its CLI."""

    def __init__(self, sway: SwaySession, python: AppPython, at: str) -> None:
        self.sway = sway
        self.python = python
        folder = sway.new_folder("app")
        self.data = folder / "data"
        self.clock_file = folder / "faketime"
        self.set_time(at)
        self.child: Child | None = None
        self._ready_before = 0
        #: The item's Menu path as first read, as a host reads it once when the item
        #: registers (before the tray is ready: the early icon's menu, decision 179).
        self.menu_when_registered: object = None

    def set_time(self, at: str) -> None:
        """Move the app's wall clock to ``at`` ("2026-12-01 18:58:59", UTC) from now on."""
        self.clock_file.write_text(f"@{at}\n")
        self.clock_file.chmod(0o644)
        self.at = at

    def env(self, *, faked: bool = True) -> dict[str, str]:
        env = {
            **self.sway.env,
            **self.python.env,
            "QT_QPA_PLATFORM": "wayland",
            "CRICKETS_DATA_DIR": str(self.data),
            "TZ": "Europe/London",
            "LC_TIME": "en_US.UTF-8",
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        }
        if faked:
            env.update(faked_clock_env(self.clock_file))
        return env

    def cli(self, *args: str) -> str:
        """``crickets ARGS`` at the app's time; its stdout (raises when it fails)."""
        env = {**self.env(faked=False), "CRICKETS_CLOCK": self.at.replace(" ", "T") + "+00:00"}
        done = self.sway.account.run(
            [str(self.python.executable), "-m", "crickets", *args], env, timeout=60
        )
        if done.returncode != 0:
            raise DesktopSessionError(f"crickets {' '.join(args)} failed: {done.stderr}")
        return done.stdout

    def add(self, *args: str) -> dict[str, Any]:
        stored = json.loads(self.cli("add", "--json", *args))
        assert isinstance(stored, dict), stored
        return stored

    def status(self) -> Any:
        """``crickets status --json``: where things stand, as the CLI says it."""
        return json.loads(self.cli("status", "--json"))

    def start(self, *args: str) -> Child:
        self._ready_before = ready_lines(self.data / "crickets.log")
        self.child = self.sway.spawn(
            [str(self.python.executable), "-m", "crickets", *args], name="crickets", env=self.env()
        )
        return self.child

    def nudge(self) -> None:
        """Have the running app look at its (faked) clock now, through the reload request
        ``crickets add`` sends after a write."""
        script = (
            "import sys; from pathlib import Path; from crickets import ipc; "
            "print(ipc.send(ipc.socket_path(Path(sys.argv[1])), "
            "ipc.Request(ipc.Command.RELOAD)).value)"
        )
        done = self.sway.account.run(
            [str(self.python.executable), "-c", script, str(self.data)], self.env(faked=False)
        )
        assert done.stdout.strip() == "delivered", done

    def item(self, timeout: float = 20) -> ItemAddress:
        """The app's StatusNotifierItem, once the watcher lists it."""
        items = self.sway.wait_until(
            lambda: self._own_items(),
            timeout=timeout,
            what="the Crickets item registered with the StatusNotifierWatcher",
        )
        assert self.sway.bus is not None
        self.menu_when_registered = self.sway.bus.item(items[0], "Menu")
        self.wait_ready(timeout)
        return items[0]

    def wait_ready(self, timeout: float = 20) -> None:
        """Until the tray counts down (its item goes up before: docs/decisions/179)."""
        log = self.data / "crickets.log"
        self.sway.wait_until(
            lambda: ready_lines(log) > self._ready_before,
            timeout=timeout,
            what="the tray's 'ready' line in its log",
        )

    def _own_items(self) -> list[ItemAddress]:
        bus = self.sway.bus
        assert bus is not None
        own = []
        for item in bus.registered_items():
            with contextlib.suppress(Exception):  # an item that left since the listing
                if bus.item(item, "Id") == "crickets":
                    own.append(item)
        return own

    def stderr(self) -> str:
        return self.child.stderr_text() if self.child else ""

    def stop(self) -> str:
        """Stop the app by PID; its stderr, checked for a traceback."""
        if self.child is not None:
            self.child.stop()
        stderr = self.stderr()
        assert "Traceback" not in stderr and "internal error" not in stderr, stderr
        return stderr
