"""The Settings window: every value in Settings, who the person is, and start at login.

Nothing is written until Save, and Save stays disabled while the values do not fit
together; the reason is shown as a sentence above the buttons. Reading and saving go
through :class:`~crickets.application.preferences.Preferences`, as ``crickets profile``'s do.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from crickets.application.preferences import Preferences
from crickets.domain import validation
from crickets.domain.errors import StoreError
from crickets.domain.profile import Profile
from crickets.domain.settings import DEFAULTS, Settings
from crickets.ui.interviews.fields import CheckedField, error_label, named_button, show_error
from crickets.ui.settings.settings_form import SettingsForm

PROFILE = {
    "name": ("Your name", validation.single_line),
    "email": ("Your email", validation.email),
    "phone": ("Your phone", validation.phone),
}


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
        self.setWindowTitle("Crickets settings")
        self.form = SettingsForm(system_zone)
        self.profile: dict[str, CheckedField] = {}
        self.autostart = QCheckBox("Start Crickets when I log in")
        self.autostart.setObjectName("settings.autostart")
        self.autostart.setAccessibleName("Start Crickets when I log in")
        self.error = error_label("settings.error", "Why the settings cannot be saved")
        self.message = error_label("settings.message", "Message")
        self._autostart_was = self._read_autostart()
        self.autostart.setChecked(self._autostart_was)
        layout = QVBoxLayout(self)
        content = self._content()
        self._area = _scrolling(content)
        layout.addWidget(self._area, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.message)
        layout.addLayout(self._buttons())
        self._load()
        self.form.changed.connect(self._check)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save)
        self._check()
        self._fit(content)

    def _content(self) -> QWidget:
        content = QWidget()
        column = QVBoxLayout(content)
        column.addWidget(self.form)
        you = QGroupBox("You (used in emails and scripts)")
        rows = QFormLayout(you)
        for name, (label, check) in PROFILE.items():
            field = CheckedField(f"settings.{name}", label, check)
            field.changed.connect(self._check)
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
        for name, field in self.profile.items():
            field.set_text(getattr(profile, name))

    def _check(self) -> Settings | None:
        """The Settings shown, or None (with the reason shown) when they cannot be saved."""
        try:
            settings = self.form.settings()
        except ValueError as error:
            show_error(self.error, self.save_button, f"These settings cannot be saved: {error}")
            settings = None
        else:
            show_error(self.error, self.save_button, "")
        valid = settings is not None and self._profile() is not None
        self.save_button.setEnabled(valid)
        return settings

    def _profile(self) -> Profile | None:
        values = {name: field.value() for name, field in self.profile.items()}
        if None in values.values():
            return None
        return Profile(**{k: v or "" for k, v in values.items()})

    def save(self) -> bool:
        """Write everything, tell the app, close; False (and the reason shown) otherwise."""
        settings, profile = self._check(), self._profile()
        if settings is None or profile is None:
            return False
        try:
            self._preferences.save(settings, profile)
        except StoreError as error:
            self._say(f"Not saved: {error}")
            return False
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

    def _fit(self, content: QWidget) -> None:
        """Big enough to show everything without scrolling, where the screen allows."""
        outer, inner = self.sizeHint(), content.sizeHint()
        width = max(outer.width(), inner.width() + 2 * self._area.frameWidth() + 24)
        height = outer.height() - self._area.sizeHint().height() + inner.height() + 8
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None:
            width, height = min(width, screen.width() - 40), min(height, screen.height() - 40)
        self.resize(width, height)

    def _say(self, text: str) -> None:
        show_error(self.message, self, text)


def _scrolling(content: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes straight to the first setting
    return area
