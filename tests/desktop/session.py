"""A private, real X11 desktop session for the desktop tests (and for benchmarks).

``DesktopSession`` starts, in order and each in a fresh temporary directory:

1. ``Xvfb`` on a display number it picks itself (``-displayfd``),
2. a private D-Bus session bus (``dbus-daemon`` with its own config: no service activation,
   so nothing can start a daemon behind our back),
3. ``trayer``, an XEmbed system-tray host,
4. ``dunst``, a freedesktop notification daemon,
5. ``gnome-keyring-daemon`` (Secret Service), unlocked with a throw-away password, under a fresh
   temporary HOME so it never finds a real keyring that would block on an unlock prompt.

Each part is waited for with a bounded readiness check (never a fixed sleep); a part that does
not come up raises :class:`DesktopSessionError` naming it, with the tail of its stderr.
``stop()`` ends exactly the processes this object started, by PID, and removes the temp dir.

The class is plain Python (no pytest): a benchmark or a debugging script can use it too::

    with DesktopSession() as desktop:
        subprocess.run([...], env=desktop.env)

D-Bus queries (readiness, notification history) go through ``jeepney``, which ``keyring``
already requires on Linux, so neither ``busctl`` (systemd) nor ``dbus-send`` is needed.
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import ctypes.util
import json
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, TypeVar

from tests.private_bus import write_config

T = TypeVar("T")

#: Binaries the session (and the smoke tests) need, with the Debian package providing each.
TOOL_PACKAGES: dict[str, str] = {
    "Xvfb": "xvfb",
    "xdpyinfo": "x11-utils",
    "xwininfo": "x11-utils",
    "xprop": "x11-utils",
    "xdotool": "xdotool",
    "dbus-daemon": "dbus-daemon",
    "trayer": "trayer",
    "dunst": "dunst",
    "notify-send": "libnotify-bin",
    "gnome-keyring-daemon": "gnome-keyring",
    "xclip": "xclip",
    "import": "imagemagick",
    "convert": "imagemagick",
}

#: Shared libraries Qt's xcb platform plugin loads at run time (sonames), with their packages.
LIBRARY_PACKAGES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
    "libX11.so.6": "libx11-6",
}

INSTALL_SCRIPT = "scripts/install-system-deps.sh"

_POLL_INTERVAL = 0.02  # seconds between two readiness probes of an external process
_STOP_GRACE = 3.0  # seconds a process gets between SIGTERM and SIGKILL


# Notifications stay until closed (timeout 0), are never merged or dropped, and every one
# lands in the history that ``notifications()`` reads.
_DUNSTRC = """[global]
    monitor = 0
    follow = none
    width = 300
    height = 300
    origin = top-right
    offset = 10x50
    notification_limit = 0
    indicate_hidden = yes
    stack_duplicates = false
    hide_duplicate_count = false
    sticky_history = yes
    history_length = 1000
    idle_threshold = 0
    show_age_threshold = -1
    markup = no
    format = "%a: %s\\n%b"
    font = Monospace 8
    browser = /bin/false
    dmenu = /bin/false
    mouse_left_click = do_action
    mouse_middle_click = none
    mouse_right_click = close_current

[urgency_low]
    timeout = 0

[urgency_normal]
    timeout = 0

[urgency_critical]
    timeout = 0
