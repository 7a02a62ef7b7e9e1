"""The person's settings, profile and start-at-login, as the settings window and
``crickets profile`` change them."""

from __future__ import annotations

from dataclasses import dataclass

from crickets.application.ports import Autostart, SettingsRepository
from crickets.domain.profile import Profile
from crickets.domain.settings import Settings


@dataclass(frozen=True)
class Preferences:
    settings: SettingsRepository
    autostart: Autostart

    def load(self) -> tuple[Settings, Profile]:
        return self.settings.load_settings(), self.settings.load_profile()

    def save(self, settings: Settings, profile: Profile) -> None:
        self.settings.save_settings(settings)
        self.settings.save_profile(profile)

    def save_profile(self, profile: Profile) -> None:
        """The profile alone (``crickets profile --name …``): the settings stay as stored,
        whatever the tray saved since they were loaded."""
        self.settings.save_profile(profile)

    def starts_at_login(self) -> bool:
        return self.autostart.is_enabled()

    def start_at_login(self, enabled: bool) -> None:
        self.autostart.set_enabled(enabled)
