"""The one-folder bundle from packaging/build.sh (issue 8, items 2 and 3; decisions 050, 051).

Built once per test session into a temporary folder, so the bundle cannot lean on the
checkout: ``crickets.resources`` must find ``_internal/resources``, zoneinfo must find the
bundled tzdata, keyring must find its backends through the bundled metadata.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
from pathlib import Path

import bundle_rules
import pytest
from session import DesktopSession

from crickets import __version__
from crickets.services.autostart import BACKGROUND_FLAG, XdgAutostart, launcher
from tests.packaging.conftest import ROOT, Bundle, need_tool

pytestmark = pytest.mark.slow

ICS = ROOT / "tests" / "data" / "ics" / "google_request.ics"
ICON_TIMEOUT = 30  # seconds for the tray icon to appear (about one here)
#: Modules the bundle must hold although nothing imports them by a name PyInstaller can see.
DYNAMIC_MODULES = (
    "crickets.commands.draft",
    "crickets.commands.ics",
    "crickets.commands.storage_cmds",
    "plyer.platforms.linux.notification",
    "keyring.backends.SecretService",
    "keyring.backends.fail",
    "secretstorage",
    "jeepney.io.blocking",
    "phonenumbers.data.region_US",
    "phonenumbers.shortdata",
    "tzdata",
    "icalendar",
    "dateutil.tz",
    "cryptography.hazmat.primitives.ciphers.aead",
)


def run(
    bundle: Bundle, *args: str, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(bundle.exe), *args],
        env={**os.environ, **(env or {})},
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


# ----------------------------------------------------------------- command line


def test_the_bundle_reports_its_version(bundle: Bundle) -> None:
    result = run(bundle, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"crickets {__version__}"


def test_the_bundle_runs_the_command_line_on_its_own_files(bundle: Bundle, tmp_path: Path) -> None:
    """No system time-zone database (PYTHONTZPATH points nowhere), keyring's fail backend (the
    tests' default): templates, tzdata, phonenumbers, icalendar and cryptography all come
    from inside the bundle."""
    env = {
        "PYTHONTZPATH": str(tmp_path / "no-zoneinfo-here"),
        "TZ": "Europe/London",
        "CRICKETS_DATA_DIR": str(tmp_path / "data"),
        "CRICKETS_CLOCK": "2026-12-01T17:00:00+00:00",
    }
    added = run(
        bundle,
        *("add", "--json", "--at", "2026-12-01 14:00", "--tz", "America/New_York"),
        *("--company", "Acme", "--role", "Data analyst", "--phone", "+1 415 555 0134"),
        env=env,
    )
    assert added.returncode == 0, added.stderr
    interview = json.loads(added.stdout)
    assert interview["start"] == "2026-12-01T19:00:00+00:00"
    assert interview["interviewer_phone"].startswith("+1 415")

    status = run(bundle, "status", "--json", env=env)
    assert status.returncode == 0, status.stderr
    (only,) = json.loads(status.stdout)["interviews"]
    assert only["company"] == "Acme"
    assert only["start_local"] == "2026-12-01T14:00:00-05:00"

    draft = run(bundle, "draft", "confirmation", env=env)
    assert draft.returncode == 0, draft.stderr
    assert draft.stdout.startswith("Subject: ")
    assert "2:00 PM EST" in draft.stdout  # their zone, from the bundled tzdata
    assert "7:00 PM" in draft.stdout  # and the person's (Europe/London)

    imported = run(bundle, "import", str(ICS), "--dry-run", "--json", env=env)
    assert imported.returncode == 0, imported.stderr
    assert json.loads(imported.stdout)["events"][0]["zone"] == "America/New_York"

    # The tray's first-open process is the bundle's own executable (docs/decisions/181).
    first = run(bundle, "--first-open", env["CRICKETS_DATA_DIR"], env=env)
    assert first.returncode == 0, first.stderr
    handed = json.loads(first.stdout)["key"]
    assert handed["source"] == "key-file"
    assert any('"company":"Acme"' in plain for plain in handed["opened"].values())
    assert "Traceback" not in (
        added.stderr + status.stderr + draft.stderr + imported.stderr + first.stderr
    )


# ------------------------------------------------------------------------ contents


def test_the_bundle_holds_the_dynamically_imported_modules(archive: set[str]) -> None:
    missing = [name for name in DYNAMIC_MODULES if name not in archive]
    assert not missing


def test_the_bundle_holds_only_the_qt_modules_crickets_uses(
    bundle: Bundle, archive: set[str]
) -> None:
    qt_modules = {m.split(".")[1] for m in archive if m.startswith("PySide6.Qt")}
    assert qt_modules <= bundle_rules.QT_KEEP
    extensions = {p.name.split(".")[0] for p in (bundle.internal / "PySide6").glob("Qt*.so")}
    assert extensions == bundle_rules.QT_KEEP
    assert not [m for m in archive if m.startswith(bundle_rules.PHONENUMBERS_UNUSED)]


def test_the_bundle_leaves_out_what_bundle_rules_drops(bundle: Bundle) -> None:
    files = [p.relative_to(bundle.internal) for p in bundle.internal.rglob("*") if p.is_file()]
    unwanted = [str(p) for p in files if not bundle_rules.keep_file(p)]
    assert not unwanted
    plugins = bundle.internal / "PySide6" / "Qt" / "plugins"
    assert (plugins / "platforms" / "libqxcb.so").is_file()
    assert (plugins / "platforms" / "libqwayland.so").is_file()
    assert (plugins / "iconengines" / "libqsvgicon.so").is_file()
    assert (plugins / "imageformats" / "libqsvg.so").is_file()
    assert not list(bundle.internal.rglob("libgtk-3.so*"))


def test_the_bundle_carries_resources_tzdata_and_keyring_metadata(bundle: Bundle) -> None:
    internal = bundle.internal
    for part in (
        "resources/templates/confirmation.txt",
        "resources/linux/crickets.desktop",
        "resources/icons/hicolor/scalable/apps/crickets.svg",
        "resources/icons/hicolor/symbolic/apps/crickets-symbolic.svg",
        "tzdata/zoneinfo/America/New_York",
        "tzdata/zoneinfo/zone.tab",
    ):
        assert (internal / part).is_file(), part
    (entry_points,) = internal.glob("keyring-*.dist-info/entry_points.txt")
    assert "SecretService = keyring.backends.SecretService" in entry_points.read_text()


def test_every_qt_library_and_plugin_finds_its_qt_dependencies(bundle: Bundle) -> None:
    """Dropping plugins must not leave one whose Qt libraries are gone (ldd, inside the bundle)."""
    ldd = need_tool("ldd", "libc-bin")
    qt = bundle.internal / "PySide6"
    broken = {}
    for library in sorted([*qt.glob("*.so*"), *qt.glob("Qt/plugins/*/*.so")]):
        out = subprocess.run([ldd, str(library)], capture_output=True, text=True, check=False)
        lost = re.findall(
            r"^\s*(lib(?:Qt6|pyside6|shiboken6|icu)\S*) => not found", out.stdout, re.M
        )
        if lost:
            broken[str(library.relative_to(qt))] = lost
    assert not broken


# -------------------------------------------------------------- installed for a person


def test_install_sh_installs_and_removes_the_bundle(bundle: Bundle, tmp_path: Path) -> None:
    prefix = tmp_path / "home" / ".local"
    script = ROOT / "packaging" / "linux" / "install.sh"
    done = subprocess.run(
        ["bash", str(script), "--bundle", str(bundle.folder), str(prefix)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    linked = prefix / "bin" / "crickets"
    version = subprocess.run(
        [str(linked), "--version"], capture_output=True, text=True, check=False
    )
    assert version.stdout.strip() == f"crickets {__version__}", version.stderr
    entry = (prefix / "share/applications/crickets.desktop").read_text(encoding="utf-8")
    assert f"Exec={prefix}/lib/crickets/crickets %f" in entry.splitlines()

    removed = subprocess.run(
        ["bash", str(script), "--uninstall", str(prefix)],
        capture_output=True,
        text=True,
        check=False,
    )

    assert removed.returncode == 0, removed.stderr
    assert not (prefix / "lib" / "crickets").exists()
    assert not linked.exists() and not linked.is_symlink()


# -------------------------------------------------------------------- on a desktop


def _tray_icon(desktop: DesktopSession) -> object:
    return desktop.wait_until(
        lambda: [w for w in desktop.tray_children() if w.name == "Crickets"],
        timeout=ICON_TIMEOUT,
        what="the Crickets icon in the tray",
    )


@pytest.mark.desktop
def test_the_bundled_demo_shows_its_tray_icon(
    bundle: Bundle, desktop_session: DesktopSession, tmp_path: Path
) -> None:
    env = {**desktop_session.env, "TMPDIR": str(tmp_path)}  # --demo makes its store there
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    child = desktop_session.spawn([str(bundle.exe), "--demo"], name="bundle-demo", env=env)
    try:
        assert _tray_icon(desktop_session)
        assert child.popen.poll() is None, "the demo exited"
    finally:
        child.stop()
    # Qt writes its warnings (a missing plugin, a library it could not load) to stderr.
    assert child.stderr_text() == ""


@pytest.mark.desktop
def test_the_login_entry_starts_the_bundle_quietly_with_the_real_keychain(
    bundle: Bundle, desktop_session: DesktopSession
) -> None:
    """Start at login as a session would run it: the entry derived from the bundle's own
    packaged .desktop file, for the bundle's launcher, run with the session's Secret Service;
    then switched off again."""
    assert launcher(executable=str(bundle.exe), frozen=True) == [str(bundle.exe)]
    home = Path(desktop_session.env["HOME"])
    autostart = XdgAutostart(
        Path(desktop_session.env["XDG_CONFIG_HOME"]),
        command=[str(bundle.exe)],
        template=bundle.internal / "resources" / "linux" / "crickets.desktop",
    )
    autostart.enable()
    entry = autostart.path.read_text(encoding="utf-8").splitlines()
    (exec_line,) = [line for line in entry if line.startswith("Exec=")]
    argv = shlex.split(exec_line.removeprefix("Exec="))
    assert argv == [str(bundle.exe), BACKGROUND_FLAG]
    assert f"TryExec={bundle.exe}" in entry

    child = desktop_session.spawn(argv, name="bundle-login")  # the session's env: real keychain
    try:
        assert _tray_icon(desktop_session)
        status = desktop_session.run([str(bundle.exe), "status", "--json"])
        assert status.returncode == 0, status.stderr
    finally:
        child.stop()
    assert child.stderr_text() == ""
    data = home / ".local" / "share" / "crickets"
    assert (data / "crickets.sqlite3").is_file()
    assert not list(data.glob("*.key")), "the key went to a file: no keyring backend in the bundle"

    autostart.disable()
    assert not autostart.path.exists()
