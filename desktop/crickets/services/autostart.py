"""Start Crickets at login, quietly in the tray (docs/decisions/044).

* Linux and the BSDs: ``$XDG_CONFIG_HOME/autostart/crickets.desktop``, derived from the
  packaged ``resources/linux/crickets.desktop`` (as Vorta does) with ``Exec`` set to this
  installation's launcher plus ``--background``, and ``TryExec`` so a login after the
  install was removed skips the entry instead of failing.
* macOS: a LaunchAgent, ``~/Library/LaunchAgents/app.crickets.tray.plist``.
* Windows: the ``Crickets`` value under ``HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run``.

The entry itself is the setting: ``is_enabled()`` reads it, so a desktop's own "startup
applications" switch and the app agree. Each backend takes its location as an argument.
"""

from __future__ import annotations

import contextlib
import os
import plistlib
import re
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from crickets.atomic_files import write_atomically

BACKGROUND_FLAG = "--background"
ENTRY_NAME = "crickets.desktop"
AGENT_LABEL = "app.crickets.tray"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
RUN_VALUE = "Crickets"

_RESERVED = frozenset(" \t\n\"'\\><~|&;$*?#`()")  # Desktop Entry spec, "The Exec key"
_MANAGED_KEYS = ("Exec", "TryExec", "MimeType", "Hidden", "X-GNOME-Autostart-enabled")


class Autostart(Protocol):
    location: str  # where the entry lives, for the Settings window to show

    def is_enabled(self) -> bool: ...
    def enable(self) -> None: ...
    def disable(self) -> None: ...


def launcher(
    *, executable: str = sys.executable, frozen: bool | None = None, platform: str = sys.platform
) -> list[str]:
    """How to start this installation: the bundle, the script beside the interpreter
    (a virtualenv's ``bin/crickets``), or ``python -m crickets``."""
    if frozen is None:
        frozen = bool(getattr(sys, "frozen", False))
    if frozen:
        return [executable]
    bindir = Path(executable).parent
    windows = platform.startswith("win")
    for name in ("crickets-tray.exe", "crickets.exe") if windows else ("crickets",):
        if (bindir / name).is_file():
            return [str(bindir / name)]
    pythonw = bindir / "pythonw.exe"  # no console window at login
    return [str(pythonw if windows and pythonw.is_file() else executable), "-m", "crickets"]


def quote_exec_arg(arg: str) -> str:
    """One argument as the Desktop Entry spec's ``Exec`` wants it (before string escaping)."""
    arg = arg.replace("%", "%%")
    if not arg or any(c in _RESERVED for c in arg):
        arg = '"' + re.sub(r'(["`$\\])', r"\\\1", arg) + '"'
    return arg


def string_value(text: str) -> str:
    """``text`` as a Desktop Entry string value (backslash escapes)."""
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")


def exec_value(argv: Sequence[str]) -> str:
    """The ``Exec=`` value for ``argv``: quoted per argument, then escaped as a string."""
    return string_value(" ".join(quote_exec_arg(a) for a in argv))


def _remove(path: Path) -> None:
    path.unlink(missing_ok=True)
    with contextlib.suppress(OSError):  # only when empty: it may be ours, it may be shared
        path.parent.rmdir()


