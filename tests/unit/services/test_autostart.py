"""Start at login: the XDG autostart entry (tested for real in a temp config dir), the
packaged desktop entry it derives from, the launcher and the Exec quoting."""

from __future__ import annotations

import os
import plistlib
import shutil
import stat
import subprocess
import threading
from pathlib import Path

import pytest

from crickets import resources
from crickets.services import autostart
from crickets.services.autostart import (
    BACKGROUND_FLAG,
    LaunchAgent,
    RunKey,
    XdgAutostart,
    exec_value,
    launcher,
    quote_exec_arg,
)

PACKAGED = resources.path("linux", "crickets.desktop")
VALIDATOR = shutil.which("desktop-file-validate")


def parse_exec(value: str) -> list[str]:
    """The Desktop Entry spec's reading of an Exec value, in GLib's order: string escapes,
    then field codes, then the quoting."""
    text, i = "", 0
    while i < len(value):  # the string type: \s \n \t \r \\
        if value[i] == "\\" and i + 1 < len(value):
            text += {"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}[value[i + 1]]
            i += 2
        else:
            text += value[i]
            i += 1
    text = text.replace("%%", "%")  # field codes are expanded before the quoting is read
    args: list[str] = []
    current: str | None = None
    quoted, i = False, 0
    while i < len(text):
        c = text[i]
        if quoted:
            if c == "\\" and text[i + 1] in '"`$\\':
                current = (current or "") + text[i + 1]
                i += 1
            elif c == '"':
                quoted = False
            else:
                current = (current or "") + c
        elif c == '"':
            quoted, current = True, current or ""
        elif c == " ":
            if current is not None:
                args.append(current)
            current = None
        else:
            current = (current or "") + c
        i += 1
    if current is not None:
        args.append(current)
    return args


def entry(text: str) -> dict[str, str]:
    return {k: v for k, _, v in (line.partition("=") for line in text.splitlines()) if _}


def validate(path: Path) -> str:
    if VALIDATOR is None:
        pytest.skip("desktop-file-validate is not installed (desktop-file-utils)")
    done = subprocess.run([VALIDATOR, str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    return (done.stdout + done.stderr).strip()


# -- the packaged entry -------------------------------------------------------------------------


def test_the_packaged_entry_validates_without_a_hint() -> None:
    assert validate(PACKAGED) == ""


def test_the_packaged_entry_says_what_the_menu_needs() -> None:
    keys = entry(PACKAGED.read_text(encoding="utf-8"))
    assert keys["Name"] == "Crickets"
    assert keys["Icon"] == "crickets"
    assert keys["Exec"] == "crickets %f"  # a file manager hands over an .ics file
    assert keys["MimeType"] == "text/calendar;"
    assert keys["Terminal"] == "false"
    assert keys["StartupNotify"] == "false"
    assert keys["Categories"].startswith("Office;")


# -- the launcher and Exec quoting ----------------------------------------------------------------


def test_launcher_prefers_the_script_beside_the_interpreter(tmp_path: Path) -> None:
    python = tmp_path / "bin" / "python"
    python.parent.mkdir()
    assert launcher(executable=str(python), frozen=False) == [str(python), "-m", "crickets"]
    (tmp_path / "bin" / "crickets").write_text("#!/bin/sh\n")
    assert launcher(executable=str(python), frozen=False) == [str(tmp_path / "bin" / "crickets")]


def test_launcher_of_a_bundle_is_the_bundle(tmp_path: Path) -> None:
    assert launcher(executable="/opt/Crickets/crickets", frozen=True) == ["/opt/Crickets/crickets"]


def test_launcher_on_windows_avoids_a_console_window(tmp_path: Path) -> None:
    python = tmp_path / "python.exe"
    (tmp_path / "pythonw.exe").write_text("")
    assert launcher(executable=str(python), frozen=False, platform="win32") == [
        str(tmp_path / "pythonw.exe"),
        "-m",
        "crickets",
    ]
    (tmp_path / "crickets-tray.exe").write_text("")
    (tmp_path / "crickets.exe").write_text("")
    assert launcher(executable=str(python), frozen=False, platform="win32") == [
        str(tmp_path / "crickets-tray.exe")
    ]


@pytest.mark.parametrize(
    ("arg", "quoted"),
    [
        ("/usr/bin/crickets", "/usr/bin/crickets"),
        ("--background", "--background"),
        ("/home/a b/crickets", '"/home/a b/crickets"'),
        ("50%", "50%%"),
        ('say "hi"', '"say \\"hi\\""'),
        ("$HOME`x`", '"\\$HOME\\`x\\`"'),
        ("", '""'),
    ],
)
def test_quote_exec_arg(arg: str, quoted: str) -> None:
    assert quote_exec_arg(arg) == quoted


@pytest.mark.parametrize(
    "argv",
    [
        ["/usr/bin/crickets", "--background"],
        ["/home/J. Doe/my venv/bin/python3", "-m", "crickets", "--background"],
        ["/tmp/we$ird `dir` \\ 'q' \"dq\" 100% (x);#~/crickets", "--background"],
    ],
)
def test_exec_value_reads_back_as_the_same_argv(argv: list[str]) -> None:
    assert parse_exec(exec_value(argv)) == argv


# -- the XDG autostart entry ----------------------------------------------------------------------


@pytest.fixture
def odd_launcher(tmp_path: Path) -> list[str]:
    """A launcher in a directory whose name needs quoting."""
    script = tmp_path / "my apps" / "bin" / "crickets"
    script.parent.mkdir(parents=True)
    script.write_text("#!/bin/sh\n")
    script.chmod(0o755)
    return [str(script)]


def test_enable_writes_a_valid_entry_that_starts_in_the_tray(
    tmp_path: Path, odd_launcher: list[str]
) -> None:
    config = tmp_path / "config"
    xdg = XdgAutostart(config, command=odd_launcher)
    assert not xdg.is_enabled()

    xdg.enable()

    assert xdg.path == config / "autostart" / "crickets.desktop"
    assert xdg.is_enabled()
    text = xdg.path.read_text(encoding="utf-8")
    keys = entry(text)
    assert parse_exec(keys["Exec"]) == [*odd_launcher, BACKGROUND_FLAG]
    assert keys["TryExec"] == odd_launcher[0]
    assert keys["X-GNOME-Autostart-enabled"] == "true"
    assert keys["Name"] == "Crickets" and keys["Icon"] == "crickets"
    assert "MimeType" not in keys and "%f" not in text
    assert text.count("Exec=") == 2  # Exec and TryExec, once each
    assert stat.S_IMODE(xdg.path.stat().st_mode) == 0o644
    assert validate(xdg.path) == ""


ODD_NAMES = ["a b", "x$y", "100% x", "q'x", "(x);#~", "b`x", 'd"q', "back\\slash", "é ü"]


@pytest.mark.skipif(shutil.which("gio") is None, reason="gio (libglib2.0-bin) is not installed")
@pytest.mark.parametrize("name", ODD_NAMES)
def test_glib_launches_the_entry_with_exactly_our_arguments(tmp_path: Path, name: str) -> None:
    """What a GNOME/XFCE session does at login, for launchers in awkward directories."""
    fifo = tmp_path / "argv"
    os.mkfifo(fifo)
    script = tmp_path / name / "crickets"
    script.parent.mkdir()
    script.write_text(f'#!/bin/sh\nprintf "%s\\n" "$0" "$@" > "{fifo}"\n')
    script.chmod(0o755)
    xdg = XdgAutostart(tmp_path / "config", command=[str(script)])
    xdg.enable()
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text()), daemon=True)
    reader.start()

    launched = subprocess.run(["gio", "launch", str(xdg.path)], capture_output=True, text=True)

    reader.join(timeout=0 if launched.returncode else 10)
    if reader.is_alive():  # nothing ran: unblock the reader
        fifo.write_text("")
        reader.join()
    assert launched.returncode == 0, launched.stderr
    assert received == [f"{script}\n{BACKGROUND_FLAG}\n"]


def test_enable_twice_and_disable_leave_nothing_behind(
    tmp_path: Path, odd_launcher: list[str]
) -> None:
    config = tmp_path / "config"
    config.mkdir()
    xdg = XdgAutostart(config, command=odd_launcher)
    xdg.enable()
    xdg.enable()
    assert sorted(p.name for p in (config / "autostart").iterdir()) == ["crickets.desktop"]

    xdg.disable()
    xdg.disable()

    assert not xdg.is_enabled()
    assert list(config.iterdir()) == []


def test_disable_keeps_the_other_apps_entries(tmp_path: Path) -> None:
    xdg = XdgAutostart(tmp_path, command=["/usr/bin/crickets"])
    xdg.enable()
    other = tmp_path / "autostart" / "other.desktop"
    other.write_text("[Desktop Entry]\n")
    xdg.disable()
    assert sorted(p.name for p in (tmp_path / "autostart").iterdir()) == ["other.desktop"]


@pytest.mark.parametrize("switch", ["X-GNOME-Autostart-enabled=false", "Hidden=true"])
def test_an_entry_the_desktop_switched_off_is_not_enabled(tmp_path: Path, switch: str) -> None:
    xdg = XdgAutostart(tmp_path, command=["/usr/bin/crickets"])
    xdg.enable()
    key = switch.partition("=")[0]
    lines = [ln for ln in xdg.path.read_text().splitlines() if not ln.startswith(key)]
    xdg.path.write_text("\n".join([*lines, switch]) + "\n")
    assert not xdg.is_enabled()
    xdg.enable()  # switching it on again in Crickets wins
    assert xdg.is_enabled()


def test_a_failed_write_raises_and_leaves_no_temp_file(tmp_path: Path) -> None:
    (tmp_path / "autostart").write_text("a file where the directory should be")
    xdg = XdgAutostart(tmp_path, command=["/usr/bin/crickets"])
    with pytest.raises(OSError):
        xdg.enable()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["autostart"]
    assert not xdg.is_enabled()


def test_the_config_dir_follows_xdg_config_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    assert XdgAutostart(command=["x"]).path == tmp_path / "cfg" / "autostart" / "crickets.desktop"
    monkeypatch.setenv("XDG_CONFIG_HOME", "relative/is/ignored")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    expected = tmp_path / "home" / ".config" / "autostart" / "crickets.desktop"
    assert XdgAutostart(command=["x"]).path == expected


def test_module_functions_use_this_installation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert not autostart.is_enabled()
    autostart.set_enabled(True)
    assert autostart.is_enabled()
    keys = entry((tmp_path / "autostart" / "crickets.desktop").read_text())
    assert parse_exec(keys["Exec"]) == [*launcher(), BACKGROUND_FLAG]
    autostart.set_enabled(False)
    assert not autostart.is_enabled()
    assert list(tmp_path.iterdir()) == []


# -- the other platforms' backends (files only; the registry is Windows-only) ---------------------


def test_launch_agent_round_trip(tmp_path: Path) -> None:
    agent = LaunchAgent(tmp_path, command=["/Applications/Crickets.app/Contents/MacOS/crickets"])
    agent.enable()
    data = plistlib.loads(agent.path.read_bytes())
    assert data["ProgramArguments"][-1] == BACKGROUND_FLAG
    assert data["RunAtLoad"] is True and data["Label"] == autostart.AGENT_LABEL
    assert agent.is_enabled()
    agent.disable()
    assert not agent.is_enabled() and not agent.path.exists()


def test_the_backend_follows_the_platform() -> None:
    assert isinstance(autostart.for_platform("linux"), XdgAutostart)
    assert isinstance(autostart.for_platform("freebsd14"), XdgAutostart)
    assert isinstance(autostart.for_platform("darwin"), LaunchAgent)
    run_key = autostart.for_platform("win32")
    assert isinstance(run_key, RunKey) and run_key.location.endswith(r"\Run\Crickets")
    if os.name != "nt":
        with pytest.raises(OSError):
            run_key.enable()
