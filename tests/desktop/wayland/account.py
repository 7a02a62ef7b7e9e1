"""The account the Wayland session runs as.

sway refuses to start as root, and CI runs ``make test`` as root. So, as root, the tests create
one unprivileged user once (``crickets-wl``, a home under /home, no password) and start
every part of the session, and the app, as that user: ``subprocess.Popen(user=, group=,
extra_groups=[])`` switches to it in the child just before ``exec``, so the PID a test keeps is
the process itself (``runuser`` would fork and keep a parent in between). Not root, the tests
run everything as the current user, who can start sway anyway.

Files the user must write (its session folder, a data folder) are created here and handed to
it with ``chown``; nothing of the person running the tests changes owner or mode.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

NAME = "crickets-wl"


class AccountError(RuntimeError):
    """The unprivileged account could not be had (no ``useradd``, or it failed)."""


@dataclass(frozen=True)
class Account:
    name: str
    uid: int
    gid: int
    switch: bool  # True when this process is root and starts children as ``name``

    @classmethod
    def for_tests(cls) -> Account:
        """As root: ``crickets-wl`` (created with ``useradd`` when missing); else the current
        user."""
        if os.geteuid() != 0:
            entry = pwd.getpwuid(os.geteuid())
            return cls(entry.pw_name, entry.pw_uid, entry.pw_gid, switch=False)
        try:
            entry = pwd.getpwnam(NAME)
        except KeyError:
            entry = _create(NAME)
        return cls(entry.pw_name, entry.pw_uid, entry.pw_gid, switch=True)

    def popen_args(self) -> dict[str, Any]:
        """Keyword arguments for ``subprocess.Popen``/``run`` that start a child as this user."""
        if not self.switch:
            return {}
        return {"user": self.uid, "group": self.gid, "extra_groups": []}

    def run(
        self, args: Sequence[str], env: Mapping[str, str], *, timeout: float = 30
    ) -> subprocess.CompletedProcess[str]:
        """Run a short command as this user; output captured as text, never raises on status."""
        return subprocess.run(
            list(args),
            env=dict(env),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
            stdin=subprocess.DEVNULL,
            **self.popen_args(),
        )

    def can_read(self, path: Path) -> bool:
        """Whether this user can reach and read ``path`` (every folder above it included)."""
        if not self.switch:
            return os.access(path, os.R_OK)
        done = subprocess.run(["test", "-r", str(path)], check=False, **self.popen_args())
        return done.returncode == 0

    def give(self, path: Path, mode: int = 0o700) -> Path:
        """Create the folder ``path`` (parents as they are) owned by this user, with ``mode``."""
        path.mkdir(mode=mode, exist_ok=True)
        path.chmod(mode)  # mkdir honours the umask; XDG_RUNTIME_DIR must be exactly 0700
        if self.switch:
            os.chown(path, self.uid, self.gid)
        return path


def _create(name: str) -> pwd.struct_passwd:
    useradd = shutil.which("useradd") or "/usr/sbin/useradd"
    if not Path(useradd).exists():
        raise AccountError(f"the Wayland tests run as the user {name}: useradd is missing")
    done = subprocess.run(
        [useradd, "--create-home", "--shell", "/bin/sh", name],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        try:  # another test run created it meanwhile
            return pwd.getpwnam(name)
        except KeyError:
            pass
        raise AccountError(f"useradd {name} failed: {done.stderr.strip()}")
    return pwd.getpwnam(name)