"""

#: Walks of the window tree before a failing xwininfo is an error (see ``windows``).
_TREE_ATTEMPTS = 5
_KEYRING_PASSWORD = b"crickets-desktop-tests"

# -noreset: the server keeps its state when its last client disconnects.
_XVFB_FLAGS = ("-nolisten", "tcp", "-noreset")
# The verified recipe: a 200x32 panel at the top right, an opaque grey (#dcdad5) background.
_TRAYER_FLAGS = (
    *("--edge", "top", "--align", "right"),
    *("--widthtype", "pixel", "--width", "200", "--height", "32"),
    *("--SetDockType", "true", "--transparent", "false"),
)

# Variables of the outer session that must not leak into the private one.
_ENV_DROP = (
    "WAYLAND_DISPLAY",
    "WAYLAND_SOCKET",
    "XAUTHORITY",
    "SESSION_MANAGER",
    "DBUS_SESSION_BUS_PID",
    "GNOME_KEYRING_CONTROL",
    "SSH_AUTH_SOCK",
    "PYTHON_KEYRING_BACKEND",  # the desktop tests are about the real Secret Service
    "DESKTOP_SESSION",
    "GDMSESSION",
)
_XDG_KEEP = ("XDG_DATA_DIRS", "XDG_CONFIG_DIRS")

_XWININFO_LINE = re.compile(
    r"^(?P<indent>\s*)(?P<id>0x[0-9a-fA-F]+) "
    r'(?:"(?P<name>.*)"|\(has no name\)): '
    r"\((?P<cls>.*)\)\s+"
    r"(?P<w>\d+)x(?P<h>\d+)\+(?P<rx>-?\d+)\+(?P<ry>-?\d+)\s+\+(?P<x>-?\d+)\+(?P<y>-?\d+)\s*$"
)
_HISTOGRAM_LINE = re.compile(r"^\s*(?P<count>\d+):.*?#(?P<hex>[0-9A-Fa-f]{6})")


class DesktopSessionError(RuntimeError):
    """A part of the desktop session did not come up, or a helper timed out."""


@dataclass(frozen=True)
class Window:
    """One X window as ``xwininfo -root -tree`` shows it (x, y are absolute)."""

    id: str  # "0x1a00007", usable with xwininfo/import/xdotool
    name: str | None
    wm_class: tuple[str, ...]
    width: int
    height: int
    x: int
    y: int
    children: tuple[Window, ...] = field(default=(), repr=False)

    def walk(self) -> Iterator[Window]:
        """This window and all its descendants, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class Notification:
    """A notification as the daemon (dunst) received it."""

    id: int
    app_name: str
    summary: str
    body: str
    message: str  # the text dunst displayed (its ``format``: "app: summary\nbody")
    category: str
    icon: str


class Child:
    """A process started in the session with line-based stdin/stdout; stderr goes to a file.

    ``read_line`` waits with a deadline (no blocking read that could hang a test run).
    """

    def __init__(self, popen: subprocess.Popen[bytes], name: str, stderr_path: Path) -> None:
        self.popen = popen
        self.name = name
        self.stderr_path = stderr_path
        self._buffer = b""

    @property
    def pid(self) -> int:
        return self.popen.pid

    def read_line(self, timeout: float = 10.0) -> str:
        """The next line the child prints (without the newline); raises on timeout or EOF."""
        assert self.popen.stdout is not None
        fd = self.popen.stdout.fileno()
        deadline = time.monotonic() + timeout
        while b"\n" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise DesktopSessionError(
                    f"{self.name} printed no line within {timeout:.1f}s; "
                    f"stderr tail:\n{self.stderr_text()[-2000:]}"
                )
            ready, _, _ = select.select([fd], [], [], left)
            if not ready:
                continue
            chunk = os.read(fd, 65536)
            if not chunk:
                code = self.popen.poll()
                raise DesktopSessionError(
                    f"{self.name} closed its stdout (exit code {code}); "
                    f"stderr tail:\n{self.stderr_text()[-2000:]}"
                )
            self._buffer += chunk
        line, _, self._buffer = self._buffer.partition(b"\n")
        return line.decode()

    def write_line(self, text: str) -> None:
        """Send one line to the child's stdin."""
        assert self.popen.stdin is not None
        self.popen.stdin.write(text.encode() + b"\n")
        self.popen.stdin.flush()

    def stderr_text(self) -> str:
        """Everything the child wrote to stderr so far."""
        try:
            return self.stderr_path.read_text(errors="replace")
        except FileNotFoundError:
            return ""

    def wait(self, timeout: float = 10.0) -> int:
        """Wait for the child to exit by itself; its exit code. Raises on timeout."""
        try:
            return self.popen.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            raise DesktopSessionError(
                f"{self.name} did not exit within {timeout:.1f}s; "
                f"stderr tail:\n{self.stderr_text()[-2000:]}"
            ) from None

    def stop(self) -> int:
        """Close stdin, then SIGTERM / SIGKILL this PID if it is still running; its exit code."""
        if self.popen.stdin is not None and not self.popen.stdin.closed:
            with contextlib.suppress(BrokenPipeError):
                self.popen.stdin.close()
        code = _terminate(self.popen)
        if self.popen.stdout is not None:
            self.popen.stdout.close()
        return code

    def __enter__(self) -> Child:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


