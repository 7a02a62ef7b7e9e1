"""The "When" field: typed freely and read back unambiguously as the person types.

Parsing is the domain's (:func:`crickets.domain.timeparse.parse_when`), exactly as the
``--at`` option reads it. A question (day/month order, the repeated hour, midnight) is put
to the person with its choices, none picked for them; each choice is a full reading, so
picking one settles the order or the ``fold`` without guessing.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from crickets.domain.clock import Clock
from crickets.domain.timefmt import long_text, same_offset
from crickets.domain.timeparse import (
    AmbiguousTime,
    ParsedTime,
    TimeParseError,
    parse_when,
    resolve_local,
)
from crickets.ui.interviews.fields import error_label, show_error

HINT = "Type a date and time, such as Tue 1 Dec 2pm or 2026-12-01 14:00."

_Key = tuple[datetime, int, str]


def _key(parsed: ParsedTime) -> _Key:
    """Datetime equality ignores ``fold``, so the key carries it."""
    return parsed.local, parsed.local.fold, parsed.zone


class WhenField(QWidget):
    changed = Signal()

    def __init__(
        self,
        clock: Clock,
        my_zone: str,
        day_first: bool | None,
        parent: QWidget | None = None,
        *,
        clock_24h: bool = False,
    ) -> None:
        super().__init__(parent)
        self._clock, self._my_zone, self._day_first = clock, my_zone, day_first
        self._clock_24h = clock_24h
        self._zone: str | None = my_zone
        self._parsed: ParsedTime | None = None
        self._choices: tuple[ParsedTime, ...] = ()
        self._preferred: _Key | None = None
        self._stored: tuple[str, ParsedTime] | None = None  # (its text, the stored time)
        self.edit = QLineEdit()
        self.edit.setObjectName("editor.when")
        self.edit.setAccessibleName("When")
        self.edit.setPlaceholderText("Tue 1 Dec 2pm")
        self.echo = QLabel(HINT)
        self.echo.setObjectName("editor.echo")
        self.echo.setAccessibleName("When, as Crickets reads it")
        self.echo.setWordWrap(True)
        self.question = error_label("editor.when_question", "Question about the time")
        self.choice = QComboBox()
        self.choice.setObjectName("editor.when_choice")
        self.choice.setAccessibleName("Which one is meant")
        self.choice.setPlaceholderText("Choose one…")
        self.choice.setVisible(False)
        self.error = error_label("editor.when.error", "Problem with the time")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.edit, self.echo, self.question, self.choice, self.error):
            layout.addWidget(widget)
        self.setFocusProxy(self.edit)
        self.edit.textChanged.connect(self.reparse)
        self.choice.activated.connect(self._chosen)

    def parsed(self) -> ParsedTime | None:
        """The one instant meant, or None while the text does not name one yet."""
        return self._parsed

    def set_zone(self, zone: str | None) -> None:
        """The zone the time was agreed in (None while the zone field is not valid)."""
        self._zone = zone
        self.reparse()

    def set_local(self, local: datetime, zone: str) -> None:
        """Show a stored wall-clock time; kept as stored while its text is left alone.

        So an old interview (more than a year back) can still be edited, and a repeated
        hour already answered is not asked again.
        """
        self._preferred = (local, local.fold, zone)
        self._zone = zone
        text = local.isoformat(sep=" ", timespec="minutes" if not local.second else "seconds")
        try:
            self._stored = (text, resolve_local(local, zone, fold=local.fold))
        except TimeParseError:  # the zone's rules changed under it: read it afresh
            self._stored = None
        self.edit.setText(text)
        self.reparse()  # also when the text was already the same

    def reparse(self) -> None:
        self._parsed, self._choices = None, ()
        self._ask("", ())
        show_error(self.error, self.edit, "")
        text = self.edit.text()
        if self._zone is None or not text.strip():
            self._show_echo(HINT if self._zone is not None else "")
        elif self._stored and self._stored[0] == text and self._stored[1].zone == self._zone:
            self._accept(self._stored[1])
        else:
            self._parse(text, self._zone)
        self.changed.emit()

    def _parse(self, text: str, zone: str) -> None:
        try:
            parsed = parse_when(
                text,
                zone=zone,
                now=self._clock.now(),
                day_first=self._day_first,
                my_zone=self._my_zone,  # day words count from the person's own day
            )
        except AmbiguousTime as question:
            self._show_echo("")
            self._ask(question.message, question.choices)
        except TimeParseError as error:
            self._show_echo("")
            show_error(self.error, self.edit, error.message)
        else:
            self._accept(parsed)

    def _ask(self, message: str, choices: tuple[ParsedTime, ...]) -> None:
        self._choices = choices
        self.question.setText(message)
        self.question.setVisible(bool(choices))
        self.choice.clear()
        self.choice.addItems([c.echo for c in choices])
        keys = [_key(c) for c in choices]
        self.choice.setCurrentIndex(keys.index(self._preferred) if self._preferred in keys else -1)
        self.choice.setVisible(bool(choices))
        if self.choice.currentIndex() >= 0:
            self._accept(choices[self.choice.currentIndex()])

    def _chosen(self, index: int) -> None:
        if 0 <= index < len(self._choices):
            self._preferred = _key(self._choices[index])
            self._accept(self._choices[index])
            self.changed.emit()

    def _accept(self, parsed: ParsedTime) -> None:
        self._parsed = parsed
        lines = [parsed.echo]
        if not same_offset(parsed.instant, parsed.zone, self._my_zone):
            mine = long_text(parsed.instant, self._my_zone, self._clock_24h)
            lines.append(f"Your time: {mine} ({self._my_zone})")
        if parsed.notes:
            lines.append(f"Read as: {'; '.join(parsed.notes)}.")
        self._show_echo("\n".join(lines))

    def _show_echo(self, text: str) -> None:
        self.echo.setText(text)
        self.echo.setVisible(bool(text))
        self.edit.setAccessibleDescription(text)
