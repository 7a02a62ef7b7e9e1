"""The Linux desktop files: the packaged entry, the AppStream metadata, the hicolor icons, and
packaging/linux/install.sh, which puts them under a prefix (issue 8, items 1 and 3).

Validators are the real ones: desktop-file-validate (desktop-file-utils) and appstreamcli
(appstream). Fast: no build, no network.
"""

from __future__ import annotations

import configparser
import os
import re
import subprocess
import threading
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest

from crickets import __version__
from crickets.services.autostart import exec_value
from tests.packaging.conftest import ROOT, need_tool

DESKTOP = ROOT / "resources" / "linux" / "crickets.desktop"
HICOLOR = ROOT / "resources" / "icons" / "hicolor"
APP_ICON = HICOLOR / "scalable" / "apps" / "crickets.svg"
TRAY_ICON = HICOLOR / "symbolic" / "apps" / "crickets-symbolic.svg"
METAINFO = ROOT / "packaging" / "linux" / "app.crickets.Crickets.metainfo.xml"
INSTALL = ROOT / "packaging" / "linux" / "install.sh"
INSTALLED = (
    "share/applications/crickets.desktop",
    "share/icons/hicolor/scalable/apps/crickets.svg",
    "share/icons/hicolor/symbolic/apps/crickets-symbolic.svg",
    "share/metainfo/app.crickets.Crickets.metainfo.xml",
)


class _CaseSensitiveParser(configparser.RawConfigParser):
    """Desktop-entry keys are case-sensitive; configparser lower-cases them by default."""

    def optionxform(self, optionstr: str) -> str:
        return optionstr


def desktop_entry(path: Path) -> dict[str, str]:
    parser = _CaseSensitiveParser(interpolation=None, strict=True)
    parser.read(path, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def validate_desktop(path: Path) -> subprocess.CompletedProcess[str]:
    tool = need_tool("desktop-file-validate", "desktop-file-utils")
    return subprocess.run([tool, str(path)], capture_output=True, text=True, check=False)


def install(prefix: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(INSTALL), *args, str(prefix)], capture_output=True, text=True, check=False
    )


def installed_files(prefix: Path) -> list[str]:
    """Every file under ``prefix`` except the caches the desktop tools keep there."""
    return sorted(
        str(p.relative_to(prefix))
        for p in prefix.rglob("*")
        if (p.is_file() or p.is_symlink()) and p.name not in ("mimeinfo.cache", "icon-theme.cache")
    )


# ------------------------------------------------------------------ the packaged entry


def test_the_packaged_desktop_entry_validates_without_a_word() -> None:
    result = validate_desktop(DESKTOP)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout + result.stderr == ""


def test_the_desktop_entry_opens_calendar_invitations() -> None:
    entry = desktop_entry(DESKTOP)
    assert "text/calendar" in entry["MimeType"].split(";")
    # The file manager must be able to hand over the file: a field code for one file.
    assert re.search(r"(^| )%[fF]( |$)", entry["Exec"])
    assert entry["Icon"] == APP_ICON.stem
    assert entry["Type"] == "Application"
    assert entry["Terminal"] == "false"


def test_the_icons_are_in_a_hicolor_tree_including_the_symbolic_one() -> None:
    for icon in (APP_ICON, TRAY_ICON):
        assert icon.is_file(), icon
        root = ET.parse(icon).getroot()
        assert root.tag.endswith("svg"), icon
    assert TRAY_ICON.name == f"{APP_ICON.stem}-symbolic.svg"


# ---------------------------------------------------------------------- AppStream


