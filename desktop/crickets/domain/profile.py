"""Who the person is, as it appears in drafts and scripts."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Profile:
    name: str = ""
    email: str = ""
    phone: str = ""  # the number interviewers usually get

    @property
    def first_name(self) -> str:
        return self.name.split()[0] if self.name.strip() else ""
