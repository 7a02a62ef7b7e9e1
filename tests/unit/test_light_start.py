"""The tray and the everyday commands load only what they use (docs/decisions/161, 162): no
command module, mail, calendar or phone parser, network or keyring code on their way.
Each check runs the real entry point in a fresh interpreter over a store holding one
sealed interview, so an eager import added anywhere on the path fails it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from crickets import commands
from crickets.commands.parser import Parser, modules_for

PROBE = Path(__file__).with_name("start_probe.py")

#: Loaded on neither path: drafts and mail, invitations, keyring's discovery, the network.
NEVER = (
    "email",
    "urllib.request",
    "http",
    "ssl",
    "icalendar",
    "phonenumbers",
    "keyring",
    "secretstorage",
    "crickets.application.drafting",
    "crickets.application.invitations",
    "crickets.services.mail.messages",
    "crickets.invitations.ics.parse",
    "crickets.invitations.ics.export",
    "crickets.invitations.paste",
    # OpenSSL's libcrypto through hashlib (3.7 MiB): the socket's name is hashed without it
    "hashlib",
    "_hashlib",
    "hmac",
    "logging.handlers",  # pickle, queue, socket: crickets.log rotates its file itself
    # 2.3 MiB with Kerberos: the single instance is a plain Unix socket (docs/decisions/178)
    "PySide6.QtNetwork",
)
#: Loaded when a window of that kind first opens, never at start (docs/decisions/162): each
#: window's module and the helpers only windows use; the reminder window's at its moment.
WINDOW_MODULES = (
    "crickets.ui.interviews",
    "crickets.ui.settings",
    "crickets.ui.drafts",
    "crickets.ui.guide",
    "crickets.ui.welcome",
    "crickets.ui.invitations.import_dialog",
    "crickets.ui.invitations.file_reader",
    "crickets.ui.invitations.paste_box",
    "crickets.ui.reminders.reminder_window",
    "subprocess",  # ui.outlets runs xdg-open with it, when a link or a mail app opens
    "difflib",  # a template's "did you mean", in the drafts and wording windows
    "_strptime",  # storage.backups reads the snapshots' names with fromisoformat
    # the links and mail, the draft composer (the no-tray window and its layout are not
    # here: offscreen there is no tray, so this probe's tray shows that window)
    "crickets.ui.outlets",
    "crickets.domain.drafts",
    "crickets.domain.slots",
)
#: Read by the first-open process and never loaded by the tray (docs/decisions/181): the
#: cipher and the Secret Service client; the command line loads the cipher to open rows.
FIRST_OPEN_ONLY = ("cryptography", "jeepney", "crickets.storage.first_open_reader")
#: The command modules and the helpers only they use: the tray needs the top level alone.
COMMAND_MODULES = tuple(f"crickets.commands.{name}" for name in commands.COMMAND_MODULES)
COMMAND_HELPERS = ("crickets.commands.listing", "crickets.commands.interview_args")


def _loaded(tmp_path: Path, *argv: str, offscreen: bool = False) -> set[str]:
    env = {
        **os.environ,
        "CRICKETS_DATA_DIR": str(tmp_path / "data"),
        "CRICKETS_PROBE_KEYS": str(tmp_path / "keys.json"),
        "CRICKETS_CLOCK": "2026-12-01T14:00:00+00:00",
        "TZ": "UTC",
    }
    if offscreen:
        env.update(QT_QPA_PLATFORM="offscreen", CRICKETS_CLOCK="")
    done = subprocess.run(
        [sys.executable, str(PROBE), *argv], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return set(json.loads(done.stdout.splitlines()[-1]))


def _matching(loaded: set[str], prefixes: tuple[str, ...]) -> list[str]:
    return sorted(m for m in loaded if any(m == p or m.startswith(p + ".") for p in prefixes))


@pytest.fixture
def one_interview(tmp_path: Path) -> Path:
    added = _loaded(tmp_path, "add", "--at", "2026-12-02 14:00", "--tz", "UTC", "--company", "Acme")
    assert "crickets.commands.interviews" in added  # the probe really ran the command
    assert json.loads((tmp_path / "keys.json").read_text())  # and sealed with the probe's key
    return tmp_path


@pytest.mark.parametrize(
    ("argv", "module"),
    [
        (("list",), "interviews"),
        (("list", "--json"), "interviews"),
        (("status", "--json"), "status"),
    ],
)
def test_an_everyday_command_loads_its_own_module_and_no_qt_mail_or_calendar_code(
    one_interview: Path, argv: tuple[str, ...], module: str
) -> None:
    loaded = _loaded(one_interview, *argv)
    assert "crickets.storage.crypto" in loaded  # it did open the sealed interview
    assert "cryptography" in loaded  # with the cipher, in its own process
    assert f"crickets.commands.{module}" in loaded
    others = tuple(m for m in COMMAND_MODULES if m != f"crickets.commands.{module}")
    assert _matching(loaded, ("PySide6", "shiboken6", *NEVER, *others)) == []


def test_the_tray_starts_without_the_commands_mail_calendar_or_window_code(
    one_interview: Path,
) -> None:
    loaded = _loaded(one_interview, offscreen=True)
    assert "crickets.ui.shell" in loaded  # the tray did start
    assert "crickets.wiring.windows" in loaded  # with its window factories registered
    prefixes = (*NEVER, *COMMAND_MODULES, *COMMAND_HELPERS, *WINDOW_MODULES, *FIRST_OPEN_ONLY)
    assert _matching(loaded, prefixes) == []


def test_the_probe_sees_an_eager_import(one_interview: Path) -> None:
    """The check itself: a command that does load the mail code is seen to."""
    loaded = _loaded(one_interview, "draft", "confirmation", "--id", "1", "--format", "eml")
    assert "email" in loaded


@pytest.mark.parametrize("module", commands.COMMAND_MODULES)
def test_the_command_table_names_what_each_module_registers(module: str) -> None:
    """``commands.COMMANDS`` is how one command line finds its one module: it must list
    every command each module registers, and no other."""
    import importlib

    subparsers = Parser(prog="crickets").add_subparsers(dest="command")
    importlib.import_module(f"crickets.commands.{module}").register(subparsers)
    listed = {name for name, owner in commands.COMMANDS.items() if owner == module}
    assert set(subparsers.choices) == listed


@pytest.mark.parametrize(
    ("argv", "modules"),
    [
        ((), ()),
        (("--background", "--data-dir", "list"), ()),  # "list" is the folder's name here
        (("--data-dir=d", "invite.ics", "--demo"), ()),
        (("--data-dir", "d", "list", "--json"), ("interviews",)),
        (("export-ics", "1", "--help"), ("ics",)),
        (("--help",), commands.COMMAND_MODULES),  # the whole tree's help
        (("lsit",), commands.COMMAND_MODULES),  # a typo: the whole list of commands
        (("--data", "d", "list"), commands.COMMAND_MODULES),  # an abbreviation: argparse's
        (("a.ics", "b.ics"), commands.COMMAND_MODULES),
        (("--open",), commands.COMMAND_MODULES),
    ],
)
def test_a_command_line_loads_its_command_the_tray_none_anything_else_all(
    argv: tuple[str, ...], modules: tuple[str, ...]
) -> None:
    assert modules_for(argv) == modules
