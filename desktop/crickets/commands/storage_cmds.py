"""``crickets backups [--json] [--now]``: the snapshots ``crickets restore`` can bring back."""

from __future__ import annotations

import argparse

from crickets.commands.context import CliContext, Subparsers
from crickets.commands.parser import add_command, add_json_option


def register(subparsers: Subparsers) -> None:
    listing = add_command(
        subparsers,
        "backups",
        "list the snapshots `crickets restore FILE` can bring back",
        "List the snapshots Crickets took (before each upgrade, and daily while your data "
        "changes) and any database set aside as damaged. Snapshots are encrypted with this "
        "computer's key; an export (crickets export) is the copy for another computer.",
    )
    add_json_option(listing, "the snapshot folder, the snapshots and what was set aside")
    listing.add_argument("--now", action="store_true", help="take a snapshot first")
    listing.set_defaults(func=run_backups)


def run_backups(args: argparse.Namespace, ctx: CliContext) -> int:
    shelf = ctx.session.shelf
    directory = shelf.directory()
    if args.now:
        taken = shelf.take_snapshot("manual")
        ctx.warn(f"snapshot taken: {taken.path}")
    snapshots = shelf.snapshots()
    set_aside = shelf.set_aside()
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
