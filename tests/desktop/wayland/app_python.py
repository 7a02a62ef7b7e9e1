"""The Python the Wayland session's account runs Crickets with.

The account must read three things: the interpreter behind the virtualenv, the virtualenv's
site-packages, and the checkout (the editable install points at ``desktop/``, and
``resources/`` sits beside it). On a developer machine it can; on CI the clone (or a
pyenv interpreter) may sit under ``/root``, mode 0700. The tests never change those folders:
whatever the account cannot read is linked into a world-readable temporary folder instead
(hard links, so nothing is copied on one file system; a real copy across file systems or
for a file others may not read), with a small virtualenv there that points at it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from wayland.account import Account

CHECKOUT = Path(__file__).resolve().parents[3]
_PROBE = "import crickets.resources, PySide6.QtWidgets; crickets.resources.root()"
_VERSION = f"python{sys.version_info.major}.{sys.version_info.minor}"


class AppPythonError(RuntimeError):
    """Even the linked copy does not import Crickets as the account."""


@dataclass
class AppPython:
    executable: Path
    env: dict[str, str] = field(default_factory=dict)
    stage: Path | None = None  # the temporary folder, when something had to be linked

    def remove(self) -> None:
        if self.stage is not None:
            shutil.rmtree(self.stage, ignore_errors=True)  # links only: originals stay
            self.stage = None


def app_python(account: Account) -> AppPython:
    """The interpreter (and environment additions) that imports Crickets as ``account``."""
    here = AppPython(Path(sys.executable))
    if _imports(account, here) is None:
        return here
    stage = Path(tempfile.mkdtemp(prefix="crickets-wl-python-", dir="/tmp"))
    stage.chmod(0o755)
    staged = AppPython(stage / "venv" / "bin" / "python", {"PYTHONDONTWRITEBYTECODE": "1"}, stage)
    try:
        _build(account, staged, stage)
        error = _imports(account, staged)
    except BaseException:
        staged.remove()
        raise
    if error is not None:
        staged.remove()
        raise AppPythonError(f"Crickets does not import as {account.name}: {error}")
    return staged


def _build(account: Account, staged: AppPython, stage: Path) -> None:
    base = Path(sys.base_prefix)
    base_exe = Path(getattr(sys, "_base_executable", sys.executable)).resolve()
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    if account.can_read(base_exe) and account.can_read(stdlib / "os.py"):
        python_exe = base_exe
    else:
        home = stage / "python"
        (home / "bin").mkdir(parents=True)
        python_exe = home / "bin" / base_exe.name
        _link_file(base_exe, python_exe)
        skip = shutil.ignore_patterns("site-packages", "test", "idlelib", "tkinter", "turtledemo")
        _link_tree(stdlib, home / "lib" / _VERSION, ignore=skip)
        for library in (base / "lib").glob("libpython*.so*"):
            _link_file(library, home / "lib" / library.name)
        # A shared libpython is found through an absolute RUNPATH the account cannot read;
        # LD_LIBRARY_PATH is searched before RUNPATH.
        staged.env["LD_LIBRARY_PATH"] = str(home / "lib")

    site = Path(sysconfig.get_paths()["purelib"])
    if not account.can_read(site / "PySide6" / "__init__.py"):
        copy = stage / "site-packages"
        _link_tree(site, copy)
        site = copy

    if not account.can_read(CHECKOUT / "desktop" / "crickets" / "__init__.py"):
        for part in ("desktop", "resources"):
            _link_tree(CHECKOUT / part, stage / "checkout" / part)
        # Before site-packages on sys.path; the editable install's own path entry names a
        # folder the account cannot see, which Python skips.
        staged.env["PYTHONPATH"] = str(stage / "checkout" / "desktop")

    venv = stage / "venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "lib" / _VERSION).mkdir(parents=True)
    (venv / "pyvenv.cfg").write_text(
        f"home = {python_exe.parent}\ninclude-system-site-packages = false\n"
        f"version = {sys.version.split()[0]}\n"
    )
    (venv / "bin" / "python").symlink_to(python_exe)
    (venv / "lib" / _VERSION / "site-packages").symlink_to(site)
    for folder in [stage, *(p for p in stage.rglob("*") if p.is_dir() and not p.is_symlink())]:
        folder.chmod(0o755)


def _imports(account: Account, python: AppPython) -> str | None:
    """None when ``python`` imports Crickets and PySide6 as ``account``, else why not."""
    env = {"PATH": os.environ.get("PATH", os.defpath), "LANG": "C.UTF-8", **python.env}
    try:
        done = account.run([str(python.executable), "-c", _PROBE], env, timeout=60)
    except (OSError, subprocess.SubprocessError) as error:
        return str(error)
    if done.returncode == 0:
        return None
    return (done.stderr.strip().splitlines() or [f"exit code {done.returncode}"])[-1]


def _link_file(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    _link_or_copy(str(source), str(target))


def _link_or_copy(source: str, target: str) -> str:
    """A hard link when others may read ``source`` (same inode, same mode); else a copy that
    they may read."""
    mode = Path(source).stat().st_mode
    if mode & 0o004:
        try:
            os.link(source, target)
        except OSError:  # another file system, or links not allowed here
            pass
        else:
            return target
    shutil.copy2(source, target)
    Path(target).chmod((mode & 0o777) | 0o444 | (0o111 if mode & 0o100 else 0))
    return target


def _link_tree(source: Path, target: Path, ignore: object = None) -> None:
    shutil.copytree(
        source,
        target,
        copy_function=_link_or_copy,
        ignore=ignore,  # type: ignore[arg-type]
        dirs_exist_ok=True,
    )
