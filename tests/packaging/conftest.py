"""Fixtures for the packaging tests: the built bundle, the installed wheel, a desktop session.

The expensive things are made once per test session and only when a test asks for them:
``bundle`` runs packaging/build.sh (PyInstaller, ~20-60 s), ``wheel_install`` builds the
wheel and installs it into a fresh venv (~20 s with pip's cache). Both build into temporary
folders, never into the checkout's dist/ or build/. Their durations are printed at the end
of the pytest run (the "packaging: ..." lines).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))  # wheel_venv
sys.path.insert(0, str(ROOT / "packaging" / "pyinstaller"))  # bundle_rules
sys.path.insert(0, str(ROOT / "tests" / "desktop"))  # session (the desktop harness)

import wheel_venv  # noqa: E402
from session import INSTALL_SCRIPT, DesktopSession  # noqa: E402

VIEWER = "PyInstaller.utils.cliutils.archive_viewer"  # pyi-archive_viewer
BUILD_TIMEOUT = 900  # seconds; a cold PyInstaller run here takes well under a minute
_TIMINGS: dict[str, str] = {}  # shown at the end of the run (pytest_terminal_summary)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for what, line in _TIMINGS.items():
        terminalreporter.write_line(f"packaging: {what}: {line}")


def on_ci() -> bool:
    return os.environ.get("CI") == "true"


def need_tool(name: str, package: str) -> str:
    """The path of a system tool; skipped without it (a failure on CI, which must have it)."""
    path = shutil.which(name)
    if path is None:
        message = f"{name} is not installed (Debian package {package}; {INSTALL_SCRIPT})"
        if on_ci():
            pytest.fail(f"{message} (CI must install it)", pytrace=False)
        pytest.skip(message)
    return path


@dataclass(frozen=True)
class Bundle:
    folder: Path  # dist/crickets
    seconds: float  # how long packaging/build.sh took

    @property
    def exe(self) -> Path:
        return self.folder / "crickets"

    @property
    def internal(self) -> Path:
        return self.folder / "_internal"


@dataclass(frozen=True)
class WheelInstall:
    wheel: Path
    venv: Path
    seconds: float

    def bin(self, name: str) -> Path:
        return wheel_venv.venv_bin(self.venv, name)


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Bundle:
    if not sys.platform.startswith("linux"):
        pytest.skip("packaging/build.sh builds the Linux bundle")
    out = tmp_path_factory.mktemp("bundle")
    env = {**os.environ, "PYTHON": sys.executable, "DIST": str(out / "dist")}
    env["WORK"] = str(out / "work")
    started = time.monotonic()
    done = subprocess.run(
        ["bash", str(ROOT / "packaging" / "build.sh")],
        env=env,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT,
        check=False,
    )
    seconds = time.monotonic() - started
    if done.returncode != 0:
        pytest.fail(
            f"packaging/build.sh failed ({done.returncode}):\n{(done.stdout + done.stderr)[-6000:]}"
        )
    _TIMINGS["packaging/build.sh"] = f"{seconds:.1f} s, {done.stdout.strip().splitlines()[-1]}"
    return Bundle(out / "dist" / "crickets", seconds)


@pytest.fixture(scope="session")
def archive(bundle: Bundle) -> set[str]:
    """The Python modules inside the bundle's archive (PyInstaller's archive viewer)."""
    listing = subprocess.run(
        [sys.executable, "-m", VIEWER, "-r", "-b", str(bundle.exe)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    return {line.strip() for line in listing.splitlines() if line.startswith(" ")}


@pytest.fixture(scope="session")
def wheel_install(tmp_path_factory: pytest.TempPathFactory) -> WheelInstall:
    out = tmp_path_factory.mktemp("wheel")
    started = time.monotonic()
    try:
        wheel = wheel_venv.build_wheel(out / "wheelhouse")
        wheel_venv.install_fresh(out / "venv", wheel)
    except wheel_venv.WheelVenvError as error:
        if error.offline and not on_ci():
            pytest.skip(f"the package index cannot be reached ({error.step})")
        pytest.fail(str(error), pytrace=False)
    seconds = time.monotonic() - started
    size = wheel_venv.disk_usage(out / "venv") / 2**20
    _TIMINGS["wheel + fresh venv"] = f"{seconds:.1f} s, venv {size:.1f} MiB"
    return WheelInstall(wheel, out / "venv", seconds)


@pytest.fixture(scope="session")
def desktop_session() -> Iterator[DesktopSession]:
    """A private desktop (Xvfb, tray, D-Bus, notifications, Secret Service) for the bundle;
    the same harness and the same skip/fail rule as tests/desktop."""
    missing = DesktopSession.missing_tools()
    if missing:
        message = (
            f"desktop tests need: {' '.join(missing)}; "
            f"run {INSTALL_SCRIPT} as root, or: {DesktopSession.install_command(missing)}"
        )
        if on_ci():
            pytest.fail(f"{message} (CI must install them)", pytrace=False)
        pytest.skip(message)
    with DesktopSession() as session:
        yield session
