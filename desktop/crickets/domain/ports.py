"""Protocols the outer layers implement; the domain and the UI depend only on these."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from crickets.domain.interview import Interview
from crickets.domain.profile import Profile
from crickets.domain.settings import Settings


class InterviewStore(Protocol):
    """Persistent interviews, settings and profile. Every method is one transaction."""

    def add(self, interview: Interview) -> Interview:
        """Store a new interview; the returned copy carries its id."""
        ...

    def get(self, interview_id: int) -> Interview | None: ...

    def list(self) -> Sequence[Interview]:
        """All interviews, ordered by start instant."""
        ...

    def update(self, interview: Interview) -> None:
        """Replace the stored interview with the same id (KeyError when it is gone)."""
        ...

    def delete(self, interview_id: int) -> bool: ...

    def load_settings(self) -> Settings: ...

    def save_settings(self, settings: Settings) -> None: ...

    def load_profile(self) -> Profile: ...

    def save_profile(self, profile: Profile) -> None: ...
