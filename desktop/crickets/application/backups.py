"""Backing up and bringing back: the plain JSON export, the snapshots the app takes, and
restore (from either), which must work even when the main database is broken — it is the
way back, so it never needs the store to open first."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol

from crickets.application.interviews import InterviewBook
from crickets.application.ports import ActionLog
from crickets.domain.portable import export_document

EXPORT_WARNING = (
    "the export is plain, unencrypted text: keep it somewhere private "
    "(not in a synced or shared folder), and delete it when you no longer need it."
)


@dataclass(frozen=True)
class SnapshotInfo:
    path: Path
    taken_at: datetime
    reason: str
    size: int


@dataclass(frozen=True)
class RestoreSummary:
    source: Path
    interviews: int
    actions: int
    safety_snapshot: Path | None  # what the person had before, if anything


class BackupShelf(Protocol):
    """Snapshots and restore, implemented over the data folder by the storage layer."""

    def directory(self) -> Path: ...

    def snapshots(self) -> list[SnapshotInfo]: ...

    def take_snapshot(self, reason: str) -> SnapshotInfo: ...

    def set_aside(self) -> list[Path]:
        """Damaged or replaced databases kept beside the data, never deleted."""
        ...

    def restore(self, source: Path) -> RestoreSummary: ...


@dataclass(frozen=True)
class Export:
    data: bytes
    interviews: int
    warning: str = EXPORT_WARNING


def export_all(book: InterviewBook, log: ActionLog) -> Export:
    """Every interview, setting, profile field and log entry as portable JSON."""
    doc = export_document(
        list(book.all()),
        book.load_settings(),
        book.settings.load_profile(),
        book.now(),
        actions=list(log.actions()),
    )
    text = json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
    left_out = book.unreadable()
    if left_out:  # never an export that looks whole when it is not
        named = "; ".join(r.describe() for r in left_out)
        warning = f"{EXPORT_WARNING} Damaged records are not in it: {named}."
        return Export(text.encode("utf-8"), len(doc["interviews"]), warning)
    return Export(text.encode("utf-8"), len(doc["interviews"]))
