"""A time-zone picker one can search by typing any part of a name ("york", "Eastern").

Items are IANA names, preceded by a few friendly names for the zones people ask for most.
:meth:`ZonePicker.zone` gives the IANA name, ``""`` for "the system's zone" where that is
offered (its name is handed in: the picker never asks the machine), or None while the text
names no zone (the caller shows why).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from crickets.domain.zones.names import all_zones

FRIENDLY = (
    ("US Eastern (New York)", "America/New_York"),
    ("US Central (Chicago)", "America/Chicago"),
    ("US Mountain (Denver)", "America/Denver"),
    ("US Pacific (Los Angeles)", "America/Los_Angeles"),
    ("UK (London)", "Europe/London"),
    ("Central Europe (Paris, Berlin)", "Europe/Paris"),
    ("India (Kolkata)", "Asia/Kolkata"),
    ("Australia Eastern (Sydney)", "Australia/Sydney"),
    ("UTC", "UTC"),
)

SYSTEM_LABEL = "The system's time zone"  # followed by its name, "(Europe/London)"


class ZonePicker(QComboBox):
    """Editable combo box over every IANA zone; typing filters by "contains", any case."""

    zone_changed = Signal()

    def __init__(
        self,
        object_name: str,
        accessible_name: str,
        *,
        system_zone: str | None = None,  # offered as "the system's zone" when given
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setAccessibleName(accessible_name)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        self._by_text: dict[str, str] = {}
        self._system = f"{SYSTEM_LABEL} ({system_zone})"
        if system_zone is not None:
            self._add(self._system, "")
        for label, zone in FRIENDLY:
            self._add(label, zone)
        for zone in all_zones():
            self._add(zone, zone)
        self.setCompleter(_contains_completer(self))
        self.currentTextChanged.connect(lambda _text: self.zone_changed.emit())

    def _add(self, text: str, zone: str) -> None:
        self.addItem(text, zone)
        self._by_text.setdefault(text.casefold(), zone)

    def zone(self) -> str | None:
        """The IANA name chosen (``""`` = the system's zone), or None for unknown text."""
        return self._by_text.get(self.currentText().strip().casefold())

    def set_zone(self, zone: str) -> None:
        """Show ``zone`` (``""`` = the system's zone); an unknown name is shown as typed."""
        index = self.findText(self._system if zone == "" else zone)
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setEditText(zone)

    def problem(self) -> str:
        """What to tell the person while :meth:`zone` is None, else ``""``."""
        if self.zone() is not None:
            return ""
        text = self.currentText().strip()
        if not text:
            return "Choose a time zone: type part of its name, such as York or London."
        return f'"{text[:40]}" is not a time zone name; choose one from the list.'


def _contains_completer(combo: QComboBox) -> QCompleter:
    completer = QCompleter(combo.model(), combo)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    completer.setMaxVisibleItems(12)
    return completer
