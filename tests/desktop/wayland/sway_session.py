"""A private Wayland session: headless sway, waybar as its bar, a D-Bus session bus and mako.

``SwaySession`` starts, each as the test account (``wayland.account``) and in one folder that
account owns (mode 0700, under /tmp):

1. a private D-Bus session bus (no service activation; this process may connect too),
2. sway with the headless backend and the pixman renderer, one 1366x768 output,
3. waybar, with a tray (it then owns ``org.kde.StatusNotifierWatcher``, the StatusNotifierItem
   host) or without one (``tray=False``: a bar, and no tray at all, as on stock GNOME),
4. mako, a notification daemon for Wayland.

Each part is waited for with a bounded check; ``stop()`` ends exactly the processes it started,
by PID, and removes the folder. The session's tools (``swaymsg``, ``grim``, ``makoctl``) run as
the account too; D-Bus queries go through ``jeepney`` from this process.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import pwd
import re
import shutil
import subprocess
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

from session import Child, DesktopSessionError, _die_with_parent, _terminate, wait_until
from tests.private_bus import BUS_CONFIG

from wayland.account import Account
from wayland.bus_client import BusClient
from wayland.sway_tree import SwayWindow

T = TypeVar("T")

#: What the session runs, with the Debian package providing each (scripts/install-system-deps.sh).
TOOL_PACKAGES: dict[str, str] = {
    "sway": "sway",
    "swaymsg": "sway",
    "waybar": "waybar",
    "grim": "grim",
    "mako": "mako-notifier",
    "makoctl": "mako-notifier",
    "busctl": "systemd",  # makoctl calls mako through it
    "dbus-daemon": "dbus-daemon",
}
#: Libraries Qt's wayland platform plugin loads at run time (sonames), with their packages.
LIBRARY_PACKAGES: dict[str, str] = {
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
    "libxkbcommon.so.0": "libxkbcommon0",
}
OUTPUT = "HEADLESS-1"
SCREEN = (1366, 768)
BAR_HEIGHT = 28

_SWAY_CONFIG = f"""output {OUTPUT} resolution {SCREEN[0]}x{SCREEN[1]} position 0 0
default_border normal
"""
_MAKO_CONFIG = "default-timeout=0\nmax-visible=10\nactions=1\nanchor=top-right\n"
_STYLE = """* { font-family: DejaVu Sans, sans-serif; font-size: 13px; }
window#waybar { background: #2b2b2b; color: #ffffff; }
#tray { padding: 0 8px; }
"""
_POLL = 0.02
_PPM_HEADER = re.compile(rb"P6\s+(\d+)\s+(\d+)\s+255\s")
_ENV_KEEP = ("PATH", "XDG_DATA_DIRS", "XDG_CONFIG_DIRS", "TZ")


class SwaySession:
    """sway + waybar + D-Bus + mako, private to this object, as ``account``."""

    def __init__(
        self, account: Account, *, tray: bool = True, config: str = "", timeout: float = 20.0
    ) -> None:
        self.account = account
        self.tray = tray
        self.config = config  # more sway configuration lines
        self.timeout = timeout
        self.folder: Path | None = None
        self.env: dict[str, str] = {}
        self.bus: BusClient | None = None
        self._parts: dict[str, subprocess.Popen[bytes]] = {}
        self._children: list[Child] = []
        self._count = 0

    # --------------------------------------------------------------- lifecycle

    def start(self) -> SwaySession:
        atexit.register(self.stop)
        try:
            self._make_folder()
            self._start_bus()
            self._start_sway()
            self.start_bar(tray=self.tray)
            self._start_mako()
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        """Stop what this object started (children, then daemons in reverse), by PID."""
        atexit.unregister(self.stop)
        for child in reversed(self._children):
            child.stop()
        self._children.clear()
        if self.bus is not None:
            self.bus.close()
            self.bus = None
        for popen in reversed(list(self._parts.values())):
            _terminate(popen)
        self._parts.clear()
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None

    def __enter__(self) -> SwaySession:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ----------------------------------------------------------------- helpers

    def new_folder(self, name: str) -> Path:
        """A fresh folder the account owns, inside the session's folder."""
        self._count += 1
        return self.account.give(self._require_folder() / f"{self._count:02d}-{name}")

    def run(self, args: Sequence[str], *, timeout: float = 30) -> subprocess.CompletedProcess[str]:
        """A short command as the account, in the session (output captured, no raise)."""
        return self.account.run(args, self.env, timeout=timeout)

    def spawn(self, args: Sequence[str], *, name: str, env: Mapping[str, str]) -> Child:
        """A long-running process as the account (stdin/stdout pipes, stderr to a log file);
        ``stop()`` ends it by PID if the test did not."""
        log = self._require_folder() / "logs" / f"{name}-{len(self._children)}.stderr"
        with log.open("wb") as err:
            popen = subprocess.Popen(
                list(args),
                env=dict(env),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=err,
                bufsize=0,
                preexec_fn=_die_with_parent,
                **self.account.popen_args(),
            )
        child = Child(popen, name, log)
        self._children.append(child)
        return child

    def wait_until(
        self, predicate: Callable[[], T | None], *, timeout: float = 10.0, what: str = "condition"
    ) -> T:
        """Poll ``predicate`` until it returns something truthy (``session.wait_until``)."""
        return wait_until(predicate, timeout=timeout, what=what, interval=_POLL)

    def swaymsg(self, *args: str) -> Any:
        """``swaymsg -r ARGS`` as JSON; raises with sway's message when it fails."""
        done = self.run(["swaymsg", "-r", *args], timeout=10)
        if done.returncode != 0:
            raise DesktopSessionError(f"swaymsg {' '.join(args)}: {done.stderr or done.stdout}")
        return json.loads(done.stdout)

    def tree(self) -> dict[str, Any]:
        """sway's whole layout tree (``swaymsg -t get_tree``)."""
        tree = self.swaymsg("-t", "get_tree")
        assert isinstance(tree, dict)
        return tree

    def screenshot(self, target: Path, *, bar_only: bool = False) -> Path:
        """The output (or just the bar at its top) as a PNG at ``target``, taken by grim."""
        shot = self._require_folder() / "shots" / target.name
        region = ["-g", f"0,0 {SCREEN[0]}x{BAR_HEIGHT}"] if bar_only else ["-o", OUTPUT]
        done = self.run(["grim", *region, str(shot)])
        if done.returncode != 0:
            raise DesktopSessionError(f"grim failed: {done.stderr}")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, target)
        return target

    def colours(self, x: int, y: int, width: int, height: int) -> Counter[tuple[int, int, int]]:
        """Pixel count per (r, g, b) in a region of the output, as grim captures it now."""
        shot = self._require_folder() / "shots" / "region.ppm"
        geometry = f"{x},{y} {width}x{height}"
        done = self.run(["grim", "-t", "ppm", "-g", geometry, str(shot)])
        if done.returncode != 0:
            raise DesktopSessionError(f"grim failed: {done.stderr}")
        data = shot.read_bytes()
        header = _PPM_HEADER.match(data)
        if header is None:
            raise DesktopSessionError(f"grim wrote no PPM image: {data[:20]!r}")
        pixels = data[header.end() :]
        return Counter(zip(pixels[0::3], pixels[1::3], pixels[2::3], strict=True))

    def drawn(self, window: SwayWindow) -> bool:
        """Whether the window's content is on screen: more than its background colour and a
        few edges (a window sway has placed but not yet painted is one flat colour)."""
        return len(self.colours(window.x, window.y, window.width, window.height)) > 20

    def notifications(self) -> list[dict[str, Any]]:
        """What mako holds now (``makoctl list``), newest first: each with ``id``,
        ``summary``, ``body``, ``app-name`` and ``actions`` (action key -> label)."""
        done = self.run(["makoctl", "list"], timeout=10)
        if done.returncode != 0:
            raise DesktopSessionError(f"makoctl list: {done.stderr}")
        (held,) = json.loads(done.stdout)["data"]
        return [{key: value["data"] for key, value in entry.items()} for entry in held]

    def makoctl(self, *args: str) -> None:
        """``makoctl ARGS`` (``invoke -n ID ACTION``, ``dismiss -a``), as a person's click."""
        done = self.run(["makoctl", *args], timeout=10)
        if done.returncode != 0:
            raise DesktopSessionError(f"makoctl {' '.join(args)}: {done.stderr}")

    def start_bar(self, *, tray: bool) -> None:
        """Start waybar (stopping a bar started before): with a tray module, it is the
        StatusNotifierItem host; without, there is a bar and no tray."""
        if "waybar" in self._parts:
            _terminate(self._parts.pop("waybar"))
        folder = self._require_folder()
        config = folder / ("waybar-tray.json" if tray else "waybar-plain.json")
        modules = {"modules-left": [], "modules-right": ["tray"] if tray else []}
        _write(
            config,
            json.dumps(
                {
                    "layer": "top",
                    "position": "top",
                    "height": BAR_HEIGHT,
                    **modules,
                    "tray": {"icon-size": 22, "spacing": 6},
                }
            ),
        )
        style = folder / "waybar.css"
        _write(style, _STYLE)
        popen = self._launch("waybar", ["waybar", "-c", str(config), "-s", str(style)])
        self._wait(popen, "waybar", self._bar_reserved, "its bar on the output")
        if tray:
            self._wait(
                popen,
                "waybar",
                lambda: self._bus().has_name("org.kde.StatusNotifierWatcher"),
                "org.kde.StatusNotifierWatcher on the bus",
            )

    # ----------------------------------------------------------------- bring-up

    def _make_folder(self) -> None:
        self.folder = self.account.give(Path(tempfile.mkdtemp(prefix="crickets-wl-", dir="/tmp")))
        runtime = self.account.give(self.folder / "runtime")
        home = self.account.give(self.folder / "home")
        (self.folder / "logs").mkdir()
        self.account.give(self.folder / "shots")
        dirs = {
            "XDG_CONFIG_HOME": home / ".config",
            "XDG_DATA_HOME": home / ".local-share",
            "XDG_CACHE_HOME": home / ".cache",
            "XDG_STATE_HOME": home / ".local-state",
        }
        for path in dirs.values():
            self.account.give(path)
        self.account.give(dirs["XDG_CONFIG_HOME"] / "mako")
        _write(dirs["XDG_CONFIG_HOME"] / "mako" / "config", _MAKO_CONFIG)
        _write(self.folder / "sway.conf", _SWAY_CONFIG + self.config)
        self.env = {key: os.environ[key] for key in _ENV_KEEP if key in os.environ}
        self.env.setdefault("PATH", os.defpath)
        self.env.update({key: str(path) for key, path in dirs.items()})
        self.env.update(
            HOME=str(home),
            USER=self.account.name,
            LOGNAME=self.account.name,
            LANG="C.UTF-8",
            XDG_RUNTIME_DIR=str(runtime),
            XDG_SESSION_TYPE="wayland",
            XDG_CURRENT_DESKTOP="sway",
            WLR_BACKENDS="headless",
            WLR_LIBINPUT_NO_DEVICES="1",
            WLR_RENDERER="pixman",
            NO_AT_BRIDGE="1",
        )

    def _start_bus(self) -> None:
        folder = self._require_folder()
        address = f"unix:path={folder / 'runtime' / 'bus'}"
        config = folder / "bus.conf"
        allow = '<allow own="*"/>'
        assert allow in BUS_CONFIG
        # The bus lets only its own user connect unless told otherwise; root asks it things.
        me = pwd.getpwuid(os.getuid()).pw_name
        text = BUS_CONFIG.replace(allow, f'{allow}\n    <allow user="{me}"/>')
        _write(config, text.format(socket=folder / "runtime" / "bus"))
        popen = self._launch("dbus-daemon", ["dbus-daemon", f"--config-file={config}", "--nofork"])
        self.env["DBUS_SESSION_BUS_ADDRESS"] = address
        self.bus = self._wait(popen, "dbus-daemon", lambda: BusClient.connect(address), "the bus")

    def _start_sway(self) -> None:
        folder = self._require_folder()
        popen = self._launch("sway", ["sway", "-c", str(folder / "sway.conf")])
        runtime = folder / "runtime"

        def sockets() -> bool:
            displays = [p for p in runtime.glob("wayland-*") if not p.name.endswith(".lock")]
            ipc = list(runtime.glob(f"sway-ipc.*.{popen.pid}.sock"))
            if not displays or not ipc:
                return False
            self.env.update(WAYLAND_DISPLAY=displays[0].name, SWAYSOCK=str(ipc[0]))
            return self.run(["swaymsg", "-t", "get_outputs"], timeout=5).returncode == 0

        self._wait(popen, "sway", sockets, "its Wayland and IPC sockets")

    def _start_mako(self) -> None:
        popen = self._launch("mako", ["mako"])
        self._wait(
            popen,
            "mako",
            lambda: self._bus().has_name("org.freedesktop.Notifications"),
            "org.freedesktop.Notifications on the bus",
        )

    def _bar_reserved(self) -> bool:
        """Whether a bar holds the top of the output (the workspace starts below it)."""
        workspaces = self.swaymsg("-t", "get_workspaces")
        return any(ws["rect"]["y"] >= BAR_HEIGHT for ws in workspaces)

    # ---------------------------------------------------------------- internals

    def _require_folder(self) -> Path:
        if self.folder is None:
            raise DesktopSessionError("the Wayland session is not started")
        return self.folder

    def _bus(self) -> BusClient:
        if self.bus is None:
            raise DesktopSessionError("the session bus is not connected")
        return self.bus

    def _launch(self, name: str, args: list[str]) -> subprocess.Popen[bytes]:
        log = self._require_folder() / "logs" / f"{name}.log"
        with log.open("ab") as out:
            popen = subprocess.Popen(
                args,
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                preexec_fn=_die_with_parent,
                **self.account.popen_args(),
            )
        self._parts[name] = popen
        return popen

    def _wait(
        self, popen: subprocess.Popen[bytes], name: str, ready: Callable[[], T], what: str
    ) -> T:
        deadline = time.monotonic() + self.timeout
        last = ""
        while True:
            code = popen.poll()
            if code is not None:
                raise self._error(name, f"exited with code {code} (waiting for {what})")
            try:
                value = ready()
            except Exception as error:  # not ready yet: say so on timeout
                last = f" (last check: {type(error).__name__}: {error})"
            else:
                if value:
                    return value
            if time.monotonic() >= deadline:
                raise self._error(name, f"did not come up in {self.timeout:.0f}s ({what}){last}")
            time.sleep(_POLL)

    def _error(self, name: str, message: str) -> DesktopSessionError:
        log = self._require_folder() / "logs" / f"{name}.log"
        with contextlib.suppress(OSError):
            tail = log.read_text(errors="replace")[-2000:]
            if tail.strip():
                return DesktopSessionError(f"{name} {message}; its output ends with:\n{tail}")
        return DesktopSessionError(f"{name} {message}; it printed nothing")


def _write(path: Path, text: str) -> None:
    """Write a file the account can read whatever this process's umask."""
    path.write_text(text)
    path.chmod(0o644)
