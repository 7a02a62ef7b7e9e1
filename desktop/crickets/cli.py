"""The ``crickets`` command line (DESIGN.md §6: a stable contract).

Exit codes: 0 success, 1 a request that found nothing (``show`` of a missing id), 2 bad
input or a store that cannot be used (one line on stderr, nothing changed). Anything
else is a bug: it is logged with its traceback and reported in one line, never dumped.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from datetime import datetime

from crickets import __version__, paths
from crickets.commands import COMMAND_MODULES
from crickets.commands.context import CliContext, UsageError
from crickets.domain.clock import Clock, FixedClock, SystemClock
from crickets.storage.errors import StorageError

CLOCK_ENV = "CRICKETS_CLOCK"
#: Commands after which a running tray should re-read the store at once.
WRITE_COMMANDS = frozenset({"add", "edit", "delete", "restore", "import"})


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="crickets",
        description="A tray countdown for phone and video interviews, and a calm guide "
        "for when nobody calls.",
    )
    parser.add_argument("--version", action="version", version=f"crickets {__version__}")
    parser.add_argument(
        "--data-dir", metavar="DIR", help="use an isolated store (also CRICKETS_DATA_DIR)"
    )
    parser.add_argument(
        "--demo", action="store_true", help="a throw-away profile with an interview in a minute"
    )
    parser.add_argument(
        "--background", action="store_true", help="start quietly in the tray (used at login)"
    )
    parser.add_argument("--open", metavar="FILE.ics", help="import an invitation into the tray")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(f"crickets.commands.{name}").register(subparsers)
    return parser


Launcher = Callable[[argparse.Namespace], int]


def main(argv: Sequence[str] | None, launch: Launcher, clock: Clock | None = None) -> int:
    """Run a subcommand; with none, hand over to ``launch`` (the tray app)."""
    args_list = _open_shortcut(list(sys.argv[1:] if argv is None else argv))
    ctx: CliContext | None = None
    try:
        args = build_parser().parse_args(args_list)
        ctx = CliContext(paths.data_dir(args.data_dir), clock=clock or _clock_from_env())
        if args.command is None:
            ctx.close()
            return launch(args)
        code = int(args.func(args, ctx))
        if code == 0 and args.command in WRITE_COMMANDS:
            _tell_tray(ctx)
        return code
    except (UsageError, StorageError) as error:
        print(f"crickets: {_one_line(str(error))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception:  # a bug: keep the details, show one line
        return _report_bug(ctx)
    finally:
        if ctx is not None:
            ctx.close()


def _clock_from_env() -> Clock:
    """``CRICKETS_CLOCK=2026-12-01T19:06:00Z`` freezes the clock: for tests and bug reports."""
    frozen = os.environ.get(CLOCK_ENV, "").strip()
    if not frozen:
        return SystemClock()
    try:
        return FixedClock(datetime.fromisoformat(frozen))
    except ValueError:
        raise UsageError(
            f"{CLOCK_ENV}: {frozen!r} is not an ISO 8601 instant with an offset"
        ) from None


def _tell_tray(ctx: CliContext) -> None:
    """Best effort: a running tray reloads now (otherwise it notices within a minute)."""
    from crickets import ipc

    ipc.send(ipc.socket_path(ctx.data_dir), ipc.Request(ipc.Command.RELOAD), timeout=0.5)


def _open_shortcut(argv: list[str]) -> list[str]:
    """``crickets invite.ics`` (how file managers open a file) means ``--open invite.ics``."""
    if len(argv) == 1 and argv[0].lower().endswith((".ics", ".ical", ".ifb")):
        return ["--open", argv[0]]
    return argv


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _report_bug(ctx: CliContext | None) -> int:
    from crickets import log

    directory = ctx.data_dir if ctx else paths.data_dir()
    path = log.setup(directory)
    log.logger.exception("unexpected error in the command line")
    print(f"crickets: internal error; details were written to {path}", file=sys.stderr)
    return 3
