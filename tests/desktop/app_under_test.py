"""Running the real Crickets tray app in the desktop session, at a wall-clock time the test
chooses (libfaketime: the wall clock is faked, the monotonic clock is not, which is exactly
what a suspend looks like to a program)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from session import Child, DesktopSession, Window

from crickets.log import TRAY_READY

FAKETIME_LIBS = (
    "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1",
    "/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1",
)
ARTIFACTS = Path(
    os.environ.get("CRICKETS_ARTIFACTS", Path(__file__).resolve().parents[2] / "artifacts")
)


def faketime_lib() -> str | None:
    return next((lib for lib in FAKETIME_LIBS if Path(lib).exists()), None)


def faked_clock_env(clock_file: Path) -> dict[str, str]:
    """What makes a process read its wall clock from ``clock_file`` (libfaketime), while its
    monotonic clock runs on: a suspend and resume, as the app sees one. Empty without
    libfaketime."""
    lib = faketime_lib()
    if lib is None:
        return {}
    return {
        "LD_PRELOAD": lib,
        "FAKETIME_TIMESTAMP_FILE": str(clock_file),
        "FAKETIME_NO_CACHE": "1",
        "FAKETIME_DONT_FAKE_MONOTONIC": "1",
    }


def ready_lines(log: Path | None) -> int:
    """How many times the tray's log says it is counting down (once per start)."""
    if log is None or not log.exists():
        return 0
    return log.read_text(encoding="utf-8", errors="replace").count(TRAY_READY)


class FakeLogind:
    """tests/desktop/scripts/fake_logind.py on a bus: owns org.freedesktop.login1 and sends
    PrepareForSleep around a pretend suspend."""

    def __init__(self, address: str) -> None:
        self.address = address
        self._process = subprocess.Popen(
            [
                sys.executable,
                str(Path(__file__).resolve().parent / "scripts" / "fake_logind.py"),
                address,
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self._process.stdout is not None
        if self._process.stdout.readline().strip() != "ready":
            self.close()
            raise RuntimeError("the stand-in logind could not own org.freedesktop.login1")

    def _say(self, word: str) -> None:
        assert self._process.stdin is not None
        self._process.stdin.write(f"{word}\n")
        self._process.stdin.flush()

    def sleep(self) -> None:
        self._say("sleep")

    def wake(self) -> None:
        self._say("wake")

    def close(self) -> None:
        self._process.terminate()
        self._process.communicate(timeout=10)  # also closes its pipes

    def __enter__(self) -> FakeLogind:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


class App:
    """One data directory, a faked wall clock, and the app and CLI running against them."""

    def __init__(
        self, desktop: DesktopSession, tmp: Path, at: str, *, real_keychain: bool = False
    ) -> None:
        self.desktop = desktop
        # Tests keep keyring's "fail" backend (the key in a file); the bench passes
        # ``real_keychain`` so the app reads its key from the session's Secret Service.
        self.real_keychain = real_keychain
        self.tmp = tmp
        self.data = tmp / "data"
        self.clock_file = tmp / "faketime"
        self.set_time(at)
        self.child: Child | None = None
        self._demo_parent: Path | None = None  # where a --demo start makes its folder
        self._ready_before = 0

    def set_time(self, at: str) -> None:
        """Move the app's wall clock to ``at`` ("2026-12-01 18:58:59", UTC) from now on."""
        self.clock_file.write_text(f"@{at}\n")
        self.at = at

    def env(self, *, faked: bool = True) -> dict[str, str]:
        env = {
            **self.desktop.env,
            "CRICKETS_DATA_DIR": str(self.data),
            "TZ": "Europe/London",
            # A US English clock (12-hour), as in the README's examples; Crickets follows
            # the desktop's clock unless the person chose one (ui/clock_format.py).
            "LC_TIME": "en_US.UTF-8",
        }
        if not self.real_keychain:
            env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
        if faked:
            env.update(faked_clock_env(self.clock_file))
        return env

    def cli(self, *args: str) -> subprocess.CompletedProcess[str]:
        env = {**self.env(faked=False), "CRICKETS_CLOCK": self.at.replace(" ", "T") + "+00:00"}
        return subprocess.run(
            [sys.executable, "-m", "crickets", *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )

    def add(self, *args: str) -> dict[str, object]:
        stored = json.loads(self.cli("add", "--json", *args).stdout)
        assert isinstance(stored, dict), stored  # the stored interview, a JSON object
        return stored

    def start(self, *args: str, extra_env: dict[str, str] | None = None) -> Child:
        env = {**self.env(), **(extra_env or {})}
        self._demo_parent = None
        if "--demo" in args:  # its throw-away folder is made in TMPDIR: one of ours
            env.setdefault("TMPDIR", str(self.tmp / "demo-tmp"))
            self._demo_parent = Path(env["TMPDIR"])
            self._demo_parent.mkdir(exist_ok=True)
        self._ready_before = self._ready_lines()
        self.child = self.desktop.spawn(
            [sys.executable, "-m", "crickets", *args], name="crickets", env=env
        )
        return self.child

    def _log(self) -> Path | None:
        if self._demo_parent is None:
            return self.data / "crickets.log"
        folders = sorted(self._demo_parent.glob("crickets-demo-*"))
        return folders[0] / "crickets.log" if folders else None

    def _ready_lines(self) -> int:
        return ready_lines(self._log())

    def wait_ready(self, timeout: float = 20) -> None:
        """Until the tray started by :meth:`start` counts down: its icon goes up before it
        has opened the store (docs/decisions/179), so a test that moves the clock or sends
        requests waits for this, which the tray's log says (a line naming nobody)."""
        self.desktop.wait_until(
            lambda: self._ready_lines() > self._ready_before,
            timeout=timeout,
            what="the tray's 'ready' line in its log",
        )

    def nudge(self) -> None:
        """Have the running app look at its (faked) clock now rather than at its next timer,
        through the reload request ``crickets add`` sends after a write."""
        script = (
            "import sys; from pathlib import Path; from crickets import ipc; "
            "print(ipc.send(ipc.socket_path(Path(sys.argv[1])), "
            "ipc.Request(ipc.Command.RELOAD)).value)"
        )
        sent = subprocess.run(
            [sys.executable, "-c", script, str(self.data)],
            env=self.env(faked=False),
            capture_output=True,
            text=True,
            check=True,
            timeout=30,
        )
        assert sent.stdout.strip() == "delivered", sent

    def launch_again(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "crickets", *args],
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=60,
        )

    def tray_icon(self) -> Window:
        icons = self.desktop.wait_until(
            lambda: [w for w in self.desktop.tray_children() if w.name == "Crickets"],
            timeout=20,
            what="the Crickets icon in the tray",
        )
        if self.child is not None and self.child.popen.poll() is None:
            self.wait_ready()
        return icons[0]

    def icon_colours(self, name: str) -> dict[str, int]:
        shot = self.desktop.screenshot(ARTIFACTS / name, window=self.tray_icon().id)
        return dict(self.desktop.colors(shot))

    def screenshot(self, name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        return self.desktop.screenshot(ARTIFACTS / name)

    def stderr(self) -> str:
        return self.child.stderr_text() if self.child else ""
