"""The ``crickets`` argument parser: the commands, their help, and the options that go anywhere.

One parser serves the terminal, the shell completions and the man page
(:mod:`crickets.commands.shell_files` generates both from it), so every command and option
carries its help here, and a test walks the tree to keep it so.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Sequence
from typing import NoReturn

from crickets import __version__
from crickets.commands import COMMAND_MODULES, COMMANDS
from crickets.commands.context import Subparsers, UsageError

DESCRIPTION = (
    "A tray countdown for phone and video interviews, and a calm guide for when nobody "
    "calls. Run with no command to start the tray (a second start brings the running one "
    "forward); give a command to work from the terminal."
)
EPILOG = """\
  crickets                   start the tray
  crickets FILE.ics          open an invitation in the tray (as a file manager does)
  crickets COMMAND --help    what a command does and its options

--data-dir may come before or after the command. Exit status: 0 done, 1 nothing found,
2 bad input (one line on stderr, nothing changed), 3 internal error (see crickets.log).
The full reference, with every --json shape: docs/cli.md."""

DATA_DIR_HELP = "use the data folder DIR, e.g. an isolated one (default: CRICKETS_DATA_DIR)"
#: Options the top-level parser takes with a value: the file shortcut skips over them.
_VALUED_GLOBALS = ("--data-dir", "--open")
_INVITATION_SUFFIXES = (".ics", ".ical", ".ifb")
_TRAY_FLAGS = ("--demo", "--background")
_VALUED_PREFIXES = tuple(f"{option}=" for option in _VALUED_GLOBALS)


class Parser(argparse.ArgumentParser):
    """Errors become :class:`UsageError` (exit 2, one line) naming the help to read."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see: {self.prog} --help)")


class _Formatter(argparse.HelpFormatter):
    """Paragraphs are wrapped to the terminal; text laid out in lines (the examples in
    the epilog) is kept as written."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if "\n" in text:
            return "".join(indent + line for line in text.splitlines(keepends=True))
        return super()._fill_text(text, width, indent)


def build_parser(modules: Sequence[str] = COMMAND_MODULES) -> argparse.ArgumentParser:
    """The tree of the commands ``modules`` register (all by default); with none, the top
    level alone, which is all the tray needs (:func:`modules_for`)."""
    parser = Parser(
        prog="crickets",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=_Formatter,
    )
    parser.add_argument("--version", action="version", version=f"crickets {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help=DATA_DIR_HELP)
    parser.add_argument(
        "--demo", action="store_true", help="a throw-away profile with an interview in a minute"
    )
    parser.add_argument(
        "--background", action="store_true", help="start quietly in the tray (used at login)"
    )
    parser.add_argument(
        "--open", metavar="FILE.ics", help="open an invitation in the tray, to check and import"
    )
    if not modules:
        parser.set_defaults(command=None)
        return parser
    subparsers = parser.add_subparsers(
        title="commands", dest="command", metavar="COMMAND", parser_class=Parser
    )
    for name in modules:
        importlib.import_module(f"crickets.commands.{name}").register(subparsers)
    for command in subparsers.choices.values():
        # SUPPRESS: when not given after the command, the value given before it stays.
        command.add_argument(
            "--data-dir", metavar="DIR", default=argparse.SUPPRESS, help=DATA_DIR_HELP
        )
    return parser


def add_command(
    subparsers: Subparsers, name: str, summary: str, description: str
) -> argparse.ArgumentParser:
    """A command whose ``summary`` shows in ``crickets --help`` and whose ``description``
    opens its own ``--help`` (what it does, and what it never does)."""
    return subparsers.add_parser(name, help=summary, description=description)


def add_json_option(parser: argparse.ArgumentParser, shape: str) -> None:
    """``--json``; ``shape`` names what is printed, as docs/cli.md documents it."""
    parser.add_argument(
        "--json", action="store_true", help=f"print {shape} as JSON (docs/cli.md has the keys)"
    )


#: The largest id SQLite can store (a signed 64-bit integer); beyond it no interview exists.
MAX_ID = 2**63 - 1


def interview_id(text: str) -> int:
    """An interview's number as typed: 1 to :data:`MAX_ID` (a twenty-digit id would reach
    the database as an integer it cannot hold)."""
    try:
        number = int(text)
    except ValueError:  # not a number, or more digits than Python reads
        number = 0
    if not 1 <= number <= MAX_ID:
        shown = text if len(text) <= 30 else f"{text[:29]}…"
        raise argparse.ArgumentTypeError(
            f"{shown!r} is not an interview number; give the # that crickets list shows"
        )
    return number


def add_id_argument(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument(
        "id", type=interview_id, metavar="ID", help=f"{what} (the # in crickets list)"
    )


def parse(parser: argparse.ArgumentParser, argv: Sequence[str]) -> argparse.Namespace:
    """``argv`` read with the file shortcut; an unknown option is reported with the help
    of the command it was given to (argparse would name the top level's)."""
    args, extras = parser.parse_known_args(file_shortcut(argv, parser))
    if extras:
        command = subcommands(parser).get(args.command or "", parser)
        command.error(f"unrecognized arguments: {' '.join(extras)}")
    return args


def subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    """Each command's parser, by name (for the help test, completions and the man page)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def modules_for(argv: Sequence[str]) -> tuple[str, ...]:
    """The command modules ``argv`` needs: none when it only starts the tray (its options
    and one invitation file), its command's module when it names one, and every module
    when it asks for the whole tree (help or anything argparse would answer with the list
    of commands), so each message and help text is the one the whole tree gives."""
    words, index, files = list(argv), 0, 0
    while index < len(words):
        word = words[index]
        if word in _VALUED_GLOBALS and index + 1 < len(words):
            index += 2
        elif word in _TRAY_FLAGS or word.startswith(_VALUED_PREFIXES):
            index += 1
        elif word in COMMANDS:
            return (COMMANDS[word],)
        elif not word.startswith("-") and word.lower().endswith(_INVITATION_SUFFIXES) and not files:
            index, files = index + 1, 1
        else:
            return COMMAND_MODULES
    return ()


def file_shortcut(argv: Sequence[str], parser: argparse.ArgumentParser) -> list[str]:
    """``crickets [options] invite.ics [options]`` means ``--open invite.ics``: how file
    managers open a file, with the global options still allowed around it."""
    words, commands = list(argv), subcommands(parser)
    index = 0
    while index < len(words):
        word = words[index]
        if word == "--" or word in commands:
            return words
        if word in _VALUED_GLOBALS:
            index += 2
            continue
        if not word.startswith("-"):
            if word.lower().endswith(_INVITATION_SUFFIXES):
                return [*words[:index], "--open", word, *words[index + 1 :]]
            return words
        index += 1
    return words
