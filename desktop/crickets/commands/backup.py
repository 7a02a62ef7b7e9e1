"""``crickets export [--out FILE]`` and ``crickets restore FILE``.

Export writes all data as portable JSON: plain text on purpose (it is what survives a lost
key or a new computer), with a warning. Restore reads an export or a snapshot from
``crickets backups``, and works when the main database is broken (crickets.storage.restoring).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from crickets.commands.context import CliContext
from crickets.domain.portable import export_document

EXPORT_WARNING = (
    "the export is plain, unencrypted text: keep it somewhere private "
    "(not in a synced or shared folder), and delete it when you no longer need it."
)


def register(subparsers: Any) -> None:
    export = subparsers.add_parser("export", help="write every interview and setting as JSON")
    export.add_argument("--out", metavar="FILE", help="write to FILE instead of the screen")
    export.set_defaults(func=run_export)
    restore = subparsers.add_parser(
        "restore", help="replace everything with an export or a snapshot (`crickets backups`)"
    )
    restore.add_argument("file", metavar="FILE")
    restore.set_defaults(func=run_restore)


def run_export(args: argparse.Namespace, ctx: CliContext) -> int:
    store = ctx.store
    doc = export_document(
        list(store.list()),
        store.load_settings(),
        store.load_profile(),
        ctx.clock.now(),
        actions=list(store.actions()),
    )
    text = json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
    ctx.warn(EXPORT_WARNING)
    saved = f"Exported {len(doc['interviews'])} interviews to {args.out}"
    ctx.emit_bytes(text.encode("utf-8"), args.out, saved)
    return 0


def run_restore(args: argparse.Namespace, ctx: CliContext) -> int:
    from crickets.storage.restoring import restore  # opens the store its own way

    path = Path(args.file)
    ctx.close()  # never hold the database open while it may be set aside
    report = restore(ctx.data_dir, path, clock=ctx.clock, on_notice=ctx.warn)
    logged = f" and {report.actions} log entries" if report.actions else ""
    ctx.print(f"Restored {report.interviews} interviews{logged} from {path}")
    if report.safety_snapshot is not None:
        ctx.print(f"What you had before is kept in {report.safety_snapshot}")
    return 0
