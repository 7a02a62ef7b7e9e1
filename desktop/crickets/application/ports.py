"""The roles the use cases need from the outside world, one ``Protocol`` per role.

The storage layer's repositories, the services and the Qt side implement these; the
composition root (:mod:`crickets.wiring`) hands the implementations to the use cases. A
use case names only the roles it uses, so a test gives it small fakes.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from crickets.domain.actions import Action
from crickets.domain.damage import UnreadableRecord
from crickets.domain.interview import Interview
from crickets.domain.profile import Profile
from crickets.domain.settings import Settings


class InterviewRepository(Protocol):
    """Kept interviews. Every method is one transaction."""

    def add(self, interview: Interview) -> Interview: ...

    def get(self, interview_id: int) -> Interview | None: ...

    def list(self) -> Sequence[Interview]: ...

    def update(self, interview: Interview) -> None: ...

    def delete(self, interview_id: int) -> bool: ...

    def find_by_uid(self, uid: str) -> Interview | None: ...


class SettingsRepository(Protocol):
    """The person's settings and profile (name, email, phone, sign-off)."""

    def load_settings(self) -> Settings: ...

    def save_settings(self, settings: Settings) -> None: ...

    def load_profile(self) -> Profile: ...

    def save_profile(self, profile: Profile) -> None: ...


class ActionLog(Protocol):
    """What the person did and when ("10:07 called, no answer")."""

    def log_action(self, action: Action) -> Action: ...

    def actions(self, interview_id: int | None = None) -> Sequence[Action]: ...


class InvitationArchive(Protocol):
    """The original bytes of imported invitations, kept beside their interviews."""

    def save_invitation(self, interview_id: int, data: bytes) -> None: ...

    def load_invitation(self, interview_id: int) -> bytes | None: ...


class AppState(Protocol):
    """Small named values the app remembers (reminders shown, own wording, a UID word)."""

    def get_state(self, key: str) -> str | None: ...

    def set_state(self, key: str, value: str) -> None: ...


class ChangeCounter(Protocol):
    """Tells whether another process (the CLI, another window) wrote since last asked."""

    def data_version(self) -> int: ...


class DamageScan(Protocol):
    """Names the saved records that cannot be read (left out of every list), so the person
    is told what is missing rather than nothing (docs/decisions/060-damaged-records.md)."""

    def unreadable(self) -> Sequence[UnreadableRecord]: ...


class KeyStore(Protocol):
    """Where the data key lives: the OS keychain, or a private file when there is none."""

    @property
    def name(self) -> str: ...

    def get(self, username: str) -> str | None: ...

    def set(self, username: str, value: str) -> None: ...


class ZoneSource(Protocol):
    """The person's own zone: the configured one, else the machine's."""

    def home_zone(self, configured: str) -> str: ...


class MailOutlet(Protocol):
    """Hands a ``mailto:`` link to the person's mail app; False when nothing took it."""

    def open_mailto(self, url: str) -> bool: ...


class FileSaver(Protocol):
    """Writes a file the person asked for, whole or not at all (raises OSError)."""

    def save(self, path: Path, data: bytes) -> None: ...


class Clipboard(Protocol):
    """The desktop clipboard; False when the text could not be placed there."""

    def set_text(self, text: str) -> bool: ...


class Notifier(Protocol):
    """A desktop notification; False when no outlet delivered it."""

    def notify(self, title: str, text: str) -> bool: ...


class Dialer(Protocol):
    """Hands a number to whatever places calls (a ``tel:`` handler); False when none did."""

    def dial(self, number: str) -> bool: ...


class LinkOpener(Protocol):
    """Opens a web link (a meeting link) in the person's browser or meeting app; False when
    nothing opened it."""

    def open_link(self, url: str) -> bool: ...


class Autostart(Protocol):
    """Starting with the desktop session."""

    def is_enabled(self) -> bool: ...

    def set_enabled(self, enabled: bool) -> None: ...
