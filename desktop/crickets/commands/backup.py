"""``crickets export [--out FILE]`` and ``crickets restore FILE``: all data as JSON."""

from __future__ import annotations

import argparse
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from crickets.commands.context import CliContext, UsageError
from crickets.domain.portable import PortableError, export_document, read_document

MAX_EXPORT_BYTES = 50 * 1024 * 1024


def register(subparsers: Any) -> None:
    export = subparsers.add_parser("export", help="write every interview and setting as JSON")
    export.add_argument("--out", metavar="FILE", help="write to FILE instead of the screen")
    export.set_defaults(func=run_export)
    restore = subparsers.add_parser("restore", help="replace everything with an export")
    restore.add_argument("file", metavar="FILE")
    restore.set_defaults(func=run_restore)


def write_atomically(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Write to a temporary file beside ``path``, flush it to disk, then rename over it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        Path(temp).chmod(mode)
        Path(temp).replace(path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def run_export(args: argparse.Namespace, ctx: CliContext) -> int:
    store = ctx.store
    doc = export_document(
        list(store.list()), store.load_settings(), store.load_profile(), ctx.clock.now()
    )
    text = json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
    ctx.warn("the export is plain, unencrypted text: keep it somewhere private.")
    if args.out:
        try:
            write_atomically(Path(args.out), text.encode("utf-8"))
        except OSError as error:
            raise UsageError(f"--out: cannot write {args.out}: {error.strerror}") from None
        ctx.print(f"Exported {len(doc['interviews'])} interviews to {args.out}")
    else:
        ctx.out.write(text)
    return 0


def run_restore(args: argparse.Namespace, ctx: CliContext) -> int:
    path = Path(args.file)
    try:
        if path.stat().st_size > MAX_EXPORT_BYTES:
            raise UsageError(f"{path} is too large to be a Crickets export")
        doc = json.loads(path.read_text(encoding="utf-8"))
        interviews, settings, profile = read_document(doc)
    except OSError as error:
        raise UsageError(f"cannot read {path}: {error.strerror}") from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise UsageError(f"{path} is not a Crickets export (it is not JSON text)") from None
    except PortableError as error:
        raise UsageError(f"{path}: {error}") from None
    ctx.store.replace_all(interviews, settings, profile)
    ctx.print(f"Restored {len(interviews)} interviews from {path}")
    return 0
