"""``pip install .`` from a clean checkout gives a working ``crickets`` with its resources
(issue 8, item 4): the wheel is built from this checkout, installed into a fresh venv that
cannot see the checkout, and run there (docs/decisions/054)."""

from __future__ import annotations

import json
import os
import subprocess
import zipfile
from pathlib import Path

import pytest

from crickets import __version__
from tests.packaging.conftest import ROOT, WheelInstall

pytestmark = pytest.mark.slow


def run(
    install: WheelInstall, name: str, *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return subprocess.run(
        [str(install.bin(name)), *args],
        cwd=cwd,
        env={**clean, **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_wheel_carries_the_resources_and_both_launchers(wheel_install: WheelInstall) -> None:
    with zipfile.ZipFile(wheel_install.wheel) as wheel:
        names = set(wheel.namelist())
        entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
        scripts = wheel.read(entry_points).decode()
    packaged = {
        f"crickets/_resources/{p.relative_to(ROOT / 'resources').as_posix()}"
        for p in (ROOT / "resources").rglob("*")
        if p.is_file() and not p.name.startswith(".")
    }
    assert packaged <= names, sorted(packaged - names)
    for needed in (
        "crickets/_resources/linux/crickets.desktop",
        "crickets/_resources/icons/hicolor/scalable/apps/crickets.svg",
        "crickets/_resources/icons/hicolor/symbolic/apps/crickets-symbolic.svg",
        "crickets/_resources/templates/confirmation.txt",
    ):
        assert needed in names
    assert not [n for n in names if n.startswith("tests/") or "__pycache__" in n]
    assert "crickets = crickets.__main__:main" in scripts
    assert "crickets-tray = crickets.__main__:main_gui" in scripts


def test_the_installed_package_is_the_wheel_not_the_checkout(
    wheel_install: WheelInstall, tmp_path: Path
) -> None:
    probe = "import crickets, crickets.resources as r; print(crickets.__file__); print(r.root())"
    result = run(wheel_install, "python", "-c", probe, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    package_file, resources_root = (Path(line) for line in result.stdout.splitlines())
    site = wheel_install.venv.resolve()
    assert package_file.resolve().is_relative_to(site)
    assert resources_root.resolve().is_relative_to(site)
    assert resources_root.name == "_resources"
    assert not package_file.resolve().is_relative_to(ROOT)


def test_the_installed_command_reports_its_version(
    wheel_install: WheelInstall, tmp_path: Path
) -> None:
    result = run(wheel_install, "crickets", "--version", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"crickets {__version__}"
    assert wheel_install.bin("crickets-tray").is_file()


def test_the_installed_command_adds_an_interview_and_drafts_its_confirmation(
    wheel_install: WheelInstall, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    env = {"CRICKETS_CLOCK": "2026-12-01T17:00:00+00:00", "TZ": "Europe/London"}
    added = run(
        wheel_install,
        "crickets",
        *("--data-dir", str(data), "add", "--json", "--at", "2026-12-01 14:00"),
        *("--tz", "America/New_York", "--company", "Acme", "--role", "Data analyst"),
        *("--contact", "Dana Smith", "--email", "dana@acme.example"),
        cwd=tmp_path,
        env=env,
    )
    assert added.returncode == 0, added.stderr
    assert json.loads(added.stdout)["start"] == "2026-12-01T19:00:00+00:00"

    draft = run(
        wheel_install,
        "crickets",
        *("--data-dir", str(data), "draft", "confirmation"),
        cwd=tmp_path,
        env=env,
    )

    assert draft.returncode == 0, draft.stderr
    # The subject and body come from resources/templates, read from the installed wheel.
    assert draft.stdout.startswith("Subject: ")
    assert "Acme" in draft.stdout
    assert "2:00 PM EST" in draft.stdout
    status = run(
        wheel_install,
        "crickets",
        *("--data-dir", str(data), "status", "--json"),
        cwd=tmp_path,
        env=env,
    )
    assert status.returncode == 0, status.stderr
    assert [i["company"] for i in json.loads(status.stdout)["interviews"]] == ["Acme"]
