"""The ``crickets`` command line (DESIGN.md §6: a stable contract, documented in docs/cli.md).

Exit codes (:class:`~crickets.commands.exit_codes.ExitCode`): 0 success, 1 a request that
found nothing (``import`` of a cancellation for an interview never imported), 2 bad input,
a refused request or a store that cannot be used (one line on stderr, nothing changed),
3 an internal error: a bug, logged with its traceback and reported in one line, never
dumped; 130 interrupted.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from datetime import datetime

from crickets import paths
from crickets.application.errors import Refused, StoreError
from crickets.commands.context import CliContext, UsageError
from crickets.commands.exit_codes import ExitCode
from crickets.commands.file_args import typed_path
from crickets.commands.out_file import writable_target
from crickets.commands.parser import build_parser, modules_for, parse
from crickets.commands.session import SessionFactory
from crickets.commands.terminal import visible
from crickets.domain.clock import Clock, FixedClock, SystemClock

__all__ = ["CLOCK_ENV", "ExitCode", "Launcher", "build_parser", "main"]

CLOCK_ENV = "CRICKETS_CLOCK"
#: Commands after which a running tray should re-read the store at once.
WRITE_COMMANDS = frozenset({"add", "edit", "delete", "restore", "import", "profile"})


Launcher = Callable[[argparse.Namespace], int]


def main(
    argv: Sequence[str] | None,
    launch: Launcher,
    open_session: SessionFactory,
    clock: Clock | None = None,
) -> int:
    """Run a subcommand; with none, hand over to ``launch`` (the tray app). The entry
    point injects both: ``open_session`` builds the data folder's use cases, lazily."""
    ctx: CliContext | None = None
    try:
        words = sys.argv[1:] if argv is None else list(argv)
        # Only the command given is loaded; the tray needs none (docs/decisions/161).
        args = parse(build_parser(modules_for(words)), words)
        _check_data_dir(args)
        ctx = CliContext(
            paths.data_dir(args.data_dir), open_session, clock=clock or _clock_from_env()
        )
        if args.command is None:
            ctx.close()
            return launch(args)
        _refuse_tray_options(args)
        if getattr(args, "out", None) is not None:  # refused before anything is done
            writable_target(args.out)
        code = int(args.func(args, ctx))
        if code == 0 and args.command in WRITE_COMMANDS:
            _tell_tray(ctx)
        return code
    except (UsageError, Refused, StoreError) as error:
        print(f"crickets: {visible(_one_line(str(error)))}", file=sys.stderr)
        return ExitCode.USAGE
    except KeyboardInterrupt:
        return ExitCode.INTERRUPTED
    except Exception:  # a bug: keep the details, show one line
        return _report_bug(ctx)
    finally:
        if ctx is not None:
            ctx.close()


def _refuse_tray_options(args: argparse.Namespace) -> None:
    """``--demo``, ``--background`` and ``--open`` start the tray; beside a command they
    would be ignored, which is worse than saying so."""
    given = [name for name in ("demo", "background", "open") if getattr(args, name)]
    if given:
        raise UsageError(
            f"--{given[0]} starts the tray, so it does not go with the command "
            f"{args.command}; use one or the other"
        )


def _check_data_dir(args: argparse.Namespace) -> None:
    """``--data-dir ""`` (an unset shell variable, say) would mean the default folder: the
    person's real data, when they meant a separate one."""
    if args.data_dir is None:
        return
    if not args.data_dir.strip():
        raise UsageError("--data-dir: the folder name is empty; give a folder, or leave it out")
    typed_path(args.data_dir, "--data-dir")


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
    """Best effort: a running tray reloads now (if this request is lost, the tray sees the
    change on its next tick: at the next visible change, and within the hour at rest)."""
    from crickets import ipc

    ipc.send(ipc.socket_path(ctx.data_dir), ipc.Request(ipc.Command.RELOAD), timeout=0.5)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _report_bug(ctx: CliContext | None) -> int:
    from crickets import log

    directory = ctx.data_dir if ctx else paths.data_dir()
    path = log.setup(directory)
    log.logger.exception("unexpected error in the command line")
    print(f"crickets: internal error; details were written to {path}", file=sys.stderr)
    return ExitCode.INTERNAL
