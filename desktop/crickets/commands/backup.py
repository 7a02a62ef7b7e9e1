"""``crickets export [--out FILE]`` and ``crickets restore FILE``.

Export writes all data as portable JSON: plain text on purpose (it is what survives a lost
key or a new computer), with a warning. Restore reads an export or a snapshot from
``crickets backups``, and works when the main database is broken (the session's shelf
restores with the store closed).
"""

from __future__ import annotations

import argparse
import stat
from pathlib import Path

from crickets.application.backups import export_all
from crickets.commands.context import CliContext, Subparsers, UsageError
from crickets.commands.file_args import typed_path
from crickets.commands.parser import add_command


def register(subparsers: Subparsers) -> None:
    export = add_command(
        subparsers,
        "export",
        "write every interview and setting as JSON",
        "Write every interview, setting, profile field and log entry as plain, unencrypted "
        "JSON: the copy that survives a lost key or a new computer. Keep it private.",
    )
    export.add_argument("--out", metavar="FILE", help="write to FILE instead of the screen")
    export.set_defaults(func=run_export)
    restore = add_command(
        subparsers,
        "restore",
        "replace everything with an export or a snapshot (`crickets backups`)",
        "Replace all data with an export (crickets export) or a snapshot (crickets "
        "backups). What you had is snapshotted first; works when the database is damaged.",
    )
    restore.add_argument("file", metavar="FILE", help="the export or snapshot to bring back")
    restore.set_defaults(func=run_restore)


def run_export(args: argparse.Namespace, ctx: CliContext) -> int:
    use_cases = ctx.use_cases
    export = export_all(use_cases.book, use_cases.logbook.log)
    ctx.warn(export.warning)
    saved = f"Exported {export.interviews} interviews to {args.out}"
    ctx.emit_bytes(export.data, args.out, saved)
    return 0


def run_restore(args: argparse.Namespace, ctx: CliContext) -> int:
    path = _regular_file(args.file)
    summary = ctx.session.shelf.restore(path)  # closes the store first: it may be set aside
    logged = f" and {summary.actions} log entries" if summary.actions else ""
    ctx.print(f"Restored {summary.interviews} interviews{logged} from {path}")
    if summary.safety_snapshot is not None:
        ctx.print(f"What you had before is kept in {summary.safety_snapshot}")
    return 0


def _regular_file(name: str) -> Path:
    """An export or a snapshot is a file: a device (``/dev/zero`` never ends), a pipe or a
    folder is refused before anything is read, let alone the data replaced."""
    path = typed_path(name, "restore")
    try:
        mode = path.stat().st_mode
    except OSError:  # missing or unreadable: restore itself says which
        return path
    if not stat.S_ISREG(mode):
        kind = "a folder" if stat.S_ISDIR(mode) else "not a file (a device or a pipe)"
        raise UsageError(f"{name} is {kind}; give an export (crickets export) or a snapshot")
    return path
