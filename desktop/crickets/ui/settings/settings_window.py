"""The Settings window: every value in Settings, who the person is, and start at login.

Nothing is written until Save. What is wrong (values that do not fit together, an email
that is not one) is said as a sentence when the person leaves the control or presses
Save, never while they are still typing; Save then refuses and says why. Reading and
saving go through :class:`~crickets.application.preferences.Preferences`, as
``crickets profile``'s do.

Save writes only the profile fields the person changed here, over the profile as stored at
that moment: a sign-off set with ``crickets profile`` while the window was open, or a field
this window does not show, is kept (docs/decisions/131-settings-keep-the-profile.md).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from crickets.application.preferences import Preferences
from crickets.domain import validation
from crickets.domain.errors import StoreError
from crickets.domain.profile import DEFAULT_SIGN_OFF, Profile
from crickets.domain.settings import DEFAULTS, Settings
from crickets.ui.clock_format import locale_uses_24h
from crickets.ui.fitting import fit_to_screen, scrolling, wanted_size
from crickets.ui.interviews.fields import CheckedField, error_label, named_button, show_error
from crickets.ui.settings.settings_form import SettingsForm

PROFILE = {
    "name": ("Your name", validation.single_line),
    "email": ("Your email", validation.email),
    "phone": ("Your phone", validation.phone),
    "sign_off": ("Sign-off", validation.single_line),
}
#: What an empty field stands for, shown greyed in it.
PLACEHOLDERS = {"sign_off": DEFAULT_SIGN_OFF}


class SettingsWindow(QDialog):
    settings_saved = Signal(object)  # the Settings as stored
    wording_requested = Signal()  # open the message-template editor

    def __init__(
        self,
        preferences: Preferences,
        system_zone: str,  # the machine's zone, which "the system's time zone" stands for
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._preferences = preferences
        self.setObjectName("settings")
        self.setWindowTitle("Settings")
        self.form = SettingsForm(system_zone, system_24h=locale_uses_24h())
        self.profile: dict[str, CheckedField] = {}
        self._shown = Profile()  # the profile as this window loaded it
        self.autostart = QCheckBox("Start Crickets when I log in")
        self.autostart.setObjectName("settings.autostart")
        self.autostart.setAccessibleName("Start Crickets when I log in")
        self.error = error_label("settings.error", "Why the settings cannot be saved")
        self.message = error_label("settings.message", "Message")
        self._autostart_was = self._read_autostart()
        self.autostart.setChecked(self._autostart_was)
        layout = QVBoxLayout(self)
        self._area = scrolling(self._content(), "settings.scroll")
        layout.addWidget(self._area, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.message)
        layout.addLayout(self._buttons())
        self._load()
        self.form.changed.connect(lambda: self._check(say=False))
        self.form.edited.connect(lambda: self._check(say=True))
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save)
        fit_to_screen(self, wanted_size(self, self._area))

    def _content(self) -> QWidget:
        content = QWidget()
        column = QVBoxLayout(content)
        column.addWidget(self.form)
        you = QGroupBox("You (used in emails and scripts)")
        rows = QFormLayout(you)
        for name, (label, check) in PROFILE.items():
            field = CheckedField(f"settings.{name}", label, check, quiet=True)
            if name in PLACEHOLDERS and isinstance(field.editor, QLineEdit):
                field.editor.setPlaceholderText(PLACEHOLDERS[name])
            self.profile[name] = field
            rows.addRow(label, field)
        column.addWidget(you)
        column.addWidget(self.autostart)
        column.addStretch(1)
        return content

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        defaults = named_button("Restore defaults", "settings.defaults", "Restore default settings")
        defaults.clicked.connect(lambda: self.form.load(DEFAULTS))
        cancel = named_button("Cancel", "settings.cancel", "Cancel")
        cancel.clicked.connect(self.reject)
        self.save_button = named_button("Save", "settings.save", "Save the settings")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        wording = named_button("Your own &wording…", "settings.wording", "Edit message templates")
        wording.clicked.connect(self.wording_requested.emit)
        row.addWidget(defaults)
        row.addWidget(wording)
        row.addStretch(1)
        row.addWidget(cancel)
        row.addWidget(self.save_button)
        return row

    def _load(self) -> None:
        try:
            settings, profile = self._preferences.load()
        except StoreError as error:
            self._say(f"Could not read the saved settings, so defaults are shown: {error}")
            return
        self.form.load(settings)
        self._shown = profile
        for name, field in self.profile.items():
            field.set_text(getattr(profile, name))

    def _check(self, *, say: bool) -> Settings | None:
        """The Settings shown, or None when they cannot be saved; the reason is said when
        ``say`` (a control was left, Save was pressed), and a reason already showing is
        kept up to date or taken away once fixed."""
        try:
            settings = self.form.settings()
        except ValueError as error:
            if say or self.error.isVisible():
                show_error(self.error, self.save_button, f"These settings cannot be saved: {error}")
            return None
        show_error(self.error, self.save_button, "")
        return settings

    def _edits(self) -> dict[str, str] | None:
        """The profile fields the person changed here, cleaned; None when one is not
        acceptable (said under it)."""
        values = {name: field.reveal() for name, field in self.profile.items()}
        if None in values.values():
            return None
        return {k: v or "" for k, v in values.items() if (v or "") != getattr(self._shown, k)}

    def _profile(self, edits: dict[str, str]) -> Profile:
        """The stored profile with this window's edits: nothing else in it is touched."""
        return replace(self._preferences.load()[1], **edits)

    def save(self) -> bool:
        """Write everything, tell the app, close; False (and the reason shown) otherwise."""
        self.form.show_zone_problem()
        settings, edits = self._check(say=True), self._edits()
        if settings is None or edits is None:
            return False
        try:
            profile = self._profile(edits)
            self._preferences.save(settings, profile)
        except StoreError as error:
            self._say(f"Not saved: {error}")
            return False
        self._shown = profile
        self.settings_saved.emit(settings)
        if not self._apply_autostart():
            return False  # the rest is saved; the window stays open to say so
        self.accept()
        return True

    def _read_autostart(self) -> bool:
        try:
            return self._preferences.starts_at_login()
        except OSError as error:
            self._say(f"Could not tell whether Crickets starts at login: {error}")
            return False

    def _apply_autostart(self) -> bool:
        wanted = self.autostart.isChecked()
        if wanted == self._autostart_was:
            return True
        try:
            self._preferences.start_at_login(wanted)
        except OSError as error:
            self._say(f"Settings saved, but starting at login could not be changed: {error}")
            return False
        self._autostart_was = wanted
        return True

    def _say(self, text: str) -> None:
        show_error(self.message, self, text)
