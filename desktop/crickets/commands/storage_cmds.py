"""``crickets backups [--json] [--now]``: the snapshots ``crickets restore`` can bring back."""

from __future__ import annotations

import argparse
from typing import Any

from crickets.commands.context import CliContext
from crickets.paths import database_path


def register(subparsers: Any) -> None:
    listing = subparsers.add_parser(
        "backups", help="list the snapshots `crickets restore FILE` can bring back"
    )
    listing.add_argument("--json", action="store_true")
    listing.add_argument("--now", action="store_true", help="take a snapshot first")
    listing.set_defaults(func=run_backups)


def run_backups(args: argparse.Namespace, ctx: CliContext) -> int:
    from crickets.storage import backups
    from crickets.storage.recovery import set_aside_files

    directory = backups.backup_dir(ctx.data_dir)
    if args.now:
        opened = ctx.opened
        taken = backups.take_snapshot(opened.store.path, directory, ctx.clock.now(), "manual")
        ctx.warn(f"snapshot taken: {taken.path}")
    snapshots = backups.list_snapshots(directory)
    set_aside = set_aside_files(database_path(ctx.data_dir))
    if args.json:
        ctx.print_json(
            {
                "directory": str(directory),
                "snapshots": [
                    {
                        "path": str(s.path),
                        "taken_at": s.taken_at.isoformat(timespec="seconds"),
                        "reason": s.reason,
                        "bytes": s.size,
                    }
                    for s in snapshots
                ],
                "set_aside": [str(p) for p in set_aside],
            }
        )
        return 0
    if not snapshots:
        ctx.print(f"No snapshots yet in {directory}.")
    for s in snapshots:
        when = s.taken_at.isoformat(timespec="seconds")
        ctx.print(f"{when}  {s.reason:<22} {s.size // 1024:>6} KiB  {s.path}")
    for path in set_aside:
        ctx.print(f"set aside (damaged or replaced): {path}")
    if snapshots:
        ctx.print("Bring one back with: crickets restore FILE")
    return 0
