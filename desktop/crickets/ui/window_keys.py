"""What names a window (its kind, the request that asks for it, the key it is kept under,
its title) and what a window can be asked to do.

Plain values and protocols, so the policy in :mod:`crickets.ui.moments` and the registry in
:mod:`crickets.ui.windows` can both speak of windows without importing each other.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable

from crickets.domain.draft_kinds import DraftKind
from crickets.domain.reminders import ReminderKind

APP_NAME = "Crickets"


class WindowKind(enum.Enum):
    EDITOR = "editor"
    LIST = "list"
    SETTINGS = "settings"
    TEMPLATES = "templates"
    DRAFTS = "drafts"
    RESCHEDULE = "reschedule"
    HAVENT_CALLED = "havent-called"
    MISSED_CALL = "missed-call"
    IMPORT = "import"
    WELCOME = "welcome"  # the first start's welcome


@dataclass(frozen=True)
class WindowRequest:
    """Which window, about which interview, opened on what (a draft kind, a file)."""

    kind: WindowKind
    interview_id: int | None = None
    draft: DraftKind | None = None
    path: Path | None = None


@dataclass(frozen=True)
class WindowKey:
    """The identity of an open window: one per kind and interview; a reminder window is
    keyed by its reminder's kind."""

    kind: WindowKind | ReminderKind
    interview_id: int | None = None

    def __str__(self) -> str:  # for the log: "drafts:3", "reminder:start:3"
        prefix = "reminder:" if isinstance(self.kind, ReminderKind) else ""
        suffix = f":{self.interview_id}" if self.interview_id is not None else ""
        return f"{prefix}{self.kind.value}{suffix}"


@runtime_checkable
class Refreshable(Protocol):
    """A window that shows stored data and re-reads it when the data changed."""

    def refresh(self) -> None: ...


@runtime_checkable
class DraftSelectable(Protocol):
    """A window that can switch to one kind of draft (the drafts window)."""

    def select(self, kind: DraftKind) -> None: ...


@runtime_checkable
class FileReceiving(Protocol):
    """A window that reads a file handed to it (the import dialog: a dropped invitation,
    one opened with Crickets, or one a second launch passed on)."""

    def receive_file(self, path: Path) -> None: ...


def desktop_title(title: str) -> str:
    """A window's own title, without the app's name: the desktop adds "— Crickets" itself
    (Qt appends the application's display name), so "Crickets — Settings" would read
    "Crickets — Settings — Crickets"."""
    for prefix in (f"{APP_NAME} — ", f"{APP_NAME}: ", f"{APP_NAME} "):
        if title.startswith(prefix) and len(title) > len(prefix):
            rest = title.removeprefix(prefix)
            return rest[0].upper() + rest[1:]
    return title