@dataclass
class _Part:
    name: str
    popen: subprocess.Popen[bytes]
    log: Path


class DesktopSession:
    """Xvfb + D-Bus session bus + trayer + dunst + gnome-keyring, private to this object."""

    def __init__(self, *, timeout: float = 15.0, screen: str = "1280x800x24") -> None:
        self.timeout = timeout
        self.screen = screen
        self.tmp: Path | None = None
        self.display: str | None = None
        self.bus_address: str | None = None
        self.env: dict[str, str] = {}
        self._parts: list[_Part] = []
        self._children: list[Child] = []
        self._bus: Any = None  # jeepney blocking connection
        self._started = False

    # ------------------------------------------------------------------ tools

    @classmethod
    def missing_tools(cls) -> list[str]:
        """Binaries (and Qt xcb run-time libraries, by soname) this machine lacks."""
        if not sys.platform.startswith("linux"):
            return sorted(TOOL_PACKAGES)
        missing = [tool for tool in TOOL_PACKAGES if shutil.which(tool) is None]
        missing += [lib for lib in LIBRARY_PACKAGES if not _has_library(lib)]
        return missing

    @classmethod
    def install_command(cls, missing: Sequence[str]) -> str:
        """The apt-get command that installs what ``missing_tools()`` reported."""
        packages = dict.fromkeys(
            TOOL_PACKAGES.get(name) or LIBRARY_PACKAGES.get(name) or name for name in missing
        )
        return "sudo apt-get install -y " + " ".join(packages)

    # --------------------------------------------------------------- lifecycle

    def start(self) -> DesktopSession:
        """Bring every part up, in order, each checked ready. Returns self."""
        if self._started:
            return self
        self._started = True
        atexit.register(self.stop)
        try:
            self._make_dirs()
            self._start_xvfb()
            self._start_dbus()
            self._start_trayer()
            self._start_dunst()
            self._start_keyring()
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        """Stop exactly what this object started (children, then daemons in reverse), by PID."""
        atexit.unregister(self.stop)
        for child in reversed(self._children):
            child.stop()
        self._children.clear()
        if self._bus is not None:
            with contextlib.suppress(Exception):
                self._bus.close()
            self._bus = None
        for part in reversed(self._parts):
            killed = _terminate(part.popen) == -signal.SIGKILL
            if part.name == "Xvfb" and killed:
                self._remove_x_lock(part.popen.pid)
        self._parts.clear()
        if self.tmp is not None:
            shutil.rmtree(self.tmp, ignore_errors=True)
            self.tmp = None
        self._started = False

    def __enter__(self) -> DesktopSession:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def pids(self) -> list[int]:
        """PIDs of the daemons this session started and that still run."""
        return [part.popen.pid for part in self._parts if part.popen.poll() is None]

    # ----------------------------------------------------------------- helpers

    def describe(self) -> str:
        """A short JSON summary (display, bus, PIDs, temp dir) for logs and bug reports."""
        return json.dumps(
            {
                "display": self.display,
                "bus": self.bus_address,
                "tmp": str(self.tmp),
                "pids": {part.name: part.popen.pid for part in self._parts},
            }
        )

    def run(self, args: Sequence[str], **kw: Any) -> subprocess.CompletedProcess[str]:
        """``subprocess.run`` in the session env (text, captured output, 30 s timeout unless
        overridden)."""
        kw.setdefault("env", self.env)
        kw.setdefault("timeout", 30)
        kw.setdefault("text", True)
        if "stdout" not in kw and "stderr" not in kw:
            kw.setdefault("capture_output", True)
        return subprocess.run(list(args), check=kw.pop("check", False), **kw)

    def spawn(
        self, args: Sequence[str], *, name: str | None = None, env: Mapping[str, str] | None = None
    ) -> Child:
        """Start a long-running process in the session (stdin/stdout pipes, stderr to a log
        file); ``stop()`` ends it by PID if the test did not."""
        tmp = self._require_tmp()
        label = name or Path(args[0]).name
        stderr_path = tmp / "logs" / f"{label}-{len(self._children)}.stderr"
        with stderr_path.open("wb") as err:
            popen = subprocess.Popen(
                list(args),
                env=dict(env) if env is not None else self.env,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=err,
                bufsize=0,
                preexec_fn=_die_with_parent,
            )
        child = Child(popen, label, stderr_path)
        self._children.append(child)
        return child

    def wait_until(
        self, predicate: Callable[[], T], *, timeout: float = 10.0, what: str = "condition"
    ) -> T:
        """Poll ``predicate`` until it returns something truthy (:func:`wait_until`)."""
        return wait_until(predicate, timeout=timeout, what=what)

    def windows(self) -> Window:
        """The whole window tree (``xwininfo -root -tree``), root first.

        xwininfo walks the tree one request at a time and fails (BadWindow, exit 1) when a
        window goes away during the walk, which is what a closing window does; so a failed
        walk is tried again, a few times, before it counts as an error."""
        for _attempt in range(_TREE_ATTEMPTS - 1):
            walk = self.run(["xwininfo", "-root", "-tree"])
            if walk.returncode == 0:
                return _parse_xwininfo(walk.stdout)
        return _parse_xwininfo(self.run(["xwininfo", "-root", "-tree"], check=True).stdout)

    def tray_panel(self) -> Window | None:
        """trayer's ``panel`` window, if it is up."""
        for window in self.windows().children:
            if window.name == "panel" and window.wm_class[-1:] == ("trayer",):
                return window
        return None

    def tray_children(self) -> list[Window]:
        """The tray icons embedded in trayer's panel: the clients' own windows (a Qt icon
        window is named after the application), each inside one trayer socket window."""
        panel = self.tray_panel()
        if panel is None:
            return []
        return [client for socket in panel.children for client in socket.children]

    def screenshot(self, path: str | os.PathLike[str], window: str = "root") -> Path:
        """Capture a window (an id such as ``"0x1a00007"``, or ``"root"``) to an image file."""
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        self.run(["import", "-silent", "-window", window, str(target)], check=True)
        return target

    def colors(self, image: str | os.PathLike[str]) -> Counter[str]:
        """Pixel count per colour (``"#rrggbb"``, lower case, alpha ignored) of an image file."""
        out = self.run(
            ["convert", str(image), "-alpha", "off", "-format", "%c", "histogram:info:-"],
            check=True,
        ).stdout
        counts: Counter[str] = Counter()
        for line in out.splitlines():
            match = _HISTOGRAM_LINE.match(line)
            if match:
                counts["#" + match["hex"].lower()] += int(match["count"])
        return counts

    def notifications(self, *, close: bool = True) -> list[Notification]:
        """Every notification the daemon has received, oldest first.

        dunst only reports a notification once it is in its history, i.e. closed: with
        ``close=True`` (the default) every open one is closed first (``dunstctl close-all``).
        """
        if close:
            self._dunst_call("NotificationCloseAll")
        (history,) = self._dunst_call("NotificationListHistory")
        found = [
            Notification(
                id=int(_variant(entry, "id", 0)),
                app_name=str(_variant(entry, "appname", "")),
                summary=str(_variant(entry, "summary", "")),
                body=str(_variant(entry, "body", "")),
                message=str(_variant(entry, "message", "")),
                category=str(_variant(entry, "category", "")),
                icon=str(_variant(entry, "icon_path", "")),
            )
            for entry in history
        ]
        return sorted(found, key=lambda n: n.id)

    def displayed_notifications(self) -> int:
        """How many notifications dunst shows on screen right now."""
        from jeepney import DBusAddress, Properties

        dunst = DBusAddress(
            "/org/freedesktop/Notifications",
            bus_name="org.freedesktop.Notifications",
            interface="org.dunstproject.cmd0",
        )
        ((_, value),) = self._call(Properties(dunst).get("displayedLength"))
        return int(value)

    def clipboard_text(self, selection: str = "clipboard", timeout: float = 2.0) -> str | None:
        """The text another client serves on an X selection, read by ``xclip`` as UTF-8;
        ``None`` if nobody owns it or the owner did not answer in time."""
        try:
            result = self.run(
                ["xclip", "-o", "-selection", selection, "-t", "UTF8_STRING"],
                timeout=timeout,
                encoding="utf-8",
                errors="replace",
            )
        except subprocess.TimeoutExpired:
            return None
        return result.stdout if result.returncode == 0 else None

    def find_window(self, title: str, *, timeout: float = 5.0, visible_only: bool = True) -> str:
        """The id (``"0x…"``) of the first window whose title is exactly ``title``, polled until
        ``timeout``. (xdotool does not see tray icon windows: use ``tray_children()``.)"""
        pattern = "^" + re.sub(r"([.\[\]{}()\\*+?|^$])", r"\\\1", title) + "$"
        args = ["xdotool", "search", *(["--onlyvisible"] if visible_only else []), "--name"]

        def search() -> str:
            out = self.run([*args, pattern]).stdout.split()
            return hex(int(out[0])) if out else ""

        return self.wait_until(search, timeout=timeout, what=f"a window titled {title!r}")

    def has_bus_name(self, name: str) -> bool:
        """Whether some process owns ``name`` on the session bus."""
        from jeepney.bus_messages import message_bus

        (owned,) = self._call(message_bus.NameHasOwner(name))
        return bool(owned)

    # ----------------------------------------------------------------- bring-up

    def _make_dirs(self) -> None:
        self.tmp = Path(tempfile.mkdtemp(prefix="crickets-desktop-"))
        if len(os.fsencode(self.tmp / "runtime" / "keyring" / "control")) > 100:
            # Unix socket paths (the bus, gnome-keyring's control socket) must stay under
            # 108 bytes: a long TMPDIR would break them.
            self.tmp.rmdir()
            self.tmp = Path(tempfile.mkdtemp(prefix="crickets-desktop-", dir="/tmp"))
        home = self.tmp / "home"
        dirs = {
            "XDG_DATA_HOME": home / ".local" / "share",
            "XDG_CONFIG_HOME": home / ".config",
            "XDG_CACHE_HOME": home / ".cache",
            "XDG_STATE_HOME": home / ".local" / "state",
        }
        for path in (*dirs.values(), self.tmp / "logs"):
            path.mkdir(parents=True, exist_ok=True)
        runtime = self.tmp / "runtime"
        runtime.mkdir(mode=0o700)
        runtime.chmod(0o700)  # mkdir honours the umask; Qt insists on exactly 0700

        env = {
            key: value
            for key, value in os.environ.items()
            if key not in _ENV_DROP and (not key.startswith("XDG_") or key in _XDG_KEEP)
        }
        env.update({key: str(path) for key, path in dirs.items()})
        # Qt warns on stderr under a non-UTF-8 locale (the C locale of a bare CI container); a
        # desktop session has a UTF-8 one.
        current = env.get("LC_ALL") or env.get("LC_CTYPE") or env.get("LANG") or ""
        if "utf-8" not in current.lower() and "utf8" not in current.lower():
            env.pop("LC_ALL", None)
            env.pop("LC_CTYPE", None)
            env["LANG"] = "C.UTF-8"
        env.update(
            HOME=str(home),
            XDG_RUNTIME_DIR=str(runtime),
            XDG_SESSION_TYPE="x11",
            QT_QPA_PLATFORM="xcb",
            NO_AT_BRIDGE="1",
        )
        self.env = env

    def _start_xvfb(self) -> None:
        read_fd, write_fd = os.pipe()
        try:
            part = self._launch(
                "Xvfb",
                ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", self.screen, *_XVFB_FLAGS],
                pass_fds=(write_fd,),
            )
        finally:
            os.close(write_fd)
        try:
            number = self._read_fd_line(part, read_fd)
        finally:
            os.close(read_fd)
        if not number.isdigit():
            raise self._error(part, f"printed {number!r} instead of a display number")
        self.display = f":{number}"
        self.env["DISPLAY"] = self.display

        def answers() -> bool:
            done = subprocess.run(["xdpyinfo"], env=self.env, capture_output=True, timeout=5)
            return done.returncode == 0

        self._wait(part, answers, "xdpyinfo to answer")

    def _start_dbus(self) -> None:
        tmp = self._require_tmp()
        config = write_config(tmp)
        read_fd, write_fd = os.pipe()
        try:
            part = self._launch(
                "dbus-daemon",
                [
                    "dbus-daemon",
                    f"--config-file={config}",
                    "--nofork",
                    f"--print-address={write_fd}",
                ],
                pass_fds=(write_fd,),
            )
        finally:
            os.close(write_fd)
        try:
            address = self._read_fd_line(part, read_fd)
        finally:
            os.close(read_fd)
        if not address.startswith("unix:"):
            raise self._error(part, f"printed {address!r} instead of a bus address")
        self.bus_address = address
        self.env["DBUS_SESSION_BUS_ADDRESS"] = address
        self._bus = self._wait(part, self._connect_bus, "a connection to the bus")

    def _start_trayer(self) -> None:
        part = self._launch(
            "trayer",
            ["trayer", *_TRAYER_FLAGS],
        )
        self._wait(
            part,
            lambda: self.tray_panel() is not None and _tray_selection_owned(self.display),
            "its panel window and the _NET_SYSTEM_TRAY_S0 selection",
        )

    def _start_dunst(self) -> None:
        tmp = self._require_tmp()
        config = tmp / "dunstrc"
        config.write_text(_DUNSTRC)
        part = self._launch("dunst", ["dunst", "-config", str(config)])
        self._wait(
            part,
            lambda: self.has_bus_name("org.freedesktop.Notifications"),
            "org.freedesktop.Notifications on the session bus",
        )

    def _start_keyring(self) -> None:
        part = self._launch(
            "gnome-keyring-daemon",
            ["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
            stdin=subprocess.PIPE,
        )
        assert part.popen.stdin is not None
        part.popen.stdin.write(_KEYRING_PASSWORD)
        part.popen.stdin.close()
        self._wait(
            part,
            lambda: self.has_bus_name("org.freedesktop.secrets") and self._default_collection(),
            "org.freedesktop.secrets with an unlocked default collection",
        )

    # ---------------------------------------------------------------- internals

    def _require_tmp(self) -> Path:
        if self.tmp is None:
            raise DesktopSessionError("the desktop session is not started")
        return self.tmp

    def _launch(
        self,
        name: str,
        args: list[str],
        *,
        pass_fds: tuple[int, ...] = (),
        stdin: int | IO[bytes] | None = subprocess.DEVNULL,
    ) -> _Part:
        log = self._require_tmp() / "logs" / f"{name}.log"
        with log.open("wb") as out:
            popen = subprocess.Popen(
                args,
                env=self.env,
                stdin=stdin,
                stdout=out,
                stderr=subprocess.STDOUT,
                pass_fds=pass_fds,
                preexec_fn=_die_with_parent,
            )
        part = _Part(name, popen, log)
        self._parts.append(part)
        return part

    def _wait(self, part: _Part, ready: Callable[[], T], what: str) -> T:
        deadline = time.monotonic() + self.timeout
        last_error = ""
        while True:
            code = part.popen.poll()
            if code is not None:
                raise self._error(part, f"exited with code {code} (waiting for {what})")
            try:
                value = ready()
            except Exception as error:  # not ready yet: keep polling, report it on timeout
                last_error = f" (last check: {type(error).__name__}: {error})"
            else:
                if value:
                    return value
            if time.monotonic() >= deadline:
                raise self._error(
                    part,
                    f"did not come up within {self.timeout:.1f}s (waiting for {what}){last_error}",
                )
            time.sleep(_POLL_INTERVAL)

    def _read_fd_line(self, part: _Part, fd: int) -> str:
        data = b""
        deadline = time.monotonic() + self.timeout
        while b"\n" not in data:
            left = deadline - time.monotonic()
            if left <= 0:
                raise self._error(part, f"did not come up within {self.timeout:.1f}s")
            ready, _, _ = select.select([fd], [], [], min(left, 0.2))
            if ready:
                chunk = os.read(fd, 4096)
                if not chunk:
                    code = part.popen.wait(timeout=_STOP_GRACE)
                    raise self._error(part, f"exited with code {code} before it was ready")
                data += chunk
            elif part.popen.poll() is not None:
                raise self._error(part, f"exited with code {part.popen.returncode}")
        return data.decode().strip()

    def _error(self, part: _Part, message: str) -> DesktopSessionError:
        try:
            tail = part.log.read_text(errors="replace")[-2000:]
        except OSError:
            tail = ""
        output = f"its output ends with:\n{tail}" if tail.strip() else "it printed nothing"
        return DesktopSessionError(f"{part.name} {message}; {output}")

    def _connect_bus(self) -> Any:
        from jeepney.io.blocking import open_dbus_connection

        return open_dbus_connection(bus=self.bus_address)

    def _call(self, message: Any) -> Any:
        from jeepney import MessageType
        from jeepney.wrappers import DBusErrorResponse

        if self._bus is None:
            raise DesktopSessionError("the session bus is not connected")
        reply = self._bus.send_and_get_reply(message, timeout=self.timeout)
        if reply.header.message_type == MessageType.error:
            raise DBusErrorResponse(reply)
        return reply.body

    def _dunst_call(self, method: str) -> Any:
        from jeepney import DBusAddress, new_method_call

        dunst = DBusAddress(
            "/org/freedesktop/Notifications",
            bus_name="org.freedesktop.Notifications",
            interface="org.dunstproject.cmd0",
        )
        return self._call(new_method_call(dunst, method))

    def _default_collection(self) -> bool:
        """Whether the Secret Service has an unlocked default collection (else every keyring
        call would block on an unlock prompt)."""
        from jeepney import DBusAddress, Properties, new_method_call

        service = DBusAddress(
            "/org/freedesktop/secrets",
            bus_name="org.freedesktop.secrets",
            interface="org.freedesktop.Secret.Service",
        )
        (path,) = self._call(new_method_call(service, "ReadAlias", "s", ("default",)))
        if path in ("", "/"):
            return False
        collection = DBusAddress(
            path, bus_name="org.freedesktop.secrets", interface="org.freedesktop.Secret.Collection"
        )
        ((_, locked),) = self._call(Properties(collection).get("Locked"))
        return not locked

    def _remove_x_lock(self, pid: int) -> None:
        """After a SIGKILL, remove the lock and socket Xvfb could not remove itself."""
        if self.display is None:
            return
        number = self.display.lstrip(":")
        lock = Path(f"/tmp/.X{number}-lock")
        try:
            owner = int(lock.read_text().strip())
        except (OSError, ValueError):
            return
        if owner == pid:
            lock.unlink(missing_ok=True)
            Path(f"/tmp/.X11-unix/X{number}").unlink(missing_ok=True)


# -------------------------------------------------------------------- functions


def wait_until(
    predicate: Callable[[], T | None],
    *,
    timeout: float = 10.0,
    what: str = "condition",
    interval: float = _POLL_INTERVAL,
) -> T:
    """Poll ``predicate`` every ``interval`` seconds until it returns something truthy,
    which is returned; raises ``DesktopSessionError`` naming ``what`` after ``timeout``."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() >= deadline:
            raise DesktopSessionError(f"timed out after {timeout:.1f}s waiting for {what}")
        time.sleep(interval)


def _terminate(popen: subprocess.Popen[bytes]) -> int:
    """SIGTERM this one PID, wait, then SIGKILL; its exit code."""
    if popen.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            popen.terminate()
        try:
            popen.wait(timeout=_STOP_GRACE)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                popen.kill()
            popen.wait(timeout=_STOP_GRACE)
    return popen.returncode


def _load_libc() -> Any:
    try:
        return ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None


_LIBC = _load_libc() if sys.platform.startswith("linux") else None
_PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    """In the child, before exec: get SIGTERM when the test process dies, even by SIGKILL, so
    an aborted run leaves no daemon behind (Linux; best effort)."""
    if _LIBC is not None:
        _LIBC.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)


def _has_library(soname: str) -> bool:
    stem = soname.removeprefix("lib").split(".so")[0]
    found = ctypes.util.find_library(stem)
    return found is not None


_X11: Any = None


def _tray_selection_owned(display: str | None) -> bool:
    """Whether some client owns ``_NET_SYSTEM_TRAY_S0`` (what Qt checks for a tray), via Xlib.

    Falls back to True when libX11 cannot be loaded (then the panel window check stands alone).
    """
    global _X11
    if display is None:
        return False
    if _X11 is None:
        try:
            lib = ctypes.CDLL("libX11.so.6")
        except OSError:
            return True
        lib.XOpenDisplay.restype = ctypes.c_void_p
        lib.XOpenDisplay.argtypes = [ctypes.c_char_p]
        lib.XInternAtom.restype = ctypes.c_ulong
        lib.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        lib.XGetSelectionOwner.restype = ctypes.c_ulong
        lib.XGetSelectionOwner.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
        lib.XCloseDisplay.argtypes = [ctypes.c_void_p]
        _X11 = lib
    connection = _X11.XOpenDisplay(display.encode())
    if not connection:
        return False
    try:
        atom = _X11.XInternAtom(connection, b"_NET_SYSTEM_TRAY_S0", 0)
        return bool(_X11.XGetSelectionOwner(connection, atom))
    finally:
        _X11.XCloseDisplay(connection)


def _variant(entry: Mapping[str, Any], key: str, default: object) -> Any:
    value = entry.get(key)
    if value is None:
        return default
    _signature, data = value
    return data


def _parse_xwininfo(text: str) -> Window:
    """Build the window tree from ``xwininfo -root -tree`` output (indentation = depth)."""
    root_id = re.search(r"Root window id: (0x[0-9a-fA-F]+)", text)
    # Each entry: (indent, id, name, class, geometry, children list)
    stack: list[tuple[int, dict[str, Any]]] = []
    root: dict[str, Any] = {
        "id": root_id[1] if root_id else "root",
        "name": None,
        "wm_class": (),
        "geo": (0, 0, 0, 0),
        "children": [],
    }
    stack.append((-1, root))
    for line in text.splitlines():
        match = _XWININFO_LINE.match(line)
        if not match:
            continue
        indent = len(match["indent"])
        node: dict[str, Any] = {
            "id": match["id"],
            "name": match["name"],
            "wm_class": tuple(re.findall(r'"([^"]*)"', match["cls"])),
            "geo": (int(match["w"]), int(match["h"]), int(match["x"]), int(match["y"])),
            "children": [],
        }
        while stack and stack[-1][0] >= indent:
            stack.pop()
        stack[-1][1]["children"].append(node)
        stack.append((indent, node))

    def freeze(node: dict[str, Any]) -> Window:
        width, height, x, y = node["geo"]
        return Window(
            id=node["id"],
            name=node["name"],
            wm_class=node["wm_class"],
            width=width,
            height=height,
            x=x,
            y=y,
            children=tuple(freeze(child) for child in node["children"]),
        )

    return freeze(root)