class XdgAutostart:
    def __init__(
        self,
        config_home: Path | None = None,
        *,
        command: Sequence[str] | None = None,
        template: Path | None = None,
    ) -> None:
        if config_home is None:
            env = Path(os.environ.get("XDG_CONFIG_HOME") or "relative")
            config_home = env if env.is_absolute() else Path.home() / ".config"
        self.path = config_home / "autostart" / ENTRY_NAME
        self.location = str(self.path)
        self._command = list(command) if command is not None else launcher()
        self._template = template

    def entry_text(self) -> str:
        """The packaged entry with this installation's command, started in the tray."""
        if self._template is None:
            from crickets import resources

            self._template = resources.path("linux", ENTRY_NAME)
        lines, group = [], ""
        for line in self._template.read_text(encoding="utf-8").splitlines():
            stripped = line.strip()
            if stripped.startswith("["):
                group = stripped
            key = stripped.partition("=")[0].strip()
            if group == "[Desktop Entry]" and key in _MANAGED_KEYS:
                continue
            lines.append(line)
            if stripped == "[Desktop Entry]":
                command = [*self._command, BACKGROUND_FLAG]
                # GLib looks the program up before it turns "%%" into "%": hand such a path
                # to env as an argument instead.
                prefix = ["/usr/bin/env"] if "%" in command[0] else []
                lines.append(f"Exec={exec_value([*prefix, *command])}")
                lines.append(f"TryExec={string_value(command[0])}")
                lines.append("X-GNOME-Autostart-enabled=true")
        return "\n".join(lines) + "\n"

    def is_enabled(self) -> bool:
        try:
            text = self.path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return False
        keys = {k.strip(): v.strip() for k, _, v in (ln.partition("=") for ln in text.splitlines())}
        return keys.get("Hidden") != "true" and keys.get("X-GNOME-Autostart-enabled") != "false"

    def enable(self) -> None:
        write_atomically(self.path, self.entry_text().encode(), mode=0o644)

    def disable(self) -> None:
        _remove(self.path)


class LaunchAgent:
    """macOS: a per-user LaunchAgent that launchd runs at login."""

    def __init__(self, home: Path | None = None, *, command: Sequence[str] | None = None) -> None:
        base = home if home is not None else Path.home()
        self.path = base / "Library" / "LaunchAgents" / f"{AGENT_LABEL}.plist"
        self.location = str(self.path)
        self._command = list(command) if command is not None else launcher()

    def is_enabled(self) -> bool:
        try:
            agent = plistlib.loads(self.path.read_bytes())
        except (OSError, ValueError):
            return False
        return isinstance(agent, dict) and not agent.get("Disabled", False)

    def enable(self) -> None:
        agent = {
            "Label": AGENT_LABEL,
            "ProgramArguments": [*self._command, BACKGROUND_FLAG],
            "RunAtLoad": True,
            "ProcessType": "Interactive",
        }
        write_atomically(self.path, plistlib.dumps(agent), mode=0o644)

    def disable(self) -> None:
        self.path.unlink(missing_ok=True)


class RunKey:
    """Windows: the per-user Run key (not tested on Linux)."""

    location = rf"HKEY_CURRENT_USER\{RUN_KEY}\{RUN_VALUE}"

    def __init__(self, *, command: Sequence[str] | None = None) -> None:
        self._command = list(command) if command is not None else launcher()

    def is_enabled(self) -> bool:  # pragma: no cover - Windows only
        if sys.platform != "win32":
            raise OSError("the Run key exists only on Windows")
        import winreg

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
                winreg.QueryValueEx(key, RUN_VALUE)
        except OSError:
            return False
        return True

    def enable(self) -> None:  # pragma: no cover - Windows only
        if sys.platform != "win32":
            raise OSError("the Run key exists only on Windows")
        import winreg

        value = subprocess.list2cmdline([*self._command, BACKGROUND_FLAG])
        with winreg.CreateKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
            winreg.SetValueEx(key, RUN_VALUE, 0, winreg.REG_SZ, value)

    def disable(self) -> None:  # pragma: no cover - Windows only
        if sys.platform != "win32":
            raise OSError("the Run key exists only on Windows")
        import winreg

        with (
            contextlib.suppress(FileNotFoundError),
            winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY, 0, winreg.KEY_SET_VALUE) as key,
        ):
            winreg.DeleteValue(key, RUN_VALUE)


def for_platform(platform: str = sys.platform) -> Autostart:
    """The backend for ``platform`` with its default location and this launcher."""
    if platform.startswith("win"):
        return RunKey()
    if platform == "darwin":
        return LaunchAgent()
    return XdgAutostart()


def is_enabled() -> bool:
    """Whether this machine starts Crickets at login (reads the entry itself)."""
    return for_platform().is_enabled()


def set_enabled(enabled: bool) -> None:
    """Write or remove this machine's login entry (OSError when it cannot)."""
    backend = for_platform()
    if enabled:
        backend.enable()
    else:
        backend.disable()