def test_the_metainfo_validates() -> None:
    tool = need_tool("appstreamcli", "appstream")
    result = subprocess.run(
        [tool, "validate", "--no-net", "--no-color", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    # Errors and warnings fail; infos may differ between AppStream versions (0.16 does not
    # know <developer>, 1.0 calls <developer_name> deprecated).
    assert not re.search(r"^\s*[EW]: ", output, re.MULTILINE), output


def _releases() -> list[ET.Element]:
    return ET.parse(METAINFO).getroot().findall("./releases/release")


def _version_key(text: str) -> tuple[int, ...]:
    assert re.fullmatch(r"\d+(\.\d+)*", text), f"not a plain release number: {text}"
    return tuple(int(part) for part in text.split("."))


def test_the_newest_release_is_the_version_being_built() -> None:
    releases = _releases()
    assert releases, "the metainfo lists no release"
    assert releases[0].get("version") == __version__, (
        f"crickets.__version__ is {__version__}: add a <release> for it at the top of "
        f"{METAINFO.relative_to(ROOT)}"
    )


def test_releases_are_newest_first_with_dates() -> None:
    releases = _releases()
    versions = [_version_key(str(r.get("version"))) for r in releases]
    dates = [date.fromisoformat(str(r.get("date"))) for r in releases]
    assert versions == sorted(versions, reverse=True)
    assert len(set(versions)) == len(versions)
    assert dates == sorted(dates, reverse=True)


def test_the_metainfo_names_the_packaged_entry_and_its_file_types() -> None:
    component = ET.parse(METAINFO).getroot()
    component_id = component.findtext("id")
    assert METAINFO.name == f"{component_id}.metainfo.xml"
    assert component.findtext("./launchable[@type='desktop-id']") == DESKTOP.name
    mediatypes = {m.text for m in component.findall("./provides/mediatype")}
    assert mediatypes == set(filter(None, desktop_entry(DESKTOP)["MimeType"].split(";")))


# ---------------------------------------------------------------------- install.sh


def test_install_puts_every_file_under_the_prefix_and_validates(tmp_path: Path) -> None:
    prefix = tmp_path / "prefix"
    result = install(prefix)
    assert result.returncode == 0, result.stderr
    assert installed_files(prefix) == sorted(INSTALLED)
    installed = prefix / INSTALLED[0]
    check = validate_desktop(installed)
    assert check.returncode == 0 and check.stdout + check.stderr == "", check.stdout
    assert desktop_entry(installed)["Exec"] == "crickets %f"  # from PATH, as packaged
    assert (prefix / INSTALLED[1]).read_bytes() == APP_ICON.read_bytes()
    assert (prefix / INSTALLED[2]).read_bytes() == TRAY_ICON.read_bytes()


def test_the_installed_tree_passes_appstream_validate_tree(tmp_path: Path) -> None:
    """validate-tree checks the metainfo together with the entry it launches."""
    tool = need_tool("appstreamcli", "appstream")
    prefix = tmp_path / "prefix"
    assert install(prefix).returncode == 0
    result = subprocess.run(
        [tool, "validate-tree", "--no-net", "--no-color", str(prefix)],
        capture_output=True,
        text=True,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert not re.search(r"^\s*[EW]: ", output, re.MULTILINE), output


def test_install_registers_crickets_for_calendar_files(tmp_path: Path) -> None:
    need_tool("update-desktop-database", "desktop-file-utils")
    prefix = tmp_path / "prefix"
    assert install(prefix).returncode == 0
    cache = (prefix / "share/applications/mimeinfo.cache").read_text(encoding="utf-8")
    assert re.search(r"^text/calendar=(.*;)?crickets\.desktop;", cache, re.MULTILINE), cache


ODD_DIRS = ["a b", "x$y", "q'x", 'd"q', "back\\slash", "(x);#~", "é ü"]


@pytest.mark.parametrize("name", ODD_DIRS)
def test_install_with_a_program_quotes_it_as_autostart_does(tmp_path: Path, name: str) -> None:
    program = tmp_path / name / "crickets"
    result = install(tmp_path / "prefix", "--exec", str(program))
    assert result.returncode == 0, result.stderr
    installed = tmp_path / "prefix" / INSTALLED[0]
    check = validate_desktop(installed)
    assert check.returncode == 0 and check.stdout + check.stderr == "", check.stdout
    line = next(ln for ln in installed.read_text("utf-8").splitlines() if ln.startswith("Exec="))
    assert line == f"Exec={exec_value([str(program)])} %f"


@pytest.mark.parametrize("name", ["a b", "x$y", 'd"q', "back\\slash"])
def test_opening_an_invitation_runs_the_program_with_the_file(tmp_path: Path, name: str) -> None:
    """What a file manager does for "Open with Crickets": GLib launches the installed entry."""
    gio = need_tool("gio", "libglib2.0-bin")
    fifo = tmp_path / "argv"
    os.mkfifo(fifo)
    program = tmp_path / name / "crickets"
    program.parent.mkdir()
    program.write_text(f'#!/bin/sh\nprintf "%s\\n" "$0" "$@" > "{fifo}"\n')
    program.chmod(0o755)
    assert install(tmp_path / "prefix", "--exec", str(program)).returncode == 0
    invitation = tmp_path / "invite me.ics"
    invitation.write_text("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text()), daemon=True)
    reader.start()

    launched = subprocess.run(
        [gio, "launch", str(tmp_path / "prefix" / INSTALLED[0]), str(invitation)],
        capture_output=True,
        text=True,
        check=False,
    )

    reader.join(timeout=0 if launched.returncode else 10)
    if reader.is_alive():  # nothing ran: unblock the reader
        fifo.write_text("")
        reader.join()
    assert launched.returncode == 0, launched.stderr
    assert received == [f"{program}\n{invitation}\n"]


def test_uninstall_removes_exactly_what_install_put(tmp_path: Path) -> None:
    prefix = tmp_path / "prefix"
    (prefix / "share/icons/hicolor/scalable/apps").mkdir(parents=True)
    neighbour = prefix / "share/icons/hicolor/scalable/apps/someone-else.svg"
    neighbour.write_text("<svg/>")
    assert install(prefix).returncode == 0

    result = install(prefix, "--uninstall")

    assert result.returncode == 0, result.stderr
    assert installed_files(prefix) == [str(neighbour.relative_to(prefix))]
    assert "~/.local/share/crickets" in result.stdout  # says what it kept, and where


def test_install_refuses_what_it_cannot_do_safely(tmp_path: Path) -> None:
    not_a_bundle = tmp_path / "somewhere"
    not_a_bundle.mkdir()
    refused = install(tmp_path / "prefix", "--bundle", str(not_a_bundle))
    assert refused.returncode == 2
    assert "not a Crickets bundle" in refused.stderr
    assert install(tmp_path / "prefix", "--exec", "relative/crickets").returncode == 2
    assert install(tmp_path / "prefix", "--exec", str(tmp_path / "100%" / "x")).returncode == 2
    assert not (tmp_path / "prefix").exists()  # nothing half-installed
