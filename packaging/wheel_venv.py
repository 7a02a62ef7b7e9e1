"""Build Crickets' wheel from this checkout and install it into a fresh virtualenv, the way
``pip install .`` does for a person (docs/decisions/054).

    python packaging/wheel_venv.py VENV_DIR     # prints the venv's crickets and its size

Used by tests/packaging/test_wheel.py and bench/size.py. Standard library only.

* The wheel is built by ``pip wheel --no-deps`` with build isolation: the same PEP 517 path
  (hatchling in a throw-away environment) that ``pip install .`` takes.
* The fresh venv has no ``--system-site-packages`` and never sees the checkout, so nothing
  (no editable install, no ``desktop/`` on a path) can stand in for the installed wheel.
* Its dependencies are pinned to the versions of the interpreter running this (``pip
  freeze``), as constraints only: the test checks the wheel, not a newer PySide6 that
  appeared this morning, and pip's cache serves what the development venv downloaded.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROJECT = "crickets"
_PIP_QUIET = ["--quiet", "--disable-pip-version-check", "--no-input"]

#: Words in pip's output that mean "could not reach the package index", not "broken wheel".
NETWORK_ERRORS = (
    "NewConnectionError",
    "Failed to establish a new connection",
    "Temporary failure in name resolution",
    "Network is unreachable",
    "ConnectTimeoutError",
    "ReadTimeoutError",
)


class WheelVenvError(RuntimeError):
    """A step failed; ``output`` is what pip or venv printed."""

    def __init__(self, step: str, output: str) -> None:
        super().__init__(f"{step} failed:\n{output[-4000:]}")
        self.step = step
        self.output = output

    @property
    def offline(self) -> bool:
        return any(marker in self.output for marker in NETWORK_ERRORS)


def _clean_env() -> dict[str, str]:
    """The environment without anything that could put the checkout on Python's path."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env.pop("VIRTUAL_ENV", None)
    return env


def _run(step: str, args: list[str], *, cwd: Path | None = None, timeout: float = 900) -> str:
    done = subprocess.run(
        args,
        cwd=cwd,
        env=_clean_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if done.returncode != 0:
        raise WheelVenvError(step, done.stdout + done.stderr)
    return done.stdout


def build_wheel(out_dir: Path, *, python: str = sys.executable) -> Path:
    """``pip wheel --no-deps`` of the checkout into ``out_dir``; the wheel's path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    _run(
        "building the wheel",
        [
            python,
            "-m",
            "pip",
            "wheel",
            *_PIP_QUIET,
            "--no-deps",
            "--wheel-dir",
            str(out_dir),
            str(ROOT),
        ],
    )
    wheels = sorted(out_dir.glob(f"{PROJECT}-*.whl"))
    if len(wheels) != 1:
        raise WheelVenvError(
            "building the wheel", f"expected one wheel in {out_dir}, found {wheels}"
        )
    return wheels[0]


def constraints(*, python: str = sys.executable) -> str:
    """The running environment's versions (``pip freeze``), Crickets itself left out."""
    frozen = _run("pip freeze", [python, "-m", "pip", "freeze", "--exclude-editable"])
    lines = [
        line
        for line in frozen.splitlines()
        if line
        and not line.startswith(("-e ", "#"))
        and line.split("==")[0].split(" @ ")[0].strip().lower() != PROJECT
    ]
    return "\n".join(lines) + "\n"


def venv_bin(venv: Path, name: str) -> Path:
    folder = venv / ("Scripts" if sys.platform.startswith("win") else "bin")
    suffix = ".exe" if sys.platform.startswith("win") else ""
    return folder / f"{name}{suffix}"


def install_fresh(venv: Path, wheel: Path, *, python: str = sys.executable) -> Path:
    """A new venv at ``venv`` with ``wheel`` installed from the index; its python."""
    _run("creating the venv", [python, "-m", "venv", str(venv)])
    fresh = venv_bin(venv, "python")
    with tempfile.TemporaryDirectory() as tmp:
        pinned = Path(tmp) / "constraints.txt"
        pinned.write_text(constraints(python=python), encoding="utf-8")
        _run(
            "installing the wheel",
            [
                str(fresh),
                "-m",
                "pip",
                "install",
                *_PIP_QUIET,
                "--constraint",
                str(pinned),
                str(wheel),
            ],
            cwd=Path(tmp),
        )
    return fresh


def disk_usage(path: Path) -> int:
    """Bytes on disk under ``path`` (like ``du``: allocated blocks, hard links once)."""
    seen: set[tuple[int, int]] = set()
    total = 0
    for folder, _dirs, files in os.walk(path):
        for entry in (Path(folder), *(Path(folder, f) for f in files)):
            info = entry.lstat()
            key = (info.st_dev, info.st_ino)
            if key in seen:
                continue
            seen.add(key)
            blocks = getattr(info, "st_blocks", None)
            total += blocks * 512 if blocks is not None else info.st_size
    return total


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    venv = Path(argv[0]).resolve()
    if venv.exists():
        print(f"wheel_venv: {venv} exists; give a new folder", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        wheel = build_wheel(Path(tmp))
        install_fresh(venv, wheel)
    print(venv_bin(venv, PROJECT))
    print(f"venv: {venv} {disk_usage(venv) / 2**20:.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
